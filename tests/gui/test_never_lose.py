"""Never lose a brief in the app: autosave, recovery at start, a brief open twice, and
saves that fail (disk full, read-only folder, refused names) keeping the work open."""

from __future__ import annotations

import copy
import errno
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from briefbook.core import model as m
from briefbook.core.fileformat import dumps, load, save
from briefbook.core.safety.autosave import AutosaveStore
from briefbook.core.safety.processes import ProcessId
from briefbook.gui.app import open_window
from briefbook.gui.dialogs.recover import RecoverDialog
from briefbook.gui.editing.commands import EditMeta
from briefbook.gui.safety.autosave import autosave_store
from briefbook.gui.settings import Settings, state_dir
from briefbook.gui.window.mainwindow import MainWindow
from briefbook.gui.workers import wait_for_workers
from gui.helpers import Questions


def make_brief_file(folder: Path, title: str = "Visit to Rome") -> Path:
    path = folder / "visit.brief.yaml"
    save(
        m.Brief(
            meta=m.Meta(title=title),
            sections=[m.Section("Key points", [m.TextBlock("Saved text")])],
        ),
        path,
    )
    return path


def quick_settings() -> Settings:
    settings = Settings(started_before=True)
    settings.autosave_delay_ms = 150
    return settings


def open_on(qtbot, path: Path | None, settings: Settings | None = None) -> MainWindow:
    """A shown window, once its start file (if it is loading one) is open."""
    window = open_window(path, settings or quick_settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.files.loading, timeout=60_000)
    return window


def retitle(window: MainWindow, title: str) -> None:
    """Change the cover title as the cover editor does (an undoable command)."""
    meta = copy.deepcopy(window.document.brief.meta)
    meta.title = title
    window.document.undo_stack.push(EditMeta(window.document, meta, "Edit title"))


def entries() -> list[Path]:
    return sorted((state_dir() / "autosave").glob("*.autosave.json"))


def finished_process() -> ProcessId:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return ProcessId(child.pid, "")


def leave_crashed_work(brief: m.Brief, original: Path | None, key: str = "a" * 32) -> Path:
    """An autosave as a briefbook that crashed would have left it."""
    store = autosave_store()
    store.process = finished_process()
    return store.write(key, dumps(brief), brief.meta.title, original)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder for the test's briefs (the app's own home folder is beside it)."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


@pytest.fixture
def closing() -> Iterator[list[MainWindow]]:
    """Windows to close (clean, without questions) at the end of the test."""
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        for each in (window, *window.companions):
            each.document.undo_stack.setClean()
            each.close()
    wait_for_workers()


# --- autosave ---------------------------------------------------------------------------


def test_unsaved_edits_are_autosaved_beside_never_over_the_file(
    qtbot, work: Path, no_prompts: list[str], closing: list[MainWindow]
) -> None:
    path = make_brief_file(work)
    before = path.read_bytes()
    window = open_on(qtbot, path)
    closing.append(window)
    with qtbot.waitSignal(window.autosaver.written, timeout=30_000) as written:
        retitle(window, "Visit to Rome, unsaved")
    (entry,) = entries()
    assert written.args == [entry]
    data = json.loads(entry.read_text(encoding="utf-8"))
    assert data["title"] == "Visit to Rome, unsaved" and data["original"] == str(path)
    assert data["pid"] == os.getpid()
    assert "Visit to Rome, unsaved" in data["brief"]
    assert path.read_bytes() == before  # the user's file is untouched
    assert sorted(p.name for p in work.iterdir()) == ["visit.brief.yaml"]
    assert no_prompts == []


def test_a_save_removes_the_autosave_and_so_does_undoing_back(
    qtbot, work: Path, no_prompts: list[str], closing: list[MainWindow]
) -> None:
    window = open_on(qtbot, make_brief_file(work))
    closing.append(window)
    with qtbot.waitSignal(window.autosaver.written, timeout=30_000):
        retitle(window, "Edited once")
    window.document.undo_stack.undo()  # back to what is on disk
    window.autosaver.wait()
    assert entries() == []
    with qtbot.waitSignal(window.autosaver.written, timeout=30_000):
        window.document.undo_stack.redo()
    assert len(entries()) == 1
    assert window.files.save()
    window.autosaver.wait()
    assert entries() == [] and load(window.document.path).meta.title == "Edited once"


