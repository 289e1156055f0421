"""All editions from the export dialog: worker processes, one progress bar, cancel."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefbook.gui.dialogs.export import ExportDialog
from briefbook.gui.dialogs.export_editions import ALL_EDITIONS
from briefbook.gui.window.mainwindow import MainWindow
from briefbook.gui.workers import wait_for_workers
from briefbook.render.parallel import ExportCancelled
from tests.gui.conftest import open_ready

EDITIONS = Path(__file__).parents[1] / "data" / "editions.brief.yaml"


@pytest.fixture
def editions_window(qtbot, tmp_path: Path, no_prompts: list[str]) -> Iterator[MainWindow]:
    folder = tmp_path / "brief"
    folder.mkdir()
    shutil.copy(EDITIONS, folder / "talks.brief.yaml")
    win = open_ready(qtbot, folder / "talks.brief.yaml")
    yield win
    win.close()
    wait_for_workers()


def all_editions_dialog(qtbot, window: MainWindow, target: Path, copies: int) -> ExportDialog:
    dialog = ExportDialog(window.document, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(target))
    dialog.open_after.setChecked(False)
    dialog.edition.setCurrentIndex(dialog.edition.findData(ALL_EDITIONS))
    dialog.copies.set_mode("count")
    dialog.copies.count.setValue(copies)
    return dialog


def test_all_editions_with_copies_one_progress_bar(
    qtbot, editions_window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = all_editions_dialog(qtbot, editions_window, out / "talks.pdf", 2)
    assert "6 files, the first “talks principal copy 01.pdf”" in dialog.files_label.text()
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.finished_export, timeout=120_000):
        dialog.export_button.click()
        assert dialog.export_button.text() == "Cancel" and dialog.export_button.isEnabled()
    assert dialog.progress.maximum() == 1000 and seen and max(seen) == 1000
    assert "Exported 6 files" in dialog.status.text()
    for edition in ("principal", "delegation", "press"):
        for number in (1, 2):
            reader = PdfReader(out / f"talks {edition} copy 0{number}.pdf")
            assert f"Copy {number} of 2" in reader.pages[1].extract_text()
            assert f"Edition: {edition}" in reader.pages[1].extract_text()
    assert dialog.export_button.text() == "Export Again"


def test_cancel_keeps_the_files_written_and_says_which(
    qtbot, editions_window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = all_editions_dialog(qtbot, editions_window, out / "talks.pdf", 6)
    dialog._written.clear()
    dialog.progress.valueChanged.connect(
        lambda _: dialog._written and dialog._task is not None and dialog.export_button.click()
    )
    with qtbot.waitSignal(dialog.failed_export, timeout=120_000) as blocker:
        dialog.export_button.click()
    error = blocker.args[0]
    assert isinstance(error, ExportCancelled)
    assert 0 < len(error.written) < 18
    files = sorted(out.iterdir())
    assert files == sorted(result.path for result in error.written)
    text = dialog.status.text()
    assert f"Cancelled: {len(error.written)} of 18 files were written" in text
    assert all(path.name in text for path in files)
    assert dialog.export_button.text() == "Export" and dialog.export_button.isEnabled()
