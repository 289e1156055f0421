"""Each block kind, rendered and read back."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from briefbook.core import model as m
from briefbook.render.blocks.table import column_widths
from briefbook.render.pictures.loading import ImageFailure, LoadedImage, load_image
from tests.render.conftest import links, make_brief, page_texts, render


def one_section(*blocks: m.Block, title: str = "Section") -> m.Brief:
    return make_brief([m.Section(title, list(blocks))])


def body_text(brief: m.Brief) -> str:
    _, reader = render(brief)
    return "\n".join(page_texts(reader)[2:])


def test_table_split_across_pages_repeats_its_header() -> None:
    rows = [[f"Row {i}", f"Objective number {i}", "Q3 2025"] for i in range(150)]
    brief = one_section(m.TableBlock(["Initiative", "Objective", "Timeline"], rows))
    _result, reader = render(brief)
    body_pages = page_texts(reader)[2:]
    assert len(body_pages) >= 3
    for text in body_pages:
        assert "Initiative" in text and "Objective" in text and "Timeline" in text
    joined = "\n".join(body_pages)
    assert all(f"Row {i}\n" in joined or f"Row {i} " in joined for i in range(150))


def test_table_with_ragged_rows_is_padded_and_keeps_every_cell() -> None:
    brief = one_section(m.TableBlock(["A", "B"], [["1"], ["2", "x", "extra"], []]))
    text = body_text(brief)
    for cell in ("1", "2", "x", "extra"):
        assert cell in text


def test_table_row_taller_than_a_page_splits_inside_the_row() -> None:
    huge = "A very long cell that goes on and on. " * 600
    brief = one_section(m.TableBlock(["Topic", "Text"], [["Big", huge], ["Small", "short"]]))
    result, reader = render(brief)
    assert result.page_count >= 5
    assert "short" in page_texts(reader)[-1]


def test_long_words_and_urls_in_cells_wrap() -> None:
    url = "https://example.org/" + "very-long-path-segment/" * 20
    brief = one_section(m.TableBlock(["A", "B", "C"], [[url, "x" * 300, "ok"]]))
    result, _ = render(brief)
    assert result.page_count == 3


def test_column_widths_follow_the_content() -> None:
    widths = column_widths(
        ["No.", "Description"],
        [["1", "A long description of the item " * 3]] * 5,
        400,
        "BB-Sans",
        "BB-Sans-Bold",
        9,
        5,
    )
    assert abs(sum(widths) - 400) < 0.01
    assert widths[1] > 3 * widths[0]


def test_schedule_grouped_by_day() -> None:
    brief = one_section(
        m.ScheduleBlock(
            [
                m.ScheduleEntry(
                    dt.date(2025, 6, 12),
                    dt.time(9),
                    dt.time(9, 45),
                    "Meeting",
                    "Palazzo",
                    ["Minister", "Chief of Defence"],
                    "closed",
                    "Interpretation.",
                ),
                m.ScheduleEntry(
                    dt.date(2025, 6, 12),
                    dt.time(12),
                    None,
                    "Press conference",
                    "Chigi",
                    [],
                    "open",
                    "",
                ),
                m.ScheduleEntry(dt.date(2025, 6, 13), dt.time(8), None, "Departure", "Ciampino"),
                m.ScheduleEntry(None, None, None, "Dinner"),
            ]
        )
    )
    text = body_text(brief)
    thursday = text.index("Thursday 12 June 2025")
    friday = text.index("Friday 13 June 2025")
    assert thursday < text.index("Meeting") < text.index("Press conference") < friday
    assert friday < text.index("Departure") < text.index("Date to be confirmed")
    for fact in (
        "09:00–09:45",
        "Palazzo",
        "Minister, Chief of Defence",
        "CLOSED",
        "OPEN",
        "Interpretation.",
        "12:00",
    ):
        assert fact in text


def test_recommendations_numbered_with_priority() -> None:
    brief = one_section(
        m.RecommendationsBlock(
            [
                m.Recommendation("Expand exercises", "Hybrid threats.", "Defence Policy", "high"),
                m.Recommendation("Share intelligence", "", "", "medium"),
                m.Recommendation("Train analysts", "", "", ""),
            ]
        )
    )
    text = body_text(brief)
    for fact in (
        "Expand exercises",
        "Rationale: Hybrid threats.",
        "Defence Policy",
        "HIGH",
        "MEDIUM",
        "Owner",
        "Priority",
    ):
        assert fact in text
    assert re.search(r"1\s+Expand exercises", text)
    assert re.search(r"3\s+Train analysts", text)


def test_people_contacts_and_notes() -> None:
    brief = one_section(
        m.PeopleBlock(
            [
                m.Person(
                    "Giulia Rossi",
                    "Minister of Defence",
                    "Government",
                    "JOO-lee-ah",
                    "",
                    "Minister since 2022.",
                )
            ]
        ),
        m.ContactsBlock(
            [m.Contact("Anna Verdi", "Protocol", "+39 06 1234", "anna@example.org", "Call first")]
        ),
        m.NoteBlock("Do not comment on budgets.", "Defensive line", "warning"),
    )
    _result, reader = render(brief)
    text = "\n".join(page_texts(reader)[2:])
    for fact in (
        "Giulia Rossi",
        "Minister of Defence, Government",
        "Pronounced: JOO-lee-ah",
        "Minister since 2022.",
        "Anna Verdi",
        "+39 06 1234",
        "anna@example.org",
        "Call first",
        "Defensive line",
        "Do not comment on budgets.",
    ):
        assert fact in text
    uris = [str(a["/A"]["/URI"]) for _, a in links(reader) if "/A" in a]
    assert "mailto:anna@example.org" in uris


def test_nested_lists() -> None:
    brief = one_section(
        m.BulletsBlock([m.ListItem("Top", [m.ListItem("Middle", [m.ListItem("Deep")])])]),
        m.NumberedBlock([m.ListItem("First", [m.ListItem("Inner")]), m.ListItem("Second")]),
    )
    text = body_text(brief)
    assert text.index("Top") < text.index("Middle") < text.index("Deep")
    assert re.search(r"1\.\s*First", text) and re.search(r"2\.\s*Second", text)
    assert re.search(r"a\)\s*Inner", text)


def test_page_break_block() -> None:
    brief = one_section(m.TextBlock("before"), m.PageBreakBlock(), m.TextBlock("after"))
    _result, reader = render(brief)
    texts = page_texts(reader)
    assert "before" in texts[2] and "after" in texts[3]


def test_images_are_embedded_scaled_and_captioned(image_dir: Path) -> None:
    brief = one_section(m.ImageBlock("good.png", "A PNG map"), m.ImageBlock("good.jpg", "A JPEG"))
    brief.source = image_dir / "visit.brief.yaml"
    result, reader = render(brief)
    assert result.warnings == []
    text = "\n".join(page_texts(reader))
    assert "A PNG map" in text and "A JPEG" in text
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 2


def test_big_image_is_scaled_to_fit_the_frame(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (1200, 3000), (200, 200, 200)).save(tmp_path / "tall.png")
    brief = one_section(m.ImageBlock(str(tmp_path / "tall.png"), "Tall"))
    brief.source = tmp_path / "visit.brief.yaml"  # an absolute path inside the brief's folder
    result, _reader = render(brief)
    assert result.page_count == 3 and not result.warnings


def test_missing_corrupt_and_truncated_images_print_placeholders(image_dir: Path) -> None:
    brief = one_section(
        m.ImageBlock("nowhere.png", "Missing"),
        m.ImageBlock("notes.png", "Not a picture"),
        m.ImageBlock("truncated.jpg", "Truncated"),
        title="Maps",
    )
    brief.source = image_dir / "visit.brief.yaml"
    result, reader = render(brief)
    text = "\n".join(page_texts(reader))
    for name in ("nowhere.png", "notes.png", "truncated.jpg"):
        assert f"Image not available: {name}" in text
    assert [img for page in reader.pages for img in page.images] == []
    assert len(result.warnings) == 3
    for k, warning in enumerate(result.warnings, start=1):
        assert warning.where == f'section "Maps", block {k} (image)'
        assert warning.path == brief.source
    assert "not found" in result.warnings[0].message
    assert "damaged" in result.warnings[2].message


def test_missing_photo_and_logo_warn(image_dir: Path) -> None:
    brief = one_section(m.PeopleBlock([m.Person("A. Person", photo="face.png")]), title="Who")
    brief.meta.logo = "logo.png"
    brief.source = image_dir / "visit.brief.yaml"
    result, reader = render(brief)
    messages = [(w.where, w.message) for w in result.warnings]
    assert ("cover", "logo 'logo.png' left out: file not found") in messages
    assert any(where.startswith('section "Who", block 1') for where, _ in messages)
    assert "Image not available: face.png" in " ".join(" ".join(page_texts(reader)).split())


def test_logo_on_the_cover(image_dir: Path) -> None:
    brief = one_section(m.TextBlock("x"))
    brief.meta.logo = "good.png"
    brief.source = image_dir / "visit.brief.yaml"
    result, reader = render(brief)
    assert result.warnings == []
    assert len(reader.pages[0].images) == 1


def sixteen_bit_grey_ramp(path: Path) -> None:
    """A 256 x 8 PNG with 16 bits per pixel, dark to light: column x holds x * 257."""
    from PIL import Image

    Image.frombytes(
        "I;16",
        (256, 8),
        b"".join((x * 257).to_bytes(2, "little") for _row in range(8) for x in range(256)),
    ).save(path)


def test_a_16_bit_greyscale_picture_prints_its_greys(tmp_path: Path) -> None:
    sixteen_bit_grey_ramp(tmp_path / "scan.png")
    brief = one_section(m.ImageBlock("scan.png", "A scan"))
    brief.source = tmp_path / "visit.brief.yaml"
    result, reader = render(brief)
    assert result.warnings == []
    (embedded,) = [img.image for page in reader.pages for img in page.images]
    grey = embedded.convert("L")
    assert [grey.getpixel((x, 4)) for x in (0, 64, 128, 255)] == [0, 64, 128, 255]


def test_wide_greys_become_eight_bit_greys() -> None:
    from PIL import Image

    from briefbook.render.pictures.loading import _eight_bit_grey

    ramp = Image.frombytes(
        "I;16", (256, 1), b"".join((x * 257).to_bytes(2, "little") for x in range(256))
    )
    for wide in (ramp, ramp.convert("I")):  # older Pillow opens such a PNG as "I"
        grey = Image.open(io.BytesIO(_eight_bit_grey(wide)))
        assert grey.mode == "L" and grey.tobytes() == bytes(range(256))


def test_image_loader_decodes_fully(image_dir: Path) -> None:
    assert isinstance(load_image("good.jpg", image_dir), LoadedImage)
    assert isinstance(load_image("good.png", image_dir), LoadedImage)
    assert isinstance(load_image("truncated.jpg", image_dir), ImageFailure)
    assert isinstance(load_image("notes.png", image_dir), ImageFailure)
    assert isinstance(load_image("", image_dir), ImageFailure)
    assert isinstance(load_image(str(image_dir), None), ImageFailure)


def test_sections_nested_too_deep_are_still_printed() -> None:
    deep = m.Section(
        "Level three",
        [m.TextBlock("Deep text.")],
        subsections=[m.Section("Level four", [m.TextBlock("Deeper text.")])],
    )
    brief = make_brief(
        [m.Section("Top", [], subsections=[m.Section("Sub", [], subsections=[deep])])]
    )
    text = body_text(brief)
    for words in ("Level three", "Deep text.", "Level four", "Deeper text."):
        assert words in text
