"""Edit › Cut, Copy, Paste act on the focused widget; Help has a user guide and a list of
keyboard shortcuts made from the actual actions (issue 12)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QKeySequence

from briefbook.gui.dialogs.help import HelpViewer, shortcut_rows
from briefbook.gui.editors.cover import CoverEditor
from briefbook.gui.editors.schedule import ScheduleEditor
from briefbook.gui.window.mainwindow import MainWindow
from gui.helpers import editors_of, select_title


def menu_texts(window: MainWindow, name: str) -> list[str]:
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == name:
            return [a.text().replace("&", "") for a in top.menu().actions() if a.text()]
    raise AssertionError(name)


def test_edit_menu_has_cut_copy_paste_with_the_standard_keys(window: MainWindow) -> None:
    assert {"Cut", "Copy", "Paste"} <= set(menu_texts(window, "Edit"))
    assert window.cut_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Cut)
    assert window.copy_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)
    assert window.paste_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Paste)


def test_cut_copy_paste_act_on_the_focused_field(qtbot, window: MainWindow) -> None:
    window.tree.select_path(None)
    cover = window.editor
    assert isinstance(cover, CoverEditor)
    place = cover.fields["location"]
    place.setFocus()
    qtbot.waitUntil(place.hasFocus)
    place.selectAll()
    window.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "Rome"
    window.cut_action.trigger()
    assert place.text() == "" and QGuiApplication.clipboard().text() == "Rome"
    window.paste_action.trigger()
    window.paste_action.trigger()
    assert place.text() == "RomeRome"
    assert window.document.brief.meta.location == "RomeRome"  # an edit like typing


def test_copy_and_paste_in_a_grid(qtbot, window: MainWindow) -> None:
    select_title(window, "Schedule")
    (editor,) = editors_of(window, "Schedule")
    assert isinstance(editor, ScheduleEditor)
    view = editor.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(view.model().index(1, 4))
    window.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == editor.block.entries[1].place
    view.setCurrentIndex(view.model().index(2, 4))
    window.paste_action.trigger()
    assert editor.block.entries[2].place == editor.block.entries[1].place


def test_the_user_guide_is_a_real_page(qtbot, window: MainWindow) -> None:
    assert "User Guide" in menu_texts(window, "Help")
    window.guide_action.trigger()
    viewer = window.help_viewer
    assert isinstance(viewer, HelpViewer) and viewer.isVisible()
    text = viewer.browser.toPlainText()
    for words in ("What a brief is", "How to start", "Where files go", ".brief.yaml", "images/"):
        assert words in text
    assert "{state}" not in text and "{config}" not in text
    assert viewer.browser.isReadOnly()
    viewer.close()


def test_keyboard_shortcuts_come_from_the_actions(qtbot, window: MainWindow) -> None:
    from briefbook.core.model import Section

    window.sections.insert_sections([Section("Extra")], "Import")
    window.undo_action.trigger()  # now Undo and Redo would say "… Import 1 section"
    assert "Import" in window.redo_action.text()
    rows = shortcut_rows(window)
    commands = {command: keys for _menu, command, keys in rows}
    native = QKeySequence.SequenceFormat.NativeText
    assert commands["Save"] == QKeySequence(QKeySequence.StandardKey.Save).toString(native)
    assert commands["Export PDF"] == "Ctrl+E"
    assert "Copy" in commands and "Paste as Sections" in commands
    # Undo and Redo are named as commands, whatever they would undo now.
    assert "Undo" in commands and "Redo" in commands
    assert len(commands["Redo"].split(", ")) == len(set(commands["Redo"].split(", ")))
    # A shortcut given to an action later shows up: the list is read from the actions.
    window.about_action.setShortcut(QKeySequence("Ctrl+Alt+A"))
    assert ("Help", "About briefbook", "Ctrl+Alt+A") in shortcut_rows(window)
    window.shortcuts_action.trigger()
    text = window.help_viewer.browser.toPlainText()
    assert "Export PDF" in text and "Ctrl+E" in text
    window.help_viewer.close()
