"""The main window's toolbars: the main one (new, open, save, its own short Undo and
Redo, export, print) and the section tree's (add from a template, duplicate, delete,
move up and down)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QStyle, QToolBar, QToolButton

from briefbook.gui.actions import make_action
from briefbook.gui.window.files import FileActions
from briefbook.gui.window.icons import icon
from briefbook.gui.window.section_actions import SectionActions


def undo_buttons(window: QMainWindow, group: QUndoGroup) -> tuple[QAction, QAction]:
    """The toolbar's Undo and Redo. They keep short labels (the menu says what will be
    undone), so the buttons do not shift about as the text of the next undo changes;
    the tooltip names it."""
    pix = QStyle.StandardPixmap
    undo = make_action(window, "Undo", group.undo, None, "", pix.SP_ArrowBack)
    redo = make_action(window, "Redo", group.redo, None, "", pix.SP_ArrowForward)
    group.canUndoChanged.connect(undo.setEnabled)
    group.canRedoChanged.connect(redo.setEnabled)
    group.undoTextChanged.connect(lambda text: undo.setToolTip(f"Undo {text}" if text else "Undo"))
    group.redoTextChanged.connect(lambda text: redo.setToolTip(f"Redo {text}" if text else "Redo"))
    undo.setEnabled(False)
    redo.setEnabled(False)
    return undo, redo


def build_main_toolbar(
    window: QMainWindow, files: FileActions, undo: QAction, redo: QAction
) -> QToolBar:
    """Add the main toolbar to ``window`` (``undo`` and ``redo`` keep short labels)."""
    bar = window.addToolBar("Main")
    bar.setObjectName("mainToolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addAction(files.new_action)
    bar.addAction(files.open_action)
    bar.addAction(files.save_action)
    bar.addSeparator()
    bar.addAction(undo)
    bar.addAction(redo)
    bar.addSeparator()
    bar.addAction(files.export_action)
    bar.addAction(files.print_action)
    return bar


def fill_section_bar(bar: QToolBar, sections: SectionActions) -> None:
    """The section tree's toolbar: an Add menu of templates and the section actions."""
    add = QToolButton()
    add.setText("Add")
    add.setToolTip("Add a section from a template")
    add.setIcon(icon("add"))
    add.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    add.setMenu(sections.add_menu)
    bar.addWidget(add)
    icons = {
        sections.move_up: QStyle.StandardPixmap.SP_ArrowUp,
        sections.move_down: QStyle.StandardPixmap.SP_ArrowDown,
    }
    sections.duplicate.setIcon(icon("duplicate"))
    bar.addAction(sections.duplicate)
    sections.delete.setIcon(icon("delete"))
    bar.addAction(sections.delete)
    for act, standard in icons.items():
        act.setIcon(bar.style().standardIcon(standard))
        bar.addAction(act)
