"""The bullet and numbered list editor: items in a small tree, with indent and outdent.

The list operations live in ``briefbook.core.editing.lists`` (pure functions on
``list[ListItem]`` and an index path); the widget pushes their result as one undo
command and shows it again.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefbook.core.editing.lists import (
    ItemPath,
    add_after,
    container,
    find_path,
    indent,
    move,
    outdent,
    remove,
    set_marking,
    set_text,
)
from briefbook.core.model import BulletsBlock, ListItem, NumberedBlock, TalkingPointsBlock
from briefbook.gui.actions import Shortcut, Slot, make_action
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.base import BlockEditor
from briefbook.gui.editors.marking import MarkingCombo
from briefbook.gui.editors.widgets import small_button

AnyIndex = QModelIndex | QPersistentModelIndex


class _ItemEditor(QPlainTextEdit):
    """The editor of one item: it wraps long text and grows with it (an item is one
    paragraph; Enter ends it, see ``_ItemDelegate``)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(1)
        self.document().documentLayout().documentSizeChanged.connect(lambda *_: self.fit())

    def fit(self) -> None:
        lines = max(1, int(self.document().documentLayout().documentSize().height()))
        height = (
            lines * self.fontMetrics().lineSpacing() + 2 * int(self.document().documentMargin()) + 2
        )
        if self.height() < height:
            self.resize(self.width(), height)

    def text(self) -> str:
        return " ".join(self.toPlainText().split("\n"))