def test_focus_loss_writes_at_once(
    qtbot, work: Path, no_prompts: list[str], closing: list[MainWindow]
) -> None:
    settings = quick_settings()
    settings.autosave_delay_ms = 3_600_000  # the pause alone would never come
    window = open_on(qtbot, make_brief_file(work), settings)
    closing.append(window)
    retitle(window, "Before the window loses focus")
    assert window.autosaver.timer.isActive()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=30_000)
    other = QWidget()
    qtbot.addWidget(other)
    with qtbot.waitSignal(window.autosaver.written, timeout=30_000):
        other.show()
        other.activateWindow()  # the user switches to another window
    assert "Before the window loses focus" in entries()[0].read_text(encoding="utf-8")


def test_typing_without_a_pause_is_still_autosaved(
    qtbot, work: Path, no_prompts: list[str], closing: list[MainWindow]
) -> None:
    settings = quick_settings()
    settings.autosave_delay_ms = 3_600_000  # no pause is ever long enough
    window = open_on(qtbot, make_brief_file(work), settings)
    closing.append(window)
    window.autosaver.max_wait_ms = 300
    written: list[object] = []
    window.autosaver.written.connect(written.append)
    count = 0

    def type_more() -> bool:
        nonlocal count
        count += 1
        retitle(window, f"Typing {count}")
        qtbot.wait(20)
        return bool(written)

    qtbot.waitUntil(type_more, timeout=30_000)
    assert "Typing" in entries()[0].read_text(encoding="utf-8")


