"""Undo commands: every edit of the brief is one of these, pushed on the document's stack.

Commands hold what they need to go both ways (the old and the new value, or
the section they removed). Typing in one field merges into one command, so
Undo takes back a burst of typing, not one letter.
"""

from __future__ import annotations

import copy
import time
from typing import Any

from PySide6.QtGui import QUndoCommand

from briefbook.core.model import Block, Meta, Section
from briefbook.gui.editing.document import Document, SectionPath

#: Typing in the same field within this many seconds merges into one undo step.
MERGE_SECONDS = 2.0
_MERGE_ID = 7001


class _Command(QUndoCommand):
    """Base: remembers the document; ``first`` is True while being pushed (not an undo/redo)."""

    def __init__(self, document: Document, text: str) -> None:
        super().__init__(text)
        self.document = document
        self._pushed = False

    def redo(self) -> None:
        self.apply()
        if self._pushed:
            self.reveal()
        self._pushed = True

    def undo(self) -> None:
        self.revert()
        self.reveal()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def reveal(self) -> None:
        """Show the place this command changed (after an undo or a redo)."""


class _MergingCommand(_Command):
    """A value change that merges with the next one on the same key while typing."""

    def __init__(self, document: Document, text: str, merge_key: Any) -> None:
        super().__init__(document, text)
        self.merge_key = merge_key
        self.stamp = time.monotonic()

    def id(self) -> int:
        return _MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, type(self))
            or self.merge_key is None
            or other.merge_key != self.merge_key
            or not self.same_target(other)
            or other.stamp - self.stamp > MERGE_SECONDS
        ):
            return False
        self.absorb(other)
        self.stamp = other.stamp
        if self.is_noop():
            self.setObsolete(True)
        return True

    def same_target(self, other: Any) -> bool:
        raise NotImplementedError

    def absorb(self, other: Any) -> None:
        raise NotImplementedError

    def is_noop(self) -> bool:
        return False


# --- the cover --------------------------------------------------------------


class EditMeta(_MergingCommand):
    def __init__(self, document: Document, new: Meta, text: str, merge_key: Any = None):
        super().__init__(document, text, merge_key)
        self.old = copy.deepcopy(document.brief.meta)
        self.new = copy.deepcopy(new)

    def apply(self) -> None:
        self.document.assign_meta(self.new)

    def revert(self) -> None:
        self.document.assign_meta(self.old)

    def reveal(self) -> None:
        self.document.reveal(None)

    def same_target(self, other: EditMeta) -> bool:
        return True

    def absorb(self, other: EditMeta) -> None:
        self.new = other.new

    def is_noop(self) -> bool:
        return self.old == self.new


class EditBriefField(_Command):
    """Replace a brief-wide list such as its editions."""

    def __init__(self, document: Document, name: str, value: Any, text: str):
        super().__init__(document, text)
        self.name = name
        self.old = copy.deepcopy(getattr(document.brief, name))
        self.new = copy.deepcopy(value)

    def apply(self) -> None:
        self.document.set_brief_field(self.name, self.new)

    def revert(self) -> None:
        self.document.set_brief_field(self.name, self.old)

    def reveal(self) -> None:
        self.document.reveal(None)


# --- sections ---------------------------------------------------------------


class InsertSection(_Command):
    def __init__(self, document: Document, path: SectionPath, section: Section, text: str):
        super().__init__(document, text)
        self.path = path
        self.section = section

    def apply(self) -> None:
        self.document.put_section(self.path, self.section)
        self.document.reveal(self.path)

    def revert(self) -> None:
        self.document.take_section(self.path)

    def reveal(self) -> None:
        if self.document.path_of(self.section) is None:
            self.document.reveal(_neighbour(self.document, self.path))


class RemoveSection(_Command):
    def __init__(self, document: Document, path: SectionPath, text: str = "Delete section"):
        super().__init__(document, text)
        self.path = path
        self.section: Section | None = None

    def apply(self) -> None:
        self.section = self.document.take_section(self.path)
        self.document.reveal(_neighbour(self.document, self.path))

    def revert(self) -> None:
        assert self.section is not None
        self.document.put_section(self.path, self.section)

    def reveal(self) -> None:
        if self.section is not None and self.document.path_of(self.section) is not None:
            self.document.reveal(self.path)