class _ItemDelegate(QStyledItemDelegate):
    """Items are typed in a wrapping editor. Enter ends the item and starts a new one
    below it (Enter on an empty item just ends); typing on a selected item adds to its
    text instead of replacing it."""

    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.list_editor = editor

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        return _ItemEditor(parent)

    def setEditorData(self, widget: QWidget, index: AnyIndex) -> None:
        if isinstance(widget, _ItemEditor):
            widget.setPlainText(str(index.data() or ""))
            widget.moveCursor(widget.textCursor().MoveOperation.End)
        else:
            super().setEditorData(widget, index)

    def setModelData(self, widget: QWidget, model: object, index: AnyIndex) -> None:
        if isinstance(widget, _ItemEditor):
            model.setData(index, widget.text())  # type: ignore[attr-defined]
        else:
            super().setModelData(widget, model, index)  # type: ignore[arg-type]

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """The item's text wrapped to the width the tree gives it (a tree view asks for
        one line otherwise). The marking column asks only for its own text's room."""
        hint = super().sizeHint(option, index)
        if index.column() != 0:
            return hint
        tree = self.list_editor.tree
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(
            60, tree.viewport().width() - tree.columnWidth(1) - tree.indentation() * depth - 8
        )
        text = str(index.data() or "") or " "
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        needed = (
            metrics.boundingRect(
                QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap), text
            ).height()
            + 6
        )
        return QSize(width, max(hint.height(), needed))

    def updateEditorGeometry(
        self, widget: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        widget.setGeometry(rect)
        if isinstance(widget, _ItemEditor):
            widget.fit()

    def eventFilter(self, widget: QObject, event: QEvent) -> bool:
        if (
            isinstance(widget, _ItemEditor)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            typed = widget.text().strip()
            self.commitData.emit(widget)
            self.closeEditor.emit(widget, QAbstractItemDelegate.EndEditHint.NoHint)
            if typed:  # once the editor is gone: a new item below, being typed in
                QTimer.singleShot(0, self.list_editor, self.list_editor.add_item)
            return True
        return super().eventFilter(widget, event)


class _ItemTree(QTreeWidget):
    """The tree of items; Tab and Shift+Tab indent and outdent like a word processor."""

    def __init__(self, editor: ListEditor) -> None:
        super().__init__()
        self.editor = editor

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Tab:
                self.editor.apply(indent, "Indent item")
                return
            if event.key() == Qt.Key.Key_Backtab:
                self.editor.apply(outdent, "Outdent item")
                return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.state() != QAbstractItemView.State.EditingState and self.currentItem():
            return False  # Tab belongs to indent while an item is selected
        return super().focusNextPrevChild(next)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            QTimer.singleShot(0, self.editor, self.editor._fit_height)  # items rewrap


#: The blocks whose items this editor edits.
ItemsBlock = BulletsBlock | NumberedBlock | TalkingPointsBlock


class ListEditor(BlockEditor[ItemsBlock]):
    """Edits a bullet or numbered list: click an item to type, Tab to indent."""

    label = "List"
    block: ItemsBlock

    def __init__(
        self, document: Document, block: ItemsBlock, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, block, parent)
        self.tree = _ItemTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)  # the item's text, and its own marking when it has one
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(18)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(_ItemDelegate(self))
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(4)

        def button(text: str, tip: str, slot: object, key: str | None = None) -> QToolButton:
            push = small_button(text, tip + (f" ({key})" if key else ""), slot)
            buttons.addWidget(push)
            return push

        self.add_button = button(
            "Add Item", "Add an item below the selected one", self.add_item, "Ctrl+Enter"
        )
        self.remove_button = button(
            "Remove",
            "Remove the selected item",
            lambda: self.apply(remove, "Remove item"),
            "Delete",
        )
        self.indent_button = button(
            "Indent",
            "Make it a sub-item of the item above",
            lambda: self.apply(indent, "Indent item"),
            "Tab",
        )
        self.outdent_button = button(
            "Outdent",
            "Move it one level out",
            lambda: self.apply(outdent, "Outdent item"),
            "Shift+Tab",
        )
        self.up_button = button(
            "↑",
            "Move the item up",
            lambda: self.apply(lambda i, p: move(i, p, -1), "Move item up"),
            "Alt+Up",
        )
        self.down_button = button(
            "↓",
            "Move the item down",
            lambda: self.apply(lambda i, p: move(i, p, 1), "Move item down"),
            "Alt+Down",
        )
        buttons.addStretch(1)
        self.item_marking = MarkingCombo(document, "the selected item")
        self.item_marking.chosen.connect(
            lambda mark: self.apply(lambda i, p: set_marking(i, p, mark), "Change item marking")
        )
        buttons.addWidget(self.item_marking)
        self._shortcut("Ctrl+Return", self.add_item)
        self._shortcut("Ctrl+Enter", self.add_item)
        self._shortcut(QKeySequence.StandardKey.Delete, lambda: self.apply(remove, "Remove item"))
        self._shortcut("Alt+Up", lambda: self.apply(lambda i, p: move(i, p, -1), "Move item up"))
        self._shortcut("Alt+Down", lambda: self.apply(lambda i, p: move(i, p, 1), "Move item down"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.refresh()

    def _shortcut(self, key: Shortcut, slot: Slot) -> None:
        act = make_action(
            self.tree,
            "",
            slot,
            key,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.tree.addAction(act)

    # --- showing -------------------------------------------------------------------

    def refresh(self, select: ItemPath | None = None) -> None:
        if select is None:
            select = self.current_path()
        blocked = self.tree.blockSignals(True)
        try:
            self.tree.clear()
            self._fill(self.tree.invisibleRootItem(), self.block.items)
            self.tree.expandAll()
        finally:
            self.tree.blockSignals(blocked)
        item = self._item_at(select) if select is not None else None
        if item is not None:
            self.tree.setCurrentItem(item)
        self._fit_height()
        self._update_buttons()

    def _fill(self, parent: QTreeWidgetItem, items: list[ListItem]) -> None:
        for entry in items:
            item = QTreeWidgetItem(parent, [entry.text, entry.marking])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setForeground(1, self.palette().placeholderText())
            self._fill(item, entry.items)

    def _fit_height(self) -> None:
        """As high as all its items, each wrapped to the width (the list never scrolls)."""
        self.tree.doItemsLayout()
        height = 0
        stack = [self.tree.invisibleRootItem()]
        while stack:
            node = stack.pop()
            for i in range(node.childCount()):
                child = node.child(i)
                if child is None:  # only past the last child
                    continue
                row = self.tree.visualItemRect(child).height()
                height += row if row > 0 else self.fontMetrics().height() + 6
                stack.append(child)
        if height == 0:
            height = self.fontMetrics().height() + 6
        frame = 2 * self.tree.frameWidth() + 4
        if self.tree.height() != height + frame:
            self.tree.setFixedHeight(height + frame)

    def _item_at(self, path: ItemPath) -> QTreeWidgetItem | None:
        node = self.tree.invisibleRootItem()
        for index in path:
            if index >= node.childCount():
                return None
            child = node.child(index)
            if child is None:  # only past the last child
                return None
            node = child
        return node if node is not self.tree.invisibleRootItem() else None

    def current_path(self) -> ItemPath | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        path: list[int] = []
        while item is not None:
            parent = item.parent()
            index = (
                parent.indexOfChild(item)
                if parent is not None
                else self.tree.indexOfTopLevelItem(item)
            )
            path.insert(0, index)
            item = parent
        return tuple(path)

    def _update_buttons(self) -> None:
        path = self.current_path()
        on_item = path is not None
        self.remove_button.setEnabled(on_item)
        self.indent_button.setEnabled(path is not None and path[-1] > 0)
        self.outdent_button.setEnabled(path is not None and len(path) > 1)
        self.up_button.setEnabled(path is not None and path[-1] > 0)
        self.item_marking.setEnabled(on_item)
        if path is not None:
            item = container(self.block.items, path)[path[-1]]
            self.item_marking.show_marking(item.marking)
            siblings = container(self.block.items, path)
            self.down_button.setEnabled(path[-1] < len(siblings) - 1)
        else:
            self.down_button.setEnabled(False)

    # --- edits -------------------------------------------------------------------------

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 1:  # the marking column is chosen with the combo, not typed
            QTimer.singleShot(0, self, self.refresh)
            return
        QTimer.singleShot(0, self, self._fit_height)  # a longer item may wrap onto more lines
        path = self.current_path() if item is self.tree.currentItem() else None
        if path is None:
            return
        new = self.copy_block()
        set_text(new.items, path, item.text(0))
        self.push(new, "Edit list item", merge_key=("item", path))

    def apply(self, operation: object, text: str) -> None:
        """Run a list operation on the selected item and record it."""
        path = self.current_path()
        if path is None:
            return
        new = self.copy_block()
        target = operation(new.items, path)  # type: ignore[operator]
        if target is None and operation is not remove:
            return
        self.push(new, text)
        self.refresh(select=target)
        self.tree.setFocus()

    def add_item(self) -> None:
        new = self.copy_block()
        target = add_after(new.items, self.current_path())
        self.push(new, "Add list item")
        self.refresh(select=target)
        item = self._item_at(target)
        if item is not None:
            self.tree.setFocus()
            self.tree.editItem(item, 0)

    def find_text(self, needle: str) -> bool:
        found = find_path(self.block.items, needle)
        item = self._item_at(found) if found is not None else None
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        self.tree.setFocus()
        return True
