"""File > Export Pocket Card and File > Export Itinerary: for whom, where to, then a report.

Both run the same planning and renderers as ``briefbook export --pocket-card`` and
``--itinerary-for`` / ``--all-itineraries``, in a worker, on a snapshot of the brief.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefbook.core.collation import sorted_names
from briefbook.core.distribution.exportplan import ExportRequest, plan_exports
from briefbook.core.distribution.itinerary import participants
from briefbook.core.distribution.targets import check_targets, is_brief_file
from briefbook.core.imagepaths import expand_home
from briefbook.core.text import counted, human_size
from briefbook.errors import BriefbookError, FileAccessError
from briefbook.gui.dialogs.export import reveal_in_folder
from briefbook.gui.dialogs.plain import plain_label
from briefbook.gui.dialogs.result_buttons import result_buttons
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.widgets import LineEdit
from briefbook.gui.settings import Settings, save_settings
from briefbook.gui.workers import TaskHandle, run_task
from briefbook.render.exporting import ExportChoices, export_jobs
from briefbook.render.options import ExportResult

Kind = Literal["pocket", "itinerary"]
#: The "for" choice meaning every participant, one file each.
EVERYONE = "\x00everyone"


def _folder(document: Document, settings: Settings) -> Path:
    if settings.last_export_dir and Path(settings.last_export_dir).is_dir():
        return Path(settings.last_export_dir)
    if document.path is not None:
        return document.path.parent
    return Path.home()


class RoadExportDialog(QDialog):
    """Export pocket cards or personal itineraries, with a report of what was written."""

    finished_export = Signal(object)
    failed_export = Signal(object)

    def __init__(
        self, document: Document, settings: Settings, kind: Kind, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.kind = kind
        self.results: list[ExportResult] = []
        self._task: TaskHandle | None = None
        pocket = kind == "pocket"
        self.setWindowTitle("Export Pocket Card" if pocket else "Export Itinerary")
        self.setMinimumWidth(560)

        self.person = QComboBox()
        people = sorted_names(participants(document.brief), document.brief.meta.language)
        if pocket:
            self.person.addItem("The whole schedule", "")
        for name in people:
            self.person.addItem(name, name)
        if not pocket and people:
            self.person.addItem("Everyone (one file each)", EVERYONE)
        self.person.currentIndexChanged.connect(self._person_changed)

        self.destination = LineEdit()
        self.destination.setMinimumWidth(360)
        browse = QPushButton("Browse…")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(browse)

        self.home_times = QCheckBox("Print home times under local times")
        self.home_times.setChecked(True)
        self.home_times.setVisible(bool(document.brief.meta.home_timezone.strip()))

        form = QFormLayout()
        form.addRow("For", self.person)
        form.addRow("Save as", where)
        form.addRow("", self.home_times)
        intro = QLabel(
            "A6 cards with the day-by-day schedule, the key points and the contacts; each "
            "day starts a new card."
            if pocket
            else "Only the schedule entries the person attends, with the contact sheet."
        )
        intro.setWordWrap(True)

        self.status = plain_label(
            QLabel(
                ""
                if people or pocket
                else "No schedule entry names its participants yet, so there are no "
                "itineraries to export."
            )
        )
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        row = result_buttons(self.start, self.open_pdf, self.show_folder, self.reject)
        self.buttons, self.export_button, self.close_button = row.box, row.export, row.close
        self.open_button, self.folder_button = row.open, row.folder
        self.export_button.setEnabled(self.person.count() > 0)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._person_changed()

    # --- choices --------------------------------------------------------------------------

    def request(self) -> ExportRequest:
        choice = self.person.currentData() or ""
        return ExportRequest(
            person=choice if choice and choice != EVERYONE else None,
            all_people=choice == EVERYONE,
            pocket=self.kind == "pocket",
        )

    def _person_changed(self) -> None:
        """Suggest the command line's name for the choice (a folder for everyone)."""
        folder = _folder(self.document, self.settings)
        if self.person.count() == 0:
            return
        request = self.request()
        if request.all_people:
            self.destination.setText(str(folder))
            return
        try:
            jobs = plan_exports(self.document.brief, request, None, folder)
        except BriefbookError:
            return
        self.destination.setText(str(jobs[0].path))

    def target(self) -> Path:
        path = expand_home(self.destination.text().strip())
        if self.request().all_people or path.suffix.lower() == ".pdf":
            return path
        return path.with_name(path.name + ".pdf")

    def browse(self) -> None:
        if self.request().all_people:
            name = QFileDialog.getExistingDirectory(
                self, "Export the itineraries to", str(self.target())
            )
        else:
            name, _ = QFileDialog.getSaveFileName(
                self, "Export as", str(self.target()), "PDF documents (*.pdf)"
            )
        if name:
            self.destination.setText(name)

    # --- the export ----------------------------------------------------------------------------

    def start(self) -> None:
        """Plan on the GUI thread (errors show at once), render in the worker."""
        if self._task is not None or not self.destination.text().strip():
            return
        request = self.request()
        target = self.target()
        snapshot = self.document.snapshot()
        try:
            raw = expand_home(self.destination.text().strip())
            if is_brief_file(raw):
                check_targets([raw])
            if request.all_people:
                jobs = plan_exports(snapshot, request, f"{target}/", target)
            else:
                jobs = plan_exports(snapshot, request, target, target.parent)
        except BriefbookError as error:
            self._failed(error)
            if isinstance(error, FileAccessError):
                box = QMessageBox(
                    QMessageBox.Icon.Warning,
                    self.windowTitle(),
                    f"Nothing was exported: {error}",
                    parent=self,
                )
                box.setTextFormat(Qt.TextFormat.PlainText)
                box.exec()
            return
        home_times = None if self.home_times.isChecked() else False
        pocket = request.pocket
        from briefbook.gui.safety.outside import ask_outside_images

        if not pocket:
            ask_outside_images(self, self.document)
        allowed = frozenset(self.document.allowed_images)
        self.export_button.setEnabled(False)
        self.open_button.hide()
        self.folder_button.hide()
        self.status.setStyleSheet("")
        self.status.setText(f"Exporting {counted(len(jobs), 'file')}…")

        choices = ExportChoices(pocket=pocket, home_times=home_times, allowed_images=allowed)

        def work(_progress: object) -> list[ExportResult]:
            return export_jobs(jobs, choices)

        self._task = run_task(work, self._done, self._failed, owner=self)

    def _done(self, results: list[ExportResult]) -> None:
        self._task = None
        self.results = results
        self.export_button.setEnabled(True)
        self.export_button.setText("Export Again")
        unit = "card" if self.kind == "pocket" else "page"
        lines = []
        for result in results:
            count = result.page_count
            lines.append(
                f"{result.path.name}: {count} {unit}{'s' if count != 1 else ''}, "
                f"{human_size(result.size)}"
            )
        folder = results[0].path.parent if results else ""
        self.status.setText("Exported to " + str(folder) + ":\n" + "\n".join(lines))
        self.open_button.setVisible(len(results) == 1)
        self.folder_button.show()
        self.close_button.setDefault(True)
        if results:
            self.settings.last_export_dir = str(folder)
            save_settings(self.settings)
        self.finished_export.emit(results)

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.export_button.setEnabled(True)
        message = (
            str(error)
            if isinstance(error, BriefbookError)
            else (f"internal error: {type(error).__name__}: {error}")
        )
        self.status.setText(
            f"Nothing was exported: {message}\nAny earlier file of that name is unchanged."
        )
        self.status.setStyleSheet("color: #a61b1b;")
        self.failed_export.emit(error)

    def open_pdf(self) -> None:
        if self.results:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.results[0].path)))

    def show_folder(self) -> None:
        if self.results:
            reveal_in_folder(self.results[0].path)

    def reject(self) -> None:
        if self._task is not None:
            return  # the export finishes first; a file is never left half-written
        super().reject()
