"""meta.language and meta.labels: read, checked, written back; labels looked up."""

from __future__ import annotations

from pathlib import Path

from briefbook.core import fileformat
from briefbook.core.labels import label


def _load(tmp_path: Path, meta: str) -> tuple[object, list[str]]:
    path = tmp_path / "b.brief.yaml"
    path.write_text(f"briefbook: 1\nmeta:\n  title: T\n{meta}sections: []\n", encoding="utf-8")
    brief, problems = fileformat.parse(path.read_text(encoding="utf-8"), path)
    return brief, [f"{p.line}:{p.message}" for p in problems]


def test_language_and_labels_round_trip(tmp_path: Path) -> None:
    brief, problems = _load(tmp_path, "  language: fr-CA\n  labels:\n    contents: Sommaire\n")
    assert problems == []
    assert brief.meta.language == "fr-CA"  # type: ignore[attr-defined]
    assert brief.meta.labels == {"contents": "Sommaire"}  # type: ignore[attr-defined]
    out = tmp_path / "out.brief.yaml"
    fileformat.save(brief, out)  # type: ignore[arg-type]
    text = out.read_text(encoding="utf-8")
    assert "language: fr-CA" in text and "contents: Sommaire" in text


def test_a_malformed_language_is_named_at_its_line(tmp_path: Path) -> None:
    _brief, problems = _load(tmp_path, "  language: french!\n")
    assert len(problems) == 1 and problems[0].startswith("4:") and "language tag" in problems[0]


def test_english_is_the_default_and_the_fallback() -> None:
    assert label("contents") == "Contents"
    assert label("page_number", "xx", page=2, pages=9) == "Page 2 of 9"
    assert label("contents", "en", {"contents": "Index"}) == "Index"


def test_time_format_round_trips_and_is_checked(tmp_path: Path) -> None:
    brief, problems = _load(tmp_path, "  language: sv\n  time_format: 12h\n")
    assert problems == []
    assert brief.meta.time_format == "12h"  # type: ignore[attr-defined]
    out = tmp_path / "out.brief.yaml"
    fileformat.save(brief, out)  # type: ignore[arg-type]
    assert "time_format: 12h" in out.read_text(encoding="utf-8")
    _brief, problems = _load(tmp_path, "  time_format: 25h\n")
    assert len(problems) == 1 and "'24h'" in problems[0]


def test_validate_warns_once_for_a_language_without_words(tmp_path: Path) -> None:
    from briefbook.errors import Problem

    path = tmp_path / "b.brief.yaml"
    path.write_text(
        "briefbook: 1\nmeta:\n  title: T\n  language: ro\nsections:\n"
        "  - title: A\n    blocks:\n      - text: x\n",
        encoding="utf-8",
    )
    warnings: list[Problem] = []
    assert fileformat.validate(path, warnings) == []
    assert len(warnings) == 1 and "'ro'" in warnings[0].message and warnings[0].line == 4


def test_a_bad_label_override_is_named(tmp_path: Path) -> None:
    _brief, problems = _load(
        tmp_path, "  labels:\n    contnets: Sommaire\n    page_number: Seite {seite}\n"
    )
    assert len(problems) == 2
    assert "did you mean 'contents'" in problems[0] and "{page}" in problems[1]
