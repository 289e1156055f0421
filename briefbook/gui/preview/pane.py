"""The preview pane: Qt's PDF view of the real export, with zoom, thumbnails and errors.

The pane loads each new PDF into a fresh ``QPdfDocument`` and swaps it in only
once it is ready, so the view never goes blank and keeps its place. On a long
brief it may first show the pages of the section being edited (laid out alone,
numbered as in the whole document) and then the whole document; the view stays
on the same content across both swaps. A render error shows as a banner over
the last good pages. ``previewing.PreviewController`` decides what to render.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefbook.errors import BriefbookError
from briefbook.gui.actions import Shortcut, Slot, make_action
from briefbook.gui.dialogs.plain import plain_label, tooltip
from briefbook.gui.editing.document import SectionPath
from briefbook.gui.preview.thumbnails import STRIP_WIDTH, ThumbnailStrip
from briefbook.gui.preview.zoom import ZoomControls

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    from briefbook.render.options import RenderResult

_ERROR_STYLE = (
    "#previewBanner { background: #fdecea; color: #611a15; "
    "border: 1px solid #f5c6cb; border-radius: 3px; padding: 6px; }"
)
_WARNING_STYLE = (
    "#previewBanner { background: #fff8e1; color: #5d4200; "
    "border: 1px solid #f3d37a; border-radius: 3px; padding: 6px; }"
)


def describe_error(error: BaseException) -> str:
    """One line for a render failure: ours say where; anything else is a fault of ours."""
    if isinstance(error, BriefbookError):
        return str(error)
    return f"internal error in the renderer ({type(error).__name__}: {error})"


class PreviewPane(ZoomControls, QWidget):
    """The PDF view with zoom, page thumbnails and an inline error banner."""

    #: A new PDF of the whole brief is on screen (its page count).
    pages_shown = Signal(int)
    #: The edited section's fresh pages are on screen, ahead of the whole document.
    section_shown = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        #: A PDF being loaded: (document, buffer, result, follow, first page of a section-only
        #: render or 0 for the whole brief).
        self._pending: (
            tuple[QPdfDocument, QBuffer, RenderResult, SectionPath | None, int] | None
        ) = None
        #: The section-only PDF the view shows for now: (document, buffer, its first page).
        self._partial: tuple[QPdfDocument, QBuffer, int] | None = None
        self.section_pages: dict[SectionPath, int] = {}
        self.result: RenderResult | None = None
        #: The page last brought into view on purpose (0-based).
        self.shown_page = 0

        # The PDF view and the thumbnails are made with the first PDF (see ``view``):
        # until then the pane shows a line of text, and the app's first screen is quicker.
        self._view: QPdfView | None = None
        self._thumbs: ThumbnailStrip | None = None

        self.placeholder = plain_label(QLabel("Rendering the preview…"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(24)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)

        self.banner = plain_label(QLabel(self))
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setObjectName("previewBanner")
        self.banner.hide()

        self.toolbar = QToolBar("Preview", self)
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.8)
        self.page_label = QLabel("")
        self.status_label = QLabel("")
        self.status_label.setEnabled(False)
        self.zoom_out = self._action(
            "−", "Zoom out (Ctrl+-)", QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)
        )
        self.zoom_box = QComboBox()
        self.zoom_box.setToolTip("Zoom")
        self.zoom_box.addItem("Fit width", "width")
        self.zoom_box.addItem("Whole page", "page")
        for zoom in (0.5, 0.75, 1.0, 1.25, 1.5, 2.0):
            self.zoom_box.addItem(f"{round(zoom * 100)}%", zoom)
        self.zoom_box.activated.connect(self._zoom_chosen)
        self.toolbar.addWidget(self.zoom_box)
        self.zoom_in = self._action(
            "+", "Zoom in (Ctrl++)", QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)
        )
        self.fit_width = make_action(self, "Fit Page &Width", self.set_fit_width)
        self.fit_page = make_action(self, "Fit &Whole Page", self.set_fit_page)
        self.toolbar.addSeparator()
        self.show_thumbs = make_action(
            self, "Pages", None, None, "Show page thumbnails", checkable=True, status=False
        )
        self.show_thumbs.setChecked(True)
        self.show_thumbs.toggled.connect(self._thumbs_toggled)
        self.toolbar.addAction(self.show_thumbs)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding,
            spacer.sizePolicy().verticalPolicy().Preferred,
        )
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.status_label)
        self.toolbar.addWidget(QLabel("  "))
        self.toolbar.addWidget(self.page_label)

        body = self.body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        # Until the strip is made, an empty frame of its width keeps its place.
        self._thumbs_slot: QFrame | None = QFrame(self)
        self._thumbs_slot.setFrameShape(QFrame.Shape.StyledPanel)
        self._thumbs_slot.setFixedWidth(STRIP_WIDTH)
        self._thumbs_slot.setVisible(self.show_thumbs.isChecked())
        body.addWidget(self._thumbs_slot)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)

    @property
    def view(self) -> QPdfView:
        """Qt's view of the shown PDF (made when first needed)."""
        if self._view is None:
            from PySide6.QtPdfWidgets import QPdfView

            view = QPdfView(self)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            view.setPageSpacing(12)
            view.setDocumentMargins(view.documentMargins())
            # A scroll bar that came and went (a section's one page, then the whole brief)
            # would change the width, so the pages' size and where each one starts.
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            view.pageNavigator().currentPageChanged.connect(self._current_page_changed)
            self.stack.addWidget(view)
            self._view = view
        return self._view

    @property
    def thumbs(self) -> ThumbnailStrip:
        """The column of page thumbnails (made when first needed)."""
        if self._thumbs is None:
            thumbs = ThumbnailStrip(self)
            thumbs.clicked.connect(lambda index: self.go_to_page(index.row()))
            thumbs.setVisible(self.show_thumbs.isChecked())
            if self._thumbs_slot is not None:
                self.body.replaceWidget(self._thumbs_slot, thumbs)
                self._thumbs_slot.deleteLater()
                self._thumbs_slot = None
            self._thumbs = thumbs
        return self._thumbs

    def _thumbs_toggled(self, on: bool) -> None:
        for strip in (self._thumbs, self._thumbs_slot):
            if strip is not None:
                strip.setVisible(on)

    def _action(self, text: str, tip: str, key: Shortcut | None, slot: Slot) -> QAction:
        act = make_action(
            self,
            text,
            slot,
            key,
            tip,
            status=False,
            context=(Qt.ShortcutContext.WidgetWithChildrenShortcut if key is not None else None),
        )
        self.toolbar.addAction(act)
        self.addAction(act)
        return act

    # --- showing a new PDF -------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def show_result(self, result: RenderResult, follow: SectionPath | None) -> None:
        """Load the whole brief's PDF and swap it in when ready."""
        self._load(result, follow, 0)

    def show_section(self, result: RenderResult, path: SectionPath | None, first_page: int) -> None:
        """Show the fresh pages of one section (``None``: the cover), numbered from
        ``first_page``, for now."""
        if self.document is not None:
            self._load(result, path, first_page)

    def _load(self, result: RenderResult, follow: SectionPath | None, first_page: int) -> None:
        if self._pending is not None:
            self._discard(*self._pending[:2])
        from PySide6.QtPdf import QPdfDocument

        document = QPdfDocument(self)
        buffer = QBuffer(self)  # must outlive the document: both go together
        buffer.setData(QByteArray(result.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._pending = (document, buffer, result, follow, first_page)
        document.statusChanged.connect(self._pending_status)
        document.load(buffer)
        self._pending_status()

    def _pending_status(self, *_args: object) -> None:
        if self._pending is None:
            return
        from PySide6.QtPdf import QPdfDocument

        document, buffer, result, follow, first_page = self._pending
        status = document.status()
        if status == QPdfDocument.Status.Ready:
            self._pending = None
            document.statusChanged.disconnect(self._pending_status)
            if first_page:
                self._swap_section(document, buffer, follow, first_page)  # type: ignore[arg-type]
            else:
                self._swap(document, buffer, result, follow)
        elif status == QPdfDocument.Status.Error:
            self._pending = None
            self._discard(document, buffer)
            self.show_error("the preview could not read the rendered PDF")

    def _page_top(self, index: int) -> float | None:
        """Where page ``index`` of the shown PDF starts, in scroll-bar units (pages are alike)."""
        shown = self.view.document()
        scroll = self.view.verticalScrollBar()
        if shown is None or shown.pageCount() == 0 or scroll.maximum() <= 0:
            return None
        # QPdfView stacks the pages, each followed by the page spacing, inside the margins.
        margins = self.view.documentMargins()
        content = scroll.maximum() + self.view.viewport().height()
        stride = (content - margins.top() - margins.bottom()) / shown.pageCount()
        return margins.top() + index * stride

    def _offset_from(self, page: int) -> float | None:
        """How far the view is scrolled past the top of ``page`` of the shown PDF."""
        top = self._page_top(page)
        return None if top is None else self.view.verticalScrollBar().value() - top

    def _scroll_to(self, page: int, offset: float | None) -> None:
        top = self._page_top(page)
        if top is not None and offset is not None:
            scroll = self.view.verticalScrollBar()
            scroll.setValue(max(0, min(round(top + offset), scroll.maximum())))

    def _swap_section(
        self, document: QPdfDocument, buffer: QBuffer, path: SectionPath, first_page: int
    ) -> None:
        """Show a section-only PDF in the view; the whole one stays for the thumbnails."""
        if self._partial is not None:
            offset = self._offset_from(0)
            self._discard(self._partial[0], self._partial[1])
        else:
            offset = self._offset_from(first_page - 1)
        self._partial = (document, buffer, first_page)
        self.view.setDocument(document)
        self._scroll_to(0, max(0.0, offset) if offset is not None else 0.0)
        self._update_page_label()
        self.section_shown.emit(path)

    def _swap(
        self,
        document: QPdfDocument,
        buffer: QBuffer,
        result: RenderResult,
        follow: SectionPath | None,
    ) -> None:
        scroll = self.view.verticalScrollBar()
        position = scroll.value()
        had_pages = self.document is not None
        partial = self._partial
        if partial is not None:  # keep the view on the section shown on its own until now
            offset = self._offset_from(0)
            if offset is None:  # its pages fitted in the view, the first one's top in sight
                offset = 0.0
            first = result.section_pages.get(follow, partial[2]) if follow else partial[2]
        old = (self.document, self._buffer)
        self.document, self._buffer = document, buffer
        self.result = result
        self.section_pages = dict(result.section_pages)
        self.view.setDocument(document)
        self.thumbs.set_document(document)
        self.stack.setCurrentWidget(self.view)
        if partial is not None:
            self._partial = None
            self._scroll_to(first - 1, offset)
            self._discard(partial[0], partial[1])
        elif had_pages:
            scroll.setValue(min(position, scroll.maximum()))
        if old[0] is not None:
            self._discard(old[0], old[1])  # type: ignore[arg-type]
        self.follow_section(follow, only_if_away=had_pages)
        self.thumbs.mark_page(self.current_page())
        self._update_page_label()
        self.hide_error()
        self.pages_shown.emit(document.pageCount())

    def _discard(self, document: QPdfDocument, buffer: QBuffer | None) -> None:
        document.close()
        document.deleteLater()
        if buffer is not None:
            buffer.deleteLater()

    # --- pages and zoom ------------------------------------------------------------------

    def current_page(self) -> int:
        """The page in view (0-based), counted in the whole document."""
        if self._view is None:
            return 0
        page = self.view.pageNavigator().currentPage()
        return page + self._partial[2] - 1 if self._partial is not None else page

    def go_to_page(self, page: int) -> None:
        """Show ``page`` (0-based, in the whole document) at the top of the view."""
        if self.document is None or not 0 <= page < self.document.pageCount():
            return
        self.shown_page = page
        if self._partial is not None:
            page -= self._partial[2] - 1
            if not 0 <= page < self._partial[0].pageCount():
                return  # outside the section shown for now: the whole document follows
        self.view.pageNavigator().jump(page, QPointF(0, 0), self.view.zoomFactor())
        self.thumbs.mark_page(page)
        self._update_page_label()

    def follow_section(self, path: SectionPath | None, only_if_away: bool = False) -> None:
        """Show the first page of section ``path`` (the cover for None).

        With ``only_if_away``, stay put when the view already shows one of its pages.
        """
        if self.document is None:
            return
        first = 1 if path is None else self.section_pages.get(path)
        if first is None:
            return
        if only_if_away:
            later = [p for p in self.section_pages.values() if p > first]
            last = (min(later) if later else self.document.pageCount() + 1) - 1
            last = max(last, first)
            if first <= self.current_page() + 1 <= last:
                return
        self.go_to_page(first - 1)

    def _current_page_changed(self, _page: int) -> None:
        self.thumbs.mark_page(self.current_page())
        self._update_page_label()

    def _update_page_label(self) -> None:
        count = self.page_count
        self.page_label.setText(f"Page {self.current_page() + 1} of {count}" if count else "")
        if self._partial is not None:
            self.page_label.setToolTip(
                "This section's new pages; the rest of the document follows in a moment"
            )
        else:
            self.page_label.setToolTip("")

    # --- messages -------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        """Say why the preview is not up to date; the last good pages stay visible."""
        if self.document is None:
            self.placeholder.setText(f"The preview could not be rendered:\n\n{message}")
            self.stack.setCurrentWidget(self.placeholder)
            self.banner.hide()
        else:
            self._banner(f"The preview is not up to date: {message}", _ERROR_STYLE)

    def hide_error(self) -> None:
        """The preview is current: no error; say so if the PDF has warnings."""
        warnings = self.result.warnings if self.result is not None else []
        if not warnings:
            self.banner.hide()
            return
        count = len(warnings)
        more = f" (and {count - 1} more)" if count > 1 else ""
        self._banner(f"Warning: {warnings[0]}{more}", _WARNING_STYLE)
        self.banner.setToolTip(tooltip("\n".join(str(warning) for warning in warnings)))

    def _banner(self, text: str, style: str) -> None:
        self.banner.setText(text)
        self.banner.setToolTip("")
        self.banner.setStyleSheet(style)
        self.banner.show()

    def set_busy(self, busy: bool) -> None:
        self.status_label.setText("Updating…" if busy else "")

    def clear(self) -> None:
        """Forget the shown PDF (a different brief is being opened)."""
        if self._pending is not None:
            self._discard(*self._pending[:2])
            self._pending = None
        if self._view is not None:
            self._view.setDocument(None)  # type: ignore[arg-type]
        if self._partial is not None:
            self._discard(self._partial[0], self._partial[1])
            self._partial = None
        if self._thumbs is not None:
            self._thumbs.set_document(None)
        if self.document is not None:
            self._discard(self.document, self._buffer)
        self.document = None
        self._buffer = None
        self.result = None
        self.section_pages = {}
        self.placeholder.setText("Rendering the preview…")
        self.stack.setCurrentWidget(self.placeholder)
        self.banner.hide()
        self._update_page_label()
