"""The one way briefbook makes a ``QAction``: text, what it does, its keys, its tip and icon.

It lives at the top of ``gui/`` (not in ``gui/window/``) because the editors and the
preview make actions too, and they do not depend on the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

Shortcut = QKeySequence | QKeySequence.StandardKey | str
Slot = Callable[[], object] | Callable[[bool], object]


def make_action(
    parent: QObject,
    text: str,
    slot: Slot | None = None,
    shortcut: Shortcut | Sequence[Shortcut] | None = None,
    tip: str | None = None,
    icon: QIcon | QStyle.StandardPixmap | None = None,
    checkable: bool = False,
    *,
    status: bool = True,
    context: Qt.ShortcutContext | None = None,
) -> QAction:
    """A new action of ``parent`` that runs ``slot`` when triggered.

    ``shortcut`` is one key sequence or a list of them (the first is the main one);
    ``tip`` is the tooltip and, unless ``status`` is False, the status bar text (without
    a tip Qt's tooltip is the text); ``icon`` is an icon or one of the style's standard
    pixmaps (``parent`` is then a widget); ``context`` is where the shortcut works.
    """
    act = QAction(text, parent)
    if shortcut is not None:
        if isinstance(shortcut, (list, tuple)):
            act.setShortcuts([QKeySequence(key) for key in shortcut])
        else:
            act.setShortcut(shortcut)  # type: ignore[arg-type]
    if context is not None:
        act.setShortcutContext(context)
    if isinstance(icon, QStyle.StandardPixmap):
        style = parent.style() if isinstance(parent, QWidget) else None
        if style is not None:
            act.setIcon(style.standardIcon(icon))
    elif icon is not None:
        act.setIcon(icon)
    if tip:
        act.setToolTip(tip)
        if status:
            act.setStatusTip(tip)
    act.setCheckable(checkable)
    if slot is not None:
        act.triggered.connect(slot)
    return act
