"""The Qt-free edit operations the editors' undo commands call (briefbook.core.editing)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefbook.core import model as m
from briefbook.core.editing import cells, lists, schedule, values

# --- lists ---------------------------------------------------------------------------------


def items(*texts: str) -> list[m.ListItem]:
    return [m.ListItem(text) for text in texts]


def test_indent_makes_the_item_a_sub_item_of_the_one_above() -> None:
    tree = items("a", "b", "c")
    assert lists.indent(tree, (1,)) == (0, 0)
    assert [i.text for i in tree] == ["a", "c"]
    assert [i.text for i in tree[0].items] == ["b"]
    assert lists.indent(tree, (0,)) is None  # the first item has nothing above it


def test_outdent_takes_the_items_below_as_children() -> None:
    tree = [m.ListItem("a", items=items("a1", "a2", "a3"))]
    assert lists.outdent(tree, (0, 1)) == (1,)
    assert [i.text for i in tree] == ["a", "a2"]
    assert [i.text for i in tree[0].items] == ["a1"]
    assert [i.text for i in tree[1].items] == ["a3"]
    assert lists.outdent(tree, (0,)) is None


def test_move_remove_set_text_and_marking() -> None:
    tree = items("a", "b", "c")
    assert lists.move(tree, (0,), 1) == (1,)
    assert [i.text for i in tree] == ["b", "a", "c"]
    assert lists.move(tree, (2,), 1) is None
    lists.set_text(tree, (1,), "A")
    assert lists.set_marking(tree, (1,), "SECRET") == (1,)
    assert (tree[1].text, tree[1].marking) == ("A", "SECRET")
    assert lists.remove(tree, (2,)) == (1,)
    assert lists.remove(tree, (0,)) == (0,)
    assert lists.remove(tree, (0,)) is None
    assert tree == []


def test_add_after_and_find_path() -> None:
    tree = [m.ListItem("Talking points", items=items("Trade", "Energy"))]
    assert lists.add_after(tree, (0, 0)) == (0, 1)
    assert [i.text for i in tree[0].items] == ["Trade", "", "Energy"]
    assert lists.add_after(tree, None) == (1,)
    assert lists.find_path(tree, "energy") == (0, 2)
    assert lists.find_path(tree, "absent") is None


# --- schedule ------------------------------------------------------------------------------

DAY = dt.date(2025, 6, 12)


def entry(
    start: tuple[int, int] | None,
    end: tuple[int, int] | None = None,
    day: dt.date | None = DAY,
    title: str = "",
) -> m.ScheduleEntry:
    return m.ScheduleEntry(
        date=day,
        time=dt.time(*start) if start else None,
        end=dt.time(*end) if end else None,
        title=title,
    )


def test_sort_entries_orders_by_day_and_time_and_says_where_each_went() -> None:
    entries = [
        entry((14, 0), title="late"),
        entry(None, title="untimed"),
        entry((9, 0), title="early"),
    ]
    assert schedule.sort_entries(entries) == [1, 2, 0]
    assert [e.title for e in entries] == ["early", "late", "untimed"]


def test_clashes_overlaps_on_the_same_day_only() -> None:
    entries = [
        entry((9, 0), (10, 0)),
        entry((9, 30), (11, 0)),
        entry((10, 0), (10, 30)),
        entry((9, 0), (10, 0), day=DAY + dt.timedelta(days=1)),
    ]
    assert schedule.clashes(entries) == {0: [1], 1: [0, 2], 2: [1]}


def test_overnight_entry_and_moments() -> None:
    late = entry((23, 0), (1, 0))
    assert schedule.span(late) == "23:00–01:00 (+1)"
    assert schedule.span(entry((9, 0))) == "09:00"
    assert schedule.clashes([late, entry((23, 30))]) == {0: [1], 1: [0]}
    assert schedule.clashes([entry((9, 0)), entry((9, 1))]) == {}


def test_next_entry_starts_when_the_one_before_ends() -> None:
    after = schedule.next_entry(entry((9, 0), (10, 30)), None)
    assert (after.date, after.time, after.end) == (DAY, dt.time(10, 30), dt.time(11, 30))
    first = schedule.next_entry(None, DAY)
    assert (first.time, first.end) == (dt.time(9, 0), dt.time(10, 0))
    assert schedule.next_entry(entry((23, 30)), None).end is None


# --- cells ---------------------------------------------------------------------------------


def test_pasted_cells_round_trip_with_quotes() -> None:
    rows = [["Name", 'say "hi"'], ["two\nlines", "tab\there"]]
    assert cells.parse_cells(cells.format_cells(rows)) == rows
    assert cells.parse_cells("a\tb\r\nc\td") == [["a", "b"], ["c", "d"]]


def test_set_cells_grows_the_table_and_pads_rows() -> None:
    table = m.TableBlock(["A"], [["1"]])
    cells.set_cells(table, {(2, 1): "x"}, rows=1, columns=2)
    assert table.columns == ["A", "Column 2"]
    assert table.rows == [["1", ""], ["", ""], ["", "x"]]


def test_rows_and_columns_keep_their_markings_and_one_column() -> None:
    table = m.TableBlock(["A", "B"], [["1", "2"], ["3"]])
    cells.mark_rows(table, [1], "SECRET")
    cells.insert_row(table, 0)
    assert table.rows[0] == ["", ""]
    cells.remove_rows(table, [0])
    assert table.rows == [["1", "2"], ["3"]]
    cells.insert_column(table, 1)
    assert table.columns == ["A", "Column 3", "B"]
    assert table.rows == [["1", "", "2"], ["3", "", ""]]
    assert cells.remove_columns(table, [0, 1])
    assert table.rows == [["2"], [""]]
    assert not cells.remove_columns(table, [0])
    assert table.columns == ["B"]


def test_record_rows_move_and_go() -> None:
    records = ["a", "b", "c"]
    assert cells.move_record(records, 0, 1) == 1
    assert records == ["b", "a", "c"]
    assert cells.move_record(records, 0, -1) is None
    cells.remove_records(records, [0, 2])
    assert records == ["a"]


# --- values --------------------------------------------------------------------------------


def test_times_and_dates_as_people_type_them() -> None:
    assert values.parse_time("0930") == dt.time(9, 30)
    assert values.parse_time("9pm") == dt.time(21, 0)
    assert values.parse_time(" ") is None
    with pytest.raises(ValueError, match="not a time"):
        values.parse_time("soon")
    assert values.format_date(DAY, 2025) == "Thu 12 Jun"
    assert values.parse_date("Thu 12 Jun", 2025) == DAY


def test_field_values_by_kind() -> None:
    priority = values.Field("priority", "Priority", "choice", ("", "high", "low"))
    assert values.parse_value(priority, " HIGH ") == "high"
    with pytest.raises(ValueError, match="Priority must be one of: high, low"):
        values.parse_value(priority, "urgent")
    names = values.Field("participants", "Participants", "list")
    assert values.parse_value(names, "Ana; Ben\nCleo") == ["Ana", "Ben", "Cleo"]
    assert values.format_value(names, ["Ana", "Ben"]) == "Ana; Ben"
    zone = values.Field("timezone", "Time zone", "zone")
    assert values.parse_value(zone, "Europe/Paris") == "Europe/Paris"
    with pytest.raises(ValueError):
        values.parse_value(zone, "Mars/Olympus")
