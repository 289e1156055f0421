"""Edit › Cut, Copy and Paste: each acts on the widget that has the keyboard focus.

Text fields do it themselves (their keys reach them first); the menu commands call the
same operations on them, and on the grids (blocks of cells).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

from briefbook.gui.actions import make_action

OPERATIONS = ("cut", "copy", "paste")


def target(widget: QWidget | None) -> QWidget | None:
    """The widget Cut/Copy/Paste act on for the focus ``widget`` (a combo's line edit,
    a spin box's text...), or None when it holds nothing to cut, copy or paste."""
    if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
        return widget.lineEdit()
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QWidget, "qt_spinbox_lineedit")
    return widget


def act_on_focus(operation: str) -> bool:
    """Cut, copy or paste in the focused widget; True when it could."""
    from briefbook.gui.editors.grid import GridView

    widget = target(QApplication.focusWidget())
    if widget is None:
        return False
    if isinstance(widget, GridView):
        if operation == "copy":
            widget.copy_cells()
        elif operation == "paste":
            widget.paste_cells()
        else:
            widget.copy_cells()
            widget.clear_cells()
        return True
    method = getattr(widget, operation, None)
    if callable(method):
        method()
        return True
    return False


def clipboard_actions(parent: QWidget) -> tuple[QAction, QAction, QAction]:
    """Edit › Cut, Copy and Paste, with the platform's keys."""
    key = QKeySequence.StandardKey
    made = []
    for text, operation, shortcut, tip in (
        ("Cu&t", "cut", key.Cut, "Cut the selection to the clipboard"),
        ("&Copy", "copy", key.Copy, "Copy the selection to the clipboard"),
        ("&Paste", "paste", key.Paste, "Paste from the clipboard"),
    ):
        act = make_action(parent, text, lambda _=False, op=operation: act_on_focus(op), shortcut)
        act.setStatusTip(tip)  # the tooltip stays Qt's (the text)
        made.append(act)
    return made[0], made[1], made[2]
