"""Grids of records: recommendations, people and contacts (the schedule builds on this).

Each record kind is described by its fields (name, label, kind); the grid shows
one record per row, parses what is typed or pasted, and offers a picker for
dates, times and fixed choices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from briefbook.core import model as m
from briefbook.gui.document import Document
from briefbook.gui.editors.base import BlockEditor
from briefbook.gui.editors.grid import Cells, GridView
from briefbook.gui.editors.values import (
    format_date,
    format_list,
    format_time,
    parse_date,
    parse_list,
    parse_time,
)

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Field:
    """One column: the record attribute, its title, how it is typed, its width in characters."""

    name: str
    label: str
    kind: str = "text"  # text, date, time, list, choice
    choices: tuple[str, ...] = ()
    width: int = 16


def format_value(field: Field, value: Any) -> str:
    if field.kind == "date":
        return format_date(value)
    if field.kind == "time":
        return format_time(value)
    if field.kind == "list":
        return format_list(value)
    return "" if value is None else str(value)


def parse_value(field: Field, text: str) -> Any:
    """The typed value of ``text``; raises ValueError when it cannot be one."""
    text = text.strip() if field.kind != "text" else text
    if field.kind == "date":
        return parse_date(text)
    if field.kind == "time":
        return parse_time(text)
    if field.kind == "list":
        return parse_list(text)
    if field.kind == "choice":
        lowered = text.lower()
        if lowered in field.choices:
            return lowered
        allowed = ", ".join(choice for choice in field.choices if choice)
        raise ValueError(f"{field.label} must be one of: {allowed}")
    return text


class PickerDelegate(QStyledItemDelegate):
    """Calendar, time and choice pickers for the typed columns; plain text elsewhere."""

    def __init__(self, editor: RecordsEditor) -> None:
        super().__init__(editor)
        self.records = editor

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        field = self.records.fields[index.column()]
        if field.kind == "date":
            widget = QDateEdit(parent)
            widget.setCalendarPopup(True)
            widget.setDisplayFormat("ddd d MMM yyyy")
            return widget
        if field.kind == "time":
            widget = QTimeEdit(parent)
            widget.setDisplayFormat("HH:mm")
            return widget
        if field.kind == "choice":
            combo = QComboBox(parent)
            for choice in field.choices:
                combo.addItem(choice or "—", choice)
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, widget: QWidget, index: AnyIndex) -> None:
        field = self.records.fields[index.column()]
        value = self.records.value(index.row(), field)
        if isinstance(widget, QDateEdit) and not isinstance(widget, QTimeEdit):
            day = value or self.records.default_date()
            widget.setDate(QDate(day.year, day.month, day.day) if day else QDate.currentDate())
        elif isinstance(widget, QTimeEdit):
            widget.setTime(QTime(value.hour, value.minute) if value else QTime(9, 0))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value or "")))
        else:
            super().setEditorData(widget, index)

    def setModelData(self, widget: QWidget, model: Any, index: AnyIndex) -> None:
        if isinstance(widget, QTimeEdit):
            model.setData(index, widget.time().toString("HH:mm"))
        elif isinstance(widget, QDateEdit):
            model.setData(index, widget.date().toString("yyyy-MM-dd"))
        elif isinstance(widget, QComboBox):
            model.setData(index, widget.currentData())
        else:
            super().setModelData(widget, model, index)


class RecordsEditor(BlockEditor):
    """A grid with one record per row and one field per column."""

    #: The block attribute holding the records, the record class and its columns.
    list_attr: ClassVar[str] = ""
    record_type: ClassVar[type] = object
    fields: ClassVar[tuple[Field, ...]] = ()
    noun: ClassVar[str] = "row"
    #: Whether rows keep the order the user gives them (the schedule sorts itself instead).
    ordered_by_user: ClassVar[bool] = True

    def __init__(self, document: Document, block: Any, parent: QWidget | None = None) -> None:
        super().__init__(document, block, parent)
        self._grow_rows = 0
        self.view = GridView(self, self)
        self.view.setItemDelegate(PickerDelegate(self))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char = self.fontMetrics().averageCharWidth()
        for column, field in enumerate(self.fields):
            self.view.setColumnWidth(column, field.width * char + 16)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)

        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.hide()

        buttons = QHBoxLayout()
        buttons.setSpacing(4)

        def button(text: str, tip: str, slot: object) -> QPushButton:
            push = QPushButton(text)
            push.setToolTip(tip)
            push.setAutoDefault(False)
            push.clicked.connect(slot)
            buttons.addWidget(push)
            return push

        button(f"Add {self.noun.capitalize()}", f"Add a {self.noun} below the selected one",
               self.add_row)
        button("Remove", f"Remove the selected {self.noun}s", self.remove_rows)
        if self.ordered_by_user:
            button("↑", f"Move the {self.noun} up", lambda: self.move_row(-1))
            button("↓", f"Move the {self.noun} down", lambda: self.move_row(1))
        buttons.addStretch(1)
        hint = QLabel("Double-click to edit · paste cells from a spreadsheet")
        hint.setEnabled(False)
        buttons.addWidget(hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh()

    # --- the records -------------------------------------------------------------------

    def records(self, block: Any | None = None) -> list[Any]:
        return getattr(block if block is not None else self.block, self.list_attr)

    def value(self, row: int, field: Field) -> Any:
        return getattr(self.records()[row], field.name)

    def default_date(self) -> Any:
        return self.document.brief.meta.dates.start

    def new_record(self, after: Any | None) -> Any:
        return self.record_type()

    # --- GridSource ----------------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.records())

    def column_count(self) -> int:
        return len(self.fields)

    def header(self, column: int) -> str:
        return self.fields[column].label

    def cell(self, row: int, column: int) -> str:
        return format_value(self.fields[column], self.value(row, self.fields[column]))

    def cell_hint(self, row: int, column: int) -> tuple[QColor | None, str]:
        return None, ""

    def ensure_size(self, rows: int, columns: int) -> bool:
        self._grow_rows = rows
        return columns <= len(self.fields)

    def set_cells(self, cells: Cells, text: str) -> None:
        new = self.copy_block()
        records = self.records(new)
        while len(records) < self._grow_rows:
            records.append(self.new_record(records[-1] if records else None))
        self._grow_rows = 0
        problems: list[str] = []
        for (row, column), raw in sorted(cells.items()):
            if column >= len(self.fields):
                continue
            while len(records) <= row:
                records.append(self.new_record(records[-1] if records else None))
            field = self.fields[column]
            try:
                setattr(records[row], field.name, parse_value(field, raw))
            except ValueError as error:
                problems.append(f"Row {row + 1}: {error}")
        current = self.view.currentIndex()
        moved_to = self.arrange(new, current.row())
        self.push(new, text)
        self.view.reload()
        if moved_to is not None and current.isValid():
            self.view.setCurrentIndex(self.view.grid.index(moved_to, current.column()))
        self.show_problems(problems)

    def arrange(self, new: Any, row: int) -> int | None:
        """Put records in their order after an edit; return where ``row`` went."""
        return row

    def show_problems(self, problems: list[str]) -> None:
        if problems:
            self.message.setText("Not changed: " + "; ".join(problems[:3]))
            self.message.setStyleSheet("color: #a61b1b;")
            self.message.show()
        else:
            self.message.hide()

    def refresh(self) -> None:
        self.view.reload()

    # --- rows ---------------------------------------------------------------------------------

    def _selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.view.selectedIndexes()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        return sorted(rows)

    def add_row(self) -> None:
        new = self.copy_block()
        records = self.records(new)
        current = self.view.currentIndex()
        at = current.row() + 1 if current.isValid() else len(records)
        records.insert(at, self.new_record(records[at - 1] if at > 0 else None))
        moved = self.arrange(new, at)
        at = moved if moved is not None else at
        self.push(new, f"Add {self.noun}")
        self.view.reload()
        self.view.setCurrentIndex(self.view.grid.index(at, max(0, current.column())))
        self.view.setFocus()

    def remove_rows(self) -> None:
        rows = self._selected_rows()
        if not rows:
            return
        new = self.copy_block()
        records = self.records(new)
        for row in reversed(rows):
            if row < len(records):
                del records[row]
        self.push(new, f"Remove {self.noun}" + ("s" if len(rows) > 1 else ""))
        self.view.reload()

    def move_row(self, step: int) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            return
        row, target = current.row(), current.row() + step
        new = self.copy_block()
        records = self.records(new)
        if not 0 <= target < len(records):
            return
        records.insert(target, records.pop(row))
        self.push(new, f"Move {self.noun}")
        self.view.reload()
        self.view.setCurrentIndex(self.view.grid.index(target, current.column()))

    def find_text(self, needle: str) -> bool:
        key = needle.casefold()
        for row in range(self.row_count()):
            for column in range(self.column_count()):
                if key in self.cell(row, column).casefold():
                    self.view.setCurrentIndex(self.view.grid.index(row, column))
                    self.view.setFocus()
                    return True
        return False


class RecommendationsEditor(RecordsEditor):
    label = "Recommendations"
    list_attr = "items"
    record_type = m.Recommendation
    noun = "recommendation"
    fields = (
        Field("text", "Recommendation", width=30),
        Field("rationale", "Rationale", width=30),
        Field("owner", "Owner", width=14),
        Field("priority", "Priority", "choice", m.PRIORITIES, width=9),
    )


class PeopleEditor(RecordsEditor):
    label = "People"
    list_attr = "people"
    record_type = m.Person
    noun = "person"
    fields = (
        Field("name", "Name", width=18),
        Field("title", "Title", width=18),
        Field("organisation", "Organisation", width=16),
        Field("pronunciation", "Pronunciation", width=12),
        Field("photo", "Photo", width=14),
        Field("bio", "Biography", width=36),
    )


class ContactsEditor(RecordsEditor):
    label = "Contacts"
    list_attr = "contacts"
    record_type = m.Contact
    noun = "contact"
    fields = (
        Field("name", "Name", width=18),
        Field("role", "Role", width=18),
        Field("phone", "Phone", width=14),
        Field("email", "Email", width=20),
        Field("notes", "Notes", width=20),
    )
