"""Help › User Guide (a bundled page in a read-only viewer) and Help › Keyboard Shortcuts
(a list made from the window's actual menu actions, so it is never out of date)."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefbook.gui.actions import make_action


def guide_html() -> str:
    """The user guide, with this computer's folders filled in."""
    from briefbook.assets_path import assets_dir
    from briefbook.gui.settings import config_dir, state_dir

    text = (assets_dir() / "help" / "guide.html").read_text(encoding="utf-8")
    return text.replace("{state}", escape(str(state_dir()))).replace(
        "{config}", escape(str(config_dir()))
    )


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every menu command that has a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, where: str) -> None:
        for act in menu.actions():
            sub = act.menu()
            if isinstance(sub, QMenu) and sub is not menu:
                walk(sub, f"{where} › {_clean(act.text())}")
            if act.isSeparator() or not act.shortcuts():
                continue
            keys = ", ".join(
                dict.fromkeys(
                    key.toString(QKeySequence.SequenceFormat.NativeText)
                    for key in act.shortcuts()
                    if not key.isEmpty()
                )
            )
            if keys:
                # Undo and Redo say what they would undo ("Undo Import…"); the list names
                # the command itself.
                name = act.property("command_name") or _clean(act.text())
                rows.append((where, str(name), keys))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _clean(top.text()))
    seen: set[tuple[str, str]] = set()
    unique = []
    for row in rows:
        if (row[1], row[2]) not in seen:
            seen.add((row[1], row[2]))
            unique.append(row)
    return unique


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcuts_html(window: QMainWindow) -> str:
    rows = "".join(
        f"<tr><td>{escape(menu)}</td><td>{escape(command)}</td><td><b>{escape(keys)}</b></td></tr>"
        for menu, command, keys in shortcut_rows(window)
    )
    return (
        "<h2>Keyboard shortcuts</h2><table cellpadding='3'>"
        "<tr><th align='left'>Menu</th><th align='left'>Command</th>"
        f"<th align='left'>Keys</th></tr>{rows}</table>"
        "<h3>In the editors</h3><p>Bullet lists: <b>Enter</b> ends the item and starts "
        "the next; <b>Tab</b> / <b>Shift+Tab</b> indent and outdent; <b>Alt+Up</b> / "
        "<b>Alt+Down</b> move the item. Grids: <b>Ctrl+C</b> / <b>Ctrl+V</b> copy and "
        "paste blocks of cells, <b>Delete</b> clears them. Date fields: <b>Alt+Down</b> "
        "opens the calendar.</p>"
    )


class HelpViewer(QDialog):
    """A read-only page (links inside it only; nothing is fetched)."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 560)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def help_actions(window: QMainWindow) -> list[QAction]:
    """The Help menu's User Guide and Keyboard Shortcuts actions."""
    guide = make_action(
        window,
        "&User Guide",
        lambda: _show(window, "briefbook — User Guide", guide_html()),
        QKeySequence.StandardKey.HelpContents,
    )
    guide.setStatusTip("What a brief is, how to start, where files go")
    keys = make_action(
        window,
        "&Keyboard Shortcuts",
        lambda: _show(window, "briefbook — Keyboard Shortcuts", shortcuts_html(window)),
    )
    keys.setStatusTip("Every command's keys")
    return [guide, keys]


def _show(window: QMainWindow, title: str, html: str) -> None:
    viewer = HelpViewer(title, html, window)
    window.help_viewer = viewer  # type: ignore[attr-defined]  # for tests and to keep it alive
    viewer.show()
