"""Page layout read back from exported PDFs: no cover or contents, numbering, section
labels, page number formats at the top or the foot, run-on sections, untimed entries."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader
from pypdf.generic import ContentStream

from briefbook.core import fileformat as ff
from briefbook.core import model as m
from briefbook.core.distribution.editions import apply_edition
from tests.render.conftest import flat_outline, page_texts, placed_text, render


def memo(**meta: object) -> m.Brief:
    """A one-page paper: three short sections."""
    return m.Brief(
        meta=m.Meta(title="Read-ahead", status="final", **meta),  # type: ignore[arg-type]
        sections=[
            m.Section("Purpose", [m.TextBlock("To agree the next steps.")]),
            m.Section(
                "Objectives",
                [m.BulletsBlock([m.ListItem("One"), m.ListItem("Two")])],
                new_page=False,
            ),
            m.Section(
                "Talking points", [m.TextBlock("Points to make.")], label="TAB A", new_page=False
            ),
        ],
    )


def test_a_one_page_memo_without_cover_and_contents_is_one_page() -> None:
    result, reader = render(memo(cover=False, contents=False))
    assert result.page_count == 1 == len(reader.pages)
    text = page_texts(reader)[0]
    for words in ("Purpose", "Objectives", "TAB A", "Talking points", "Page 1 of 1"):
        assert words in text
    assert "Contents" not in text
    assert [title for title, _level, _page in flat_outline(reader)] == [
        "1 Purpose",
        "2 Objectives",
        "TAB A Talking points",
    ]
    assert result.section_pages == {(0,): 1, (1,): 1, (2,): 1}


def test_sections_start_a_page_unless_they_run_on() -> None:
    brief = memo(cover=False, contents=False)
    for section in brief.sections:
        section.new_page = None
    result, reader = render(brief)
    assert result.page_count == 3
    brief.sections[0].subsections = [m.Section("Own page", [m.TextBlock("x")], new_page=True)]
    result, reader = render(brief)
    assert result.page_count == 4
    assert page_texts(reader)[1].lstrip().split("\n")[1:2] != ["Purpose"]
    assert "Own page" in page_texts(reader)[1] and "Purpose" not in page_texts(reader)[1]


def test_a_cover_without_contents() -> None:
    result, reader = render(memo(contents=False))
    assert result.page_count == 2
    assert "Contents" not in page_texts(reader)[1]
    assert result.section_pages[(0,)] == 2


def test_labels_print_instead_of_numbers_in_heading_contents_and_outline() -> None:
    brief = memo()
    for section in brief.sections:
        section.new_page = None
    brief.sections[0].subsections = [m.Section("Detail", [m.TextBlock("d")], label="(ii)")]
    brief.sections.append(m.Section("Map", [m.TextBlock("map")], label="Annex D"))
    _result, reader = render(brief)
    texts = page_texts(reader)
    contents = texts[1]
    for line in ("1 Purpose", "(ii) Detail", "2 Objectives", "TAB A Talking points", "Annex D Map"):
        assert line in " ".join(contents.split())
    assert "TAB A" in texts[4] and "Annex D" in texts[5]
    assert [title for title, _level, _page in flat_outline(reader)] == [
        "1 Purpose",
        "(ii) Detail",
        "2 Objectives",
        "TAB A Talking points",
        "Annex D Map",
    ]
    # The contents' label column is as wide as the widest label: titles do not overlap it.
    runs = placed_text(reader, 1)
    label_end = max(x for text, x, _y in runs if text == "Annex D")
    assert all(x > label_end for text, x, _y in runs if text in ("Purpose", "Map"))


def test_numbering_none_prints_no_numbers_but_keeps_labels() -> None:
    brief = memo(numbering="none")
    brief.sections[0].subsections = [m.Section("Detail", [m.TextBlock("d")])]
    _result, reader = render(brief)
    texts = page_texts(reader)
    joined = "\n".join(texts[1:])
    for number in ("1 Purpose", "1.1", "2 Objectives", "1  Purpose"):
        assert number not in joined
    assert "TAB A" in texts[1] and "TAB A" in texts[2]
    assert [title for title, _level, _page in flat_outline(reader)] == [
        "Purpose",
        "Detail",
        "Objectives",
        "TAB A Talking points",
    ]


def test_page_number_format_at_the_top() -> None:
    _result, reader = render(
        memo(cover=False, contents=False, page_number_format="-{page}-", page_number_position="top")
    )
    assert "-1-" in page_texts(reader)[0] and "Page 1 of 1" not in page_texts(reader)[0]
    runs = placed_text(reader, 0)
    (title,) = [y for text, _x, y in runs if text == "Read-ahead"]
    assert abs(page_number_y(reader, 0) - title) < 1  # on the header's line


def page_number_y(reader: PdfReader, index: int) -> float:
    """Where the page's number is drawn: its form is placed by the ``cm`` before it."""
    page = reader.pages[index]
    y = None
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"cm":
            y = float(operands[5])
        elif operator == b"Do" and "bbPage" in str(operands[0]):
            assert y is not None
            return y
    raise AssertionError("no page number on this page")


