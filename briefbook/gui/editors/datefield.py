"""A date field that takes typing (``15 Sep 2025``, ``15/09/2025``, ``2025-09-15``...) and
has a calendar button; it may be empty. Used by the cover form and the schedule grid.

A typed date is read on Enter and when the field loses the focus; text that is not a
date stays as typed, marked invalid, until it is corrected. The calendar opens at the
field's date or, when it is empty, at the date its owner suggests (the brief's dates),
never at some far-off default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLineEdit,
    QMenu,
    QStyle,
    QWidget,
    QWidgetAction,
)

from briefbook.core.editing.values import format_date
from briefbook.core.typeddates import EXAMPLE, parse_typed_date
from briefbook.gui.editors.widgets import LineEdit

_INVALID_STYLE = "QLineEdit { border: 1px solid #b3261e; background: #fdecea; }"
_HINT = f"Type a date ({EXAMPLE}) or pick one from the calendar (Alt+Down)"


class DateField(LineEdit):
    """A line edit for one optional date, with a calendar button at its end.

    ``value_changed`` is emitted with the new date (or None) when the user finishes
    typing a readable date (Enter, or leaving the field), clears the field, or picks a
    day in the calendar. It is one widget (the calendar button is its own action), so a
    grid can use it as a cell editor.
    """

    value_changed = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        placeholder: str = "none",
        year: Callable[[], int | None] | None = None,
        calendar_start: Callable[[], dt.date | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._value: dt.date | None = None
        self._invalid = False
        #: The year of dates typed without one (the brief's), and the calendar's first page.
        self.year = year or (lambda: None)
        self.calendar_start = calendar_start or (lambda: None)
        self.setPlaceholderText(placeholder)
        self.setToolTip(_HINT)
        self.menu = QMenu(self)
        self.calendar = QCalendarWidget(self.menu)
        self.calendar.setGridVisible(True)
        holder = QWidgetAction(self.menu)
        holder.setDefaultWidget(self.calendar)
        self.menu.addAction(holder)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.calendar_action = self.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self.calendar_action.setToolTip("Pick the date from a calendar")
        self.calendar_action.triggered.connect(self.open_calendar)
        width = self.fontMetrics().horizontalAdvance("Wed 30 Sep 2025") + 40
        self.setMinimumWidth(width)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.minimumWidth()), hint.height())

    # --- the value ---------------------------------------------------------------------

    def value(self) -> dt.date | None:
        return self._value

    def is_valid(self) -> bool:
        """False while the text is something that is not a date."""
        return not self._invalid

    def set_value(self, value: dt.date | None) -> None:
        """Show ``value`` (from the brief, e.g. after an undo) without emitting a change."""
        self._value = value
        self.setText(format_date(value, None) if value is not None else "")
        self._mark(True)

    def read_text(self) -> bool:
        """Read the typed text: store the date it names, or mark it invalid (kept as
        typed). True when it was a date (or empty)."""
        text = self.text().strip()
        found = parse_typed_date(text, self.year()) if text else None
        if text and found is None:
            self._mark(False)
            return False
        self._mark(True)
        self._store(found)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.read_text()
        elif event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.read_text()

    def _picked(self, day: QDate) -> None:
        self.menu.close()
        self._mark(True)
        self._store(dt.date(day.year(), day.month(), day.day()))
        self.setFocus()

    def _store(self, value: dt.date | None) -> None:
        changed = value != self._value
        self._value = value
        shown = format_date(value, None) if value is not None else ""
        if self.text() != shown:
            self.setText(shown)
        if changed:
            self.value_changed.emit(value)

    def _mark(self, valid: bool) -> None:
        if self._invalid == (not valid):
            return
        self._invalid = not valid
        self.setStyleSheet("" if valid else _INVALID_STYLE)
        self.setToolTip(_HINT if valid else f"Not a date: type it as {EXAMPLE}")

    # --- the calendar ------------------------------------------------------------------

    def calendar_page(self) -> dt.date:
        """Where the calendar opens: the field's date, else its owner's suggestion, else
        today."""
        return self._value or self.calendar_start() or dt.date.today()

    def open_calendar(self) -> None:
        day = self.calendar_page()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setCurrentPage(day.year, day.month)
        self.menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.setFocus()
