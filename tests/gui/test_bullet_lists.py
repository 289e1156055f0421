"""Typing a bullet list: Enter ends the item and starts the next; long items wrap (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefbook.gui.editors.lists import ListEditor
from briefbook.gui.window.mainwindow import MainWindow
from gui.helpers import editors_of, select_title


def _list_editor(window: MainWindow) -> ListEditor:
    select_title(window, "Key points")
    (editor,) = editors_of(window, "Bullet list")
    assert isinstance(editor, ListEditor)
    return editor


def _typing_in(editor: ListEditor) -> object:
    widget = QApplication.focusWidget()
    assert editor.tree.state() == editor.tree.State.EditingState
    assert widget is not None and editor.tree.isAncestorOf(widget)
    return widget


def test_enter_ends_the_item_and_starts_a_new_one(qtbot, window: MainWindow) -> None:
    editor = _list_editor(window)
    first = [item.text for item in editor.block.items]
    editor.tree.setFocus()
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0))
    qtbot.keyClick(editor.tree, Qt.Key.Key_F2)
    qtbot.keyClicks(_typing_in(editor), " (agreed)")
    qtbot.keyClick(_typing_in(editor), Qt.Key.Key_Return)
    # The next item is new, below, and being typed in: typing never replaces the first.
    qtbot.waitUntil(
        lambda: (
            editor.current_path() == (1,) and editor.tree.state() == editor.tree.State.EditingState
        )
    )
    qtbot.keyClicks(_typing_in(editor), "Second point")
    qtbot.keyClick(_typing_in(editor), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.current_path() == (2,))
    texts = [item.text for item in editor.block.items]
    assert texts[0] == first[0] + " (agreed)"
    assert texts[1] == "Second point"
    assert texts[3:] == first[1:]
    # Enter on the new, empty item just ends: no further item.
    qtbot.keyClick(_typing_in(editor), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.tree.state() != editor.tree.State.EditingState)
    qtbot.wait(20)
    assert len(editor.block.items) == len(first) + 2
    assert editor.tree.state() != editor.tree.State.EditingState


def test_typing_on_a_selected_item_adds_to_it(qtbot, window: MainWindow) -> None:
    editor = _list_editor(window)
    first = editor.block.items[1].text
    editor.tree.setFocus()
    editor.tree.setCurrentItem(editor.tree.topLevelItem(1))
    qtbot.keyClick(editor.tree, Qt.Key.Key_Period)
    widget = _typing_in(editor)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.current_path() == (2,))
    assert editor.block.items[1].text == first + "."


def test_long_items_wrap_and_the_list_grows(qtbot, window: MainWindow) -> None:
    editor = _list_editor(window)
    tree = editor.tree
    short_row = tree.visualItemRect(tree.topLevelItem(0)).height()
    before = tree.height()
    tree.topLevelItem(0).setText(0, "A long point that goes on and on " * 12)
    qtbot.waitUntil(lambda: tree.height() > before)
    long_row = tree.visualItemRect(tree.topLevelItem(0)).height()
    assert long_row >= 2 * short_row
    assert tree.height() >= sum(
        tree.visualItemRect(tree.topLevelItem(i)).height() for i in range(tree.topLevelItemCount())
    )
    assert tree.verticalScrollBar().maximum() == 0  # nothing hidden


def test_the_text_column_takes_the_room_and_the_marking_column_its_own(
    qtbot, window: MainWindow
) -> None:
    # Seen on screen: the marking column asked for the whole width, so typed items were
    # clipped to their first letter.
    editor = _list_editor(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: editor.tree.viewport().width() > 200)
    text, marking = editor.tree.columnWidth(0), editor.tree.columnWidth(1)
    assert text > 3 * marking, (text, marking)
    assert text >= editor.tree.viewport().width() // 2