def test_page_number_format_at_the_foot_with_the_count() -> None:
    _result, reader = render(memo(page_number_format="{page} / {pages}"))
    texts = page_texts(reader)
    assert "2 / 3" in texts[1] and "3 / 3" in texts[2]
    assert page_number_y(reader, 1) < 100  # the foot of the page


def test_the_page_number_label_is_the_default_text() -> None:
    _result, reader = render(memo(contents=False, labels={"page_number": "Seite {page}/{pages}"}))
    assert "Seite 2/2" in page_texts(reader)[1]


def test_untimed_entries_print_without_tbc_and_tbc_entries_say_so() -> None:
    schedule = m.ScheduleBlock(
        [
            m.ScheduleEntry(time=dt.time(11, 30), title="Arrival"),
            m.ScheduleEntry(title="Talks"),
            m.ScheduleEntry(time=dt.time(13, 0), title="Lunch", tbc=True),
        ]
    )
    brief = m.Brief(
        meta=m.Meta(title="Scenario", cover=False, contents=False),
        sections=[m.Section("Steps", [schedule])],
    )
    _result, reader = render(brief)
    text = page_texts(reader)[0]
    assert "TBC" not in text and "Date to be confirmed" not in text
    assert "11:30" in text and "13:00" in text
    assert "time to be confirmed" in " ".join(text.split())
    schedule.entries[1].date = None
    schedule.entries[0].date = dt.date(2025, 6, 12)
    _result, reader = render(brief)
    assert "Date to be confirmed" in page_texts(reader)[0]  # undated after dated days


def test_without_a_cover_the_authority_block_prints_on_the_first_page() -> None:
    brief = memo(cover=False, contents=False)
    brief.meta.classification_block = m.ClassificationBlock(
        classified_by="J. Doe, Director", declassify_on="20351231"
    )
    brief.sections[2].new_page = None
    result, reader = render(brief)
    assert result.page_count == 2
    texts = page_texts(reader)
    assert "J. Doe, Director" in texts[0] and "Classified By" not in texts[1]
    runs = placed_text(reader, 0)
    (authority,) = [y for text, _x, y in runs if text.startswith("Classified By")]
    lowest_body = min(y for text, _x, y in runs if text in ("One", "Two", "Objectives"))
    assert authority < lowest_body


def test_an_only_tags_edition_exports_only_the_tagged_sections() -> None:
    brief = m.Brief(
        meta=m.Meta(title="Steering brief", cover=False),
        sections=[
            m.Section("Objectives", [m.TextBlock("Agree the plan.")]),
            m.Section("Press line", [m.TextBlock("We welcome the talks.")], tags=["press"]),
            m.Section(
                "Background",
                [m.TextBlock("Long history.")],
                subsections=[
                    m.Section("If asked", [m.TextBlock("We do not comment.")], tags=["press"])
                ],
            ),
        ],
    )
    cut = apply_edition(brief, m.Edition("press", only_tags=["press"]))
    _result, reader = render(cut, edition="press")
    text = " ".join("\n".join(page_texts(reader)).split())
    assert "We welcome the talks." in text and "We do not comment." in text
    assert "Agree the plan." not in text and "Objectives" not in text
    assert "Long history." not in text
    assert [title for title, _level, _page in flat_outline(reader)] == [
        "1 Press line",
        "2 Background",
        "2.1 If asked",
    ]


def test_times_written_as_staff_write_them_print_as_hh_mm() -> None:
    text = (
        "briefbook: 1\nmeta:\n  title: Scenario\n  cover: false\n  contents: false\n"
        "sections:\n- title: Steps\n  blocks:\n  - schedule:\n"
        "    - {time: 1130, end: 11h45, title: Arrival}\n"
        "    - {time: '9.30pm', title: Dinner}\n    - {title: Departure}\n"
    )
    brief = ff.loads(text)
    _result, reader = render(brief)
    printed = page_texts(reader)[0]
    assert "11:30–11:45" in printed and "21:30" in printed
    assert "TBC" not in printed and "Date to be confirmed" not in printed
    assert 'time: "11:30"' in ff.dumps(brief) and 'end: "11:45"' in ff.dumps(brief)
