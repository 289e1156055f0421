"""The preview's zoom: steps in and out, a chosen percentage, fit to width or page.

``ZoomControls`` is mixed into ``PreviewPane`` (before ``QWidget``); it works on the
pane's PDF view, its zoom box and the document shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
    from PySide6.QtWidgets import QComboBox

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0, 3.0, 4.0)


class ZoomControls:
    """Zoom for a widget with ``view`` (a QPdfView), ``zoom_box`` and ``document``."""

    if TYPE_CHECKING:

        @property
        def view(self) -> QPdfView: ...

        zoom_box: QComboBox
        document: QPdfDocument | None

        def logicalDpiX(self) -> int: ...

    def step_zoom(self, direction: int) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            current = self._effective_zoom()
        if direction > 0:
            bigger = [z for z in ZOOM_STEPS if z > current + 0.01]
            zoom = bigger[0] if bigger else ZOOM_STEPS[-1]
        else:
            smaller = [z for z in ZOOM_STEPS if z < current - 0.01]
            zoom = smaller[-1] if smaller else ZOOM_STEPS[0]
        self.set_zoom(zoom)

    def set_zoom(self, zoom: float) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)
        text = f"{round(zoom * 100)}%"
        index = self.zoom_box.findText(text)
        if index < 0:
            self.zoom_box.addItem(text, zoom)
            index = self.zoom_box.count() - 1
        self.zoom_box.setCurrentIndex(index)

    def _zoom_chosen(self, index: int) -> None:
        choice = self.zoom_box.itemData(index)
        if choice == "width":
            self.set_fit_width()
        elif choice == "page":
            self.set_fit_page()
        else:
            self.set_zoom(float(choice))

    def _effective_zoom(self) -> float:
        """The zoom a fit mode amounts to, worked out from the page and viewport widths."""
        if self.document is None or self.document.pageCount() == 0:
            return 1.0
        points = self.document.pagePointSize(0)
        pixels = points.width() * self.logicalDpiX() / 72
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        return max(0.1, width / pixels) if pixels else 1.0

    def set_fit_width(self) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.zoom_box.setCurrentIndex(0)

    def set_fit_page(self) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.zoom_box.setCurrentIndex(1)
