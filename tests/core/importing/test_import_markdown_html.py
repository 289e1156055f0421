"""Markdown (markdown-it-py tokens) and HTML (the clipboard's), and format detection."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from import_helpers import flatten

from briefbook.core.fileformat import dumps, loads
from briefbook.core.importing import import_file, import_html, import_text, paste_sections
from briefbook.core.importing.detect import detect_format
from briefbook.core.model import (
    BulletsBlock,
    ListItem,
    NumberedBlock,
    RecommendationsBlock,
    ScheduleBlock,
    TableBlock,
    TextBlock,
)

# --- detection -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,fmt",
    [
        ("# Title\n\nText", "markdown"),
        ("Intro\n\n```\ncode\n```\n", "markdown"),
        ("See [the site](https://example.org) and **this**.", "markdown"),
        ("<p>Hello</p>", "html"),
        ("<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("Version:0.9\r\nStartHTML:00000097\r\n<html><body><p>x</p></body></html>", "html"),
        ("Key points\n- one\n- two\nA | B |\n---|---|\n1 | 2 |\n", "text"),
        ("Plain words, nothing else.", "text"),
        ("", "text"),
        ("<not html at all", "text"),
    ],
)
def test_detect_format(text: str, fmt: str) -> None:
    assert detect_format(text) == fmt


def test_unknown_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown import format"):
        import_text("x", fmt="rtf")


# --- Markdown ----------------------------------------------------------------------------


def test_markdown_briefing(import_data: Path) -> None:
    brief = import_file(import_data / "briefing.md")
    assert brief.meta.title == "Visit to Italy"
    assert [s.title for s in brief.sections] == [
        "Overview",
        "Schedule",
        "Key points",
        "Recommendations",
    ]
    overview = brief.sections[0].blocks[0]
    assert overview == TextBlock(
        "Prepared for the Secretary General. **Sample content**: fictional, *not* to be relied "
        "on. See [the press release](https://example.org/press) for details."
    )
    days = brief.sections[1].subsections
    assert [d.title for d in days] == ["Thursday 12 June 2025", "Friday 13 June 2025"]
    first_day = days[0].blocks[0]
    assert isinstance(first_day, ScheduleBlock)
    assert [(e.date, e.time, e.end, e.title, e.place) for e in first_day.entries] == [
        (dt.date(2025, 6, 12), dt.time(9), None, "Arrival at Ciampino Airport", ""),
        (
            dt.date(2025, 6, 12),
            dt.time(9, 45),
            dt.time(10, 30),
            "Meeting with the Minister of Defence",
            "Palazzo Baracchini",
        ),
    ]
    assert first_day.entries[1].participants == ["Minister", "Chief of Defence"]
    second_day = days[1].blocks[0]
    assert isinstance(second_day, ScheduleBlock)
    assert [(e.date, e.title) for e in second_day.entries] == [
        (dt.date(2025, 6, 13), "Press conference"),
        (dt.date(2025, 6, 13), "Departure"),
    ]
    key = brief.sections[2].blocks
    assert key[0] == NumberedBlock(
        items=[
            ListItem("Italy is a key Ally"),
            ListItem("Maritime security", [ListItem("Task Force"), ListItem("Patrols")]),
        ]
    )
    table = key[1]
    assert isinstance(table, TableBlock)
    assert table.columns == ["Initiative", "Objective", "Timeline", ""]
    assert table.rows[1] == ["Cyber", "Resilience", "2026", "extra cell"]  # not dropped
    recs = brief.sections[3].blocks
    assert isinstance(recs[0], RecommendationsBlock)
    assert (recs[0].items[0].text, recs[0].items[0].priority) == (
        "Increase exercise frequency",
        "high",
    )
    assert recs[1] == TextBlock("Note: all times are local.")
    code_table = recs[2]
    assert isinstance(code_table, TableBlock)  # an aligned table inside a code block
    assert code_table.columns == ["Name", "Role"]
    assert loads(dumps(brief)) == brief


def test_markdown_inline_markup() -> None:
    brief = import_text("A *b* __c__ `d` <b>f</b> <name> ~~g~~ ![pic](p.png)\n", fmt="markdown")
    assert brief.sections[0].blocks == [TextBlock("A *b* **c** d **f** <name> g pic (p.png)")]


def test_markdown_hard_breaks_stay_line_breaks_and_wrapped_lines_join() -> None:
    text = (
        "Embassy of Italy  \nVia XX Settembre 8\\\nRome <br> 00187\n"
        "wrapped on\nto this line.\n\nNext.\n"
    )
    brief = import_text(text, fmt="markdown")
    assert brief.sections[0].blocks == [
        TextBlock(
            "Embassy of Italy\nVia XX Settembre 8\nRome\n00187 wrapped on to this line.\n\nNext."
        )
    ]


def test_markdown_unsafe_link_is_not_a_link_but_its_text_is_kept() -> None:
    # markdown-it refuses javascript: links, so the text stays as typed; the renderer treats
    # the model's markup and refuses such links there too.
    brief = import_text("A [e](javascript:alert(1)) and [f](file:///etc/passwd)\n", fmt="markdown")
    assert brief.sections[0].blocks == [
        TextBlock("A [e](javascript:alert(1)) and [f](file:///etc/passwd)")
    ]


def test_markdown_reference_definitions_stay_as_text() -> None:
    brief = import_text("See [x][1].\n\n[1]: https://example.org\n", fmt="markdown")
    assert "[1]: https://example.org" in flatten(brief)


def test_markdown_html_block_is_read_as_html() -> None:
    brief = import_text(
        "# T\n\n<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>\n",
        fmt="markdown",
    )
    assert TableBlock(columns=["A", "B"], rows=[["1", "2"]]) in brief.sections[0].blocks


def test_deep_markdown_nesting_falls_back_to_plain_text_without_loss() -> None:
    text = (
        "> " * 60 + "deep quoted text\n\n" + "".join("  " * i + f"- item {i}\n" for i in range(40))
    )
    brief = import_text(text, fmt="markdown")
    flat = flatten(brief)
    assert "deep quoted text" in flat
    assert all(f"item {i}" in flat for i in range(40))
    assert loads(dumps(brief)) == brief


# --- HTML ---------------------------------------------------------------------------------


def test_word_clipboard_html(import_data: Path) -> None:
    html = (import_data / "clipboard-word.html").read_text("utf-8")
    brief = import_html(html)
    assert brief.meta.title == "Visit to Italy"
    assert [s.title for s in brief.sections] == ["Overview", "Key points"]
    assert brief.sections[0].blocks == [
        TextBlock("The Secretary General **will travel** to Rome on *Thursday*.")
    ]
    points = brief.sections[1].blocks
    assert points[0] == BulletsBlock(
        items=[
            ListItem("Maritime Task Force", [ListItem("in the central Mediterranean")]),
            ListItem("Defence spending"),
        ]
    )
    assert points[1] == TableBlock(
        columns=["Initiative", "Objective", "Timeline"],
        rows=[
            ["Joint Naval Exercises", "Improve coordination & readiness", "Q3 2025"],
            ["Cyber", "Fortify infrastructure", ""],
        ],
    )
    # mailto: links stay links; javascript: links keep only their text; scripts are not text.
    assert points[2] == TextBlock("Contact: [press office](mailto:press@example.org) or this.")
    assert "alert" not in flatten(brief)


def test_google_docs_clipboard_html(import_data: Path) -> None:
    brief = import_html((import_data / "clipboard-gdocs.html").read_text("utf-8"))
    section = brief.sections[0]
    assert section.title == "Schedule"
    schedule = section.blocks[0]
    assert isinstance(schedule, ScheduleBlock)
    assert [(e.date, e.time, e.end, e.title, e.place) for e in schedule.entries] == [
        (dt.date(2025, 6, 12), dt.time(9), None, "Arrival", ""),
        (dt.date(2025, 6, 12), dt.time(10, 15), dt.time(11), "Bilateral meeting", "Palazzo Chigi"),
    ]
    # The wrapper <b style="font-weight:normal"> is not bold; CSS italics are italics.
    assert section.blocks[1] == BulletsBlock(
        items=[ListItem("*Nested* item", [ListItem("deeper")]), ListItem("second")]
    )


def test_html_header_rows_links_and_broken_markup() -> None:
    html = (
        "<h2>Contacts<table><thead><tr><th>Name<th>Phone</thead>"
        "<tr><td>Ana<td>+39 1<tr><td>Bo<td><a href='https://x.org/a?b=1&amp;c=2'>site</a>"
        "</table><p>Unclosed <b>bold <i>both</p><p>after"
    )
    brief = import_html(html)
    blocks = brief.sections[0].blocks
    assert blocks[0] == TableBlock(
        columns=["Name", "Phone"],
        rows=[["Ana", "+39 1"], ["Bo", "[site](https://x.org/a?b=1&c=2)"]],
    )
    assert blocks[1] == TextBlock("Unclosed **bold *both***\n\nafter")


def test_html_without_structure_and_entities() -> None:
    brief = import_html("Caf&eacute; &euro;5 &lt;b&gt; &#x41;")
    assert brief.sections[0].blocks == [TextBlock("Café €5 <b> A")]


def test_deep_html_keeps_its_text() -> None:
    brief = import_html("<div>" * 5000 + "inside" + "</div>" * 5000 + "<p>after</p>")
    assert "inside" in flatten(brief) and "after" in flatten(brief)


def test_paste_prefers_html_and_falls_back_to_text() -> None:
    sections = paste_sections(
        text="a\tb\n1\t2\n",
        html="<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>",
    )
    assert isinstance(sections[0].blocks[0], TableBlock)
    sections = paste_sections(text="Key points\n- one\n- two\n", html="<html><body></body></html>")
    assert sections[0].title == "Key points"
    assert paste_sections(text="", html="") == []


def test_html_line_breaks_stay_line_breaks() -> None:
    brief = import_html("<p>Embassy of Italy<br>Via XX Settembre 8<br/>Rome</p><p>Next.</p>")
    assert brief.sections[0].blocks == [
        TextBlock("Embassy of Italy\nVia XX Settembre 8\nRome\n\nNext.")
    ]
