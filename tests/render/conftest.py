"""Helpers for reading rendered PDFs back: text per page, fonts, outline, links."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from briefbook.core import model as m
from briefbook.render.api import render_pdf
from briefbook.render.options import RenderOptions, RenderResult

SPECIMEN = (
    "Accents: naïve café déjà vu; quotes: “curly” ‘single’; dashes: en – em —; "
    "euro: € 1 000; Polish: ąęłńśźż ĄĘŁŃŚŹŻ; Greek: Αθήνα καλημέρα; Cyrillic: Москва привет."
)


def render(brief: m.Brief, **options: object) -> tuple[RenderResult, PdfReader]:
    """Render a brief and open the PDF with pypdf."""
    result = render_pdf(brief, RenderOptions(**options))  # type: ignore[arg-type]
    return result, PdfReader(io.BytesIO(result.pdf))


def page_texts(reader: PdfReader) -> list[str]:
    """The extracted text of every page."""
    return [page.extract_text() or "" for page in reader.pages]


def placed_text(reader: PdfReader, index: int) -> list[tuple[str, float, float]]:
    """The text runs of a page with the (x, y) where each starts, forms included."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = cm[4] + tm[4] * cm[0] + tm[5] * cm[2]
            y = cm[5] + tm[4] * cm[1] + tm[5] * cm[3]
            found.append((text.strip(), x, y))

    reader.pages[index].extract_text(visitor_text=visit)
    return found


def page_index(reader: PdfReader, page_ref: object) -> int:
    """The 0-based index of the page an indirect reference points at."""
    target = page_ref.idnum  # type: ignore[attr-defined]
    for i, page in enumerate(reader.pages):
        if page.indirect_reference is not None and page.indirect_reference.idnum == target:
            return i
    raise AssertionError(f"no page for {page_ref!r}")


def links(reader: PdfReader) -> Iterator[tuple[int, DictionaryObject]]:
    """Every link annotation with the index of the page it sits on."""
    for i, page in enumerate(reader.pages):
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link":
                yield i, annot


def flat_outline(reader: PdfReader) -> list[tuple[str, int, int]]:
    """The outline as (title, level, 0-based page) in document order."""
    found: list[tuple[str, int, int]] = []

    def walk(items: list, level: int) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((item.title, level, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def fonts_used(reader: PdfReader) -> set[tuple[str, str, bool]]:
    """(BaseFont, Subtype, has embedded FontFile2) of every font in page and form resources."""
    found: set[tuple[str, str, bool]] = set()

    def walk(resources: object) -> None:
        if resources is None:
            return
        res = resources.get_object()  # type: ignore[attr-defined]
        for ref in (res.get("/Font") or {}).values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            embedded = desc is not None and "/FontFile2" in desc.get_object()
            found.add((str(font["/BaseFont"]), str(font["/Subtype"]), embedded))
        for ref in (res.get("/XObject") or {}).values():
            xobj = ref.get_object()
            if xobj.get("/Subtype") == "/Form":
                walk(xobj.get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return found


def make_brief(
    sections: list[m.Section] | None = None,
    *,
    status: str = "draft",
    marking: str = "RESTRICTED",
    title: str = "Visit to Italy",
    **meta: object,
) -> m.Brief:
    """A brief with a filled-in cover and the given sections."""
    return m.Brief(
        meta=m.Meta(
            title=title,
            subtitle="Briefing book",
            dates=m.DateRange(dt.date(2025, 6, 12), None),
            location="Rome",
            organisation="Office of the Secretary General",
            prepared_by="Policy Planning Unit",
            marking=marking,
            version="3",
            status=status,  # type: ignore[arg-type]
            keywords=["Italy", "Mediterranean"],
            **meta,  # type: ignore[arg-type]
        ),
        sections=sections if sections is not None else [],
    )


def rich_sections() -> list[m.Section]:
    """A few sections using every block kind (no images)."""
    table = m.TableBlock(
        ["Initiative", "Objective", "Timeline"],
        [["Joint Naval Exercises", "Improve coordination and readiness", "Q3 2025 onwards"]],
        "Initiatives",
    )
    schedule = m.ScheduleBlock(
        [
            m.ScheduleEntry(
                dt.date(2025, 6, 12),
                dt.time(9),
                dt.time(9, 45),
                "Meeting with the Minister",
                "Palazzo Baracchini",
                ["Minister of Defence"],
                "closed",
                "Bilateral.",
            ),
            m.ScheduleEntry(dt.date(2025, 6, 13), dt.time(8), None, "Departure", "Ciampino"),
        ]
    )
    return [
        m.Section(
            "Purpose", [m.TextBlock(SPECIMEN), m.NoteBlock("Mind the time.", "Key", "warning")]
        ),
        m.Section("Schedule", [schedule]),
        m.Section(
            "Key points",
            [
                m.BulletsBlock([m.ListItem("One", [m.ListItem("One a")]), m.ListItem("Two")]),
                table,
                m.NumberedBlock([m.ListItem("First"), m.ListItem("Second")]),
            ],
            subsections=[
                m.Section("Discussion", [m.TextBlock("Talk.")]),
                m.Section("Defensive lines", [m.TextBlock("Deflect.")]),
            ],
        ),
        m.Section(
            "Recommendations",
            [
                m.RecommendationsBlock(
                    [
                        m.Recommendation(
                            "Expand exercises", "Hybrid threats.", "Defence Policy", "high"
                        ),
                        m.Recommendation("Share intelligence", "", "", "low"),
                    ]
                )
            ],
        ),
        m.Section(
            "People",
            [m.PeopleBlock([m.Person("Giulia Rossi", "Minister", "Government", "JOO-lee-ah")])],
        ),
        m.Section(
            "Contacts",
            [
                m.ContactsBlock(
                    [m.Contact("Anna Verdi", "Protocol", "+39 06 1234", "anna@example.org")]
                )
            ],
        ),
    ]


@pytest.fixture
def rich_brief() -> m.Brief:
    """A brief with every block kind except images."""
    return make_brief(rich_sections())


@pytest.fixture
def image_dir(tmp_path: Path) -> Path:
    """A folder with a good PNG, a good JPEG, a truncated JPEG and a non-image."""
    import random

    from PIL import Image

    noise = random.Random(7).randbytes(300 * 200 * 3)
    img = Image.frombytes("RGB", (300, 200), noise)
    img.save(tmp_path / "good.png")
    img.save(tmp_path / "good.jpg", quality=90)
    data = (tmp_path / "good.jpg").read_bytes()
    (tmp_path / "truncated.jpg").write_bytes(data[: len(data) // 2])
    (tmp_path / "notes.png").write_text("this is not a picture")
    return tmp_path
