"""A spreadsheet-like grid shared by the table, schedule, recommendations, people and
contacts editors: type in cells, paste a block of cells, copy, clear with Delete.

The grid asks its editor (a ``GridSource``) for cell text and hands every change
back to it as one batch, which the editor turns into a single undo command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from briefbook.core.editing.cells import Cells, format_cells, parse_cells
from briefbook.gui.dialogs.plain import tooltip
from briefbook.gui.editors.widgets import is_history_key

AnyIndex = QModelIndex | QPersistentModelIndex

#: The grid grows with its rows up to this many, then scrolls.
MAX_VISIBLE_ROWS = 14


class GridSource(Protocol):
    """What a grid needs from its editor."""

    def row_count(self) -> int: ...
    def column_count(self) -> int: ...
    def header(self, column: int) -> str: ...
    def cell(self, row: int, column: int) -> str: ...
    def set_cells(self, cells: Cells, text: str) -> None: ...
    def ensure_size(self, rows: int, columns: int) -> bool: ...
    def cell_hint(self, row: int, column: int) -> tuple[QColor | None, str]: ...


class GridModel(QAbstractTableModel):
    def __init__(self, source: GridSource) -> None:
        super().__init__()
        self.source = source

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.source.row_count()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.source.column_count()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.source.cell(index.row(), index.column())
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            colour, tip = self.source.cell_hint(index.row(), index.column())
            if role == Qt.ItemDataRole.BackgroundRole:
                return colour
            return tooltip(tip) if tip else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.source.header(section) if section < self.source.column_count() else None
        row_label = getattr(self.source, "row_label", None)  # e.g. with the row's marking
        return row_label(section) if row_label is not None else str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = "" if value is None else str(value)
        if text == self.source.cell(index.row(), index.column()):
            return False
        self.source.set_cells({(index.row(), index.column()): text}, "Edit cell")
        return True

    def reload(self) -> None:
        """The block changed (an edit, an undo): show it again."""
        self.beginResetModel()
        self.endResetModel()


class GridView(QTableView):
    """The table view: Ctrl+C / Ctrl+V / Delete on cell blocks; grows with its rows."""

    def __init__(self, source: GridSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.grid = GridModel(source)
        self.setModel(self.grid)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.horizontalHeader().setHighlightSections(False)
        self.setTabKeyNavigation(True)
        self._fit_pending = False

    def reload(self) -> None:
        current = self.currentIndex()
        row, column = current.row(), current.column()
        self.grid.reload()
        rows, columns = self.grid.rowCount(), self.grid.columnCount()
        if rows and columns and row >= 0:
            self.setCurrentIndex(self.grid.index(min(row, rows - 1), min(column, columns - 1)))
        self.fit_height()

    def after_edit(self, work: Callable[[], object]) -> None:
        """Run ``work`` (which may rebuild the grid) now, or, while a cell editor is open
        (its value is being committed), once it has closed.

        Rebuilding the model under an editor that is committing destroys it half-way:
        Qt then warns "commitData called with an editor that does not belong to this
        view" and may drop the next keystroke. Until then the cells show the new values.
        """
        if self.state() != QAbstractItemView.State.EditingState:
            work()
            return
        rows, columns = self.grid.rowCount(), self.grid.columnCount()
        if rows and columns:
            self.grid.dataChanged.emit(
                self.grid.index(0, 0), self.grid.index(rows - 1, columns - 1)
            )
        QTimer.singleShot(0, self, lambda: self.after_edit(work))

    def fit_height(self) -> None:
        self.resizeRowsToContents()
        rows = self.grid.rowCount()
        height = self.horizontalHeader().height() + 2 * self.frameWidth() + 2
        for row in range(min(rows, MAX_VISIBLE_ROWS)):
            height += self.rowHeight(row)
        if rows == 0:
            height += self.verticalHeader().defaultSectionSize()
        if self.horizontalHeader().length() > self.viewport().width() + 1:
            height += self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(height)

    def resizeEvent(self, event: object) -> None:
        old_width = event.oldSize().width()  # type: ignore[attr-defined]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if old_width != self.width() and not self._fit_pending:
            # Wrapped cells grow or shrink with the width, once the columns have settled.
            self._fit_pending = True
            QTimer.singleShot(0, self, self._deferred_fit)

    def _deferred_fit(self) -> None:
        self._fit_pending = False
        self.fit_height()

    # --- clipboard ----------------------------------------------------------------------

    def selected_block(self) -> tuple[int, int, int, int] | None:
        """(top, left, bottom, right) around the selection, or the current cell."""
        indexes = self.selectedIndexes() or (
            [self.currentIndex()] if self.currentIndex().isValid() else []
        )
        if not indexes:
            return None
        rows = [i.row() for i in indexes]
        columns = [i.column() for i in indexes]
        return min(rows), min(columns), max(rows), max(columns)

    def copy_cells(self) -> None:
        block = self.selected_block()
        if block is None:
            return
        top, left, bottom, right = block
        rows = [
            [self.source.cell(r, c) for c in range(left, right + 1)] for r in range(top, bottom + 1)
        ]
        QGuiApplication.clipboard().setText(format_cells(rows))

    def paste_cells(self, text: str | None = None) -> None:
        """Paste a block of cells at the current cell, adding rows and columns as needed."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        rows = parse_cells(text)
        if not rows:
            return
        current = self.currentIndex()
        top = max(current.row(), 0)
        left = max(current.column(), 0)
        width = max(len(row) for row in rows)
        if len(rows) == 1 and width == 1 and len(self.selectedIndexes()) > 1:
            cells = {(i.row(), i.column()): rows[0][0] for i in self.selectedIndexes()}
        else:
            if not self.source.ensure_size(top + len(rows), left + width):
                width = min(width, self.source.column_count() - left)
            cells = {
                (top + r, left + c): value
                for r, row in enumerate(rows)
                for c, value in enumerate(row[:width])
            }
        self.source.set_cells(cells, "Paste cells")

    def clear_cells(self) -> None:
        cells = {(i.row(), i.column()): "" for i in self.selectedIndexes()}
        if cells:
            self.source.set_cells(cells, "Clear cells")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_cells()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_cells()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_cells()
                return
        super().keyPressEvent(event)

    def event(self, event: object) -> bool:
        from PySide6.QtCore import QEvent

        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.ShortcutOverride
            and self.state() != QAbstractItemView.State.EditingState
            and (
                event.matches(QKeySequence.StandardKey.Copy)
                or event.matches(QKeySequence.StandardKey.Paste)
                or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            )
        ):
            event.accept()  # the grid handles these keys itself
            return True
        if isinstance(event, QKeyEvent) and is_history_key(event):
            event.ignore()
        return super().event(event)  # type: ignore[arg-type]
