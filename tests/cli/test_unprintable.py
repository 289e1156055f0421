"""The command line names characters no shipped font prints: validate at their line and
column, export as a warning; names in every script validate clean and export as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from briefbook.cli import main

BRIEF = """briefbook: 1
meta:
  title: Visit to 北京
  dates:
    start: 2025-09-15
sections:
- title: Interlocutors
  blocks:
  - text: Talks with 王毅 and وزير الخارجية then 윤석열 → ✓ ☎
  - bullets:
    - A flamingo 🦩 for the host
    - "Linear B: \U00010000, private: \ue000"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "trip.brief.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_names_each_unprintable_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, BRIEF)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    lines = BRIEF.splitlines()
    col = (
        lines[10].index("🦩") + 1,
        lines[11].index("\U00010000") + 1,
        lines[11].index("\ue000") + 1,
    )
    assert col == (18, 18, 30)  # 1-based, as for every other problem
    assert err == [
        f"{path}:11:{col[0]}: '🦩' U+1F9A9 FLAMINGO has no glyph in briefbook's fonts; "
        "it prints as [U+1F9A9]",
        f"{path}:12:{col[1]}: '𐀀' U+10000 LINEAR B SYLLABLE B008 A has no glyph in "
        "briefbook's fonts; it prints as [U+10000]",
        f"{path}:12:{col[2]}: '\\ue000' U+E000 (private use character) has no glyph in "
        "briefbook's fonts; it prints as [U+E000]",
    ]


def test_validate_passes_names_in_every_script(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = "\n".join(
        line for line in BRIEF.splitlines() if "flamingo" not in line and "Linear" not in line
    )
    clean = clean.replace("  - bullets:", "")
    path = _write(tmp_path, clean + "\n")
    assert main(["validate", str(path)]) == 0
    assert "no problems found" in capsys.readouterr().out


def test_export_warns_and_prints_the_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, BRIEF)
    out = tmp_path / "trip.pdf"
    assert main(["export", str(path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if line.endswith("(warning)")]
    assert len(warnings) == 3
    assert "'🦩' U+1F9A9 FLAMINGO has no glyph" in warnings[0]
    assert 'section "Interlocutors"' in warnings[0]
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "A flamingo [U+1F9A9] for the host" in text
    assert "Talks with 王毅 and وزير الخارجية then 윤석열 → ✓ ☎" in text


def test_pocket_card_export_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, BRIEF.replace("title: Visit to 北京", "title: Visit to 北京 🦩"))
    out = tmp_path / "card.pdf"
    assert main(["export", str(path), "--pocket-card", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "pocket card: '🦩' U+1F9A9 FLAMINGO has no glyph" in err


def test_validate_names_a_character_written_as_an_escape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, 'briefbook: 1\nmeta:\n  title: "Visit \\U0001F9A9"\n')
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"{path}: written as an escape: '🦩' U+1F9A9 FLAMINGO has no glyph in "
        "briefbook's fonts; it prints as [U+1F9A9]"
    ]
