"""File > Export PDF: where to, which edition and page size, for print or e-mail,
numbered copies and a password; then progress and a report with Open buttons.

The export is the same renderer as the preview, run in a worker on a snapshot
of the brief; each file is written atomically by ``export_pdf``. Before the
export the file's size is estimated by that same render in the background
(:mod:`.export_size`), so the figure shown is the real one. The password is
held by its two fields only: never in the settings, never in the brief.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefbook.core.distribution.exportplan import ExportJob
from briefbook.core.imagepaths import expand_home
from briefbook.core.model import PAGE_SIZES, Brief
from briefbook.core.wording import Wording
from briefbook.errors import BriefbookError
from briefbook.gui.dialogs.export_editions import EditionChooser
from briefbook.gui.dialogs.export_files import (
    default_destination,
    may_replace,
    planned_files,
    refused_targets,
    reveal_in_folder,
)
from briefbook.gui.dialogs.export_options import CopiesChooser, PasswordFields, ProfileChooser
from briefbook.gui.dialogs.export_report import cancelled_text, exported_text, failed_text
from briefbook.gui.dialogs.export_size import SizeEstimate
from briefbook.gui.dialogs.plain import plain_label, tooltip
from briefbook.gui.dialogs.result_buttons import result_buttons
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.language import LanguageBox
from briefbook.gui.editors.widgets import LineEdit
from briefbook.gui.settings import Settings, save_settings
from briefbook.gui.workers import TaskHandle, run_task
from briefbook.render.exporting import ExportChoices, export_jobs
from briefbook.render.options import ExportResult, RenderOptions
from briefbook.render.parallel import ExportCancelled, JobProgress, export_all
from briefbook.render.reuse import SectionReuse

__all__ = ["ExportDialog", "default_destination", "reveal_in_folder"]

_REUSE = SectionReuse()  # exports reuse the pages of sections unchanged since the last one


class ExportDialog(QDialog):
    """Choose, export with progress, then report pages and size."""

    finished_export = Signal(object)
    failed_export = Signal(object)

    def __init__(self, document: Document, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.result: ExportResult | None = None  # type: ignore[assignment]  # over QDialog.result()
        self.results: list[ExportResult] = []
        self._task: TaskHandle | None = None
        self._many = False
        self._replace_read_only = False
        self._cancel = threading.Event()
        self._written: list[ExportResult] = []
        self.setWindowTitle("Export PDF")
        self.setMinimumWidth(600)

        self.destination = LineEdit()
        self.destination.setText(str(default_destination(document, settings)))
        self.destination.setMinimumWidth(360)
        browse = QPushButton("Browse…")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(browse)

        self.edition = EditionChooser(document)
        self.edition.currentIndexChanged.connect(self._edition_changed)
        self._suggested = self.destination.text()

        self.page_size = QComboBox()
        own = document.brief.meta.page_size
        self.page_size.addItem(f"As in the brief ({own})", None)
        for size in PAGE_SIZES:
            self.page_size.addItem(size, size)
        self.profile = ProfileChooser()
        self.profile.changed.connect(self._edition_changed)
        self.size_estimate = SizeEstimate(self._estimate_input)
        self.copies = CopiesChooser()
        self.files_label = plain_label(QLabel(""))
        self.files_label.setStyleSheet("color: #5f6670;")
        self.password = PasswordFields()
        self.open_after = QCheckBox("Open the PDF when it is ready")
        self.open_after.setChecked(settings.open_after_export)

        form = QFormLayout()
        form.addRow("Save as", where)
        if document.brief.editions:
            form.addRow("Edition", self.edition)
            form.addRow("", self.edition.cut)
        form.addRow("Page size", self.page_size)
        form.addRow("Language", LanguageBox(document))
        form.addRow("Made for", self.profile)
        form.addRow("Size", self.size_estimate)
        form.addRow("Copies", self.copies)
        form.addRow("", self.files_label)
        form.addRow("Password", self.password)
        form.addRow("", self.password.archival)
        form.addRow("", self.open_after)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = plain_label(QLabel(""))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = QListWidget()
        self.warnings.setMaximumHeight(110)
        self.warnings.hide()

        row = result_buttons(self.start, self.open_pdf, self.show_folder, self.reject)
        self.buttons, self.export_button, self.close_button = row.box, row.export, row.close
        self.open_button, self.folder_button = row.open, row.folder

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.warnings)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        for signal in (
            self.profile.changed,
            self.edition.currentIndexChanged,
            self.page_size.currentIndexChanged,
        ):
            signal.connect(self.size_estimate.schedule)
        for signal in (self.copies.changed, self.password.changed, self.destination.textChanged):
            signal.connect(self._check)
        self._check()
        self.size_estimate.schedule()

    # --- the choices --------------------------------------------------------------------

    def edition_name(self) -> str:
        """The chosen edition's name ("" for the full brief or for all editions)."""
        return self.edition.name()

    def editions(self) -> list[str]:
        """The editions to export: the chosen one, or every one."""
        return self.edition.names()

    def _edition_changed(self) -> None:
        """Follow the edition and the e-mail profile in the file name, unless the user
        chose a name of their own; say what the edition leaves out."""
        self.edition.show_cut()
        if self.destination.text() == self._suggested:
            name = self.edition_name()
            email = self.profile.key() == "email"
            self._suggested = str(default_destination(self.document, self.settings, name, email))
            self.destination.setText(self._suggested)

    def target(self) -> Path:
        path = expand_home(self.destination.text().strip())
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export PDF as", str(self.target()), "PDF documents (*.pdf)"
        )
        if name:
            self.destination.setText(name)
            self._confirmed = Path(name)

    def export_brief(self, edition_name: str | None = None) -> Brief:
        """A snapshot of the brief as the chosen edition (or ``edition_name``) holds it."""
        snapshot = self.document.snapshot()
        edition_name = self.edition_name() if edition_name is None else edition_name
        if edition_name:
            from briefbook.core.distribution.editions import apply_edition, find_edition

            snapshot = apply_edition(snapshot, find_edition(snapshot, edition_name))
        return snapshot

    def render_options(self, stamp: str = "", password: str = "") -> RenderOptions:
        """The render options of the current choices, with the pictures from outside the
        brief's folder that the user has allowed."""
        return RenderOptions(
            page_size=self.page_size.currentData(),
            edition=self.edition_name(),
            copy_stamp=stamp,
            images=self.profile.image_profile(),
            password=password,
            allowed_images=frozenset(self.document.allowed_images),
        )

    def export_choices(self) -> ExportChoices:
        """What every file of this export shares (the password only as typed now)."""
        return ExportChoices(
            page_size=self.page_size.currentData(),
            images=self.profile.image_profile(),
            password=self.password.value(),
            pdfa=self.password.archival.isChecked(),
            allowed_images=frozenset(self.document.allowed_images),
            replace_read_only=self._replace_read_only,
            reuse=_REUSE,
        )

    def _estimate_input(self) -> tuple[Brief, RenderOptions]:
        return self.export_brief(), self.render_options()

    def jobs(self) -> list[tuple[Path, str, str]]:
        """The files to write with the edition and the stamp each prints. Raises
        :class:`BriefbookError` for a recipients list without names."""
        return planned_files(
            self.target(),
            self.editions(),
            self.copies.copies(),
            Wording.of(self.document.brief.meta),
        )

    def refused(self, paths: list[Path]) -> str:
        """Why the export may not write these files ("" when it may)."""
        return refused_targets(self.destination.text(), paths, self.document.path)

    def _check(self) -> None:
        """Enable Export only for choices that can be exported; say which files copies make."""
        problem = self.password.problem()
        try:
            jobs = self.jobs() if self.destination.text().strip() else []
        except BriefbookError as exc:
            jobs = []
            self.files_label.setText(f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
        else:
            names = [path.name for path, _, _ in jobs]
            first = self.files_label.fontMetrics().elidedText(
                names[0] if names else "",
                Qt.TextElideMode.ElideMiddle,
                max(120, self.destination.width() - 60),
            )
            self.files_label.setText(
                f"{len(names)} files, the first “{first}”" if len(names) > 1 else ""
            )
            self.files_label.setToolTip(tooltip("\n".join(names[:50])))
        self.files_label.setVisible(bool(self.files_label.text()))
        self.size_estimate.set_each(len(jobs) > 1)
        self.export_button.setEnabled(self._task is None and bool(jobs) and not problem)
        QTimer.singleShot(0, self._fit)

    def _fit(self) -> None:
        """Grow or shrink to the choices shown (the recipients list, a message...)."""
        layout = self.layout()
        if not self.isVisible() or layout is None:
            return
        # Word-wrapped labels: the height that this width needs, not the size hint's.
        height = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else self.sizeHint().height()
        )
        if height > 0 and height != self.height():
            self.resize(self.width(), max(height, self.minimumHeight()))

    # --- the export -----------------------------------------------------------------------

    def start(self) -> None:
        """Export in a worker; the dialog stays responsive and shows progress."""
        if self._task is not None:
            self._cancel.set()  # the button says Cancel while several files are written
            self.export_button.setEnabled(False)
            return
        if not self.destination.text().strip():
            return
        try:
            jobs = self.jobs()
        except BriefbookError:
            return
        refused = self.refused([path for path, _, _ in jobs])
        if refused:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "Export PDF",
                f"Nothing was exported: {refused}",
                parent=self,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()
            return
        if self.password.problem() or not self._may_replace([path for path, _, _ in jobs]):
            return
        from briefbook.gui.safety.outside import ask_outside_images

        ask_outside_images(self, self.document)
        try:
            briefs = {name: self.export_brief(name) for name in self.editions()}
        except BriefbookError as exc:  # the chosen edition was deleted meanwhile
            self._failed(exc)
            return
        planned = [
            ExportJob(briefs[edition], path, edition=edition, stamp=stamp)
            for path, edition, stamp in jobs
        ]
        choices = self.export_choices()
        many = self._many = len(planned) > 1
        self._cancel.clear()
        self._written = []
        self.export_button.setText("Cancel")
        self.export_button.setEnabled(many)
        self.open_button.hide()
        self.folder_button.hide()
        self.warnings.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setStyleSheet("")
        self.status.setText(
            f"Exporting {len(planned)} copies to {planned[0].path.parent}…"
            if many
            else f"Exporting to {planned[0].path}…"
        )

        def work(progress: Callable[[int, int], None]) -> list[ExportResult]:
            def report(job: JobProgress) -> None:  # one bar: per mille, and files written
                progress(round(job.fraction * 1000), job.written)

            if not many:
                return export_jobs(planned, choices, progress)
            return export_all(planned, choices, report, self._written.append, self._cancel.is_set)

        self._task = run_task(work, self._done, self._failed, self._progress, owner=self)

    def _may_replace(self, paths: list[Path]) -> bool:
        """Ask before replacing files (see :func:`.export_files.may_replace`)."""
        allowed, self._replace_read_only = may_replace(
            self, paths, getattr(self, "_confirmed", None)
        )
        return allowed

    def _progress(self, done: int, total: int) -> None:
        """One file: (pages laid out, about how many); several: (per mille of the whole
        export, files written)."""
        if self._many:
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(done, 1000))
            self.status.setText(f"Written {total} of {len(self.jobs())} files…")
        elif total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.status.setText(f"Laying out page {done} of about {total}…")

    def _done(self, results: list[ExportResult]) -> None:
        self._task = None
        self.results = results
        result = self.result = results[-1]
        self.progress.hide()
        self._check()
        self.export_button.setText("Export Again")
        noun = "files" if len(self.editions()) > 1 else "copies"
        self.status.setText(exported_text(results, self.profile.image_profile(), noun))
        self.open_button.setVisible(len(results) == 1)
        self.folder_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        warnings = [warning for item in results[:1] for warning in item.warnings]
        if warnings:
            self.warnings.clear()
            self.warnings.addItems([f"Warning: {warning}" for warning in warnings])
            self.warnings.show()
        self.settings.last_export_dir = str(result.path.parent)
        self.settings.open_after_export = self.open_after.isChecked()
        save_settings(self.settings)
        if self.open_after.isChecked():
            if len(results) > 1:
                self.show_folder()
            else:
                self.open_pdf()
        self.finished_export.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.progress.hide()
        self.export_button.setText("Export")
        self._check()
        if isinstance(error, ExportCancelled):
            self.results = error.written
            self.status.setText(cancelled_text(error))
            self.status.setStyleSheet("")
            self.failed_export.emit(error)
            return
        self.status.setText(failed_text(error))
        self.status.setStyleSheet("color: #a61b1b;")
        self.failed_export.emit(error)

    def open_pdf(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path)))

    def show_folder(self) -> None:
        if self.result is not None:
            reveal_in_folder(self.result.path)

    def reject(self) -> None:
        if self._task is not None:
            return  # the export finishes first; the file is never left half-written
        self.password.clear()
        super().reject()
