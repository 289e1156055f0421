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