def test_a_clean_exit_and_a_discard_leave_nothing_to_recover(
    qtbot, work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_on(qtbot, make_brief_file(work))
    with qtbot.waitSignal(window.autosaver.written, timeout=30_000):
        retitle(window, "Never saved")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert entries() == []
    wait_for_workers()


def test_a_failing_autosave_says_so_in_the_status_bar(
    qtbot,
    work: Path,
    no_prompts: list[str],
    closing: list[MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_on(qtbot, make_brief_file(work))
    closing.append(window)
    blocker = work / "not a folder"
    blocker.write_text("x")
    monkeypatch.setattr(window.autosaver.store, "folder", blocker / "autosave")
    with qtbot.waitSignal(window.autosaver.failed, timeout=30_000):
        retitle(window, "Nowhere to autosave")
    assert "Autosave failed" in window.statusBar().currentMessage()
    assert no_prompts == []  # a status message, not a dialog on every pause


# --- recovery at start ----------------------------------------------------------------------


def answer_recovery(
    monkeypatch: pytest.MonkeyPatch, choice: str, seen: list[list[str]], untick: int | None = None
) -> None:
    """Answer the recovery dialog as a user would: read the list, click a button."""

    def exec_(dialog: RecoverDialog) -> int:
        rows = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
        seen.append([" | ".join(row.text(c) for c in range(3)) for row in rows])
        if untick is not None:
            from PySide6.QtCore import Qt

            rows[untick].setCheckState(0, Qt.CheckState.Unchecked)
        {
            "recover": dialog.recover_button,
            "discard": dialog.discard_button,
            "later": dialog.later_button,
        }[choice].click()
        return int(dialog.result())

    monkeypatch.setattr(RecoverDialog, "exec", exec_)


def test_crashed_work_is_offered_and_opens_unsaved_with_its_file(
    qtbot,
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_prompts: list[str],
    closing: list[MainWindow],
) -> None:
    path = make_brief_file(work)
    brief = load(path)
    brief.meta.title = "Visit to Rome (work of last night)"
    leave_crashed_work(brief, path)
    seen: list[list[str]] = []
    answer_recovery(monkeypatch, "recover", seen)
    window = open_on(qtbot, None)
    closing.append(window)
    (offered,) = seen
    assert offered[0].startswith(f"Visit to Rome (work of last night) | {path} | ")
    assert window.document.brief.meta.title == "Visit to Rome (work of last night)"
    assert window.document.path == path and window.document.is_modified
    assert window.isWindowModified()
    assert load(path).meta.title == "Visit to Rome"  # nothing written until Save
    assert autosave_store().recoverable() == []  # claimed by this process
    assert window.files.save()
    window.autosaver.wait()
    assert load(path).meta.title == "Visit to Rome (work of last night)"
    assert entries() == []


def test_work_another_briefbook_recovers_first_is_not_opened_twice(
    qtbot,
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_prompts: list[str],
    closing: list[MainWindow],
) -> None:
    leave_crashed_work(m.Brief(meta=m.Meta(title="Night work")), None)
    taken: list[str | None] = []

    def other_start_takes_it(dialog: RecoverDialog) -> int:
        other = AutosaveStore(state_dir() / "autosave")  # a second briefbook, started too
        (offer,) = other.recoverable()
        taken.append(other.claim(offer))
        dialog.recover_button.click()  # while this one's dialog was still open
        return int(dialog.result())

    monkeypatch.setattr(RecoverDialog, "exec", other_start_takes_it)
    window = open_on(qtbot, None)
    closing.append(window)
    assert taken[0] is not None
    assert window.document.brief.meta.title != "Night work"  # the example, as on any start
    assert any("Night work" in shown and "another briefbook" in shown for shown in no_prompts)
    assert [path.name for path in entries()] == [f"{taken[0]}.autosave.json"]  # kept there


def test_several_crashed_briefs_each_get_a_window(
    qtbot,
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_prompts: list[str],
    closing: list[MainWindow],
) -> None:
    leave_crashed_work(m.Brief(meta=m.Meta(title="First")), None, "a" * 32)
    leave_crashed_work(m.Brief(meta=m.Meta(title="Second")), None, "b" * 32)
    leave_crashed_work(m.Brief(meta=m.Meta(title="Third")), None, "c" * 32)
    seen: list[list[str]] = []
    answer_recovery(monkeypatch, "recover", seen, untick=2)
    window = open_on(qtbot, None)
    closing.append(window)
    assert len(seen[0]) == 3 and all("never saved" in row for row in seen[0])
    shown = sorted(w.document.brief.meta.title for w in (window, *window.companions))
    assert len(shown) == 2 and all(
        w.document.path is None and w.document.is_modified for w in (window, *window.companions)
    )
    assert len(autosave_store().recoverable()) == 1  # the unticked one waits for next time


def test_discarded_work_is_deleted_and_not_now_keeps_it(
    qtbot, work: Path, monkeypatch: pytest.MonkeyPatch, closing: list[MainWindow]
) -> None:
    leave_crashed_work(m.Brief(meta=m.Meta(title="Put off")), None)
    seen: list[list[str]] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    answer_recovery(monkeypatch, "later", seen)
    window = open_on(qtbot, make_brief_file(work))
    closing.append(window)
    assert window.document.brief.meta.title == "Visit to Rome"  # the start file opened
    assert len(autosave_store().recoverable()) == 1
    answer_recovery(monkeypatch, "discard", seen)
    second = open_on(qtbot, None)
    closing.append(second)
    assert len(seen) == 2 and autosave_store().recoverable() == []


def test_unreadable_crashed_work_is_reported_and_kept(
    qtbot,
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_prompts: list[str],
    closing: list[MainWindow],
) -> None:
    store = autosave_store()
    store.process = finished_process()
    store.write("d" * 32, "briefbook: 1\nsections: [", "Broken", None)
    answer_recovery(monkeypatch, "recover", [])
    window = open_on(qtbot, make_brief_file(work))
    closing.append(window)
    assert any("Could not recover “Broken”" in text for text in no_prompts)
    assert window.document.brief.meta.title == "Visit to Rome"
    assert len(AutosaveStore(store.folder).recoverable()) == 1


# --- a brief open twice ---------------------------------------------------------------------


def test_the_second_window_on_a_brief_is_warned(
    qtbot, work: Path, monkeypatch: pytest.MonkeyPatch, closing: list[MainWindow]
) -> None:
    path = make_brief_file(work)
    first = open_on(qtbot, path)
    closing.append(first)
    questions = Questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    asked = questions.asked
    second = open_on(qtbot, None)
    closing.append(second)
    second.files.open_path(path, ask=False)
    qtbot.waitUntil(lambda: bool(asked), timeout=30_000)
    assert "already open in another window of this briefbook" in asked[0]
    qtbot.waitUntil(lambda: not second.files.loading, timeout=30_000)
    assert second.document.path != path  # cancelled: not opened
    questions.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(second.document_opened, timeout=30_000):
        second.files.open_path(path, ask=False)
    assert second.document.path == path and len(asked) == 2
    first.close()
    third = open_on(qtbot, path)  # the first window gave its lock back: no question
    closing.append(third)
    assert len(asked) == 2


def test_a_lock_left_by_a_crash_is_ignored(
    qtbot, work: Path, no_prompts: list[str], closing: list[MainWindow]
) -> None:
    from briefbook.gui.safety.locking import brief_locks

    path = make_brief_file(work)
    crashed = brief_locks()
    crashed.process = finished_process()
    crashed.acquire(path, "window-of-a-crashed-briefbook")
    window = open_on(qtbot, path)
    closing.append(window)
    assert window.document.path == path and no_prompts == []


def test_another_running_briefbook_is_named(
    qtbot, work: Path, monkeypatch: pytest.MonkeyPatch, closing: list[MainWindow]
) -> None:
    from briefbook.core.safety.processes import start_token
    from briefbook.gui.safety.locking import brief_locks

    path = make_brief_file(work)
    other = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        theirs = brief_locks()
        theirs.process = ProcessId(other.pid, start_token(other.pid))
        theirs.acquire(path, "their-window")
        asked: list[str] = []
        monkeypatch.setattr(
            QMessageBox,
            "question",
            lambda *a, **k: asked.append(str(a[2])) or QMessageBox.StandardButton.Yes,
        )
        window = open_on(qtbot, path)
        closing.append(window)
        assert f"another briefbook (process {other.pid})" in asked[0]
        assert window.document.path == path
    finally:
        other.communicate()


# --- saves that fail ------------------------------------------------------------------------


def fail_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)


def refuse_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)


FAILURES = {
    "disk full": (fail_fsync, "No space left on device"),
    "read-only folder": (refuse_folder, "Permission denied"),
}


@pytest.mark.parametrize("failure", list(FAILURES))
@pytest.mark.parametrize("how", ["save", "save as"])
def test_a_failed_save_keeps_the_work_open_and_the_file_whole(
    qtbot,
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_prompts: list[str],
    closing: list[MainWindow],
    failure: str,
    how: str,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    path = make_brief_file(work)
    before = path.read_bytes()
    window = open_on(qtbot, path)
    closing.append(window)
    retitle(window, "Precious unsaved work")
    elsewhere = work / "copy.brief.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(elsewhere), ""))
    break_it, reason = FAILURES[failure]
    with monkeypatch.context() as broken:
        break_it(broken)
        saved = window.files.save() if how == "save" else window.files.save_as()
    assert not saved
    assert any(
        "Could not save" in text and "still open and unsaved" in text and reason in text
        for text in no_prompts
    ), no_prompts
    assert window.document.is_modified and window.document.path == path
    assert window.document.brief.meta.title == "Precious unsaved work"
    assert path.read_bytes() == before
    assert sorted(p.name for p in work.iterdir()) == ["visit.brief.yaml"]


@pytest.mark.parametrize("name", ["bad\0name.brief.yaml", "x" * 300 + ".brief.yaml", "a folder"])
def test_a_refused_file_name_is_explained(
    qtbot, work: Path, no_prompts: list[str], closing: list[MainWindow], name: str
) -> None:
    (work / "a folder").mkdir()
    window = open_on(qtbot, make_brief_file(work))
    closing.append(window)
    retitle(window, "Unsaved")
    assert not window.files.save_to(work / name)
    assert no_prompts and "Could not save" in no_prompts[-1]
    assert window.document.is_modified and window.document.path == work / "visit.brief.yaml"
    assert sorted(p.name for p in work.iterdir()) == ["a folder", "visit.brief.yaml"]
    assert list((work / "a folder").iterdir()) == []


def test_a_failed_export_says_why_and_leaves_the_earlier_pdf(
    qtbot,
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_prompts: list[str],
    closing: list[MainWindow],
) -> None:
    from briefbook.gui.dialogs.export import ExportDialog

    window = open_on(qtbot, make_brief_file(work))
    closing.append(window)
    target = work / "dossier.pdf"
    target.write_bytes(b"%PDF-1.4 the earlier export")
    dialog = ExportDialog(window.document, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(target))
    dialog._confirmed = target  # the user already agreed to replace it
    dialog.open_after.setChecked(False)
    with monkeypatch.context() as broken, qtbot.waitSignal(dialog.failed_export, timeout=60_000):
        fail_fsync(broken)
        dialog.export_button.click()
    assert "The PDF was not exported" in dialog.status.text()
    assert "No space left on device" in dialog.status.text()
    assert "earlier file of that name is unchanged" in dialog.status.text()
    assert target.read_bytes() == b"%PDF-1.4 the earlier export"
    assert sorted(p.name for p in work.iterdir()) == ["dossier.pdf", "visit.brief.yaml"]
    assert dialog.export_button.isEnabled()


@pytest.mark.parametrize("name", ["x" * 300 + ".pdf", "bad\0name.pdf"])
def test_an_export_to_a_refused_name_says_why(
    qtbot, work: Path, no_prompts: list[str], closing: list[MainWindow], name: str
) -> None:
    from briefbook.gui.dialogs.export import ExportDialog

    window = open_on(qtbot, make_brief_file(work))
    closing.append(window)
    dialog = ExportDialog(window.document, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(work / name))
    dialog.open_after.setChecked(False)
    with qtbot.waitSignal(dialog.failed_export, timeout=60_000):
        dialog.export_button.click()
    assert "The PDF was not exported" in dialog.status.text()
    assert sorted(p.name for p in work.iterdir()) == ["visit.brief.yaml"]
    assert dialog.export_button.isEnabled()


@pytest.mark.parametrize("name", ["x" * 300 + ".brief.yaml", "bad\0name.brief.yaml"])
def test_opening_a_refused_name_says_why(
    qtbot, work: Path, no_prompts: list[str], closing: list[MainWindow], name: str
) -> None:
    window = open_on(qtbot, make_brief_file(work))
    closing.append(window)
    with qtbot.waitSignal(window.opening_failed, timeout=60_000):
        window.files.open_path(work / name, ask=False)
    assert no_prompts and "Could not open" in no_prompts[-1]
    assert window.document.path == work / "visit.brief.yaml"


def test_recovered_work_whose_file_changed_since_warns_before_a_save(
    qtbot,
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_prompts: list[str],
    closing: list[MainWindow],
) -> None:
    import datetime as dt

    path = make_brief_file(work)
    store = autosave_store()
    store.process = finished_process()
    an_hour_ago = dt.datetime.now().astimezone() - dt.timedelta(hours=1)
    store.write("e" * 32, dumps(load(path)), "Visit to Rome", path, an_hour_ago)
    answer_recovery(monkeypatch, "recover", [])
    window = open_on(qtbot, None)
    closing.append(window)
    assert any("was changed on disk after this work was autosaved" in text for text in no_prompts)
    assert window.document.path == path and window.document.is_modified
