"""The text block editor: paragraphs with the inline markup and a markup toolbar."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from briefbook.core.model import TextBlock
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.base import BlockEditor
from briefbook.gui.editors.markup import MARKUP_HELP, MarkupBar
from briefbook.gui.editors.widgets import TextEdit


def select_in(edit: TextEdit, needle: str) -> bool:
    """Select the first ``needle`` in ``edit`` after the cursor (then from the top)."""
    text = edit.toPlainText().casefold()
    key = needle.casefold()
    start = text.find(key, edit.textCursor().selectionEnd())
    if start < 0:
        start = text.find(key)
    if start < 0:
        return False
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(needle), cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.setFocus()
    return True


class TextEditor(BlockEditor[TextBlock]):
    label = "Text"
    block: TextBlock

    def __init__(self, document: Document, block: TextBlock, parent: QWidget | None = None):
        super().__init__(document, block, parent)
        self.edit = TextEdit(self, min_lines=3)
        self.edit.setPlaceholderText("Type the text. " + MARKUP_HELP)
        self.edit.setToolTip(MARKUP_HELP)
        self.bar = MarkupBar(self.edit, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.edit)
        self.refresh()
        self.edit.textChanged.connect(self._typed)

    def refresh(self) -> None:
        self.edit.set_text_keeping_cursor(self.block.text)

    def _typed(self) -> None:
        self.push(TextBlock(self.edit.toPlainText()), "Edit text", merge_key="text")

    def find_text(self, needle: str) -> bool:
        return select_in(self.edit, needle)
