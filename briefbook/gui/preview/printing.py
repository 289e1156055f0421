"""File > Print: Qt's print dialog, printing the pages of the same PDF the export writes.

The brief is rendered in a worker; after the print dialog, the pages are drawn
onto the printer in a worker too (QPainter may paint on a QPrinter off the GUI
thread), at up to 300 dpi, so a long brief never freezes the window.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefbook.core.text import counted
from briefbook.errors import BriefbookError
from briefbook.gui.dialogs.errors import show_error
from briefbook.gui.workers import Progress, run_task
from briefbook.render.options import RenderOptions, RenderResult

if TYPE_CHECKING:
    from briefbook.gui.editing.document import Document

MAX_PRINT_DPI = 300


class PrintCancelled(BriefbookError):
    """The user stopped printing."""


def print_pdf(
    data: bytes,
    printer: QPrinter,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
) -> int:
    """Draw every page of the PDF ``data`` in the printer's range; return the pages printed.

    Each page is rendered to an image at the printer's resolution (at most
    300 dpi) and drawn over the whole sheet, keeping its proportions.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise BriefbookError("the rendered PDF could not be read for printing")
    count = document.pageCount()
    first = max(1, printer.fromPage()) if printer.fromPage() else 1
    last = min(count, printer.toPage()) if printer.toPage() else count
    pages = list(range(first - 1, last))
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise BriefbookError("the printer could not be started")
    printed = 0
    try:
        for number, page in enumerate(pages):
            if cancelled is not None and cancelled.is_set():
                printer.abort()
                raise PrintCancelled("printing was cancelled")
            if number:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size)
            sheet = QRectF(painter.viewport())
            scale = min(sheet.width() / size.width(), sheet.height() / size.height())
            target = QRectF(0, 0, size.width() * scale, size.height() * scale)
            target.moveCenter(sheet.center())
            painter.drawImage(target, image)
            printed += 1
            if progress is not None:
                progress(printed, len(pages))
    finally:
        painter.end()
        document.close()
    return printed


def prepare_printer(printer: QPrinter, result: RenderResult) -> None:
    """Match the paper to the PDF's first page and print edge to edge (the PDF has margins)."""
    printer.setFullPage(True)
    if result.page_count:
        buffer = QBuffer()
        buffer.setData(QByteArray(result.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        if document.status() == QPdfDocument.Status.Ready and document.pageCount():
            points = document.pagePointSize(0)
            size = QPageSize(QSizeF(points.width(), points.height()), QPageSize.Unit.Point)
            printer.setPageSize(size)
            printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        document.close()
    printer.setFromTo(0, 0)


def print_document(
    window: QWidget, document: Document, printer: QPrinter | None = None, ask: bool = True
) -> None:
    """Render the brief, show the print dialog, then print in a worker with progress."""
    from briefbook.gui.safety.outside import ask_outside_images

    if ask:
        ask_outside_images(window, document)
    allowed = frozenset(document.allowed_images)
    snapshot = document.snapshot()
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(snapshot.meta.title or "Brief")
    busy = QProgressDialog("Preparing the pages…", "Cancel", 0, 0, window)
    busy.setWindowTitle("Print")
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(300)
    state = {"cancelled": False}
    busy.canceled.connect(lambda: state.update(cancelled=True))

    def rendered(result: RenderResult) -> None:
        busy.reset()
        if state["cancelled"]:
            return
        prepare_printer(printer, result)
        if ask:
            dialog = QPrintDialog(printer, window)
            dialog.setWindowTitle("Print the brief")
            dialog.setMinMax(1, max(1, result.page_count))
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return
        send(result)

    def send(result: RenderResult) -> None:
        stop = threading.Event()
        progress = QProgressDialog("Printing…", "Cancel", 0, result.page_count, window)
        progress.setWindowTitle("Print")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(stop.set)

        def step(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        def finished(pages: int) -> None:
            progress.reset()
            window.statusBar().showMessage(  # type: ignore[attr-defined]
                f"Sent {counted(pages, 'page')} to the printer", 5000
            )
            window.printed.emit(pages)  # type: ignore[attr-defined]

        def failed(error: BaseException) -> None:
            progress.reset()
            if not isinstance(error, PrintCancelled):
                show_error(window, "Could not print the brief", error)

        run_task(
            lambda report: print_pdf(result.pdf, printer, report, stop),
            finished,
            failed,
            step,
            owner=window,
        )

    def failed(error: BaseException) -> None:
        busy.reset()
        show_error(window, "Could not prepare the brief for printing", error)

    def work(_progress: object) -> RenderResult:
        from briefbook.render.api import render_pdf

        return render_pdf(snapshot, RenderOptions(allowed_images=allowed))

    run_task(work, rendered, failed, owner=window)
