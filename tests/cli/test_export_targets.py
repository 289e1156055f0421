"""From the command line: every kind of export lands under its own name, -o means the same
for all, and no export replaces the brief or its backup."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefbook.cli import main

TRIP = Path(__file__).parents[1] / "data" / "trip" / "two-cities.brief.yaml"
KINDS = (
    [],
    ["--pocket-card"],
    ["--itinerary-for", "Bob"],
    ["--profile", "email"],
    ["--copies", "2"],
)


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    target = tmp_path / "B.brief.yaml"
    shutil.copy(TRIP, target)
    return target


def pdfs(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob("*.pdf"))


def test_every_kind_has_its_own_default_name(brief: Path) -> None:
    for kind in KINDS:
        assert main(["export", str(brief), "--reproducible", *kind]) == 0
    assert pdfs(brief.parent) == [
        "2025-09-15 Working visit to Italy and France copy 01.pdf",
        "2025-09-15 Working visit to Italy and France copy 02.pdf",
        "2025-09-15 Working visit to Italy and France email.pdf",
        "2025-09-15 Working visit to Italy and France itinerary Bob.pdf",
        "2025-09-15 Working visit to Italy and France pocket card.pdf",
        "2025-09-15 Working visit to Italy and France.pdf",
    ]
    card = PdfReader(brief.parent / "2025-09-15 Working visit to Italy and France pocket card.pdf")
    dossier = PdfReader(brief.parent / "2025-09-15 Working visit to Italy and France.pdf")
    assert card.pages[0].mediabox.width < dossier.pages[0].mediabox.width


@pytest.mark.parametrize("kind", KINDS, ids=["dossier", "pocket", "itinerary", "email", "copies"])
def test_o_ending_in_a_slash_is_a_new_folder(brief: Path, kind: list[str]) -> None:
    out = brief.parent / "out" / "new"
    assert main(["export", str(brief), "-o", f"{out}/", *kind]) == 0
    assert pdfs(out) and all(name.startswith("2025-09-15 Working visit") for name in pdfs(out))
    again = main(["export", str(brief), "-o", str(out), *kind])  # existing: a folder still
    assert again == 0 and len(pdfs(out)) == (2 if "--copies" in kind else 1)


@pytest.mark.parametrize("kind", KINDS, ids=["dossier", "pocket", "itinerary", "email", "copies"])
def test_a_file_in_a_missing_folder_is_refused_alike(
    brief: Path, kind: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = brief.parent / "missing" / "x.pdf"
    assert main(["export", str(brief), "-o", str(missing), *kind]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        f"briefbook: {missing.parent}: no such folder; create it first, or end -o "
        "with / to export into a new folder of that name"
    )
    assert not missing.parent.exists()


@pytest.mark.parametrize("name", ["B.brief.yaml", "B.brief.yaml~"])
def test_never_onto_the_brief_or_its_backup(brief: Path, name: str) -> None:
    backup = brief.with_name("B.brief.yaml~")
    backup.write_text("the backup\n", encoding="utf-8")
    before = brief.read_bytes()
    run = subprocess.run(
        [sys.executable, "-m", "briefbook", "export", str(brief), "-o", str(brief.parent / name)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    (line,) = run.stderr.splitlines()
    assert "is a brief file; an export never replaces a brief or its backup" in line
    assert brief.read_bytes() == before and backup.read_text(encoding="utf-8") == "the backup\n"


def test_itineraries_of_look_alike_names_each_get_a_file(brief: Path) -> None:
    text = brief.read_text(encoding="utf-8").replace(
        "participants: [Bob]}", "participants: [Bob, Bob., Bob?]}"
    )
    brief.write_text(text, encoding="utf-8")
    assert main(["export", str(brief), "--all-itineraries"]) == 0
    names = [name for name in pdfs(brief.parent) if "itinerary" in name]
    assert names == [
        "2025-09-15 Working visit to Italy and France itinerary Bob (2).pdf",
        "2025-09-15 Working visit to Italy and France itinerary Bob (3).pdf",
        "2025-09-15 Working visit to Italy and France itinerary Bob.pdf",
    ]
    owners = {name: PdfReader(brief.parent / name).pages[0].extract_text() for name in names}
    assert any("Bob?" in text for text in owners.values())
