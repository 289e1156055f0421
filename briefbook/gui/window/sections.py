"""The section tree: the brief (its cover) at the root, sections below, subsections one level down.

``SectionTreeModel`` shows the document's sections and turns renames and drops
into undo commands; ``SectionTree`` (:mod:`.section_view`) is the view with its
keyboard moves and context menu. Where a dragged or moved section lands is worked out by
``move_target``, a pure function of the brief.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QFont,
)

from briefbook.core.markings import scheme_of, section_marking
from briefbook.core.model import Brief
from briefbook.core.text import counted
from briefbook.gui.dialogs.plain import tooltip
from briefbook.gui.editing import commands
from briefbook.gui.editing.document import Document, SectionPath

MIME_TYPE = "application/x-briefbook-section"
_ROOT_ID = 0
_TOP_ID = 1  # top-level sections; subsections of section r have the id 2 + r

AnyIndex = QModelIndex | QPersistentModelIndex


def move_target(
    brief: Brief, source: SectionPath, parent: SectionPath | None, row: int
) -> SectionPath | None:
    """Where the section at ``source`` ends up when dropped at ``row`` of ``parent``.

    ``parent`` is None for the top level, ``(i,)`` for the subsections of section i;
    ``row`` counts in that list before the move (-1: at the end). The answer is a
    path in the brief after the move, or None when the move is not allowed or
    changes nothing (a section with subsections cannot become one; a section
    cannot go inside itself).
    """
    section = brief.section_at(source)
    if parent is None:
        siblings = brief.sections
    else:
        if len(parent) != 1 or parent[0] >= len(brief.sections) or parent == source:
            return None
        if section.subsections:
            return None
        siblings = brief.sections[parent[0]].subsections
    if row < 0 or row > len(siblings):
        row = len(siblings)
    same_list = (parent is None and len(source) == 1) or (
        parent is not None and len(source) == 2 and source[0] == parent[0]
    )
    if same_list and source[-1] < row:
        row -= 1
    if parent is None:
        target: SectionPath = (row,)
    else:
        parent_index = parent[0]
        if len(source) == 1 and source[0] < parent_index:
            parent_index -= 1
        target = (parent_index, row)
    return None if target == source else target


class SectionTreeModel(QAbstractItemModel):
    """Rows: the brief (row 0 of the root), its sections, their subsections."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        document.structure_changed.connect(self._reset)
        document.section_changed.connect(self._section_changed)
        document.meta_changed.connect(self._meta_changed)

    # --- index arithmetic --------------------------------------------------------

    def root_index(self) -> QModelIndex:
        return self.createIndex(0, 0, _ROOT_ID)

    def index_of(self, path: SectionPath | None) -> QModelIndex:
        """The index of a section path (None: the brief itself)."""
        if path is None:
            return self.root_index()
        if len(path) == 1:
            return self.createIndex(path[0], 0, _TOP_ID)
        return self.createIndex(path[1], 0, 2 + path[0])

    def path_of(self, index: AnyIndex) -> SectionPath | None:
        """The section path of an index; None for the brief (or an invalid index)."""
        if not index.isValid():
            return None
        ident = index.internalId()
        if ident == _ROOT_ID:
            return None
        if ident == _TOP_ID:
            return (index.row(),)
        return (ident - 2, index.row())

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0 or row >= self.rowCount(parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _ROOT_ID)
        ident = parent.internalId()
        if ident == _ROOT_ID:
            return self.createIndex(row, 0, _TOP_ID)
        if ident == _TOP_ID:
            return self.createIndex(row, 0, 2 + parent.row())
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        ident = index.internalId()
        if ident == _ROOT_ID:
            return QModelIndex()
        if ident == _TOP_ID:
            return self.root_index()
        return self.createIndex(ident - 2, 0, _TOP_ID)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return 1
        ident = parent.internalId()
        sections = self.document.brief.sections
        if ident == _ROOT_ID:
            return len(sections)
        if ident == _TOP_ID and parent.row() < len(sections):
            return len(sections[parent.row()].subsections)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    # --- data --------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        path = self.path_of(index)
        if path is None:
            meta = self.document.brief.meta
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return meta.title or "Untitled brief"
            if role == Qt.ItemDataRole.ToolTipRole:
                return "The cover: title, dates, place, marking, version, page size"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        try:
            section = self.document.brief.section_at(path)
        except IndexError:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            title = section.title or "(untitled section)"
            label = " ".join(section.label.split())
            return f"{label}  {title}" if label else title
        if role == Qt.ItemDataRole.EditRole:
            return section.title
        if role == Qt.ItemDataRole.ToolTipRole:
            count = len(section.blocks)
            marked = section_marking(
                self.document.brief,
                section,
                self.document.brief.sections[path[0]] if len(path) > 1 else None,
            )
            marked = f", marked {marked}" if marked else ""
            return tooltip(f"{section.title}: {counted(count, 'block')}{marked}")
        if role == MARKING_ROLE:
            brief = self.document.brief
            parent = brief.sections[path[0]] if len(path) > 1 else None
            marking = section_marking(brief, section, parent)
            return marking, bool(section.marking), scheme_of(brief).portion(marking)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        path = self.path_of(index)
        if path is None:
            return base | Qt.ItemFlag.ItemIsDropEnabled
        if len(path) == 1:
            return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value).strip()
        path = self.path_of(index)
        if path is None:
            meta = self.document.brief.meta
            if not text or text == meta.title:
                return False
            import copy

            new = copy.deepcopy(meta)
            new.title = text
            self.document.undo_stack.push(commands.EditMeta(self.document, new, "Rename brief"))
            return True
        section = self.document.brief.section_at(path)
        if text == section.title:
            return False
        self.document.undo_stack.push(
            commands.EditSection(self.document, section, "title", text, "Rename section")
        )
        return True

    # --- drag and drop -------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        paths = [
            path
            for path in (self.path_of(index) for index in indexes if index.isValid())
            if path is not None
        ]
        if paths:
            text = "/".join(str(n) for n in paths[0])
            data.setData(MIME_TYPE, QByteArray(text.encode("ascii")))
        return data

    def _drop_target(
        self, data: QMimeData, row: int, parent: AnyIndex
    ) -> tuple[SectionPath, SectionPath] | None:
        if not data.hasFormat(MIME_TYPE) or not parent.isValid():
            return None
        try:
            raw = bytes(data.data(MIME_TYPE).data()).decode("ascii")
            source = tuple(int(n) for n in raw.split("/"))
            self.document.brief.section_at(source)
        except (ValueError, IndexError):
            return None
        parent_path = self.path_of(parent)
        if parent_path is not None and len(parent_path) != 1:
            return None
        target = move_target(self.document.brief, source, parent_path, row)
        return (source, target) if target is not None else None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        found = self._drop_target(data, row, parent)
        if found is None:
            return False
        source, target = found
        # The view is still inside its drop handling: change the model once it is done.
        QTimer.singleShot(
            0,
            self,
            lambda: self.document.undo_stack.push(
                commands.MoveSection(self.document, source, target, "Move section")
            ),
        )
        return True

    # --- following the document ------------------------------------------------

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _section_changed(self, section: object) -> None:
        path = self.document.path_of(section)  # type: ignore[arg-type]
        if path is not None:
            index = self.index_of(path)
            self.dataChanged.emit(index, index)

    def _meta_changed(self) -> None:
        index = self.root_index()
        self.dataChanged.emit(index, index)


#: The data role giving a section's marking and whether it is its own (not inherited).
MARKING_ROLE = Qt.ItemDataRole.UserRole + 7
