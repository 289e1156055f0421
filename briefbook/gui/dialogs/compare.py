"""File > Compare with Earlier Version: the changes from a saved file (or the backup
``NAME.brief.yaml~``) to the open brief, and an export with the changes page.

The earlier file is read in a worker; the comparison is ``briefbook.core.compare.diff``,
the same as ``briefbook diff OLD NEW``.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefbook.core.compare.diff import BriefDiff, diff_briefs
from briefbook.core.compare.words import Segment
from briefbook.core.distribution.exportplan import ExportJob
from briefbook.core.model import Brief
from briefbook.core.text import counted, human_size, plural
from briefbook.errors import BriefbookError
from briefbook.gui.dialogs.export import default_destination
from briefbook.gui.dialogs.plain import plain_label
from briefbook.gui.editing.document import Document
from briefbook.gui.settings import Settings, save_settings
from briefbook.gui.workers import TaskHandle, run_task
from briefbook.render.exporting import ExportChoices, export_job
from briefbook.render.options import ExportResult

_TAG_COLOURS = {
    "ADDED": "#2f6b3a",
    "REMOVED": "#a4262c",
    "CANCELLED": "#a4262c",
    "MOVED": "#b36b00",
    "RE-TIMED": "#b36b00",
    "RENAMED": "#b36b00",
}


def _words_html(segments: tuple[Segment, ...]) -> str:
    out = []
    previous = ""
    for segment in segments:
        text = html.escape(segment.text)
        if segment.kind == "added" and previous == "removed":
            out.append(" ")
        previous = segment.kind
        if segment.kind == "removed":
            out.append(f'<s style="color:#a4262c">{text}</s>')
        elif segment.kind == "added":
            out.append(f'<u style="color:#2f6b3a">{text}</u>')
        else:
            out.append(text)
    return "".join(out)


def changes_html(diff: BriefDiff) -> str:
    """The changes as simple HTML for a text browser; all brief text escaped."""
    parts = [f"<h2>{html.escape(diff.title)}</h2>"]
    if not diff:
        parts.append("<p>Nothing has changed.</p>")
    for group, changes in diff.groups():
        parts.append(f"<h3>{html.escape(group)}</h3><table cellspacing='0' cellpadding='3'>")
        for change in changes:
            colour = _TAG_COLOURS.get(change.tag, "#1f3a5f")
            line = html.escape(change.summary)
            if change.words:
                line += "<br/>" + _words_html(change.words)
            parts.append(
                f"<tr><td><b style='color:{colour}'>{html.escape(change.tag)}</b>"
                f"</td><td>{line}</td></tr>"
            )
        parts.append("</table>")
    return "".join(parts)


def choose_earlier(parent: QWidget, document: Document) -> Path | None:
    """Ask for the earlier file, starting at the brief's backup when there is one."""
    from briefbook.core.fileformat import backup_path

    start = ""
    if document.path is not None:
        backup = backup_path(document.path)
        start = str(backup if backup.exists() else document.path.parent)
    name, _ = QFileDialog.getOpenFileName(
        parent,
        "Compare with an earlier version",
        start,
        "Briefs and backups (*.brief.yaml *.yaml *.yml *.yaml~ *.yml~);;All files (*)",
    )
    return Path(name) if name else None


class CompareDialog(QDialog):
    """Shows what changed since an earlier file; can export the dossier with that page."""

    compared = Signal(object)
    exported = Signal(object)
    failed = Signal(object)

    def __init__(
        self, document: Document, settings: Settings, earlier: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.earlier = earlier
        self.diff: BriefDiff | None = None
        self._task: TaskHandle | None = None
        self.setWindowTitle(f"Changes since {earlier.name}")
        self.resize(720, 560)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.status = plain_label(QLabel(f"Reading {earlier}…"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            "Export PDF with Changes Page…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._compare()

    def _compare(self) -> None:
        snapshot = self.document.snapshot()
        earlier = self.earlier

        def work(_progress: object) -> BriefDiff:
            from briefbook.core.fileformat import load

            old: Brief = load(earlier)
            return diff_briefs(old, snapshot)

        self._task = run_task(work, self._shown, self._failed, owner=self)

    def _shown(self, diff: BriefDiff) -> None:
        self._task = None
        self.diff = diff
        self.view.setHtml(changes_html(diff))
        count = len(diff.changes)
        self.status.setText(f"{count or 'No'} {plural(count, 'change')} since {self.earlier}.")
        self.export_button.setEnabled(True)
        self.compared.emit(diff)

    def _failed(self, error: BaseException) -> None:
        self._task = None
        message = (
            str(error)
            if isinstance(error, BriefbookError)
            else (f"internal error: {type(error).__name__}: {error}")
        )
        self.status.setText(message)
        self.status.setStyleSheet("color: #a61b1b;")
        self.failed.emit(error)

    def export(self, target: Path | None = None) -> None:
        """Export the open brief with a "Changes since version N" page (asks where)."""
        if self.diff is None or self._task is not None:
            return
        if not isinstance(target, Path):
            suggestion = default_destination(self.document, self.settings)
            name, _ = QFileDialog.getSaveFileName(
                self, "Export PDF with the changes page", str(suggestion), "PDF documents (*.pdf)"
            )
            if not name:
                return
            target = Path(name)
        from briefbook.gui.safety.outside import ask_outside_images

        ask_outside_images(self, self.document)
        allowed = frozenset(self.document.allowed_images)
        snapshot = self.document.snapshot()
        diff = self.diff
        self.status.setStyleSheet("")
        self.status.setText(f"Exporting to {target}…")
        self.export_button.setEnabled(False)

        job = ExportJob(snapshot, target, changes=diff)
        choices = ExportChoices(allowed_images=allowed)

        def work(progress: object) -> ExportResult:
            return export_job(job, choices, progress)  # type: ignore[arg-type]

        self._task = run_task(work, self._exported, self._failed, owner=self)

    def _exported(self, result: ExportResult) -> None:
        self._task = None
        self.export_button.setEnabled(True)
        pages = counted(result.page_count, "page")
        self.status.setText(f"Exported {pages}, {human_size(result.size)}, to {result.path}")
        self.settings.last_export_dir = str(result.path.parent)
        save_settings(self.settings)
        self.exported.emit(result)

    def reject(self) -> None:
        if self._task is not None and self.diff is not None:
            return  # an export is being written
        super().reject()
