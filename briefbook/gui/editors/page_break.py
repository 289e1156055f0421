"""The page break editor: nothing to edit, a line saying what the block does."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from briefbook.core.model import PageBreakBlock
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.base import BlockEditor


class PageBreakEditor(BlockEditor[PageBreakBlock]):
    label = "Page break"

    def __init__(
        self, document: Document, block: PageBreakBlock, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, block, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel("The next block starts on a new page.")
        hint.setEnabled(False)
        layout.addWidget(hint)