class MoveSection(_Command):
    """Move a section so that it ends up at ``target`` (a path in the brief after the move)."""

    def __init__(self, document: Document, source: SectionPath, target: SectionPath, text: str):
        super().__init__(document, text)
        self.source = source
        self.target = target

    def apply(self) -> None:
        section = self.document.take_section(self.source)
        self.document.put_section(self.target, section)
        self.document.reveal(self.target)

    def revert(self) -> None:
        section = self.document.take_section(self.target)
        self.document.put_section(self.source, section)
        self.document.reveal(self.source)


class EditSection(_MergingCommand):
    """Change one field of a section (its title, marking or tags)."""

    def __init__(
        self,
        document: Document,
        section: Section,
        name: str,
        value: Any,
        text: str,
        merge: bool = False,
    ):
        super().__init__(document, text, ("section", name) if merge else None)
        self.section = section
        self.name = name
        self.old = copy.deepcopy(getattr(section, name))
        self.new = copy.deepcopy(value)

    def apply(self) -> None:
        self.document.set_section_field(self.section, self.name, self.new)

    def revert(self) -> None:
        self.document.set_section_field(self.section, self.name, self.old)

    def reveal(self) -> None:
        self.document.reveal(self.section)

    def same_target(self, other: EditSection) -> bool:
        return other.section is self.section

    def absorb(self, other: EditSection) -> None:
        self.new = other.new

    def is_noop(self) -> bool:
        return self.old == self.new


# --- blocks -----------------------------------------------------------------


class InsertBlock(_Command):
    def __init__(self, document: Document, section: Section, index: int, block: Block, text: str):
        super().__init__(document, text)
        self.section = section
        self.index = index
        self.block = block

    def apply(self) -> None:
        self.document.insert_block(self.section, self.index, self.block)

    def revert(self) -> None:
        self.document.take_block(self.section, self.index)

    def reveal(self) -> None:
        self.document.reveal(self.section)


class RemoveBlock(_Command):
    def __init__(self, document: Document, section: Section, index: int, text: str):
        super().__init__(document, text)
        self.section = section
        self.index = index
        self.block: Block | None = None

    def apply(self) -> None:
        self.block = self.document.take_block(self.section, self.index)

    def revert(self) -> None:
        assert self.block is not None
        self.document.insert_block(self.section, self.index, self.block)

    def reveal(self) -> None:
        self.document.reveal(self.section)


class MoveBlock(_Command):
    def __init__(self, document: Document, section: Section, source: int, target: int, text: str):
        super().__init__(document, text)
        self.section = section
        self.source = source
        self.target = target

    def apply(self) -> None:
        self._move(self.source, self.target)

    def revert(self) -> None:
        self._move(self.target, self.source)

    def _move(self, source: int, target: int) -> None:
        block = self.section.blocks.pop(source)
        self.section.blocks.insert(target, block)
        self.document.blocks_changed.emit(self.section)
        self.document.edited.emit(self.document.path_of(self.section))

    def reveal(self) -> None:
        self.document.reveal(self.section)


class EditBlock(_MergingCommand):
    """Replace a block's content (kept as the same object) with a new value."""

    def __init__(
        self, document: Document, block: Block, new: Block, text: str, merge_key: Any = None
    ):
        super().__init__(document, text, merge_key)
        self.block = block
        self.old = copy.deepcopy(block)
        self.new = copy.deepcopy(new)

    def apply(self) -> None:
        self.document.assign_block(self.block, self.new)

    def revert(self) -> None:
        self.document.assign_block(self.block, self.old)

    def reveal(self) -> None:
        section = self.document.section_of_block(self.block)
        if section is not None:
            self.document.reveal(section)

    def same_target(self, other: EditBlock) -> bool:
        return other.block is self.block

    def absorb(self, other: EditBlock) -> None:
        self.new = other.new

    def is_noop(self) -> bool:
        return self.old == self.new


def _neighbour(document: Document, path: SectionPath) -> SectionPath | None:
    """The section to show once the one at ``path`` is gone: the next, the previous, the parent."""
    siblings = document.siblings(path)
    if path[-1] < len(siblings):
        return path
    if path[-1] > 0:
        return (*path[:-1], path[-1] - 1)
    if len(path) > 1:
        return path[:-1]
    return None
