"""Where the main window opens and how its panes are split, kept in the settings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from briefbook.gui.settings import Settings, save_settings


def restore_geometry(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    """The window's last place, docks and pane sizes; on first start the whole screen of
    a laptop (or most of a larger one), the sections narrow, editor and pages shared."""
    restored = False
    if settings.geometry:
        restored = window.restoreGeometry(QByteArray.fromHex(settings.geometry.encode()))
    if not restored:
        screen = window.screen().availableGeometry()
        if screen.width() <= 1600:  # a laptop: use the whole screen
            window.setGeometry(screen)
        else:
            window.resize(int(screen.width() * 0.85), int(screen.height() * 0.88))
    if settings.window_state:
        window.restoreState(QByteArray.fromHex(settings.window_state.encode()))
    sizes = settings.splitter
    if len(sizes) == 3 and all(size > 0 for size in sizes):
        splitter.setSizes(sizes)
    else:
        width = window.width()
        tree = max(200, width // 6)
        editor = (width - tree) * 52 // 100
        splitter.setSizes([tree, editor, width - tree - editor])


def remember_geometry(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    """Keep the window's place, docks and pane sizes in the settings (and save them)."""
    settings.geometry = bytes(window.saveGeometry().toHex().data()).decode()
    settings.window_state = bytes(window.saveState().toHex().data()).decode()
    settings.splitter = list(splitter.sizes())
    save_settings(settings)
