"""GUI fixtures: a main window on the example brief, offscreen, with its own settings folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtWidgets import QMessageBox

from briefbook.gui.app import open_window
from briefbook.gui.settings import load_settings
from briefbook.gui.window.mainwindow import MainWindow
from briefbook.gui.workers import wait_for_workers


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own settings folder (never the user's)."""
    folder = tmp_path / "home"
    monkeypatch.setenv("BRIEFBOOK_HOME", str(folder))
    return folder


@pytest.fixture
def no_prompts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail loudly instead of blocking if an unexpected message box appears."""
    shown: list[str] = []

    def refuse(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        shown.append(str(args[2] if len(args) > 2 else args))
        return QMessageBox.StandardButton.Cancel

    def refuse_exec(box: QMessageBox) -> int:
        shown.append(f"{box.text()} {box.informativeText()}")
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "question", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse_exec)
    return shown


def open_ready(qtbot, path: Path | None = None) -> MainWindow:
    """A shown main window with its brief loaded and the first preview on screen."""
    window = open_window(path, load_settings())
    qtbot.addWidget(window)
    # A small start file is open already; a larger one is still loading. Either way the
    # first preview is of the brief the window starts with (none is rendered before it).
    with qtbot.waitSignal(window.preview.pages_shown, timeout=60_000):
        window.show()
    assert not window.files.loading
    return window


@pytest.fixture
def window(qtbot, no_prompts: list[str]) -> Iterator[MainWindow]:
    """The app as on a first start: the example brief open, preview shown."""
    win = open_ready(qtbot)
    yield win
    win.document.undo_stack.setClean()
    win.close()
    wait_for_workers()
