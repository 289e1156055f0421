"""File › Import… adds a file's sections to the open brief (one undo step); File › New
Brief from File… starts a new one; the title is never also a section (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from briefbook.gui.window.mainwindow import MainWindow

SEED = Path(__file__).parents[1] / "data" / "import" / "visit-press-text.txt"


def titles(window: MainWindow) -> list[str]:
    return [s.title for s in window.document.brief.sections]


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))


def test_import_adds_the_sections_to_the_open_brief(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = titles(window)
    meta = window.document.brief.meta.title
    document = window.document
    window.tree.select_path((1,))  # they go after the selected section
    choose(monkeypatch, SEED)
    window.files.import_action.trigger()
    qtbot.waitUntil(lambda: len(titles(window)) > len(before), timeout=60_000)
    assert window.document is document  # the same brief, not a new one
    now = titles(window)
    assert now[:2] == before[:2] and now[-(len(before) - 2) :] == before[2:]
    added = now[2 : 2 + len(now) - len(before)]
    assert (
        added[1] == "NATO Secretary General’s Italy Visit Focuses on Strengthening "
        "Mediterranean Security"
    )
    assert window.document.brief.meta.title == meta
    assert window.tree.current_path() == (2,)
    assert "Imported 5 sections" in window.statusBar().currentMessage()
    window.undo_action.trigger()  # one step takes the whole import back
    assert titles(window) == before
    window.redo_action.trigger()
    assert titles(window) == now


def test_new_brief_from_file(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    choose(monkeypatch, SEED)
    with qtbot.waitSignal(window.document_opened, timeout=60_000):
        window.files.new_from_file_action.trigger()
    brief = window.document.brief
    assert window.document.path is None
    assert brief.meta.title == "Visit press text"
    assert brief.meta.title not in titles(window)  # not both the title and a section
    assert len(titles(window)) == 5


def test_the_file_menu_offers_both(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text().replace("&", "") for a in file_menu.actions()]
    assert "Import…" in texts and "New Brief from File…" in texts
