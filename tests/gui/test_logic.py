"""The GUI's pure helpers: where sections move, list operations, cell parsing, schedules."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from briefbook.core import model as m
from briefbook.core.editing import lists
from briefbook.core.editing.cells import format_cells, parse_cells
from briefbook.core.editing.schedule import clashes, sort_entries
from briefbook.core.editing.values import format_date, parse_date, parse_list, parse_time
from briefbook.gui.editors.markup import insert_link, toggle_wrap
from briefbook.gui.window.find import find_next
from briefbook.gui.window.sections import move_target


def outline() -> m.Brief:
    return m.Brief(
        sections=[
            m.Section("A"),
            m.Section("B", subsections=[m.Section("B1"), m.Section("B2")]),
            m.Section("C"),
        ]
    )


@pytest.mark.parametrize(
    ("source", "parent", "row", "target"),
    [
        ((0,), None, 3, (2,)),  # to the end of the top level
        ((2,), None, 0, (0,)),  # to the front
        ((0,), None, 1, None),  # dropped where it already is
        ((0,), (1,), 1, (0, 1)),  # into B, between B1 and B2 (B moves up one)
        ((2,), (1,), -1, (1, 2)),  # onto B: its last subsection
        ((1, 1), None, 0, (0,)),  # a subsection out to the top
        ((1, 0), (1,), 2, (1, 1)),  # within B, to its end
        ((1,), (0,), 0, None),  # B has subsections: it cannot become one
        ((1,), (1,), 0, None),  # not into itself
    ],
)
def test_move_target(
    source: tuple[int, ...],
    parent: tuple[int, ...] | None,
    row: int,
    target: tuple[int, ...] | None,
) -> None:
    assert move_target(outline(), source, parent, row) == target


def test_list_operations() -> None:
    items = [m.ListItem("a"), m.ListItem("b"), m.ListItem("c")]
    assert lists.indent(items, (0,)) is None
    assert lists.indent(items, (1,)) == (0, 0)
    assert [i.text for i in items] == ["a", "c"] and items[0].items[0].text == "b"
    assert lists.indent(items, (1,)) == (0, 1)
    assert lists.outdent(items, (0, 0)) == (1,)  # "c" below it becomes its child
    assert [i.text for i in items] == ["a", "b"] and [i.text for i in items[1].items] == ["c"]
    assert lists.move(items, (1,), -1) == (0,)
    assert [i.text for i in items] == ["b", "a"]
    assert lists.add_after(items, (0, 0)) == (0, 1)
    assert lists.remove(items, (0, 1)) == (0, 0)
    assert lists.remove(items, (0, 0)) == (0,)


def test_cells_from_a_spreadsheet() -> None:
    assert parse_cells("a\tb\nc\td\n") == [["a", "b"], ["c", "d"]]
    assert parse_cells('"two\nlines"\t"say ""hi"""\n') == [["two\nlines", 'say "hi"']]
    assert parse_cells("solo") == [["solo"]]
    assert parse_cells("") == []


@given(
    st.lists(
        st.lists(
            st.text(
                alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r")
            ),
            min_size=1,
            max_size=4,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_copied_cells_paste_back_the_same(rows: list[list[str]]) -> None:
    assume(rows[-1] != [""])  # a trailing empty line carries nothing, as in spreadsheets
    assert parse_cells(format_cells(rows)) == rows


def test_typed_values() -> None:
    assert parse_time("9:05") == dt.time(9, 5)
    assert parse_time("0930") == dt.time(9, 30)
    assert parse_time("7pm") == dt.time(19, 0)
    assert parse_time("") is None
    with pytest.raises(ValueError):
        parse_time("25:00")
    with pytest.raises(ValueError):
        parse_time("soon")
    day = dt.date(2025, 6, 12)
    assert parse_date("2025-06-12") == day
    assert parse_date("12/06/2025") == day
    assert parse_date(format_date(day, 2025), 2025) == day
    assert parse_date(format_date(day)) == day
    with pytest.raises(ValueError):
        parse_date("next week")
    assert parse_list("A; B\nC") == ["A", "B", "C"]


def entry(start: str, end: str | None, title: str, day: int = 12) -> m.ScheduleEntry:
    return m.ScheduleEntry(
        date=dt.date(2025, 6, day),
        time=parse_time(start),
        end=parse_time(end) if end else None,
        title=title,
    )


def test_schedule_sorts_by_day_and_time_and_finds_clashes() -> None:
    entries = [
        entry("10:00", "11:00", "b"),
        entry("09:00", "10:00", "a"),
        entry("09:30", None, "x", day=13),
        entry("10:30", "10:45", "c"),
    ]
    where = sort_entries(entries)
    assert [e.title for e in entries] == ["a", "b", "c", "x"]
    assert where == [1, 0, 3, 2]
    found = clashes(entries)
    assert found == {1: [2], 2: [1]}  # b (10:00-11:00) and c (10:30-10:45); a ends as b starts


def test_markup_toolbar(qtbot) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("make this bold")
    cursor = edit.textCursor()
    cursor.setPosition(5)
    cursor.setPosition(9, cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    toggle_wrap(edit, "**")
    assert edit.toPlainText() == "make **this** bold"
    toggle_wrap(edit, "**")  # again: unwrap
    assert edit.toPlainText() == "make this bold"
    cursor = edit.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(4, cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    insert_link(edit, "https://example.org")
    assert edit.toPlainText() == "[make](https://example.org) this bold"


def test_find_next_wraps_around() -> None:
    brief = outline()
    brief.sections[2].blocks.append(m.TextBlock("the needle"))
    brief.sections[1].subsections[0].blocks.append(m.BulletsBlock([m.ListItem("Needle")]))
    assert find_next(brief, "needle", None) == (1, 0)
    assert find_next(brief, "needle", (1, 0)) == (2,)
    assert find_next(brief, "needle", (2,)) == (1, 0)
    assert find_next(brief, "needle", (2,), backwards=True) == (1, 0)
    assert find_next(brief, "haystack", None) is False
