"""The section tree's view: drag to reorder, drop PDFs for annexes, Enter or F2 to rename,
and each section's portion mark drawn at the right of its row (the model is
:class:`briefbook.gui.window.sections.SectionTreeModel`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from briefbook.gui.editing.document import Document, SectionPath
from briefbook.gui.window.sections import MARKING_ROLE, SectionTreeModel

AnyIndex = QModelIndex | QPersistentModelIndex


class _MarkingDelegate(QStyledItemDelegate):
    """Draws each section's portion mark at the right of its row ("(S//NF)"; the tooltip
    names the marking): its own in bold, an inherited one in grey."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        found = index.data(MARKING_ROLE)
        if not found or not found[0]:
            super().paint(painter, option, index)
            return
        _marking, own, portion = found
        font = QFont(option.font)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        font.setBold(own)
        text = QFontMetrics(font).elidedText(
            portion, Qt.TextElideMode.ElideMiddle, max(20, option.rect.width() // 3)
        )
        width = QFontMetrics(font).horizontalAdvance(text) + 8
        narrowed = QStyleOptionViewItem(option)
        narrowed.rect = option.rect.adjusted(0, 0, -width, 0)
        super().paint(painter, narrowed, index)
        colour = option.palette.text().color() if own else option.palette.placeholderText().color()
        painter.save()
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(
            option.rect.adjusted(0, 0, -4, 0),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        painter.restore()


class SectionTree(QTreeView):
    """The tree view: drag to reorder, F2 to rename, context menu from the main window."""

    #: The selected item changed: a section path, or None for the brief's cover.
    current_path_changed = Signal(object)
    #: PDF files were dropped on the tree (a list of Paths): each becomes an annex.
    pdfs_dropped = Signal(list)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setItemDelegate(_MarkingDelegate(self))
        self.context_menu: QMenu | None = None
        self.customContextMenuRequested.connect(self._show_menu)
        self.tree_model: SectionTreeModel | None = None
        self.set_document(document)

    def set_document(self, document: Document) -> None:
        old = self.tree_model
        self.tree_model = SectionTreeModel(document)
        self.setModel(self.tree_model)
        self.tree_model.modelReset.connect(self._after_reset)
        self.selectionModel().currentChanged.connect(self._current_changed)
        if old is not None:
            old.deleteLater()
        self._after_reset()
        self.select_path(None)

    @staticmethod
    def _dropped_pdfs(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        data = event.mimeData()
        if not data.hasUrls():
            return []
        return [
            Path(url.toLocalFile())
            for url in data.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf")
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_pdfs(event):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_pdfs(event):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_pdfs(event)
        if files:
            event.acceptProposedAction()
            self.pdfs_dropped.emit(files)
            return
        super().dropEvent(event)

    def current_path(self) -> SectionPath | None:
        assert self.tree_model is not None
        return self.tree_model.path_of(self.currentIndex())

    def select_path(self, path: SectionPath | None) -> None:
        assert self.tree_model is not None
        index = self.tree_model.index_of(path)
        if not index.isValid() or (path is not None and self._missing(path)):
            index = self.tree_model.root_index()
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def _missing(self, path: SectionPath) -> bool:
        assert self.tree_model is not None
        try:
            self.tree_model.document.brief.section_at(path)
        except IndexError:
            return True
        return False

    def _after_reset(self) -> None:
        self.expandAll()

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        assert self.tree_model is not None
        self.current_path_changed.emit(self.tree_model.path_of(current))

    def _show_menu(self, point: QPoint) -> None:
        if self.context_menu is not None:
            self.context_menu.popup(self.viewport().mapToGlobal(point))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter renames, like F2 (the editor is the middle pane; the tree has nothing else to open).
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentIndex().isValid()
        ):
            self.edit(self.currentIndex())
            return
        super().keyPressEvent(event)
