"""File > Export PDF: where to, which page size, then progress and a report with Open buttons.

The export is the same renderer as the preview, run in a worker on a snapshot
of the brief; the file is written atomically by ``export_pdf``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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

from briefbook.core.model import PAGE_SIZES
from briefbook.errors import BriefbookError
from briefbook.gui.document import Document
from briefbook.gui.editors.widgets import LineEdit
from briefbook.gui.settings import Settings, save_settings
from briefbook.gui.workers import TaskHandle, run_task
from briefbook.render.api import ExportResult, RenderOptions


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def default_destination(document: Document, settings: Settings, edition: str = "") -> Path:
    """The command line's name for the PDF, in the folder used last (or the brief's)."""
    from briefbook.core.naming import default_pdf_name

    if settings.last_export_dir and Path(settings.last_export_dir).is_dir():
        folder = Path(settings.last_export_dir)
    elif document.path is not None:
        folder = document.path.parent
    else:
        folder = Path.home()
    return folder / default_pdf_name(document.brief, edition)


def reveal_in_folder(path: Path) -> None:
    """Open the folder holding ``path`` in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class ExportDialog(QDialog):
    """Choose, export with progress, then report pages and size."""

    finished_export = Signal(object)
    failed_export = Signal(object)

    def __init__(self, document: Document, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.result: ExportResult | None = None
        self._task: TaskHandle | None = None
        self.setWindowTitle("Export PDF")
        self.setMinimumWidth(560)

        self.destination = LineEdit()
        self.destination.setText(str(default_destination(document, settings)))
        self.destination.setMinimumWidth(360)
        browse = QPushButton("Browse…")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(browse)

        self.edition = QComboBox()
        self.edition.addItem("The full brief", "")
        for edition in document.brief.editions:
            self.edition.addItem(edition.name, edition.name)
            self.edition.setItemData(self.edition.count() - 1, edition.description,
                                     Qt.ItemDataRole.ToolTipRole)
        self.edition.currentIndexChanged.connect(self._edition_changed)
        self._suggested = self.destination.text()

        self.page_size = QComboBox()
        own = document.brief.meta.page_size
        self.page_size.addItem(f"As in the brief ({own})", None)
        for size in PAGE_SIZES:
            self.page_size.addItem(size, size)
        self.open_after = QCheckBox("Open the PDF when it is ready")
        self.open_after.setChecked(settings.open_after_export)

        form = QFormLayout()
        form.addRow("Save as", where)
        if document.brief.editions:
            form.addRow("Edition", self.edition)
        form.addRow("Page size", self.page_size)
        form.addRow("", self.open_after)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = QListWidget()
        self.warnings.setMaximumHeight(110)
        self.warnings.hide()

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("Export",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton("Open", QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = self.buttons.addButton("Show in Folder",
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.hide()
        self.folder_button.hide()
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_pdf)
        self.folder_button.clicked.connect(self.show_folder)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.warnings)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _edition_changed(self) -> None:
        """Follow the edition in the file name, unless the user chose a name of their own."""
        if self.destination.text() == self._suggested:
            name = self.edition.currentData() or ""
            self._suggested = str(default_destination(self.document, self.settings, name))
            self.destination.setText(self._suggested)

    def target(self) -> Path:
        path = Path(self.destination.text().strip()).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export PDF as", str(self.target()),
                                              "PDF documents (*.pdf)")
        if name:
            self.destination.setText(name)
            self._confirmed = Path(name)

    def start(self) -> None:
        """Export in a worker; the dialog stays responsive and shows progress."""
        if self._task is not None or not self.destination.text().strip():
            return
        target = self.target()
        if (target.exists() and getattr(self, "_confirmed", None) != target
                and QMessageBox.question(self, "Export PDF",
                                         f"{target.name} already exists. Replace it?")
                != QMessageBox.StandardButton.Yes):
            return
        from briefbook.gui.outside import ask_outside_images

        ask_outside_images(self, self.document)
        allowed = frozenset(self.document.allowed_images)
        snapshot = self.document.snapshot()
        edition_name = self.edition.currentData() or ""
        if edition_name:
            from briefbook.core.editions import apply_edition, find_edition

            snapshot = apply_edition(snapshot, find_edition(snapshot, edition_name))
        page_size = self.page_size.currentData()
        self.export_button.setEnabled(False)
        self.open_button.hide()
        self.folder_button.hide()
        self.warnings.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(f"Exporting to {target}…")

        def work(progress: object) -> ExportResult:
            from briefbook.render.api import export_pdf

            options = RenderOptions(page_size=page_size, progress=progress,  # type: ignore[arg-type]
                                    edition=edition_name, allowed_images=allowed)
            return export_pdf(snapshot, target, options)

        self._task = run_task(work, self._done, self._failed, self._progress, owner=self)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.status.setText(f"Laying out page {done} of about {total}…")

    def _done(self, result: ExportResult) -> None:
        self._task = None
        self.result = result
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.export_button.setText("Export Again")
        pages = f"{result.page_count} page{'s' if result.page_count != 1 else ''}"
        self.status.setText(f"Exported {pages}, {human_size(result.size)}, to\n{result.path}")
        self.open_button.show()
        self.folder_button.show()
        self.close_button.setDefault(True)
        if result.warnings:
            self.warnings.clear()
            self.warnings.addItems([f"Warning: {warning}" for warning in result.warnings])
            self.warnings.show()
        self.settings.last_export_dir = str(result.path.parent)
        self.settings.open_after_export = self.open_after.isChecked()
        save_settings(self.settings)
        if self.open_after.isChecked():
            self.open_pdf()
        self.finished_export.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.progress.hide()
        self.export_button.setEnabled(True)
        if isinstance(error, BriefbookError):
            message = str(error)
        else:
            message = f"internal error: {type(error).__name__}: {error}"
        self.status.setText(f"The PDF was not exported: {message}\n"
                            "Any earlier file of that name is unchanged.")
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
        super().reject()
