"""The open brief as the GUI sees it: the model, its file, its undo stack and change signals.

Every change to the brief goes through an undo command (``commands.py``) that
calls the primitives below; each primitive changes the plain model and says
what changed, so the tree, the editors and the preview follow.
Blocks and sections are changed in place, so editors may keep a reference to them.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefbook.core.model import Block, Brief, Meta, Section

SectionPath = tuple[int, ...]


def assign_fields(target: Any, value: Any) -> None:
    """Make dataclass ``target`` equal to ``value`` (a copy of each field), keeping its identity."""
    for item in dataclasses.fields(target):
        setattr(target, item.name, copy.deepcopy(getattr(value, item.name)))


class Document(QObject):
    """One brief being edited."""

    #: Sections were added, removed or moved: the tree needs rebuilding.
    structure_changed = Signal()
    #: A section's own fields (title, marking, tags) changed.
    section_changed = Signal(object)
    #: A section's list of blocks changed (added, removed, moved).
    blocks_changed = Signal(object)
    #: One block's content changed.
    block_changed = Signal(object)
    #: The cover fields changed.
    meta_changed = Signal()
    #: Anything changed; the argument is the affected section's path, or None for the cover.
    edited = Signal(object)
    #: Undo or redo touched this section path (or None for the cover): show it.
    reveal_requested = Signal(object)
    #: The file the brief is saved to changed (Save As, or a first save).
    path_changed = Signal()
    #: A sentence for the status bar (e.g. where a chosen picture was copied to).
    notice = Signal(str)

    def __init__(self, brief: Brief, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.brief = brief
        #: The file Save writes to; None for an untitled brief (from a template or the example).
        self.path = path
        self.undo_stack = QUndoStack(self)
        #: The copies the last snapshot was made of: id(original) -> (original, copy).
        self._copies: dict[int, tuple[Any, Any]] = {}
        #: Pictures outside the brief's folder that the user allowed for this session
        #: (real paths); the preview, print and export embed them, and no others.
        self.allowed_images: set[Path] = set()
        #: What was wrong in the file when it was opened (the parts not read are not in
        #: ``brief``): listed in the Problems panel; Save asks before it leaves them out.
        self.load_problems: list[Any] = []
        #: For each of ``load_problems``, the section it lies in (None: the cover, the rest).
        self.problem_places: list[SectionPath | None] = []

    # --- questions -----------------------------------------------------------

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        """The file name, or "Untitled" for a brief never saved."""
        return self.path.name if self.path is not None else "Untitled"

    def path_of(self, section: Section) -> SectionPath | None:
        """The index path of ``section`` (by identity), or None if it is not in the brief."""
        for path, candidate in self.brief.walk_sections():
            if candidate is section:
                return path
        return None

    def section_of_block(self, block: Block) -> Section | None:
        for _path, section in self.brief.walk_sections():
            if any(candidate is block for candidate in section.blocks):
                return section
        return None

    def siblings(self, path: SectionPath) -> list[Section]:
        """The list that holds the section at ``path`` (or would hold it)."""
        if len(path) == 1:
            return self.brief.sections
        return self.brief.sections[path[0]].subsections

    # --- primitives for the undo commands ------------------------------------

    def put_section(self, path: SectionPath, section: Section) -> None:
        self.siblings(path).insert(path[-1], section)
        self.structure_changed.emit()
        self.edited.emit(path)

    def take_section(self, path: SectionPath) -> Section:
        section = self.siblings(path).pop(path[-1])
        self.structure_changed.emit()
        self.edited.emit(path)
        return section

    def set_section_field(self, section: Section, name: str, value: Any) -> None:
        setattr(section, name, copy.deepcopy(value))
        self.section_changed.emit(section)
        self.edited.emit(self.path_of(section))

    def insert_block(self, section: Section, index: int, block: Block) -> None:
        section.blocks.insert(index, block)
        self.blocks_changed.emit(section)
        self.edited.emit(self.path_of(section))

    def take_block(self, section: Section, index: int) -> Block:
        block = section.blocks.pop(index)
        self.blocks_changed.emit(section)
        self.edited.emit(self.path_of(section))
        return block

    def assign_block(self, block: Block, value: Block) -> None:
        assign_fields(block, value)
        self.block_changed.emit(block)
        section = self.section_of_block(block)
        self.edited.emit(self.path_of(section) if section is not None else None)

    def assign_meta(self, value: Meta) -> None:
        assign_fields(self.brief.meta, value)
        self.meta_changed.emit()
        self.edited.emit(None)

    def set_brief_field(self, name: str, value: Any) -> None:
        """Change a brief-wide field other than the cover (e.g. its editions)."""
        setattr(self.brief, name, copy.deepcopy(value))
        self.meta_changed.emit()
        self.edited.emit(None)

    def reveal(self, section: Section | SectionPath | None) -> None:
        if isinstance(section, Section):
            path = self.path_of(section)
            if path is None:
                return
            self.reveal_requested.emit(path)
        else:
            self.reveal_requested.emit(section)

    def snapshot(self) -> Brief:
        """A copy of the brief for a worker thread to read while the user keeps typing.

        The copies of the top-level sections, the cover and the other brief-wide fields
        are kept from one snapshot to the next, and each is used again while it still
        equals what it copies: comparing is cheap (unchanged text is shared, so most of
        it is identity checks), copying is not. After an edit, only the edited section
        is copied anew. Snapshots share those copies: whoever reads one must not change
        it (the renderer, the exports and the autosave only read).
        """
        kept: dict[int, tuple[Any, Any]] = {}

        def copy_of(live: Any) -> Any:
            entry = self._copies.get(id(live))
            if entry is None or entry[0] is not live or entry[1] != live:
                entry = (live, copy.deepcopy(live))
            kept[id(live)] = entry
            return entry[1]

        values: dict[str, Any] = {}
        for item in dataclasses.fields(self.brief):
            live = getattr(self.brief, item.name)
            if item.name == "sections":
                values[item.name] = [copy_of(section) for section in live]
            else:
                values[item.name] = copy_of(live)
        self._copies = kept
        return Brief(**values)
