"""Fuzzing the renderer: random briefs, tables, picture paths and picture bytes.

Whatever the input, rendering gives a PDF that pypdf opens with the page count
reported, or a RenderError (our BriefbookError) with a message; never another
exception, and never a picture from outside the brief's folder.

``BRIEFBOOK_FUZZ_SCALE`` multiplies the number of cases (1 in the normal run).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from briefbook.core import model as m
from briefbook.errors import BriefbookError, RenderError
from briefbook.render.api import export_pdf, render_pdf
from briefbook.render.options import RenderOptions, RenderResult
from briefbook.render.pictures.loading import ImageFailure, LoadedImage, decode_image
from tests.support.strategies import briefs

SCALE = max(1, int(os.environ.get("BRIEFBOOK_FUZZ_SCALE", "1")))


def fuzz(examples: int):  # type: ignore[no-untyped-def]
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        derandomize=SCALE == 1,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )


def opens(result: RenderResult) -> PdfReader:
    """The PDF opens, every page can be read, and it has the pages reported."""
    reader = PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) == result.page_count
    for page in reader.pages:
        page.extract_text()
    return reader


def render_or_refuse(brief: m.Brief, options: RenderOptions | None = None) -> RenderResult | None:
    try:
        return render_pdf(brief, options)
    except RenderError as error:
        assert str(error)
        return None


@fuzz(60)
@given(briefs())
def test_random_briefs_render_or_fail_with_our_error(brief: m.Brief) -> None:
    result = render_or_refuse(brief)
    if result is not None:
        opens(result)
        assert all(warning.message for warning in result.warnings)


@fuzz(15)
@given(briefs())
def test_random_briefs_export_files_that_open(
    tmp_path_factory: pytest.TempPathFactory, brief: m.Brief
) -> None:
    target = tmp_path_factory.mktemp("export") / "dossier.pdf"
    try:
        result = export_pdf(brief, target)
    except BriefbookError as error:
        assert str(error) and not target.exists()
        return
    assert target.read_bytes() == result.pdf
    opens(result)


MARKUP = st.sampled_from(
    [
        "<",
        ">",
        "&",
        "&amp;",
        "&#0;",
        "<b>",
        "</i>",
        "<br/>",
        "<para>",
        '<img src="/etc/passwd"/>',
        "<font size=90>",
        "**",
        "*",
        "[",
        "](",
        ")",
        "javascript:",
        "file:///",
        "\n",
        "\n\n",
        "\t",
        "\x00",
        "\u200b",
        "\u202e",
        "€",
        "Ж",
        "ł",
        "\U0001f600",
        " ",
        "-" * 40,
    ]
)
cell_text = st.lists(MARKUP | st.text(max_size=12), max_size=12).map("".join)
#: A cell long enough to split across pages (a row taller than a page).
long_cell = st.integers(0, 900).map(lambda n: ("word " * n).strip())
columns = st.lists(cell_text, min_size=0, max_size=12)
rows = st.lists(st.lists(cell_text, max_size=14), max_size=12)


@fuzz(40)
@given(columns, rows, cell_text, st.none() | st.tuples(st.integers(0, 20), long_cell))
def test_random_tables_render(
    header: list[str], body: list[list[str]], caption: str, long: tuple[int, str] | None
) -> None:
    if long is not None and body:  # one cell (of a ragged row, maybe) runs over pages
        row = body[long[0] % len(body)]
        row.insert(long[0] % (len(row) + 1), long[1])
    brief = m.Brief(
        meta=m.Meta(title=caption),
        sections=[
            m.Section(
                "Table",
                [
                    m.TableBlock(header, body, caption=caption),
                    m.ContactsBlock([m.Contact(*(row + [""] * 5)[:5]) for row in body[:4]]),
                    m.ScheduleBlock(
                        [
                            m.ScheduleEntry(
                                title=(row or [""])[0],
                                place=caption,
                                participants=row[:5],
                                notes=caption,
                            )
                            for row in body[:6]
                        ]
                    ),
                ],
            )
        ],
    )
    result = render_or_refuse(brief)
    if result is not None:
        opens(result)


@fuzz(40)
@given(st.lists(MARKUP | st.text(max_size=10), max_size=40).map("".join))
def test_markup_in_every_field_stays_text(text: str) -> None:
    brief = m.Brief(
        meta=m.Meta(
            title=text,
            subtitle=text,
            location=text,
            organisation=text,
            prepared_by=text,
            marking=text[:30],
            version=text[:10],
            keywords=[text],
        ),
        sections=[
            m.Section(
                text,
                [
                    m.TextBlock(text),
                    m.BulletsBlock([m.ListItem(text, [m.ListItem(text)])]),
                    m.NoteBlock(text, text, "warning"),
                    m.RecommendationsBlock([m.Recommendation(text, text, text, "high")]),
                    m.PeopleBlock([m.Person(text, text, text, text, "", text)]),
                ],
                subsections=[m.Section(text, [m.TextBlock(text)])],
            )
        ],
    )
    result = render_or_refuse(brief)
    if result is not None:
        reader = opens(result)
        assert all(not page.images for page in reader.pages)
        assert b"/JavaScript" not in result.pdf and b"/Launch" not in result.pdf


PATH_PARTS = st.sampled_from(
    [
        "..",
        ".",
        "/",
        "~",
        "images",
        "ok.png",
        "/etc/passwd",
        "\x00",
        "//",
        "\\",
        "..\\..",
        "C:",
        "file:",
        "%2e%2e",
        " ",
        "x" * 300,
        "outside.png",
        "../outside.png",
    ]
)
picture_paths = st.lists(PATH_PARTS | st.text(max_size=6), min_size=1, max_size=8).map("/".join)


@pytest.fixture(scope="module")
def picture_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A brief's folder holding one picture, with another picture just outside it."""
    root = tmp_path_factory.mktemp("pictures")
    folder = root / "brief"
    (folder / "images").mkdir(parents=True)
    Image.new("RGB", (30, 20), (10, 20, 200)).save(folder / "images" / "ok.png")
    Image.new("RGB", (30, 20), (200, 20, 10)).save(folder / "ok.png")
    Image.new("RGB", (30, 20), (90, 90, 10)).save(root / "outside.png")
    return folder


