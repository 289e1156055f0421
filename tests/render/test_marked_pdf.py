"""Markings read back from the PDF: portion marks before their portions, each page's
banner top and bottom, the cover and contents at the dossier's highest marking, the
authority block, the banner's colour and size, and an edition's bytes."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefbook.core import fileformat as ff
from briefbook.core import model as m
from briefbook.core.distribution.editions import apply_edition, find_edition
from briefbook.render.api import export_pdf, render_pdf
from briefbook.render.options import RenderOptions
from briefbook.render.theme import DEFAULT_THEME
from tests.cli.test_editions_export import every_text
from tests.render.conftest import flat_outline, placed_text

MARKED = Path(__file__).parents[1] / "data" / "marked.brief.yaml"
NF = "SECRET//NOFORN"
REL = "SECRET//REL TO USA, GBR"


def banners(reader: PdfReader, index: int) -> tuple[list[str], list[str]]:
    """The text of the top and the bottom banner of a page."""
    height = float(reader.pages[index].mediabox.height)
    runs = [run for run in placed_text(reader, index) if not run[0].startswith("Page ")]
    return (
        [text for text, _, y in runs if y > height - 40],
        [text for text, _, y in runs if y < 30],
    )


def pdf_of(brief: m.Brief, **options: object) -> PdfReader:
    result = render_pdf(brief, RenderOptions(reproducible=True, **options))  # type: ignore[arg-type]
    return PdfReader(io.BytesIO(result.pdf))


@pytest.fixture(scope="module")
def marked() -> m.Brief:
    return ff.load(MARKED)


@pytest.fixture(scope="module")
def full(marked: m.Brief) -> PdfReader:
    return pdf_of(marked)


def test_every_page_carries_the_highest_marking_printed_on_it(full: PdfReader) -> None:
    # Cover and contents: the dossier's highest; then Programme (a NOFORN entry),
    # Position (a NOFORN bullet and paragraph), Contacts (a NOFORN row), the station's.
    expected = [NF, NF, NF, NF, NF, NF]
    assert len(full.pages) == len(expected)
    for index, marking in enumerate(expected):
        assert banners(full, index) == ([marking], [marking]), f"page {index + 1}"


def test_the_banner_follows_what_is_left_on_the_page(marked: m.Brief) -> None:
    allies = pdf_of(apply_edition(marked, find_edition(marked, "allies")), edition="allies")
    # The cover and contents: the highest left (REL TO); Programme now CONFIDENTIAL,
    # Position its section's REL TO, Contacts UNCLASSIFIED (its NOFORN row is gone).
    expected = [REL, REL, "CONFIDENTIAL", REL, "UNCLASSIFIED"]
    assert [banners(allies, i) for i in range(len(allies.pages))] == [
        ([mark], [mark]) for mark in expected
    ]


def test_portion_marks_come_before_their_portions(full: PdfReader) -> None:
    position = full.pages[3].extract_text()
    order = [
        "(U) Position",
        "(S//REL TO USA, GBR) The partners share our aim",
        "(S//REL TO USA, GBR) Hold the line on the harbour fees",
        "(C) Agree the joint survey",
        "(S//NF) Our fallback is a phased timetable",
        "(S//NF) NOFORN assessment",
    ]
    at = [position.find(text) for text in order]
    assert -1 not in at, (at, position)
    assert at == sorted(at)
    programme = full.pages[2].extract_text()
    assert "(U) Arrival at the airport" in programme
    assert "(S//NF) Briefing with the station chief" in programme
    assert "(C) Working lunch with the partners" in programme
    contacts = full.pages[4].extract_text()
    assert "(U) Press desk" in contacts and "(S//NF) Liaison officer" in contacts


def test_contents_and_outline_show_headings_marks_as_printed(full: PdfReader) -> None:
    contents = full.pages[1].extract_text()
    for line in ("(U) Programme", "(U) Position", "(U) Contacts", "(S//NF) Station assessment"):
        assert line in contents
    titles = [title for title, _, _ in flat_outline(full)]
    assert titles == [
        "1 (U) Programme",
        "2 (U) Position",
        "3 (U) Contacts",
        "4 (S//NF) Station assessment",
    ]


def test_the_cover_carries_the_authority_block_lower_left(full: PdfReader) -> None:
    runs = placed_text(full, 0)
    lines = {text: (x, y) for text, x, y in runs}
    for label in ("Classified By:", "Derived From:", "Declassify On:"):
        assert label in lines, lines
    assert "Reason:" not in lines  # not given: not printed
    x, y = lines["Classified By:"]
    assert x < 80 and y < 120
    assert lines["Derived From:"][1] < y and lines["Declassify On:"][1] < lines["Derived From:"][1]
    cover = full.pages[0].extract_text()
    assert "A. Example, Director" in cover and "20501231" in cover


def _fill_colours(reader: PdfReader) -> set[tuple[float, ...]]:
    """Every non-stroking RGB colour set in the pages' streams and their forms."""
    found: set[tuple[float, ...]] = set()
    streams = []
    for page in reader.pages:
        streams.append(page.get_contents().get_data() if page.get_contents() else b"")
        for xobject in (page["/Resources"].get("/XObject") or {}).values():
            streams.append(xobject.get_object().get_data())
    for data in streams:
        for r, g, b in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) rg", data):
            found.add((round(float(r), 2), round(float(g), 2), round(float(b), 2)))
    return found


