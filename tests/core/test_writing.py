"""The event writer behind ``dumps`` gives the very bytes of PyYAML's representer path."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.strategies import briefs

from briefbook.core import model as m
from briefbook.core.fileformat import writing
from briefbook.core.templates import TEMPLATES

#: Words and marks that YAML reads as something other than text, or must quote.
_TRICKY = [
    "yes",
    "No",
    "ON",
    "off",
    "true",
    "False",
    "null",
    "Null",
    "~",
    "",
    "1",
    "-1",
    "+1",
    "0x1F",
    "0o17",
    "017",
    "1_000",
    "1.5",
    ".5",
    "1e3",
    ".inf",
    "-.Inf",
    ".NaN",
    "2025-06-12",
    "2025-06-12 10:30:00",
    "12:30",
    "1:30:00",
    "190:20:30",
    "<<",
    "=",
    "-",
    "- x",
    "? x",
    ": x",
    "a: b",
    "a #b",
    "#",
    "'",
    '"',
    "|",
    ">",
    "&a",
    "*a",
    "!x",
    "%",
    "@",
    "`",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\t",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\u2028",
    "\u0085",
    "\ufeff",
    "\x00",
    "\x7f",
    "é",
    "€",
    "Ω",
    "日本",
    "😀",
]
_WORD = st.sampled_from(_TRICKY) | st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
#: Text up to a few lines long, so plain, quoted and literal scalars all get folded at width.
_LONG_TEXT = st.lists(_WORD, max_size=40).map(" ".join) | st.lists(_WORD, max_size=40).map("".join)


def _one_section(title: str, text: str, cells: list[str], names: list[str]) -> m.Brief:
    section = m.Section(
        title=title,
        blocks=[
            m.TextBlock(text),
            m.TableBlock(
                ["A", "B"],
                [
                    cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2]))
                    for i in range(0, len(cells), 2)
                ],
                caption=text[:50],
            ),
            m.ScheduleBlock(
                [
                    m.ScheduleEntry(
                        date=dt.date(2025, 6, 12),
                        time=dt.time(9, 5),
                        title=title,
                        participants=names,
                        notes=text,
                    )
                ]
            ),
            m.NoteBlock(text=text, title=title, style="warning"),
            m.PageBreakBlock(),
        ],
        tags=names,
    )
    return m.Brief(meta=m.Meta(title=title, version=title, keywords=names), sections=[section])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_any_brief_is_written_as_the_representer_writes_it(brief: m.Brief) -> None:
    assert writing.dumps(brief) == writing.dumps_with_representer(brief)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LONG_TEXT, _LONG_TEXT, st.lists(_WORD, max_size=6), st.lists(_WORD, max_size=4))
def test_tricky_text_is_written_as_the_representer_writes_it(
    title: str, text: str, cells: list[str], names: list[str]
) -> None:
    brief = _one_section(title, text, cells, names)
    assert writing.dumps(brief) == writing.dumps_with_representer(brief)


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_the_bundled_templates_are_written_as_the_representer_writes_them(name: str) -> None:
    from tests.core.test_templates import load_template

    brief = load_template(name)  # the read-ahead's layout keys, where not read yet, left out
    assert writing.dumps(brief) == writing.dumps_with_representer(brief)


def test_a_value_the_event_writer_does_not_know_goes_through_the_representer() -> None:
    brief = m.Brief(sections=[m.Section("Figures", [m.TableBlock(["x"], [[1.5]])])])  # type: ignore[list-item]
    with pytest.raises(writing._Unknown):
        writing._EventWriter().write(writing.brief_data(brief))
    assert writing.dumps(brief) == writing.dumps_with_representer(brief)
    assert "- - 1.5\n" in writing.dumps(brief)
