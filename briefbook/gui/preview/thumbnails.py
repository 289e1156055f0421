"""Page thumbnails for the preview: drawn when first shown, then kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

AnyIndex = QModelIndex | QPersistentModelIndex
THUMB_WIDTH = 96
_SPACING = 4
#: The strip's width: a thumbnail, the spacing on both sides, room for the scroll bar.
STRIP_WIDTH = THUMB_WIDTH + 2 * _SPACING + 24


class ThumbnailModel(QAbstractListModel):
    """One row per page; the picture is rendered the first time the view asks for it."""

    def __init__(self) -> None:
        super().__init__()
        self._document: QPdfDocument | None = None
        self._cache: dict[int, QPixmap] = {}

    def set_document(self, document: QPdfDocument | None) -> None:
        self.beginResetModel()
        self._document = document
        self._cache.clear()
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._document is None:
            return 0
        return self._document.pageCount()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._document is None:
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            if page not in self._cache:
                self._cache[page] = self._render(page)
            return self._cache[page]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Page {page + 1}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignHCenter
        return None

    def _render(self, page: int) -> QPixmap:
        assert self._document is not None
        points = self._document.pagePointSize(page)
        width = THUMB_WIDTH
        height = round(width * points.height() / points.width()) if points.width() else width
        image = self._document.render(page, QSize(width, height))
        framed = QPixmap(width + 2, height + 2)
        framed.fill(QColor("#9a9a9a"))
        painter = QPainter(framed)
        painter.fillRect(1, 1, width, height, Qt.GlobalColor.white)
        if not image.isNull():
            painter.drawImage(1, 1, image)
        painter.end()
        return framed


class ThumbnailStrip(QListView):
    """A column of page thumbnails; clicking one shows that page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = ThumbnailModel()
        self.setModel(self.thumbnails)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self.setUniformItemSizes(True)
        self.setSpacing(_SPACING)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedWidth(STRIP_WIDTH)

    def set_document(self, document: QPdfDocument | None) -> None:
        position = self.verticalScrollBar().value()
        self.thumbnails.set_document(document)
        self.verticalScrollBar().setValue(position)

    def mark_page(self, page: int) -> None:
        """Highlight the page the view shows (0-based), without scrolling the view itself."""
        index = self.thumbnails.index(page, 0)
        if index.isValid() and self.currentIndex() != index:
            blocked = self.selectionModel().blockSignals(True)
            try:
                self.setCurrentIndex(index)
            finally:
                self.selectionModel().blockSignals(blocked)
            self.viewport().update()
            self.scrollTo(index)
