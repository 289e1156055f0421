"""Names in every script in the app: the editor has fonts for them, and an export that
meets a character no font prints says so in the export dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QFontDatabase

from briefbook.gui.dialogs.export import ExportDialog
from briefbook.gui.window.mainwindow import MainWindow
from briefbook.gui.workers import wait_for_workers
from tests.gui.conftest import open_ready

BRIEF = """briefbook: 1
meta:
  title: Visit to 北京
  dates:
    start: 2025-09-15
sections:
- title: Interlocutors
  blocks:
  - text: Talks with 王毅, وزير الخارجية and 윤석열, नरेन्द्र मोदी
  - text: A flamingo 🦩 for the host
"""


@pytest.fixture
def trip_window(qtbot, tmp_path: Path, no_prompts: list[str]) -> Iterator[MainWindow]:
    path = tmp_path / "trip.brief.yaml"
    path.write_text(BRIEF, encoding="utf-8")
    win = open_ready(qtbot, path)
    yield win
    win.document.undo_stack.setClean()
    win.close()
    wait_for_workers()


def test_editor_gets_the_script_fonts(qtbot, trip_window: MainWindow) -> None:
    qtbot.waitUntil(lambda: "NanumGothic" in QFontDatabase.families(), timeout=10_000)
    families = set(QFontDatabase.families())
    assert {"Noto Sans Arabic", "Noto Sans Devanagari", "Droid Sans Fallback"} <= families


def test_export_dialog_names_the_unprintable_character(
    qtbot, trip_window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "trip.pdf"
    dialog = ExportDialog(trip_window.document, trip_window.settings, trip_window)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(target))
    dialog.open_after.setChecked(False)
    with qtbot.waitSignal(dialog.finished_export, timeout=120_000):
        dialog.export_button.click()
    shown = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert any("U+1F9A9 FLAMINGO has no glyph" in line for line in shown), shown
    assert not dialog.warnings.isHidden()
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Talks with 王毅, وزير الخارجية and 윤석열, नरेन्द्र मोदी" in text
