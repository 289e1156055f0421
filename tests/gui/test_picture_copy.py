"""A logo or picture chosen with Browse from outside the brief's folder is copied into
``images/`` next to the brief, never over another file, and the user is told (issue 12)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QFileDialog

from briefbook.core import model as m
from briefbook.core.fileformat import load, save
from briefbook.core.picturecopy import copy_into_folder
from briefbook.gui.app import open_window
from briefbook.gui.editors.cover import CoverEditor
from briefbook.gui.settings import Settings
from briefbook.gui.window.mainwindow import MainWindow
from briefbook.gui.workers import wait_for_workers


def picture(path: Path, shade: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (60, 40), (20, shade, 60)).save(path)
    return path


def test_copy_into_folder_never_replaces_another_file(tmp_path: Path) -> None:
    first = picture(tmp_path / "a" / "logo.png", 10)
    other = picture(tmp_path / "b" / "logo.png", 200)
    brief_folder = tmp_path / "brief"
    assert copy_into_folder(first, brief_folder) == brief_folder / "images" / "logo.png"
    assert copy_into_folder(first, brief_folder) == brief_folder / "images" / "logo.png"
    assert copy_into_folder(other, brief_folder) == brief_folder / "images" / "logo-2.png"
    assert (brief_folder / "images" / "logo.png").read_bytes() == first.read_bytes()
    assert (brief_folder / "images" / "logo-2.png").read_bytes() == other.read_bytes()


@pytest.fixture
def windows(qtbot) -> Iterator[list[MainWindow]]:
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        window.document.undo_stack.setClean()
        window.close()
    wait_for_workers()


def _open(qtbot, path: Path | None, opened: list[MainWindow]) -> MainWindow:
    window = open_window(path, Settings(started_before=True), recover=False)
    qtbot.addWidget(window)
    opened.append(window)
    with qtbot.waitSignal(window.preview.pages_shown, timeout=60_000):
        window.show()
    return window


def _browse_logo(window: MainWindow, chosen: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen), ""))
    window.tree.select_path(None)
    cover = window.editor
    assert isinstance(cover, CoverEditor)
    cover.logo.browse.click()


def test_browse_copies_the_logo_into_the_folder(
    qtbot,
    tmp_path: Path,
    no_prompts: list[str],
    windows: list[MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "visit" / "visit.brief.yaml"
    path.parent.mkdir()
    save(m.Brief(meta=m.Meta(title="Logo"), sections=[m.Section("One")]), path)
    window = _open(qtbot, path, windows)
    qtbot.waitUntil(lambda: window.document.path == path, timeout=60_000)
    mine = picture(path.parent / "images" / "logo.png", 10)  # already there, another picture
    chosen = picture(tmp_path / "downloads" / "logo.png", 200)
    _browse_logo(window, chosen, monkeypatch)
    assert window.document.brief.meta.logo == "images/logo-2.png"
    assert (path.parent / "images" / "logo-2.png").read_bytes() == chosen.read_bytes()
    assert mine.read_bytes() != chosen.read_bytes()  # the one there is untouched
    message = window.statusBar().currentMessage()
    assert "Copied logo.png" in message and "images/logo-2.png" in message
    window.undo_action.trigger()
    assert window.document.brief.meta.logo == ""


def test_an_unsaved_brief_copies_at_its_first_save(
    qtbot,
    tmp_path: Path,
    no_prompts: list[str],
    windows: list[MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _open(qtbot, None, windows)
    window.files.new_from_template("blank")
    chosen = picture(tmp_path / "downloads" / "crest.png", 90)
    _browse_logo(window, chosen, monkeypatch)
    assert window.document.brief.meta.logo == str(chosen)  # no folder yet
    assert "when you first save" in window.statusBar().currentMessage()
    target = tmp_path / "new" / "visit.brief.yaml"
    target.parent.mkdir()
    assert window.files.save_to(target)
    assert load(target).meta.logo == "images/crest.png"
    assert (target.parent / "images" / "crest.png").read_bytes() == chosen.read_bytes()
    assert window.document.brief.meta.logo == "images/crest.png"
    assert "images/crest.png" in window.statusBar().currentMessage()