@fuzz(80)
@given(picture_paths, picture_paths)
def test_random_picture_paths_never_reach_outside(
    picture_folder: Path, path: str, logo: str
) -> None:
    brief = m.Brief(
        meta=m.Meta(title="Paths", logo=logo),
        sections=[
            m.Section(
                "Maps", [m.ImageBlock(path, "caption"), m.PeopleBlock([m.Person("P", photo=path)])]
            )
        ],
    )
    brief.source = picture_folder / "visit.brief.yaml"
    result = render_or_refuse(brief)
    assert result is not None
    reader = opens(result)
    outside = (picture_folder.parent / "outside.png").read_bytes()
    for page in reader.pages:
        for image in page.images:
            assert image.image is not None and image.image.size == (30, 20)
            assert image.image.convert("RGB").getpixel((0, 0)) != (90, 90, 10), outside[:0]


def _sample_pictures() -> list[bytes]:
    found = []
    for mode, fmt in [
        ("RGB", "PNG"),
        ("RGBA", "PNG"),
        ("L", "PNG"),
        ("LA", "PNG"),
        ("P", "PNG"),
        ("1", "PNG"),
        ("I;16", "PNG"),
        ("RGB", "JPEG"),
        ("L", "JPEG"),
        ("CMYK", "JPEG"),
    ]:
        buffer = io.BytesIO()
        Image.new(mode, (24, 16)).save(buffer, fmt)
        found.append(buffer.getvalue())
    return found


SAMPLES = _sample_pictures()


@st.composite
def damaged_pictures(draw: st.DrawFn) -> bytes:
    """A good PNG or JPEG, then bytes flipped, cut, repeated or overwritten."""
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(0, 6))):
        how = draw(st.sampled_from(["flip", "cut", "insert", "dimension"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if how == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif how == "cut":
            del data[at:]
        elif how == "insert":
            data[at:at] = draw(st.binary(max_size=64))
        else:
            data[at : at + 2] = draw(st.sampled_from([b"\xff\xff", b"\x4e\x20", b"\x00\x00"]))
    return bytes(data)


@fuzz(150)
@given(damaged_pictures())
def test_damaged_pictures_decode_or_fail_and_render(picture_folder: Path, data: bytes) -> None:
    decoded = decode_image(data)
    assert isinstance(decoded, LoadedImage | ImageFailure)
    if isinstance(decoded, ImageFailure):
        assert decoded.reason
        return
    target = picture_folder / "images" / "fuzzed.png"
    target.write_bytes(data)
    brief = m.Brief(sections=[m.Section("Pictures", [m.ImageBlock("images/fuzzed.png")])])
    brief.source = picture_folder / "visit.brief.yaml"
    result = render_or_refuse(brief)
    assert result is not None
    opens(result)


@pytest.mark.parametrize("index", range(len(SAMPLES)))
def test_every_kind_of_good_picture_is_embedded(picture_folder: Path, index: int) -> None:
    target = picture_folder / "images" / f"sample{index}.img"
    target.write_bytes(SAMPLES[index])
    brief = m.Brief(sections=[m.Section("Pictures", [m.ImageBlock(f"images/{target.name}")])])
    brief.source = picture_folder / "visit.brief.yaml"
    result = render_pdf(brief)
    assert result.warnings == []
    assert sum(len(page.images) for page in opens(result).pages) == 1
