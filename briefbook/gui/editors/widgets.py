"""Input widgets that leave Undo and Redo to the document's undo stack.

Qt's text widgets keep their own undo history and grab Ctrl+Z for it; in
briefbook every edit is a command on the brief's stack, so these widgets let
the key through to the window's Undo and Redo actions instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

_HISTORY_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def is_history_key(event: QEvent) -> bool:
    """Whether ``event`` is the Undo or Redo shortcut."""
    return isinstance(event, QKeyEvent) and any(event.matches(key) for key in _HISTORY_KEYS)


class LineEdit(QLineEdit):
    """A one-line field whose Ctrl+Z / Ctrl+Y go to the window's Undo / Redo."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_history_key(event):
            event.ignore()
            return False
        return super().event(event)


class TextEdit(QPlainTextEdit):
    """A multi-line plain-text field that grows with its text (up to ``max_lines``).

    It emits ``editing_finished`` when it loses focus, like a line edit.
    """

    editing_finished = Signal()

    def __init__(
        self, parent: QWidget | None = None, min_lines: int = 3, max_lines: int = 24
    ) -> None:
        super().__init__(parent)
        self.min_lines = min_lines
        self.max_lines = max_lines
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_history_key(event):
            event.ignore()
            return False
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()

    def _lines(self) -> int:
        return max(1, int(self.document().documentLayout().documentSize().height()))

    def _fit_height(self, *_args: object) -> None:
        lines = min(max(self._lines(), self.min_lines), self.max_lines)
        margins = self.contentsMargins()
        doc_margin = self.document().documentMargin()
        height = (
            lines * self.fontMetrics().lineSpacing()
            + 2 * doc_margin
            + margins.top()
            + margins.bottom()
            + 4
        )
        if self.height() != height:
            self.setFixedHeight(int(height))

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_height()

    def sizeHint(self) -> QSize:
        return QSize(300, self.height())

    def set_text_keeping_cursor(self, text: str) -> None:
        """Replace the text (after an undo) and keep the cursor near where it was."""
        if self.toPlainText() == text:
            return
        position = self.textCursor().position()
        blocked = self.blockSignals(True)
        try:
            self.setPlainText(text)
        finally:
            self.blockSignals(blocked)
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(text)))
        self.setTextCursor(cursor)


def set_line_text(edit: QLineEdit, text: str) -> None:
    """Set a line edit's text without emitting its edit signals, keeping the cursor."""
    if edit.text() == text:
        return
    position = edit.cursorPosition()
    blocked = edit.blockSignals(True)
    try:
        edit.setText(text)
        edit.setCursorPosition(min(position, len(text)))
    finally:
        edit.blockSignals(blocked)


def small_button(text: str, tip: str, slot: object, parent: QWidget | None = None) -> QToolButton:
    """A compact push button for the rows under grids and lists (they must fit a narrow pane)."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.clicked.connect(slot)  # type: ignore[arg-type]
    return button


def selected_lines(view: QAbstractItemView, columns: bool = False) -> list[int]:
    """The rows (or columns) with a selected cell, else the current cell's; sorted."""

    def line(index: QModelIndex) -> int:
        return index.column() if columns else index.row()

    found = {line(index) for index in view.selectedIndexes()}
    if not found and view.currentIndex().isValid():
        found = {line(view.currentIndex())}
    return sorted(found)
