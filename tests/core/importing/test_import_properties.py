"""Properties: any text imports without an error into a valid brief, and keeps its characters.

"Keeps its characters": every non-space character of the input, except the
markup the importer turns into structure (see ``import_helpers.content``),
appears in the flattened brief, in order.
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_helpers import content, first_missing, flatten, is_subsequence

from briefbook.core.fileformat import dumps, loads
from briefbook.core.importing import import_html, import_text
from briefbook.core.importing.detect import detect_format

#: More examples for a long fuzzing run: BRIEFBOOK_FUZZ_EXAMPLES=20000 pytest ...
EXAMPLES = int(os.environ.get("BRIEFBOOK_FUZZ_EXAMPLES", "300"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Text made of the pieces real material is made of, so that the rules actually fire:
# headings, bullets, numbers, pipes, tabs, wide gaps, times, dates, kinds, wrapped prose.
FRAGMENTS = [
    "Key points",
    "Recommendations",
    "Programme",
    "Background",
    "Talking points",
    "Thursday 12 June",
    "12 June 2025",
    "June 12, 2025",
    "2025-06-12",
    "Day 2",
    "09:00",
    "9.30",
    "9:30 AM",
    "14h30",
    "0900–1000",
    "10:15-11:00",
    "1930",
    "2 pm",
    "- ",
    "* ",
    "• ",
    "– ",
    "1. ",
    "2) ",
    "a) ",
    "(i) ",
    "o\t",
    "# ",
    "## ",
    " | ",
    "|",
    "---|---",
    "| --- | --- |",
    "\t",
    "    ",
    "  ",
    "Meeting with the Minister",
    "Palazzo Chigi",
    "closed press",
    "(press open)",
    "pool",
    "Participants: A, B",
    "Notes: x",
    "Owner: Ops",
    "(high priority)",
    "Rationale: y",
    "The visit follows the summit.",
    "and continues",
    "ROME,",
    "e.g.",
    "1.5 million",
    "é",
    "€",
    "“quoted”",
    "Кириллица",
    "naïve",
    "—",
    "…",
    ":",
    ".",
    ",",
    ";",
    "!",
    "?",
    "**bold**",
    "*",
    "_",
    "=====",
    "-----",
    "word",
    "Word",
    "x",
    "7",
]
WORDS = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), min_size=1, max_size=4
).map(" ".join)
INDENT = st.sampled_from(["", "", "  ", "    ", "\t"])
LINES = st.one_of(
    WORDS,
    st.sampled_from(FRAGMENTS),
    st.tuples(
        st.sampled_from(
            ["09:00", "9.30", "9:30 AM", "14h30", "0900–1000", "1930", "10:15-11:00", "2 - 3 pm"]
        ),
        st.sampled_from([" ", " – ", ", ", "\t", "  "]),
        WORDS,
        st.sampled_from(["", ", Palazzo Chigi", " – Villa Madama", "\tRoom 2", " (closed press)"]),
    ).map("".join),
    st.sampled_from(["Thursday 12 June", "12 June 2025", "June 13, 2025", "2025-06-14"]),
    st.sampled_from(
        [
            "Time | Activity | Venue",
            "Date\tTime\tEvent",
            "| Time | Press |",
            "Time        Activity        Location",
            "|---|---|---|",
        ]
    ),
    st.tuples(
        st.sampled_from(["| 09:00 | ", "| 13 June 2025 | 10:00 | ", "09:30\t", "1000   "]),
        WORDS,
        st.sampled_from([" |", " | closed |", "\tpool", "   Room 2"]),
    ).map("".join),
    st.lists(WORDS, min_size=2, max_size=4).map(" | ".join),
    st.lists(WORDS, min_size=2, max_size=4).map(lambda cells: "| " + " | ".join(cells) + " |"),
    st.sampled_from(["---|---|---", "|---|---|", "+----+----+", "-----", "====="]),
    st.lists(WORDS, min_size=2, max_size=4).map("\t".join),
    st.lists(WORDS, min_size=2, max_size=3).map("     ".join),
    st.tuples(
        INDENT, st.sampled_from(["- ", "* ", "• ", "– ", "1. ", "2) ", "a) ", "ii. "]), WORDS
    ).map("".join),
)
structured_text = st.tuples(
    st.lists(LINES, max_size=30),
    st.sampled_from(["\n", "\n", "\r\n"]),
    st.lists(st.booleans(), min_size=30, max_size=30),
).map(
    lambda t: "".join(
        line + (t[1] * 2 if blank else t[1]) for line, blank in zip(t[0], t[2], strict=False)
    )
)

any_text = st.text(max_size=400)


_TAG = re.compile(r"<[^<>]*>")
_ENTITY = re.compile(r"&#?\w{1,10};")


def _letters(text: str) -> str:
    """Letters, digits and other non-ASCII characters: what no markup consists of."""
    return "".join(ch for ch in text if ch.isalnum() or (not ch.isascii() and not ch.isspace()))


def _check_kept(text: str, fmt: str) -> None:
    brief = import_text(text, fmt=fmt)
    detected = detect_format(text) if fmt == "auto" else fmt
    if detected == "text":
        expected = content(text)
    else:  # Markdown and HTML consume their punctuation; letters and digits stay
        expected = _letters(content(_ENTITY.sub("", _TAG.sub("", text))))
    flat = flatten(brief)
    assert is_subsequence(expected, flat), first_missing(expected, flat)


def _check_valid(text: str, fmt: str) -> None:
    brief = import_text(text, fmt=fmt)
    assert loads(dumps(brief)) == brief


@SETTINGS
@given(any_text, st.sampled_from(["auto", "text", "markdown", "html"]))
def test_any_text_imports_into_a_valid_brief(text: str, fmt: str) -> None:
    _check_valid(text, fmt)


@SETTINGS
@given(structured_text, st.sampled_from(["auto", "text", "markdown"]))
def test_material_like_text_imports_into_a_valid_brief(text: str, fmt: str) -> None:
    _check_valid(text, fmt)


@SETTINGS
@given(any_text)
def test_any_plain_text_keeps_every_character(text: str) -> None:
    _check_kept(text, "text")


@SETTINGS
@given(any_text)
def test_any_text_detected_keeps_every_character(text: str) -> None:
    _check_kept(text, "auto")


@SETTINGS
@given(structured_text)
def test_material_like_plain_text_keeps_every_character(text: str) -> None:
    _check_kept(text, "text")


@SETTINGS
@given(structured_text)
def test_material_like_text_detected_keeps_every_character(text: str) -> None:
    _check_kept(text, "auto")


@SETTINGS
@given(st.one_of(any_text, structured_text))
def test_markdown_keeps_every_letter(text: str) -> None:
    # Markdown consumes its punctuation; letters and digits stay (tags and entities aside).
    brief = import_text(text, fmt="markdown")
    expected = _letters(content(_ENTITY.sub("", _TAG.sub("", text))))
    assert is_subsequence(expected, flatten(brief)), first_missing(expected, flatten(brief))


html_text = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<b>",
                "</b>",
                "<i>",
                "<ul>",
                "<li>",
                "</ul>",
                "<table>",
                "<tr>",
                "<td>",
                "<th>",
                "</table>",
                "<h2>",
                "</h2>",
                "<br>",
                "<div>",
                "</div>",
                "<a href='https://x.org'>",
                "</a>",
                "<span style='font-weight:700'>",
                "</span>",
                "<o:p>",
            ]
        ),
        st.text(
            alphabet=st.characters(blacklist_characters="<>&", blacklist_categories=("Cs",)),
            max_size=10,
        ),
    ),
    max_size=40,
).map("".join)


@SETTINGS
@given(html_text)
def test_html_keeps_every_letter(html: str) -> None:
    brief = import_html(html)
    expected = _letters(_TAG.sub("", html))
    assert is_subsequence(expected, flatten(brief)), first_missing(expected, flatten(brief))
    assert loads(dumps(brief)) == brief
