"""File › Import… (the file's sections go into the open brief, one undo step) and
File › New Brief from File… (the file becomes a new, unsaved brief).

The file is read and structured in a worker (``core.importing``); only the result
touches the window.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from briefbook.core.text import counted
from briefbook.gui.dialogs.errors import show_error
from briefbook.gui.editing.document import Document
from briefbook.gui.workers import run_task

if TYPE_CHECKING:
    from briefbook.core.importing import ImportReport
    from briefbook.gui.window.services import WindowServices

IMPORT_FILTER = (
    "Text, Markdown, HTML or Word (*.txt *.md *.markdown *.html *.htm *.docx);;All files (*)"
)


def choose_source(window: WindowServices, caption: str) -> Path | None:
    """Ask for the file to import (starting in the brief's folder)."""
    path = window.document.path
    folder = str(path.parent) if path else ""
    name, _ = QFileDialog.getOpenFileName(window.window(), caption, folder, IMPORT_FILTER)
    return Path(name) if name else None


def _read(window: WindowServices, path: Path, done: Callable[[ImportReport], None]) -> None:
    from briefbook.core.importing import import_file_report

    window.statusBar().showMessage(f"Importing {path.name}…")

    def failed(error: BaseException) -> None:
        window.statusBar().clearMessage()
        show_error(window.window(), f"Could not import {path.name}", error)
        window.opening_failed.emit(error)

    run_task(lambda _progress: import_file_report(path), done, failed, owner=window.window())


def _warnings(report: ImportReport) -> str:
    return " (" + "; ".join(report.warnings) + ")" if report.warnings else ""


def import_into_brief(window: WindowServices, path: Path) -> None:
    """Add the sections structured from ``path`` to the open brief, after the selected
    section, as one undo step; a brief with no title yet takes the file's."""

    def done(report: ImportReport) -> None:
        from briefbook.gui.editing import commands

        document = window.document
        imported = report.brief
        if not any(s.blocks or s.subsections or s.title.strip() for s in imported.sections):
            window.statusBar().showMessage(
                f"{path.name} holds nothing to import{_warnings(report)}", 10_000
            )
            return
        stack = document.undo_stack
        stack.beginMacro(f"Import {path.name}")
        count = window.sections.insert_sections(imported.sections, "Import")
        if not document.brief.meta.title.strip() and imported.meta.title:
            meta = copy.deepcopy(document.brief.meta)
            meta.title = imported.meta.title
            stack.push(commands.EditMeta(document, meta, "Change title"))
        stack.endMacro()
        window.statusBar().showMessage(
            f"Imported {counted(count, 'section')} from {path.name} into this brief "
            f"(Edit › Undo takes them out again){_warnings(report)}",
            10_000,
        )

    _read(window, path, done)


def new_brief_from_file(window: WindowServices, path: Path) -> None:
    """Start a new, unsaved brief structured from ``path``."""

    def done(report: ImportReport) -> None:
        brief = report.brief
        window.set_document(Document(brief))
        count = len(brief.sections)
        window.statusBar().showMessage(
            f"New brief from {path.name}: {counted(count, 'section')}; save it "
            f"to keep it{_warnings(report)}",
            10_000,
        )

    _read(window, path, done)
