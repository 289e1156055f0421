"""Grids of records: recommendations, people and contacts (the schedule builds on this).

Each record kind is described by its fields. The short ones are columns of a
grid (one record per row: type, paste from a spreadsheet, pick dates and times);
the long ones (notes, rationale, biography) are edited below the grid for the
selected row, so the grid fits a narrow pane without sideways scrolling.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from briefbook.core.editing.cells import Cells, move_record, remove_records
from briefbook.core.editing.values import Field, format_value, parse_value
from briefbook.gui.dialogs.plain import plain_label
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.base import B, BlockEditor
from briefbook.gui.editors.grid import GridView
from briefbook.gui.editors.pickers import PickerDelegate
from briefbook.gui.editors.widgets import (
    LineEdit,
    TextEdit,
    selected_lines,
    set_line_text,
    small_button,
)

AnyIndex = QModelIndex | QPersistentModelIndex


class RecordsEditor(BlockEditor[B]):
    """A grid with one record per row, and the selected record's long fields below it."""

    #: The block attribute holding the records, the record class and its fields.
    list_attr: ClassVar[str] = ""
    record_type: ClassVar[type] = object
    fields: ClassVar[tuple[Field, ...]] = ()
    noun: ClassVar[str] = "row"
    #: Whether rows keep the order the user gives them (the schedule sorts itself instead).
    ordered_by_user: ClassVar[bool] = True

    def __init__(self, document: Document, block: Any, parent: QWidget | None = None) -> None:
        super().__init__(document, block, parent)
        self.columns = [field for field in self.fields if not field.detail]
        self.details = [field for field in self.fields if field.detail]
        self._grow_rows = 0
        self._typing_in = ""
        self.view = GridView(self, self)
        self.view.setItemDelegate(PickerDelegate(self, self))
        header = self.view.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        for column, field in enumerate(self.columns):
            if field.stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.view.setColumnWidth(column, field.width * char + 18)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)

        # The message's room is kept while it is hidden (two lines), so that a warning
        # appearing or going never moves the buttons and fields below under the pointer.
        self.message = plain_label(QLabel(""))
        self.message.setWordWrap(True)
        self.message.setFixedHeight(2 * self.message.fontMetrics().lineSpacing() + 2)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(policy)
        self.message.hide()

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(
            small_button(
                f"Add {self.noun.capitalize()}",
                f"Add a {self.noun} below the selected one",
                self.add_row,
            )
        )
        buttons.addWidget(
            small_button("Remove", f"Remove the selected {self.noun}s", self.remove_rows)
        )
        if self.ordered_by_user:
            buttons.addWidget(
                small_button("↑", f"Move the {self.noun} up", lambda: self.move_row(-1))
            )
            buttons.addWidget(
                small_button("↓", f"Move the {self.noun} down", lambda: self.move_row(1))
            )
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.detail_widgets: dict[str, LineEdit | TextEdit] = {}
        if self.details:
            layout.addWidget(self._build_details())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_details())
        self.refresh()
        if self.row_count() and self.details:
            self.view.setCurrentIndex(self.view.grid.index(0, 0))

    def _build_details(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 4, 0, 0)
        self.detail_title = plain_label(QLabel(""))
        font = QFont(self.detail_title.font())
        font.setBold(True)
        self.detail_title.setFont(font)
        self.detail_title.setWordWrap(True)
        form.addRow(self.detail_title)
        for field in self.details:
            if field.kind in ("text", "list", "points") and field.width >= 20:
                widget: LineEdit | TextEdit = TextEdit(min_lines=2, max_lines=10)
                widget.textChanged.connect(lambda f=field: self._detail_edited(f))
                if field.kind in ("list", "points"):
                    widget.setPlaceholderText("One per line")
            else:
                widget = LineEdit()
                widget.textEdited.connect(lambda _t, f=field: self._detail_edited(f))
            self.detail_widgets[field.name] = widget
            if field.kind == "path":
                row = QHBoxLayout()
                row.addWidget(widget, 1)
                row.addWidget(
                    small_button(
                        "Browse…", "Choose a picture", lambda _=False, f=field: self._browse(f)
                    )
                )
                form.addRow(field.label, row)
            else:
                form.addRow(field.label, widget)
        return box

    # --- the records -------------------------------------------------------------------

    def records(self, block: Any | None = None) -> list[Any]:
        return getattr(block if block is not None else self.block, self.list_attr)

    def value(self, row: int, field: Field) -> Any:
        return getattr(self.records()[row], field.name)

    def default_date(self) -> Any:
        return self.document.brief.meta.dates.start

    def year(self) -> int | None:
        start = self.default_date()
        return start.year if start is not None else None

    def new_record(self, after: Any | None) -> Any:
        return self.record_type()

    def record_title(self, row: int) -> str:
        return format_value(self.columns[0], self.value(row, self.columns[0]), self.year())

    # --- GridSource ----------------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.records())

    def column_count(self) -> int:
        return len(self.columns)

    def header(self, column: int) -> str:
        return self.columns[column].label

    def cell(self, row: int, column: int) -> str:
        field = self.columns[column]
        return format_value(field, self.value(row, field), self.year())

    def cell_hint(self, row: int, column: int) -> tuple[QColor | None, str]:
        return None, ""

    def ensure_size(self, rows: int, columns: int) -> bool:
        self._grow_rows = rows
        return columns <= len(self.columns)

    def set_cells(self, cells: Cells, text: str) -> None:
        self.set_values(
            {
                (row, self.columns[column]): raw
                for (row, column), raw in cells.items()
                if column < len(self.columns)
            },
            text,
        )

    def set_values(
        self, values: dict[tuple[int, Field], str], text: str, merge_key: Any = None
    ) -> None:
        """Parse and store field values by row, as one undo step."""
        new = self.copy_block()
        records = self.records(new)
        while len(records) < self._grow_rows:
            records.append(self.new_record(records[-1] if records else None))
        self._grow_rows = 0
        problems: list[str] = []
        for (row, field), raw in sorted(values.items(), key=lambda item: item[0][0]):
            while len(records) <= row:
                records.append(self.new_record(records[-1] if records else None))
            try:
                setattr(records[row], field.name, self.parse(records[row], field, raw))
            except ValueError as error:
                problems.append(f"row {row + 1}: {error}")
        current = self.view.currentIndex()
        moved_to = self.arrange(new, current.row())
        self.push(new, text, merge_key)
        column = current.column()

        def show() -> None:
            self.view.reload()
            if moved_to is not None and current.isValid():
                self.view.setCurrentIndex(self.view.grid.index(moved_to, column))
            self.show_problems(problems)

        self.view.after_edit(show)

    def parse(self, record: Any, field: Field, raw: str) -> Any:
        """The typed value of ``raw`` for ``field`` of ``record`` (a ``ValueError`` when
        it cannot be one)."""
        return parse_value(field, raw, self.year())

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
        self.show_details()

    # --- the selected record's long fields --------------------------------------------------

    def show_details(self) -> None:
        if not self.details:
            return
        row = self.view.currentIndex().row()
        valid = 0 <= row < self.row_count()
        for field in self.details:
            widget = self.detail_widgets[field.name]
            widget.setEnabled(valid)
            if field.name == self._typing_in:
                continue  # the user is typing there: leave their text (and cursor) alone
            value = self.value(row, field) if valid else ""
            text = (
                "\n".join(value)
                if field.kind == "list" and isinstance(widget, TextEdit)
                else format_value(field, value)
            )
            if isinstance(widget, TextEdit):
                widget.set_text_keeping_cursor(text)
            else:
                set_line_text(widget, text)
        if valid:
            title = self.record_title(row) or f"{self.noun} {row + 1}"
            self.detail_title.setText(f"{self.noun.capitalize()} {row + 1}: {title}")
        else:
            names = " and ".join(field.label.lower() for field in self.details)
            self.detail_title.setText(f"Click a row to edit its {names}")

    def _browse(self, field: Field) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from briefbook.gui.editors.image import IMAGE_FILTER, path_for_brief

        row = self.view.currentIndex().row()
        if not 0 <= row < self.row_count():
            return
        folder = str(self.document.brief.base_dir or Path.home())
        name, _ = QFileDialog.getOpenFileName(self, "Choose a picture", folder, IMAGE_FILTER)
        if name:
            chosen = path_for_brief(self.document, Path(name))
            self.set_values({(row, field): chosen}, f"Change {field.label.lower()}")
            self.show_details()

    def _detail_edited(self, field: Field) -> None:
        row = self.view.currentIndex().row()
        if not 0 <= row < self.row_count():
            return
        widget = self.detail_widgets[field.name]
        raw = widget.toPlainText() if isinstance(widget, TextEdit) else widget.text()
        self._typing_in = field.name
        try:
            self.set_values(
                {(row, field): raw}, f"Edit {field.label.lower()}", merge_key=(field.name, row)
            )
        finally:
            self._typing_in = ""

    # --- rows ---------------------------------------------------------------------------------

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
        rows = selected_lines(self.view)
        if not rows:
            return
        new = self.copy_block()
        records = self.records(new)
        remove_records(records, rows)
        self.push(new, f"Remove {self.noun}" + ("s" if len(rows) > 1 else ""))
        self.refresh()

    def move_row(self, step: int) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            return
        new = self.copy_block()
        target = move_record(self.records(new), current.row(), step)
        if target is None:
            return
        self.push(new, f"Move {self.noun}")
        self.view.reload()
        self.view.setCurrentIndex(self.view.grid.index(target, current.column()))

    def find_text(self, needle: str) -> bool:
        key = needle.casefold()
        for row in range(self.row_count()):
            for field in self.fields:
                if key in format_value(field, self.value(row, field)).casefold():
                    column = self.columns.index(field) if field in self.columns else 0
                    self.view.setCurrentIndex(self.view.grid.index(row, column))
                    self.view.setFocus()
                    return True
        return False
