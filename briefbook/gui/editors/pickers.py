"""The pickers of a records grid's typed cells: a calendar for dates, a time editor,
a completing line for time zones, a list for choices and flags, the marking list."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTimeEdit,
    QWidget,
)

from briefbook.core.editing.values import FLAG_ON, Field
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.datefield import DateField
from briefbook.gui.editors.marking import MarkingCombo

AnyIndex = QModelIndex | QPersistentModelIndex


class RecordGrid(Protocol):
    """What the pickers need of the grid they edit (a ``records.RecordsEditor``)."""

    columns: list[Field]

    @property
    def noun(self) -> str: ...

    @property
    def document(self) -> Document: ...

    def value(self, row: int, field: Field) -> Any: ...

    def default_date(self) -> Any: ...

    def year(self) -> int | None: ...


def zone_line(parent: QWidget, default: str) -> QLineEdit:
    """A line for an IANA time zone name that completes as you type ("paris" offers
    Europe/Paris); empty means the brief's own zone."""
    from briefbook.gui.editors.cover import time_zone_names

    widget = QLineEdit(parent)
    completer = QCompleter(time_zone_names(), widget)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    widget.setCompleter(completer)
    widget.setPlaceholderText(default.strip() or "e.g. Europe/Paris")
    return widget


class PickerDelegate(QStyledItemDelegate):
    """Calendar, time and choice pickers for the typed columns; plain text elsewhere."""

    def __init__(self, records: RecordGrid, parent: QObject) -> None:
        super().__init__(parent)
        self.records = records

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        field = self.records.columns[index.column()]
        if field.kind == "date":
            return DateField(
                parent,
                placeholder="",
                year=self.records.year,
                calendar_start=self.records.default_date,
            )
        if field.kind == "time":
            widget = QTimeEdit(parent)
            widget.setDisplayFormat("HH:mm")
            return widget
        if field.kind == "zone":
            return zone_line(parent, self.records.document.brief.meta.timezone)
        if field.kind in ("choice", "flag"):
            combo = QComboBox(parent)
            for choice in field.choices if field.kind == "choice" else ("", FLAG_ON):
                combo.addItem(choice or "—", choice)
            return combo
        if field.kind == "marking":
            return MarkingCombo(self.records.document, f"this {self.records.noun}", parent)
        return super().createEditor(parent, option, index)

    def setEditorData(self, widget: QWidget, index: AnyIndex) -> None:
        field = self.records.columns[index.column()]
        value = self.records.value(index.row(), field)
        if isinstance(widget, QTimeEdit):
            widget.setTime(QTime(value.hour, value.minute) if value else QTime(9, 0))
        elif isinstance(widget, DateField):
            widget.set_value(value)
        elif isinstance(widget, QComboBox):
            if field.kind == "flag":
                value = FLAG_ON if value else ""
            widget.setCurrentIndex(max(0, widget.findData(value or "")))
        else:
            super().setEditorData(widget, index)

    def setModelData(self, widget: QWidget, model: Any, index: AnyIndex) -> None:
        if isinstance(widget, QTimeEdit):
            model.setData(index, widget.time().toString("HH:mm"))
        elif isinstance(widget, DateField):
            # A date it could not read goes to the grid as typed, which says why.
            if widget.read_text():
                day = widget.value()
                model.setData(index, day.isoformat() if day is not None else "")
            else:
                model.setData(index, widget.text())
        elif isinstance(widget, QComboBox):
            model.setData(index, widget.currentData())
        else:
            super().setModelData(widget, model, index)

    def updateEditorGeometry(
        self, widget: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        # As wide and high as the editor needs ("Mon 15 Sep", "11:00" with its arrows),
        # even where the column is narrower; it then covers part of the next cell.
        rect = option.rect  # type: ignore[attr-defined]
        hint = widget.sizeHint()
        widget.setGeometry(
            rect.x(), rect.y(), max(rect.width(), hint.width()), max(rect.height(), hint.height())
        )

    def eventFilter(self, widget: QObject, event: QEvent) -> bool:
        if (
            isinstance(widget, DateField)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not widget.read_text()
        ):
            return True  # not a date: the editor stays open, the text as typed, marked
        return super().eventFilter(widget, event)
