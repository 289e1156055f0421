"""Exporting editions: a left-out section's text is nowhere in that edition's PDF."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject

from briefbook.cli import main

EDITIONS = Path(__file__).parents[1] / "data" / "editions.brief.yaml"
SECRETS = ["Zanzibar clause", "Assessment of the counterpart", "Red lines", "Annex"]


def every_text(pdf: Path) -> str:
    """The pages' text, the outline, the metadata and every decompressed stream."""
    reader = PdfReader(pdf)
    parts = [page.extract_text() for page in reader.pages]
    parts += [str(value) for value in (reader.metadata or {}).values()]

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                parts.append(str(item.title))

    walk(reader.outline)
    for number in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(IndirectObject(number, 0, reader))
        if isinstance(obj, StreamObject):
            parts.append(obj.get_data().decode("latin-1"))
    parts.append(pdf.read_bytes().decode("latin-1"))
    return "\n".join(parts)


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    target = tmp_path / "talks.brief.yaml"
    shutil.copy(EDITIONS, target)
    return target


def test_press_edition_leaves_out_restricted_text(brief: Path, tmp_path: Path) -> None:
    out = tmp_path / "press.pdf"
    assert main(["export", str(brief), "--edition", "press", "-o", str(out)]) == 0
    text = every_text(out)
    assert "public programme of the talks" in text
    for secret in [*SECRETS, "fallback is a phased", "Lines to take", "Internal objectives"]:
        assert secret not in text, secret


def test_principal_edition_holds_everything(brief: Path, tmp_path: Path) -> None:
    out = tmp_path / "principal.pdf"
    assert main(["export", str(brief), "--edition", "principal", "-o", str(out)]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    for secret in SECRETS:
        assert secret in text


def test_all_editions_one_file_each(brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(brief), "--all-editions"]) == 0
    names = sorted(p.name for p in brief.parent.glob("*.pdf"))
    assert names == [
        "2025-09-03 Ministerial talks v2 delegation.pdf",
        "2025-09-03 Ministerial talks v2 press.pdf",
        "2025-09-03 Ministerial talks v2 principal.pdf",
    ]
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_unknown_edition_exits_2(brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(brief), "--edition", "pres"]) == 2
    assert "did you mean 'press'" in capsys.readouterr().err


MARKED = Path(__file__).parents[1] / "data" / "marked.brief.yaml"


def test_an_edition_drops_one_noforn_bullet_and_keeps_the_rest(tmp_path: Path) -> None:
    brief = tmp_path / "harbour.brief.yaml"
    shutil.copy(MARKED, brief)
    out = tmp_path / "allies.pdf"
    assert main(["export", str(brief), "--edition", "allies", "-o", str(out)]) == 0
    text = every_text(out)
    for kept in (
        "Hold the line on the harbour fees",
        "Agree the joint survey",
        "The partners share our aim",
    ):
        assert kept in text
    for secret in (
        "Our fallback is a phased timetable",
        "NOFORN assessment",
        "Liaison officer",
        "station chief",
        "Station assessment",
    ):
        assert secret not in text, secret


def test_an_editions_itinerary_leaves_out_the_same(tmp_path: Path) -> None:
    brief = tmp_path / "harbour.brief.yaml"
    shutil.copy(MARKED, brief)
    full, allies = tmp_path / "full.pdf", tmp_path / "allies.pdf"
    assert main(["export", str(brief), "--itinerary-for", "Special Envoy", "-o", str(full)]) == 0
    assert (
        main(
            [
                "export",
                str(brief),
                "--itinerary-for",
                "Special Envoy",
                "--edition",
                "allies",
                "-o",
                str(allies),
            ]
        )
        == 0
    )
    assert "(S//NF) Briefing with the station chief" in every_text(full)
    text = every_text(allies)
    assert "(C) Working lunch with the partners" in text
    assert "station chief" not in text and "NOFORN" not in text
