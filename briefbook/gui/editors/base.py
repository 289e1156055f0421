"""What every block editor shares: its block, the document, and the way edits become commands."""

from __future__ import annotations

import copy
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QWidget

from briefbook.core.model import Block
from briefbook.gui.editing import commands
from briefbook.gui.editing.document import Document

#: The block type an editor edits (``BlockEditor[TableBlock]``).
B = TypeVar("B", bound=Block)


class BlockEditor(QWidget, Generic[B]):
    """Edits one block of type ``B``: subclasses build widgets, ``refresh()`` from the
    block and ``push()`` edits.

    The block object stays the same for the editor's lifetime (commands change it
    in place); after an undo or redo the editor is told and refreshes itself.
    """

    #: What the block is called in the editor ("Table", "Bullet list"...).
    label = "Block"

    def __init__(self, document: Document, block: B, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.block = block
        self._pushing = False
        document.block_changed.connect(self._block_changed)

    def copy_block(self) -> B:
        """A copy of the block to change and push."""
        return copy.deepcopy(self.block)

    def push(self, new: B, text: str, merge_key: Any = None) -> None:
        """Record an edit: the block becomes ``new`` (one undo step; typing merges)."""
        if new == self.block:
            return
        self._pushing = True
        try:
            self.document.undo_stack.push(
                commands.EditBlock(self.document, self.block, new, text, merge_key)
            )
        finally:
            self._pushing = False

    def _block_changed(self, block: object) -> None:
        if block is self.block and not self._pushing:
            self.refresh()

    def refresh(self) -> None:
        """Show the block's current content (after an undo, a redo or a merge)."""

    def find_text(self, needle: str) -> bool:
        """Put the cursor on ``needle`` if this editor shows it; True when found."""
        return False
