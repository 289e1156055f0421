"""Plain text: headings, paragraphs, lists, tables in every form, kinds, non-ASCII, line ends."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import content, first_missing, flatten, is_subsequence

from briefbook.core.fileformat import dumps, loads
from briefbook.core.importing import import_file, import_text
from briefbook.core.model import (
    Block,
    Brief,
    BulletsBlock,
    NumberedBlock,
    RecommendationsBlock,
    Section,
    TableBlock,
    TextBlock,
)


def blocks(brief: Brief, kind: type[Block]) -> list[Block]:
    found: list[Block] = []

    def walk(section: Section) -> None:
        found.extend(b for b in section.blocks if isinstance(b, kind))
        for sub in section.subsections:
            walk(sub)

    for section in brief.sections:
        walk(section)
    return found


def keeps_everything(text: str, brief: Brief) -> None:
    expected = content(text)
    assert is_subsequence(expected, flatten(brief)), first_missing(expected, flatten(brief))


def roundtrips(brief: Brief) -> None:
    """The imported brief is a valid brief file."""
    assert loads(dumps(brief)) == brief


# --- headings and paragraphs --------------------------------------------------------


def test_markdown_hash_headings_in_plain_text() -> None:
    text = "# Visit\n\nIntro text.\n\n## Logistics\n\nCars at 8.\n### Cars\nTwo.\n## Press\nNone.\n"
    brief = import_text(text, fmt="text")
    # A lone outermost first heading names the brief; the next levels are sections.
    assert brief.meta.title == "Visit"
    assert [s.title for s in brief.sections] == ["Overview", "Logistics", "Press"]
    assert [s.title for s in brief.sections[1].subsections] == ["Cars"]


def test_underlined_headings() -> None:
    brief = import_text(
        "Visit\n=====\n\nThe text.\n\nDetails\n-------\nMore.\nPress\n-----\nNone.\n"
    )
    assert brief.meta.title == "Visit"
    assert [s.title for s in brief.sections] == ["Overview", "Details", "Press"]


def test_short_line_above_a_list_is_a_heading_and_a_colon_line_is_not() -> None:
    text = "Talking points\n- one\n- two\nWe will say:\n- three\n"
    brief = import_text(text)
    assert [s.title for s in brief.sections] == ["Talking points"]
    blocks_ = brief.sections[0].blocks
    assert isinstance(blocks_[1], TextBlock) and blocks_[1].text == "We will say:"


def test_a_recognised_heading_may_end_with_a_colon() -> None:
    brief = import_text("Recommendations:\n- Expand exercises\n- Share data\n")
    assert brief.sections[0].title == "Recommendations"
    assert isinstance(brief.sections[0].blocks[0], RecommendationsBlock)


def test_hard_wrapped_paragraphs_are_joined(import_data: Path) -> None:
    brief = import_file(import_data / "press-release-wrapped.txt")
    assert [s.title for s in brief.sections] == [
        "Secretary General to visit Rome",
        "Background",
        "Key points",
    ]
    first = brief.sections[0].blocks[0]
    assert isinstance(first, TextBlock)
    paragraphs = first.text.split("\n\n")
    assert len(paragraphs) == 2
    assert "Rome on Thursday for talks" in paragraphs[0]
    assert paragraphs[1].startswith("“Italy is a key Ally,”")
    items = blocks(brief, BulletsBlock)[0].items
    assert items[1].text == (
        "Progress towards the 2% defence spending target, with a credible plan for the years ahead"
    )
    keeps_everything((import_data / "press-release-wrapped.txt").read_text("utf-8"), brief)


def test_one_paragraph_per_line_when_not_wrapped() -> None:
    text = "The minister arrives on Monday.\nThe press conference is at noon.\n"
    brief = import_text(text)
    assert brief.sections[0].blocks == [
        TextBlock("The minister arrives on Monday.\n\nThe press conference is at noon.")
    ]


def test_lowercase_continuation_joins_the_line_above() -> None:
    brief = import_text("The minister will meet the\nambassador on Monday.\n")
    assert brief.sections[0].blocks == [
        TextBlock("The minister will meet the ambassador on Monday.")
    ]


def test_text_without_headings_goes_into_one_section_titled_by_its_first_line() -> None:
    brief = import_text("Please find the programme attached.\nThanks.\n")
    assert brief.meta.title == "Please find the programme attached."
    assert len(brief.sections) == 1 and brief.sections[0].title == "Overview"


def test_long_first_line_title_is_shortened() -> None:
    brief = import_text("word " * 100)
    assert brief.meta.title.endswith("…") and len(brief.meta.title) <= 101


def test_greetings_are_not_headings() -> None:
    brief = import_text("Dear colleagues\nPlease find below the programme.\n")
    assert brief.sections[0].title == "Overview"


# --- lists ----------------------------------------------------------------------------


def test_nested_lists(import_data: Path) -> None:
    brief = import_file(import_data / "nested-lists.txt")
    numbered = blocks(brief, NumberedBlock)
    assert len(numbered) == 1
    items = numbered[0].items
    assert [i.text for i in items] == [
        "Reassure Italy of Allied support",
        "Agree next steps on defence spending",
        "Prepare the summit",
    ]
    assert [i.text for i in items[0].items] == ["maritime presence", "air policing"]
    assert [i.text for i in items[1].items] == [
        "a credible national plan",
        "industrial cooperation",
    ]
    assert [i.text for i in items[1].items[0].items] == [
        "with yearly milestones",
        "reviewed by ministers",
    ]
    bullets = blocks(brief, BulletsBlock)
    assert [i.text for i in bullets[0].items[1].items] == ["in the south", "in the east"]
    keeps_everything((import_data / "nested-lists.txt").read_text("utf-8"), brief)
    roundtrips(brief)


@pytest.mark.parametrize("marker", ["-", "*", "•", "–", "+", "·"])
def test_bullet_markers(marker: str) -> None:
    brief = import_text(f"Points\n{marker} one\n{marker} two\n")
    assert blocks(brief, BulletsBlock) == [
        BulletsBlock(
            items=[*[type(blocks(brief, BulletsBlock)[0].items[0])(text=t) for t in ("one", "two")]]
        )
    ]


@pytest.mark.parametrize(
    "first,second", [("1.", "2."), ("1)", "2)"), ("a)", "b)"), ("(1)", "(2)"), ("i)", "ii)")]
)
def test_numbered_markers(first: str, second: str) -> None:
    brief = import_text(f"Steps\n{first} one\n{second} two\n")
    assert [i.text for i in blocks(brief, NumberedBlock)[0].items] == ["one", "two"]


def test_wrapped_list_items_are_joined() -> None:
    brief = import_text("Points\n- a long item that goes\n  on the next line\n- short\n")
    assert [i.text for i in blocks(brief, BulletsBlock)[0].items] == [
        "a long item that goes on the next line",
        "short",
    ]


def test_lists_deeper_than_the_file_allows_are_capped_not_dropped() -> None:
    text = "Deep\n" + "".join("  " * i + f"- level {i}\n" for i in range(12))
    brief = import_text(text)
    keeps_everything(text, brief)
    roundtrips(brief)


def test_numbered_heading_above_a_paragraph() -> None:
    brief = import_text("1. Introduction\nThe visit is the first since 2019.\n")
    assert brief.sections[0].title == "1. Introduction"


# --- tables ------------------------------------------------------------------------


def test_tables_in_every_form(import_data: Path) -> None:
    text = (import_data / "tables-forms.txt").read_text("utf-8")
    brief = import_text(text)
    tables = blocks(brief, TableBlock)
    assert len(tables) == 6
    outer, bare, tabs, spaces, ragged, grid = tables
    assert outer.columns == ["Initiative", "Objective", "Timeline"]
    assert outer.rows == [["Joint exercises", "Readiness", "2025"], ["Cyber", "Resilience", "2026"]]
    assert bare.columns == ["Country", "Contribution", "Status"]
    assert bare.rows == [["Italy", "Ships", "Committed"], ["Spain", "Aircraft", ""]]
    assert tabs.columns == ["Name", "Role", "Phone"]
    assert tabs.rows[0] == ["Maria Rossi", "Chief of Staff", "+39 06 1234 5678"]
    assert spaces.columns == ["Name", "Role", "Room"]
    assert spaces.rows == [
        ["Maria Rossi", "Chief of Staff", "B-204"],
        ["Anna Bianchi", "Note-taker", "B-210"],
        ["Luca Verdi", "Interpreter", ""],
    ]
    assert ragged.columns == ["A", "B", "", ""] and ragged.rows == [["1", "2", "3", "4"]]
    assert grid.columns == ["Item", "Owner"] and grid.rows == [["Venue", "Embassy"]]
    keeps_everything(text, brief)
    roundtrips(brief)


def test_pipe_rows_without_a_separator_and_without_a_header() -> None:
    brief = import_text("Figures\n2024 | 1.2 | 3\n2025 | 1.4 | 5\n")
    table = blocks(brief, TableBlock)[0]
    assert table.columns == ["", "", ""]
    assert table.rows == [["2024", "1.2", "3"], ["2025", "1.4", "5"]]


def test_a_single_line_with_a_pipe_is_text() -> None:
    brief = import_text("Rome | June 2025\n")
    assert blocks(brief, TableBlock) == []


def test_escaped_pipe_stays_in_the_cell() -> None:
    brief = import_text("A | B\n---|---\nx \\| y | z\n")
    assert blocks(brief, TableBlock)[0].rows == [["x | y", "z"]]


def test_prose_with_double_spaces_is_not_a_table() -> None:
    text = (
        "The minister arrives at noon.  She meets the press.\n"
        "Then lunch follows at the residence.  Talks resume at three.\n"
    )
    brief = import_text(text)
    assert blocks(brief, TableBlock) == []


# --- kinds --------------------------------------------------------------------------------


def test_recommendations_become_a_recommendations_block(import_data: Path) -> None:
    brief = import_file(import_data / "recommendations.txt")
    recs = blocks(brief, RecommendationsBlock)
    assert len(recs) == 2
    first = recs[0].items
    assert first[0].text == "Expand joint exercises to cyber scenarios"
    assert first[0].priority == "high"
    assert first[0].rationale == "hybrid threats are rising"
    assert first[0].owner == "Operations Division"
    assert first[1].owner == "NATO Office of Security."
    assert first[1].priority == "medium"
    assert first[2].text == "Enhance training on intelligence analysis"
    table = recs[1].items
    assert [(r.text, r.rationale, r.owner, r.priority) for r in table] == [
        ("Increase exercise frequency", "Readiness", "SHAPE", "high"),
        ("Share data in real time", "Faster detection", "NOS", "low"),
    ]
    roundtrips(brief)


def test_a_headline_mentioning_recommendations_keeps_its_bullets() -> None:
    brief = import_text("Experts Recommend Boosting Joint Military Exercises\n- one\n- two\n")
    assert blocks(brief, RecommendationsBlock) == []
    assert len(blocks(brief, BulletsBlock)) == 1


def test_key_points_lines_become_bullets() -> None:
    brief = import_text("Key points\nItaly is a key Ally.\nWe support the south.\n")
    assert [i.text for i in blocks(brief, BulletsBlock)[0].items] == [
        "Italy is a key Ally.",
        "We support the south.",
    ]


# --- characters and line ends ----------------------------------------------------------------


def test_non_ascii_text_and_windows_line_ends(import_data: Path) -> None:
    path = import_data / "non-ascii-crlf.txt"
    assert b"\r\n" in path.read_bytes()
    brief = import_file(path)
    text = flatten(brief)
    for sample in (
        "résumé",
        "1,2 milliard €",
        "«\xa0important\xa0»",
        "Статус",
        "Встреча с министром обороны состоится в четверг.",
        "“Curly quotes”",
        "‘single’",
        "—",
        "…",
        "naïve café",
    ):
        assert sample in text
    assert "\r" not in dumps(brief)
    keeps_everything(path.read_text("utf-8"), brief)
    roundtrips(brief)


def test_windows_and_unix_line_ends_give_the_same_brief(import_data: Path) -> None:
    text = (import_data / "agenda-formats.txt").read_text("utf-8")
    assert import_text(text.replace("\n", "\r\n")) == import_text(text)
    assert import_text(text.replace("\n", "\r")) == import_text(text)


def test_empty_and_blank_text() -> None:
    for text in ("", "   ", "\n\n\n", "\r\n\t \r\n"):
        brief = import_text(text)
        assert brief.sections == [] and brief.meta.title == ""
        roundtrips(brief)


def test_control_characters_are_dropped_not_fatal() -> None:
    brief = import_text("Title\x00\x07\nText\x1b with a bell.\n")
    assert "\x00" not in flatten(brief) and "Text with a bell." in flatten(brief)
    roundtrips(brief)


def test_markup_characters_are_kept_as_text() -> None:
    text = "Costs <b>&amp; benefits</b> for R&D <script>\n"
    brief = import_text(text, fmt="text")
    assert text.strip() in flatten(brief)


def test_two_megabyte_file(tmp_path: Path, import_data: Path) -> None:
    seed = (import_data / "visit-press-text.txt").read_text("utf-8")
    agenda = (import_data / "agenda-formats.txt").read_text("utf-8")
    chunk = seed + "\n\n" + agenda + "\n\n"
    text = chunk * (2_000_000 // len(chunk) + 1)
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 2_000_000
    brief = import_file(path)
    repeats = text.count("Concluding Remarks")
    assert sum(s.title == "Concluding Remarks" for s in brief.sections) == repeats
    assert len(blocks(brief, TableBlock)) == 3 * repeats


def test_lettered_items_after_a_colon_are_a_list() -> None:
    brief = import_text("Background\nWe propose:\na) this\nb) that\n")
    assert [i.text for i in blocks(brief, NumberedBlock)[0].items] == ["this", "that"]


def test_forwarded_email(import_data: Path) -> None:
    path = import_data / "email-forward.txt"
    brief = import_file(path)
    assert [s.title for s in brief.sections] == ["Overview", "Logistics"]
    header = brief.sections[0].blocks[0]
    assert isinstance(header, TextBlock)
    assert header.text.startswith("From: Maria Rossi <maria.rossi@example.org>\n\nSent: Monday")
    bullets = blocks(brief, BulletsBlock)[0]
    # Word's "•" and "o" bullets, copied as text with tabs, nest as they did in Word.
    assert [i.text for i in bullets.items] == [
        "Two cars from the Embassy",
        "Security detail arrives at 08:00",
    ]
    assert [i.text for i in bullets.items[1].items] == ["lead car: Embassy", "second car: Police"]
    keeps_everything(path.read_text("utf-8"), brief)
    roundtrips(brief)