def _rgb(colour: object) -> tuple[float, ...]:
    return tuple(round(value, 2) for value in colour.rgb())  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "marking, colour",
    [
        ("UNCLASSIFIED", "#007a33"),
        ("PUBLIC", "#007a33"),
        ("CONFIDENTIAL", "#0033a0"),
        ("SECRET", "#c8102e"),
        ("TOP SECRET", "#ff8c00"),
        ("NATO UNCLASSIFIED", "#007a33"),
    ],
)
def test_the_banner_colour_follows_its_level(marking: str, colour: str) -> None:
    fill, _ink = DEFAULT_THEME.marking_colour(marking)
    assert fill is not None and fill.hexval().lower() == "0x" + colour[1:]
    brief = m.Brief(
        meta=m.Meta(title="x", marking=marking), sections=[m.Section("A", [m.TextBlock("x")])]
    )
    if marking not in m.DEFAULT_MARKINGS:
        brief.meta.marking_preset = "nato" if marking.startswith("NATO") else "us"
    assert _rgb(fill) in _fill_colours(pdf_of(brief))


def test_public_and_unclassified_are_never_red() -> None:
    red = DEFAULT_THEME.marking_colour("SECRET")[0]
    for marking in (
        "PUBLIC",
        "UNCLASSIFIED",
        "OFFICIAL",
        "CONFIDENTIAL",
        "CUI",
        "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    ):
        assert DEFAULT_THEME.marking_colour(marking)[0] != red
    assert DEFAULT_THEME.marking_colour("INTERNAL")[0] is None  # plain: ink, no box
    assert DEFAULT_THEME.marking_colour("SECRET//NOFORN")[0] == red


def test_the_banner_is_at_least_as_large_as_the_body_text(full: PdfReader) -> None:
    assert DEFAULT_THEME.marking_size >= DEFAULT_THEME.body_size
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() == NF:
            sizes.append(size * tm[0])

    full.pages[3].extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= DEFAULT_THEME.body_size


def test_an_edition_holds_no_trace_of_a_dropped_noforn_bullet(
    marked: m.Brief, tmp_path: Path
) -> None:
    out = tmp_path / "allies.pdf"
    export_pdf(
        apply_edition(marked, find_edition(marked, "allies")), out, RenderOptions(edition="allies")
    )
    text = every_text(out)
    assert "Hold the line on the harbour fees" in text
    for secret in (
        "Our fallback is a phased timetable",
        "phased timetable",
        "NOFORN assessment",
        "Liaison officer",
        "station chief",
        "Station assessment",
        "S//NF",
        "NOFORN",
    ):
        assert secret not in text, secret
    for secret in ("phased timetable", "Liaison officer"):  # nor in UTF-16 text strings
        assert secret.encode("utf-16-be") not in out.read_bytes()


def test_a_page_marks_its_rows_even_when_split(tmp_path: Path) -> None:
    rows = [[f"Row {i}", "x " * 40] for i in range(120)]
    marks = [""] * 119 + ["CONFIDENTIAL"]
    brief = m.Brief(
        meta=m.Meta(title="x", marking="PUBLIC"),
        sections=[m.Section("Long", [m.TableBlock(["A", "B"], rows, row_markings=marks)])],
    )
    reader = pdf_of(brief)
    tops = [banners(reader, i)[0] for i in range(2, len(reader.pages))]
    assert tops[:-1] == [["PUBLIC"]] * (len(tops) - 1)
    assert tops[-1] == ["CONFIDENTIAL"]
    assert banners(reader, 0)[0] == ["CONFIDENTIAL"]  # the cover: the dossier's highest


def test_the_pocket_card_obeys_the_same_rules(tmp_path: Path) -> None:
    from briefbook.cli import main

    brief = tmp_path / "harbour.brief.yaml"
    brief.write_bytes(MARKED.read_bytes())
    card, allies = tmp_path / "card.pdf", tmp_path / "allies-card.pdf"
    assert main(["export", str(brief), "--pocket-card", "-o", str(card)]) == 0
    assert (
        main(["export", str(brief), "--pocket-card", "--edition", "allies", "-o", str(allies)]) == 0
    )
    text = PdfReader(card).pages[0].extract_text()
    assert text.count(NF) == 2  # top and bottom
    assert "(S//NF) Briefing with the station chief" in text
    assert "(U) Arrival at the airport" in text
    text = every_text(allies)
    assert "station chief" not in text and "NOFORN" not in text
    assert PdfReader(allies).pages[0].extract_text().count("CONFIDENTIAL") == 2


def test_a_picture_with_its_caption_counts_with_its_own_marking(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (400, 300), "navy").save(tmp_path / "map.png")
    filler = [m.TextBlock("Filler paragraph. " * 60, marking="UNCLASSIFIED") for _ in range(6)]
    brief = m.Brief(
        meta=m.Meta(title="x", marking="UNCLASSIFIED", marking_preset="us"),
        sections=[
            m.Section(
                "Maps",
                [*filler, m.ImageBlock("map.png", "The disputed anchorage", marking="SECRET")],
            )
        ],
    )
    brief.source = tmp_path / "b.brief.yaml"
    reader = pdf_of(brief)
    text_pages = [
        i
        for i in range(len(reader.pages))
        if "disputed anchorage" in reader.pages[i].extract_text()
    ]
    assert text_pages and all(banners(reader, i)[0] == ["SECRET"] for i in text_pages)
    assert banners(reader, 2)[0] == ["UNCLASSIFIED"]
