"""One dossier, every kind of export: editions page by page, numbered copies, e-mail size.

The dossier (tests/data/dossier.brief.yaml) has four markings, three editions,
tagged sections and photos, which the tests draw with Pillow.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject
from support.photos import dossier_pictures

from briefbook.cli import main
from tests.cli.test_editions_export import every_text
from tests.render.conftest import flat_outline, fonts_used, placed_text

DOSSIER = Path(__file__).parents[1] / "data" / "dossier.brief.yaml"
P, IN, R, C = "PUBLIC", "INTERNAL", "RESTRICTED", "CONFIDENTIAL"
#: Every section's title and a sentence of its text.
SECTIONS = {
    "Programme": "The summit opens at the Grand Harbour",
    "Participants": "led the last two rounds of the harbour talks",
    "Press lines": "Lines to take that staff keep to themselves",
    "Objectives": "Internal objectives for the first session",
    "Negotiating position": "Our fallback is a phased timetable",
    "Red lines": "Never accept the dredging clause",
    "Approach map": "Approaches to the harbour, with the disputed anchorage",
    "Annex": "Assessment of the counterpart from the embassy",
}
#: Per edition: the marking every page must carry, top and bottom, and the sections kept.
EXPECTED = {
    "principal": ([C, C, P, P, P, IN, IN, R, C, R, C], list(SECTIONS)),
    "delegation": (
        [R, R, P, P, P, IN, IN, R],
        ["Programme", "Participants", "Press lines", "Objectives", "Negotiating position"],
    ),
    "press": ([P, P, P, P], ["Programme", "Participants"]),
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dossier")
    target = folder / "summit.brief.yaml"
    shutil.copy(DOSSIER, target)
    dossier_pictures(folder)
    return target


def export(dossier: Path, out: Path, *options: str) -> Path:
    assert main(["export", str(dossier), "-o", str(out), "--reproducible", *options]) == 0
    return out


def banners(reader: PdfReader, index: int) -> tuple[list[str], list[str]]:
    """The words printed in the top and the bottom marking lines of a page."""
    height = float(reader.pages[index].mediabox.height)
    runs = [run for run in placed_text(reader, index) if not run[0].startswith("Page ")]
    top = [text for text, _, y in runs if y > height - 40]
    bottom = [text for text, _, y in runs if y < 30]
    return top, bottom


@pytest.mark.parametrize("edition", list(EXPECTED))
def test_each_edition_is_marked_page_by_page(dossier: Path, tmp_path: Path, edition: str) -> None:
    reader = PdfReader(export(dossier, tmp_path / "e.pdf", "--edition", edition))
    markings, kept = EXPECTED[edition]
    assert len(reader.pages) == len(markings)
    for index, marking in enumerate(markings):
        assert banners(reader, index) == ([marking], [marking]), f"page {index + 1}"
    outline = [title.split(" ", 2)[-1] for title, _, _ in flat_outline(reader)]
    assert outline == kept
    contents = reader.pages[1].extract_text()
    text = every_text(Path(tmp_path / "e.pdf"))
    for title, sentence in SECTIONS.items():
        if title in kept:
            assert title in contents and sentence in text
        else:
            assert title not in contents, title
            assert sentence not in text, sentence


def test_copies_are_stamped_on_the_cover_and_every_footer(dossier: Path, tmp_path: Path) -> None:
    out = tmp_path / "copies"
    out.mkdir()
    assert (
        main(["export", str(dossier), "--edition", "press", "--copies", "3", "-o", str(out)]) == 0
    )
    files = sorted(out.iterdir())
    assert [f.name for f in files] == [
        f"2025-11-04 Harbour summit v4 press copy 0{n}.pdf" for n in (1, 2, 3)
    ]
    for number, file in enumerate(files, start=1):
        reader = PdfReader(file)
        stamp = f"Copy {number} of 3"
        cover = [text for text, _, y in placed_text(reader, 0) if y > 700]
        assert stamp in cover
        assert "Edition: press" not in reader.pages[0].extract_text()
        for index in range(1, len(reader.pages)):
            footer = [text for text, _, y in placed_text(reader, index) if 30 < y < 60]
            assert stamp in footer and any("Edition: press" in t for t in footer), index


def test_recipients_are_named_as_typed(dossier: Path, tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("# who gets one\nJane Doe\n\nO'Brien <b>&</b> Co\n", encoding="utf-8")
    out = tmp_path / "talks.pdf"
    assert main(["export", str(dossier), "--recipients", str(names), "-o", str(out)]) == 0
    assert not out.exists()
    second = tmp_path / "talks copy 02 O'Brien b & b Co.pdf"
    reader = PdfReader(second)
    stamp = "Copy 2 of 2 – O'Brien <b>&</b> Co"
    assert all(stamp in page.extract_text() for page in reader.pages)
    assert (
        "Copy 1 of 2 – Jane Doe"
        in PdfReader(tmp_path / "talks copy 01 Jane Doe.pdf").pages[0].extract_text()
    )


def test_copies_and_password_together(dossier: Path, tmp_path: Path) -> None:
    secret = tmp_path / "pw.txt"
    secret.write_text("harbour-2025\n", encoding="utf-8")
    out = tmp_path / "locked.pdf"
    assert (
        main(
            [
                "export",
                str(dossier),
                "--edition",
                "press",
                "--copies",
                "2",
                "-o",
                str(out),
                "--password-file",
                str(secret),
            ]
        )
        == 0
    )
    for number in (1, 2):
        reader = PdfReader(tmp_path / f"locked copy 0{number}.pdf")
        assert reader.is_encrypted and not reader.decrypt("wrong")
        reader = PdfReader(tmp_path / f"locked copy 0{number}.pdf")
        assert reader.decrypt("harbour-2025")
        assert f"Copy {number} of 2" in reader.pages[0].extract_text()


def image_filters(reader: PdfReader) -> list[str]:
    """The compression filter of every picture in the file."""
    found = []
    for number in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(IndirectObject(number, 0, reader))
        if isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Image":
            names = obj.get("/Filter")
            found.append(" ".join(str(n) for n in names) if isinstance(names, list) else str(names))
    return found


def test_email_profile_is_much_smaller_than_print(
    dossier: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    printed = export(dossier, tmp_path / "print.pdf", "--profile", "print")
    emailed = export(dossier, tmp_path / "email.pdf", "--profile", "email")
    print_size, email_size = printed.stat().st_size, emailed.stat().st_size
    assert email_size * 10 < print_size, (print_size, email_size)
    assert "target: under 10.0 MB" in capsys.readouterr().err
    for pdf in (printed, emailed):
        fonts = fonts_used(PdfReader(pdf))
        assert fonts and all(embedded and name[7] == "+" for name, _, embedded in fonts)
    filters = image_filters(PdfReader(emailed))
    assert filters.count("/DCTDecode") == 3  # the three photos
    # The badge (with its transparency mask) and the map stay lossless.
    assert sorted(filters).count("/FlateDecode") == 3
    text = " ".join(page.extract_text() for page in PdfReader(emailed).pages)
    assert "Approaches to the harbour" in text
    lower = export(dossier, tmp_path / "lower.pdf", "--profile", "email", "--image-dpi", "72")
    assert lower.stat().st_size < email_size


def test_bad_numbers_exit_2(
    dossier: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(dossier), "--copies", "0"]) == 2
    assert "between 1 and" in capsys.readouterr().err
    assert main(["export", str(dossier), "--image-dpi", "5"]) == 2
    assert "between 30 and 1200" in capsys.readouterr().err
    assert main(["export", str(dossier), "--recipients", str(tmp_path / "none.txt")]) == 2
    assert "none.txt" in capsys.readouterr().err
    assert main(["export", str(dossier), "--copies", "2", "--pocket-card"]) == 2
    assert "not numbered" in capsys.readouterr().err
    assert list(dossier.parent.glob("*.pdf")) == []
