"""Save As into another folder: the brief's picture paths follow, so that each still
names the same file, and the user hears of any that now lie outside the folder."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from briefbook.core.imagepaths import (
    ImageRef,
    Relocation,
    real_path,
    relocate_images,
    resolve_image,
)
from briefbook.core.model import Brief, ImageBlock, PdfBlock, PeopleBlock
from briefbook.core.text import counted
from briefbook.gui.dialogs.plain import message_box
from briefbook.gui.editing.document import Document


def folder_before(document: Document) -> Path | None:
    """The folder the brief's relative picture paths are relative to now."""
    if document.path is not None:
        return document.path.parent
    return document.brief.base_dir


def plan_relocation(document: Document, target: Path) -> tuple[Brief, Relocation] | None:
    """The brief as it should be written to ``target`` (a copy, paths rewritten) and what
    changed; None when the folder stays the same."""
    old = folder_before(document)
    new = target.parent
    if old is not None and real_path(old) == real_path(new):
        return None
    moved = copy.deepcopy(document.brief)
    return moved, relocate_images(moved, old, new)


def apply_relocation(document: Document, moved: Brief) -> None:
    """Make the document's picture paths those of ``moved`` (same structure), as one
    undo step."""
    from briefbook.gui.editing.commands import EditBlock, EditMeta

    stack = document.undo_stack
    stack.beginMacro("Update picture paths for the new folder")
    if moved.meta.logo != document.brief.meta.logo:
        meta = copy.deepcopy(document.brief.meta)
        meta.logo = moved.meta.logo
        stack.push(EditMeta(document, meta, "Update the logo path"))
    pairs = zip(document.brief.walk_sections(), moved.walk_sections(), strict=True)
    for (_, section), (_, moved_section) in pairs:
        for block, moved_block in zip(section.blocks, moved_section.blocks, strict=True):
            if isinstance(block, ImageBlock | PeopleBlock) and block != moved_block:
                stack.push(EditBlock(document, block, moved_block, "Update a picture path"))
    stack.endMacro()


def newly_outside_pictures(
    document: Document, relocation: Relocation, target: Path
) -> list[ImageRef]:
    """The pictures the move leaves outside the brief's folder that the user has not
    allowed before. They are the user's own, so they stay allowed for this session."""
    found = []
    for ref in relocation.now_outside:
        file = real_path(resolve_image(ref.path, target.parent))
        if file not in document.allowed_images:
            document.allowed_images.add(file)
            found.append(ref)
    return found


def warn_now_outside(parent: QWidget | None, refs: list[ImageRef], target: Path) -> None:
    """Tell the user which pictures the new folder no longer holds."""
    if not refs:
        return
    count = len(refs)
    from briefbook.gui.safety.outside import listed

    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        "Pictures outside the brief's folder",
        f"{counted(count, 'picture')} of this brief "
        f"{'are' if count != 1 else 'is'} now outside its folder ({target.parent}).",
        f"{listed(refs, target.parent)}\n\nThe paths still point at the same files, and "
        "they stay in the preview and the PDF for now. Once the brief is opened again, "
        "briefbook asks before embedding them, and whoever receives the brief file will not "
        "have them. Copy them into the brief's folder to keep them with it.",
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def copy_chosen_pictures(document: Document, brief: Brief, folder: Path) -> tuple[Brief, list[str]]:
    """At a brief's first save: the pictures the user chose with Browse from outside
    ``folder`` are copied into ``images/`` there (annexes into ``annexes/``), and
    ``brief`` (copied when anything changes) names the copies. Returns the brief to
    write and the paths written."""
    from briefbook.core.annexes import ANNEX_FOLDER
    from briefbook.core.picturecopy import PICTURE_FOLDER, copy_into_folder, relative_to

    copied: dict[Path, str] = {}

    def moved(value: str, subfolder: str = PICTURE_FOLDER) -> str:
        if not value.strip() or not Path(value).is_absolute():
            return value
        source = real_path(Path(value))
        if source not in document.allowed_images or source.is_relative_to(real_path(folder)):
            return value
        if source not in copied:
            try:
                copied[source] = relative_to(copy_into_folder(source, folder, subfolder), folder)
            except OSError:
                return value  # it stays where it is (and is reported as outside on export)
        return copied[source]

    result = copy.deepcopy(brief)
    result.meta.logo = moved(result.meta.logo)
    for _, section in result.walk_sections():
        for block in section.blocks:
            if isinstance(block, ImageBlock):
                block.path = moved(block.path)
            elif isinstance(block, PdfBlock):
                block.path = moved(block.path, ANNEX_FOLDER)
            elif isinstance(block, PeopleBlock):
                for person in block.people:
                    person.photo = moved(person.photo)
    if not copied:
        return brief, []
    return result, sorted(copied.values())
