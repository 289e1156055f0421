"""Saving over a read-only brief in the app asks first: Save Anyway / Save As / Cancel
(issue 14, "Never lose a file")."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from briefbook.core import model as m
from briefbook.core.fileformat import load, save
from briefbook.gui.window import saving
from briefbook.gui.window.mainwindow import MainWindow
from tests.gui.test_picture_folders import open_ready


@pytest.fixture
def opened(qtbot) -> Iterator[list[MainWindow]]:
    from briefbook.gui.workers import wait_for_workers

    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        window.document.undo_stack.setClean()
        window.close()
    wait_for_workers()


@pytest.fixture
def read_only(tmp_path: Path) -> Path:
    path = tmp_path / "talks.brief.yaml"
    save(m.Brief(meta=m.Meta(title="Talks"), sections=[m.Section("Programme")]), path)
    os.chmod(path, 0o444)
    return path


def edit(window: MainWindow) -> None:
    window.document.brief.meta.title = "Talks, revised"
    window.document.undo_stack.resetClean()


@pytest.mark.parametrize("choice", ["cancel", "save", "save_as"])
def test_read_only_brief(
    qtbot,
    read_only: Path,
    tmp_path: Path,
    opened: list[MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    no_prompts: list[str],
    choice: str,
) -> None:
    window = open_ready(qtbot, read_only, opened)
    edit(window)
    asked: list[Path] = []
    monkeypatch.setattr(saving, "ask_read_only", lambda parent, path: asked.append(path) or choice)
    other = tmp_path / "copy.brief.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    before = read_only.read_bytes()
    saved = window.files.save()
    assert asked == [read_only]
    if choice == "cancel":
        assert not saved and window.document.is_modified
        assert read_only.read_bytes() == before
    elif choice == "save":
        assert saved and load(read_only).meta.title == "Talks, revised"
        assert stat.S_IMODE(read_only.stat().st_mode) == 0o444  # it stays read-only
    else:
        assert saved and load(other).meta.title == "Talks, revised"
        assert read_only.read_bytes() == before
        assert window.document.path == other


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_exporting_over_a_read_only_pdf_asks(
    qtbot,
    read_only: Path,
    tmp_path: Path,
    opened: list[MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from briefbook.gui.dialogs.export import ExportDialog
    from tests.gui.helpers import Questions

    window = open_ready(qtbot, read_only, opened)
    out = tmp_path / "talks.pdf"
    out.write_bytes(b"%PDF-1.4 the one sent yesterday")
    os.chmod(out, 0o444)
    questions = Questions(monkeypatch, getattr(QMessageBox.StandardButton, answer))
    dialog = ExportDialog(window.document, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(out))
    dialog.open_after.setChecked(False)
    if answer == "No":
        dialog.export_button.click()
        assert out.read_bytes() == b"%PDF-1.4 the one sent yesterday"
    else:
        with qtbot.waitSignal(dialog.finished_export, timeout=120_000):
            dialog.export_button.click()
        assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 1000
    assert "talks.pdf is read-only. Replace it anyway?" in questions.asked[0]


def test_save_as_of_a_private_brief_is_private(
    qtbot,
    tmp_path: Path,
    opened: list[MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    no_prompts: list[str],
) -> None:
    path = tmp_path / "talks.brief.yaml"
    save(m.Brief(meta=m.Meta(title="Talks"), sections=[m.Section("Programme")]), path)
    os.chmod(path, 0o600)
    window = open_ready(qtbot, path, opened)
    copy = tmp_path / "copy.brief.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    assert window.files.save_as()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
