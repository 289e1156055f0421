"""Date fields take typing and open their calendar at the brief's dates (issue 12);
the schedule grid's cell editors fit their values and commit without Qt warnings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTimeEdit

from briefbook.gui.editors.cover import CoverEditor
from briefbook.gui.editors.datefield import DateField
from briefbook.gui.editors.schedule import ScheduleEditor
from briefbook.gui.window.mainwindow import MainWindow
from gui.helpers import editors_of, select_title


def cover_of(window: MainWindow) -> CoverEditor:
    window.tree.select_path(None)
    cover = window.editor
    assert isinstance(cover, CoverEditor)
    return cover


def type_into(qtbot, field: DateField, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_typed_dates_on_the_cover(qtbot, window: MainWindow) -> None:
    cover = cover_of(window)
    dates = window.document.brief.meta.dates
    for text in ("15 Sep 2025", "15/09/2025", "2025-09-15", "15.09.2025", "Sep 15, 2025"):
        cover.start.set_value(dt.date(2025, 6, 12))
        type_into(qtbot, cover.start, text)
        assert window.document.brief.meta.dates.start == dt.date(2025, 9, 15), text
        assert cover.start.is_valid()
    type_into(qtbot, cover.end, "16 Sep 2025")
    assert window.document.brief.meta.dates.end == dt.date(2025, 9, 16)
    assert cover.end.text() == "Tue 16 Sep 2025"
    # Each typed date is one undo step.
    window.undo_action.trigger()
    assert window.document.brief.meta.dates.end == dates.end
    assert cover.end.value() == dates.end


def test_a_date_that_is_not_one_is_marked_and_kept(qtbot, window: MainWindow) -> None:
    cover = cover_of(window)
    before = window.document.brief.meta.dates.start
    type_into(qtbot, cover.start, "15 Setp 2025")
    assert not cover.start.is_valid()
    assert cover.start.text() == "15 Setp 2025"  # nothing the user typed is lost
    assert window.document.brief.meta.dates.start == before
    assert "Not a date" in cover.start.toolTip()
    # Another field changing the brief leaves the text being corrected alone.
    cover.fields["title"].setFocus()  # focus out: still not a date
    qtbot.keyClicks(cover.fields["title"], "x")
    assert cover.start.text() == "15 Setp 2025"
    type_into(qtbot, cover.start, "15 Sep 2025")
    assert cover.start.is_valid()
    assert window.document.brief.meta.dates.start == dt.date(2025, 9, 15)


def test_the_calendars_open_at_the_briefs_dates(qtbot, window: MainWindow) -> None:
    cover = cover_of(window)
    start = window.document.brief.meta.dates.start
    assert start is not None
    assert cover.start.calendar_page() == start
    # An empty end date's calendar opens at the start date, not in 1900 nor today.
    cover.end.set_value(None)
    window.document.brief.meta.dates.end = None
    assert cover.end.calendar_page() == start
    cover.end.open_calendar()
    assert (cover.end.calendar.yearShown(), cover.end.calendar.monthShown()) == (
        start.year,
        start.month,
    )
    cover.end.menu.close()
    # With no dates at all, the calendar opens today (never January 1900).
    cover.start.set_value(None)
    window.document.brief.meta.dates.start = None
    assert cover.start.calendar_page() == dt.date.today()


def _schedule(window: MainWindow) -> ScheduleEditor:
    select_title(window, "Schedule")
    (editor,) = editors_of(window, "Schedule")
    assert isinstance(editor, ScheduleEditor)
    return editor


def test_typing_a_date_into_the_schedule_grid(qtbot, window: MainWindow, qtlog) -> None:
    editor = _schedule(window)
    view = editor.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_1)  # typing opens the cell's editor...
    field = QApplication.focusWidget()
    assert isinstance(field, DateField)
    qtbot.keyClicks(field, "3/06/2025")  # ...and goes on in it
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    moved = [e for e in editor.block.entries if e.title.startswith("Arrival")]
    assert moved[0].date == dt.date(2025, 6, 13)
    # Not a date: the editor stays open with the text as typed, marked.
    view.setCurrentIndex(view.model().index(0, 0))
    view.edit(view.currentIndex())
    field = QApplication.focusWidget()
    assert isinstance(field, DateField)
    qtbot.keyClicks(field, "soonish")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert view.state() == view.State.EditingState
    assert field.text() == "soonish" and not field.is_valid()
    field.setText("Fri 13 Jun")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    assert not [r for r in qtlog.records if "commitData" in r.message]


def test_time_cells_commit_without_warnings(qtbot, window: MainWindow, qtlog) -> None:
    editor = _schedule(window)
    view = editor.view
    index = view.model().index(0, 1)
    view.setCurrentIndex(index)
    view.edit(index)
    (picker,) = view.viewport().findChildren(QTimeEdit)
    picker.setFocus()
    picker.setTime(picker.time().addSecs(3 * 3600))
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    assert any(e.time == dt.time(11, 15) for e in editor.block.entries)
    assert not [r for r in qtlog.records if "commitData" in r.message]


def test_cell_editors_are_wide_enough(qtbot, window: MainWindow) -> None:
    editor = _schedule(window)
    view = editor.view
    for column, sample in ((0, "Mon 15 Sep"), (1, "11:00")):
        index = view.model().index(0, column)
        view.setCurrentIndex(index)
        view.edit(index)
        widget = view.indexWidget(index) or QApplication.focusWidget()
        needed = widget.fontMetrics().horizontalAdvance(sample)
        assert widget.width() >= needed + 20, (column, widget.width(), needed)
        assert widget.width() >= widget.sizeHint().width()
        view.setCurrentIndex(view.model().index(1, 3))  # closes the editor


def test_the_overlap_warning_does_not_move_the_fields(qtbot, window: MainWindow) -> None:
    editor = _schedule(window)
    below = editor.detail_title  # the first field under the grid, its warning and buttons

    def gap() -> int:
        editor.layout().activate()
        return below.geometry().top() - editor.view.geometry().bottom()

    before = gap()
    last = len(editor.block.entries) - 1
    editor.set_cells({(last, 1): "09:15"}, "Edit cell")  # now overlaps the 09:00 meeting
    assert editor.message.isVisibleTo(editor) and "overlap" in editor.message.text()
    assert gap() == before
    window.undo_action.trigger()
    assert not editor.message.isVisibleTo(editor)
    assert gap() == before
