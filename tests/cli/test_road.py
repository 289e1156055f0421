"""The command line for the road: itineraries, pocket cards, changes pages and diff."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefbook.cli import main
from briefbook.core.distribution.itinerary import schedule_entries
from briefbook.core.fileformat import load

DATA = Path(__file__).parents[1] / "data" / "changes"


@pytest.fixture
def briefs(tmp_path: Path) -> tuple[Path, Path]:
    for name in ("harbour-v2.brief.yaml", "harbour-v3.brief.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / "harbour-v2.brief.yaml", tmp_path / "harbour-v3.brief.yaml"


def text(pdf: Path) -> str:
    pages = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    return " ".join(pages.replace("\u00a0", " ").split())


def test_itinerary_holds_exactly_the_persons_entries(
    briefs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, new = briefs
    assert main(["export", str(new), "--itinerary-for", "policy adviser"]) == 0
    pdf = new.parent / "2025-10-25 Harbour forum v3 itinerary Policy Adviser.pdf"
    assert str(pdf) in capsys.readouterr().out
    printed = text(pdf)
    assert "Personal itinerary: Policy Adviser" in printed
    for entry in schedule_entries(load(new)):
        attends = "Policy Adviser" in entry.participants
        assert (entry.title in printed) == attends, entry.title
    assert "Protocol desk" in printed  # the contact sheet comes along
    assert "Key points" not in printed


def test_all_itineraries_one_file_each(
    briefs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, new = briefs
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(new), "--all-itineraries", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        f"2025-10-25 Harbour forum v3 itinerary {name}.pdf"
        for name in ("Chief of Staff", "Envoy", "Policy Adviser", "Press Officer")
    ]
    assert len(capsys.readouterr().out.splitlines()) == 4


def test_unknown_person_suggests_the_nearest(
    briefs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, new = briefs
    assert main(["export", str(new), "--itinerary-for", "Chef of Staff"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean 'Chief of Staff'?" in err


def test_pocket_card(briefs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    _, new = briefs
    assert main(["export", str(new), "--pocket-card"]) == 0
    pdf = new.parent / "2025-10-25 Harbour forum v3 pocket card.pdf"
    assert f"{pdf}: 3 cards" in capsys.readouterr().out
    reader = PdfReader(pdf)
    assert {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    } == {(298, 420)}
    printed = text(pdf)
    for entry in schedule_entries(load(new)):
        assert entry.title in printed


def test_personal_pocket_card(briefs: tuple[Path, Path], tmp_path: Path) -> None:
    _, new = briefs
    out = tmp_path / "card.pdf"
    assert (
        main(
            [
                "export",
                str(new),
                "--pocket-card",
                "--itinerary-for",
                "Press Officer",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    printed = text(out)
    assert "Harbour tour" in printed and "Dinner hosted" not in printed


def test_changes_page_in_the_export(briefs: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = briefs
    out = tmp_path / "with-changes.pdf"
    assert main(["export", str(new), "--changes-since", str(old), "-o", str(out)]) == 0
    reader = PdfReader(out)
    page = " ".join(reader.pages[2].extract_text().split())
    assert "Changes since version 2" in page
    assert "CANCELLED Sun 26 Oct 08:00–08:45 Breakfast with the ambassadors" in page


def test_an_itinerarys_changes_page_is_about_that_person(
    briefs: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = briefs
    out = tmp_path / "press.pdf"
    assert (
        main(
            [
                "export",
                str(new),
                "--itinerary-for",
                "Press Officer",
                "--changes-since",
                str(old),
                "-o",
                str(out),
            ]
        )
        == 0
    )
    page = " ".join(PdfReader(out).pages[2].extract_text().split())
    assert "Harbour tour: now Sun 26 Oct" in page
    assert "Minister of Transport" not in page  # not the Press Officer's meeting
    assert "Logistics" not in page


def test_refused_combinations(
    briefs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = briefs
    assert main(["export", str(new), "--pocket-card", "--changes-since", str(old)]) == 2
    assert "no changes page" in capsys.readouterr().err
    assert main(["export", str(new), "--pocket-card", "--page-size", "A4"]) == 2
    assert "always A6" in capsys.readouterr().err
    assert main(["export", str(new), "--itinerary-for", "Envoy", "--all-itineraries"]) == 2
    capsys.readouterr()


def test_diff_prints_every_change(
    briefs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = briefs
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Changes since version 2 (from {old} to {new}): 18 changes"
    assert "Schedule" in out
    assert "  cancelled  Sun 26 Oct 08:00–08:45 Breakfast with the ambassadors" in out
    assert (
        "  changed    row “Pilot exchange” in “Initiatives under discussion”: Timeline: "
        "[-Q3-]{+Q4+} 2025 [-onwards-]"
    ) in out


def test_diff_of_identical_briefs(
    briefs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, new = briefs
    assert main(["diff", str(new), str(new)]) == 0
    assert capsys.readouterr().out.strip().endswith(": no changes")


def test_diff_exit_code_says_whether_the_briefs_differ(
    briefs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = briefs
    assert main(["diff", "--exit-code", str(old), str(new)]) == 1
    assert main(["diff", "--exit-code", str(new), str(new)]) == 0
    assert capsys.readouterr().out.strip().endswith(": no changes")


def test_diff_of_a_missing_file_exits_2(
    briefs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, new = briefs
    assert main(["diff", str(tmp_path / "nope.brief.yaml"), str(new)]) == 2
    assert "no such file" in capsys.readouterr().err
