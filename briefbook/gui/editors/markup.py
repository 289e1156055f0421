"""The inline markup toolbar for text fields: bold, italic and link.

The markup is briefbook's own small set: ``**bold**``, ``*italic*`` and
``[label](https://...)``; the toolbar wraps the selection (or unwraps it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCursor
from PySide6.QtWidgets import QInputDialog, QPlainTextEdit, QToolBar, QWidget

from briefbook.gui.actions import Shortcut, Slot, make_action

MARKUP_HELP = (
    "**bold**, *italic* and [label](https://…) links; a blank line starts a new paragraph."
)


def toggle_wrap(edit: QPlainTextEdit, marker: str) -> None:
    """Wrap the selection in ``marker`` (or remove it when already wrapped)."""
    cursor = edit.textCursor()
    text = cursor.selectedText()
    if not text:
        cursor.insertText(marker + marker)
        cursor.movePosition(QTextCursor.MoveOperation.Left, n=len(marker))
        edit.setTextCursor(cursor)
        return
    start = cursor.selectionStart()
    whole = edit.toPlainText()
    n = len(marker)
    before, after = (
        whole[max(0, start - n) : start],
        whole[start + len(text) : start + len(text) + n],
    )
    cursor.beginEditBlock()
    if text.startswith(marker) and text.endswith(marker) and len(text) >= 2 * n:
        inner = text[n:-n]
        cursor.insertText(inner)
        _select(edit, start, len(inner))
    elif before == marker and after == marker:
        cursor.setPosition(start - n)
        cursor.setPosition(start + len(text) + n, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)
        _select(edit, start - n, len(text))
    else:
        cursor.insertText(f"{marker}{text}{marker}")
        _select(edit, start + n, len(text))
    cursor.endEditBlock()


def insert_link(edit: QPlainTextEdit, url: str) -> None:
    """Make the selection a link to ``url`` (or insert the bare link)."""
    url = url.strip()
    if not url:
        return
    cursor = edit.textCursor()
    label = cursor.selectedText() or url
    cursor.insertText(f"[{label}]({url})")
    edit.setTextCursor(cursor)


def _select(edit: QPlainTextEdit, start: int, length: int) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


class MarkupBar(QToolBar):
    """Bold, Italic and Link buttons (Ctrl+B, Ctrl+I, Ctrl+K) for one text field."""

    def __init__(self, edit: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setIconSize(self.iconSize() * 0.75)
        bold = self._action(
            "B",
            "Bold (Ctrl+B): **text**",
            QKeySequence.StandardKey.Bold,
            lambda: toggle_wrap(self.edit, "**"),
        )
        font = QFont(bold.font())
        font.setBold(True)
        bold.setFont(font)
        italic = self._action(
            "I",
            "Italic (Ctrl+I): *text*",
            QKeySequence.StandardKey.Italic,
            lambda: toggle_wrap(self.edit, "*"),
        )
        font = QFont(italic.font())
        font.setItalic(True)
        italic.setFont(font)
        self._action(
            "Link…", "Link (Ctrl+K): [text](https://…)", QKeySequence("Ctrl+K"), self.ask_link
        )

    def _action(self, text: str, tip: str, key: Shortcut, slot: Slot) -> QAction:
        act = make_action(
            self,
            text,
            slot,
            key,
            tip,
            status=False,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.edit.addAction(act)
        self.addAction(act)
        return act

    def ask_link(self) -> None:
        url, ok = QInputDialog.getText(
            self, "Insert link", "Address (https://… or mailto:…):", text="https://"
        )
        if ok and url.strip() not in ("", "https://"):
            insert_link(self.edit, url)
            self.edit.setFocus()
