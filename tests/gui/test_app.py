"""Start-up, settings and recent files, print, find, preferences."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from briefbook.core.fileformat import save
from briefbook.core.templates import new_brief
from briefbook.gui.app import start_file
from briefbook.gui.preview.printing import print_document
from briefbook.gui.settings import Settings, load_settings, save_settings, settings_path
from briefbook.gui.window.mainwindow import MainWindow
from briefbook.gui.workers import wait_for_workers
from gui.conftest import open_ready
from gui.helpers import select_title


def test_settings_live_under_briefbook_home(home: Path) -> None:
    settings = Settings()
    settings.add_recent(Path("/tmp/a.brief.yaml"))
    settings.add_recent(Path("/tmp/b.brief.yaml"))
    settings.add_recent(Path("/tmp/a.brief.yaml"))
    save_settings(settings)
    assert settings_path().is_relative_to(home)
    again = load_settings()
    assert again.recent_files == [
        str(Path("/tmp/a.brief.yaml").resolve()),
        str(Path("/tmp/b.brief.yaml").resolve()),
    ]


def test_damaged_settings_give_the_defaults(home: Path) -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text("{not json", encoding="utf-8")
    assert load_settings() == Settings()
    settings_path().write_text(
        '{"preview_delay_ms": "soon", "recent_files": [3, "x"]}', encoding="utf-8"
    )
    loaded = load_settings()
    assert loaded.preview_delay_ms == 400 and loaded.recent_files == ["x"]


def test_first_start_opens_the_example_then_the_last_brief(tmp_path: Path) -> None:
    settings = Settings()
    path, untitled = start_file(None, settings)
    assert path is not None and path.name == "example.brief.yaml" and untitled
    brief_file = tmp_path / "trip.brief.yaml"
    save(new_brief("visit"), brief_file)
    settings.started_before = True
    settings.add_recent(brief_file)
    assert start_file(None, settings) == (brief_file.resolve(), False)
    assert start_file(tmp_path / "x.brief.yaml", settings) == (tmp_path / "x.brief.yaml", False)


def test_a_first_start_shows_the_example_at_once_and_then_remembers_it_started(
    qtbot, no_prompts: list[str]
) -> None:
    window = open_ready(qtbot)
    assert window.document.brief.sections and window.document.path is None
    assert window.preview.page_count > 0
    qtbot.waitUntil(lambda: load_settings().started_before, timeout=10_000)
    window.close()
    wait_for_workers()


def test_the_window_remembers_its_layout_and_recent_files(
    qtbot, tmp_path: Path, no_prompts: list[str]
) -> None:
    brief_file = tmp_path / "trip.brief.yaml"
    save(new_brief("visit"), brief_file)
    window = open_ready(qtbot, brief_file)
    assert window.document.path == brief_file
    window.resize(700, 500)
    window.splitter.setSizes([150, 400, 200])
    width, sizes = window.width(), window.splitter.sizes()
    window.close()
    wait_for_workers()
    settings = load_settings()
    assert settings.geometry and settings.recent_files[0] == str(brief_file.resolve())
    again = open_ready(qtbot)  # no file given: the last brief again
    assert again.document.path == brief_file.resolve()
    assert again.width() == width
    assert again.splitter.sizes() == sizes
    again.files._fill_recent()
    assert "trip.brief.yaml" in again.files.recent_menu.actions()[0].text()
    again.close()
    wait_for_workers()


def test_new_from_a_template(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.document_opened):
        window.files.new_from_template("blank")
    assert window.document.path is None
    assert not window.document.brief.sections
    assert not window.isWindowModified()


def test_print_sends_the_same_pages(qtbot, window: MainWindow, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    with qtbot.waitSignal(window.printed, timeout=60_000) as printed:
        print_document(window, window.document, printer, ask=False)
    assert printed.args == [window.preview.page_count]
    assert len(PdfReader(target).pages) == window.preview.page_count


def test_find_goes_to_the_section_holding_the_text(qtbot, window: MainWindow) -> None:
    window.find_action.trigger()
    assert window.find_bar.isVisible()
    window.find_bar.field.setText("Villa Madama")
    window.find_bar.field.returnPressed.emit()
    assert window.document.brief.section_at(window.tree.current_path()).title == "Schedule"
    window.find_bar.field.setText("no such words anywhere")
    window.find_bar.field.returnPressed.emit()
    assert window.find_bar.message.text() == "Not found"


def test_preferences_change_the_preview_delay(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefbook.gui.dialogs.preferences import PreferencesDialog

    def accept(dialog: PreferencesDialog) -> int:
        dialog.delay.setValue(900)
        dialog.accept()
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", accept)
    window.preferences_action.trigger()
    assert window.previewer.timer.interval() == 900
    assert load_settings().preview_delay_ms == 900


def test_preview_follows_the_selected_section(qtbot, window: MainWindow) -> None:
    select_title(window, "Schedule")
    assert window.preview.shown_page == window.preview.section_pages[(2,)] - 1
    select_title(window, "Contacts")
    assert window.preview.shown_page == window.preview.section_pages[(7,)] - 1
    window.tree.select_path(None)
    assert window.preview.shown_page == 0


def test_a_change_by_another_program_offers_to_reload(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    brief_file = tmp_path / "trip.brief.yaml"
    brief = new_brief("visit")
    save(brief, brief_file)
    window = open_ready(qtbot, brief_file)
    asked: list[str] = []

    def reload(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", reload)
    # Our own save is not "another program".
    window.files.save_to(brief_file)
    for title in ("Changed elsewhere", "Changed again"):  # the watch survives atomic replaces
        brief.meta.title = title
        with qtbot.waitSignal(window.document_opened, timeout=10_000):
            save(brief, brief_file)
        assert window.document.brief.meta.title == title
    assert len(asked) == 2 and "changed by another program" in asked[0]
    window.close()
    wait_for_workers()
