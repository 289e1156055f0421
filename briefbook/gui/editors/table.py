"""The table block editor: a real grid with editable headers, rows and columns, and paste."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefbook.core.editing import cells as ops
from briefbook.core.markings import row_marking, scheme_of
from briefbook.core.model import TableBlock
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.base import BlockEditor
from briefbook.gui.editors.grid import GridView
from briefbook.gui.editors.marking import MarkingCombo
from briefbook.gui.editors.widgets import LineEdit, selected_lines, set_line_text, small_button

#: More columns than this get scroll bars instead of squeezing into the pane.
STRETCH_COLUMNS = 5
#: The tint of a row with a marking of its own (its tooltip names the marking).
MARKED_ROW = QColor("#eef1f8")


class TableEditor(BlockEditor[TableBlock]):
    """Columns and rows of text; double-click a column header to rename it."""

    label = "Table"
    block: TableBlock

    def __init__(self, document: Document, block: TableBlock, parent: QWidget | None = None):
        super().__init__(document, block, parent)
        self.view = GridView(self, self)
        header = self.view.horizontalHeader()
        header.sectionDoubleClicked.connect(self.edit_header)
        header.setToolTip("Double-click a column title to rename it")
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_row_marking())
        self._header_edit: QLineEdit | None = None

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(small_button("Add Row", "Add a row below the selected one", self.add_row))
        buttons.addWidget(small_button("Remove Row", "Remove the selected rows", self.remove_rows))
        columns = small_button("Columns", "Add, remove or rename columns", lambda: None)
        columns.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(columns)
        menu.addAction("Add Column to the Right", lambda: self.add_column())
        menu.addAction("Add Column to the Left", lambda: self.add_column(before=True))
        menu.addAction(
            "Rename Column…", lambda: self.edit_header(max(0, self.view.currentIndex().column()))
        )
        menu.addSeparator()
        menu.addAction("Remove Column", lambda: self.remove_columns())
        columns.setMenu(menu)
        buttons.addWidget(columns)
        self.row_marking = MarkingCombo(document, "the selected rows")
        self.row_marking.chosen.connect(self.mark_rows)
        buttons.addWidget(self.row_marking)
        buttons.addStretch(1)
        hint = QLabel("Paste cells from a spreadsheet with Ctrl+V")
        hint.setEnabled(False)
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons.addWidget(hint)

        self.caption = LineEdit()
        self.caption.setPlaceholderText("Printed with the table (optional)")
        self.caption.textEdited.connect(self._caption_edited)
        caption_row = QFormLayout()
        caption_row.addRow("Caption", self.caption)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addLayout(caption_row)
        self.refresh()

    # --- GridSource ----------------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.block.rows)

    def column_count(self) -> int:
        return len(self.block.columns)

    def header(self, column: int) -> str:
        return self.block.columns[column]

    def cell(self, row: int, column: int) -> str:
        cells = self.block.rows[row]
        return cells[column] if column < len(cells) else ""

    def row_label(self, row: int) -> str:
        """The row's number, with its portion mark when it has a marking of its own."""
        mark = row_marking(self.block, row)
        return f"{row + 1} {scheme_of(self.document.brief).portion(mark)}" if mark else str(row + 1)

    def cell_hint(self, row: int, column: int) -> tuple[QColor | None, str]:
        mark = row_marking(self.block, row)
        return (MARKED_ROW, f"This row is marked {mark}") if mark else (None, "")

    def ensure_size(self, rows: int, columns: int) -> bool:
        self._grow_to = (rows, columns)
        return True

    def set_cells(self, cells: ops.Cells, text: str) -> None:
        new = self.copy_block()
        rows, columns = getattr(self, "_grow_to", (0, 0))
        self._grow_to = (0, 0)
        ops.set_cells(new, cells, rows, columns)
        self.push(new, text)
        self.view.reload()

    # --- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.view.reload()
        mode = (
            QHeaderView.ResizeMode.Stretch
            if len(self.block.columns) <= STRETCH_COLUMNS
            else QHeaderView.ResizeMode.Interactive
        )
        self.view.horizontalHeader().setSectionResizeMode(mode)
        self.view.fit_height()
        set_line_text(self.caption, self.block.caption)
        self._show_row_marking()

    # --- rows and columns --------------------------------------------------------------------

    def add_row(self) -> None:
        new = self.copy_block()
        current = self.view.currentIndex()
        at = current.row() + 1 if current.isValid() else len(new.rows)
        ops.insert_row(new, at)
        self.push(new, "Add row")
        self.refresh()
        self.view.setCurrentIndex(self.view.grid.index(at, max(0, current.column())))
        self.view.setFocus()

    def mark_rows(self, marking: str) -> None:
        """Give the selected rows (or the current one) their own marking."""
        rows = selected_lines(self.view) or (
            [self.view.currentIndex().row()] if self.view.currentIndex().isValid() else []
        )
        new = self.copy_block()
        ops.mark_rows(new, rows, marking)
        self.push(new, "Change row marking")
        self.view.reload()

    def _show_row_marking(self) -> None:
        current = self.view.currentIndex()
        self.row_marking.show_marking(
            row_marking(self.block, current.row()) if current.isValid() else ""
        )

    def remove_rows(self) -> None:
        rows = selected_lines(self.view)
        if not rows:
            return
        new = self.copy_block()
        ops.remove_rows(new, rows)
        self.push(new, "Remove row" if len(rows) == 1 else "Remove rows")
        self.refresh()

    def add_column(self, before: bool = False) -> None:
        new = self.copy_block()
        current = self.view.currentIndex()
        if current.isValid():
            at = current.column() if before else current.column() + 1
        else:
            at = 0 if before else len(new.columns)
        ops.insert_column(new, at)
        self.push(new, "Add column")
        self.refresh()
        self.edit_header(at)

    def remove_columns(self) -> None:
        columns = selected_lines(self.view, columns=True)
        new = self.copy_block()
        if not ops.remove_columns(new, columns):
            return  # a table keeps at least one column
        self.push(new, "Remove column" if len(columns) == 1 else "Remove columns")
        self.refresh()

    def rename_column(self, column: int, title: str) -> None:
        if not 0 <= column < len(self.block.columns) or self.block.columns[column] == title:
            return
        new = self.copy_block()
        new.columns[column] = title
        self.push(new, "Rename column")
        self.view.grid.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def edit_header(self, column: int) -> None:
        """Rename a column in place: a field over its title (Enter keeps, Escape cancels)."""
        if not 0 <= column < len(self.block.columns):
            return
        header = self.view.horizontalHeader()
        edit = LineEdit(header.viewport())
        edit.setText(self.block.columns[column])
        edit.setGeometry(
            header.sectionViewportPosition(column), 0, header.sectionSize(column), header.height()
        )
        edit.selectAll()
        edit.show()
        edit.setFocus()
        self._header_edit = edit

        def finish() -> None:
            if self._header_edit is edit:
                self._header_edit = None
                title = edit.text()
                edit.deleteLater()
                self.rename_column(column, title)

        edit.editingFinished.connect(finish)

        def cancel() -> None:
            edit.setText(self.block.columns[column])
            edit.clearFocus()

        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), edit)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(cancel)

    def _caption_edited(self, text: str) -> None:
        new = self.copy_block()
        new.caption = text
        self.push(new, "Edit caption", merge_key="caption")

    def find_text(self, needle: str) -> bool:
        key = needle.casefold()
        for row, cells in enumerate(self.block.rows):
            for column, value in enumerate(cells):
                if key in value.casefold():
                    self.view.setCurrentIndex(self.view.grid.index(row, column))
                    self.view.setFocus()
                    return True
        return key in " ".join([*self.block.columns, self.block.caption]).casefold()
