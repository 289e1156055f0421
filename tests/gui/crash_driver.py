"""Drives the real app in a process of its own, for the crash-and-recover test.

    python tests/gui/crash_driver.py edit BRIEF TEXT
        start the app on BRIEF, add a paragraph TEXT (unsaved), and keep running
        until killed; the autosave writes it to the state folder.
    python tests/gui/crash_driver.py recover STATE.json [TEXT]
        start the app as a user would after a crash, read the recovery offer and
        click Recover, write what the window shows to STATE.json; with TEXT, add
        another paragraph and keep running until killed, without it close cleanly.
    python tests/gui/crash_driver.py churn STATE.json PREFIX
        recover as above, then add a paragraph "PREFIX N" (N = 1, 2, ...) after
        each autosave, until killed at some moment of the test's choosing.

``BRIEFBOOK_HOME`` and ``QT_QPA_PLATFORM`` come from the test. Edits go through
the same undo commands as the editors; nothing in the app knows it is driven.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from briefbook.core import model as m
from briefbook.gui.app import application, open_window
from briefbook.gui.editing.commands import InsertBlock
from briefbook.gui.settings import Settings
from briefbook.gui.window.mainwindow import MainWindow
from briefbook.gui.workers import wait_for_workers


def settings() -> Settings:
    return Settings(started_before=True, reopen_last=False, autosave_delay_ms=200)


def add_paragraph(window: MainWindow, text: str) -> None:
    document = window.document
    section = document.brief.sections[0]
    document.undo_stack.push(
        InsertBlock(document, section, len(section.blocks), m.TextBlock(text), "Add a paragraph")
    )


def edit(brief: Path, text: str) -> None:
    app = application()
    window = open_window(brief, settings(), recover=False)
    if window.files.loading:
        window.document_opened.connect(lambda _document: add_paragraph(window, text))
    else:  # a small file opens at once
        add_paragraph(window, text)
    window.show()
    app.exec()
    wait_for_workers()


def answer_recovery_offer(seen: list[list[str]]) -> None:
    """Wait for the recovery dialog like a user, read it, click Recover."""
    from briefbook.gui.dialogs.recover import RecoverDialog

    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, RecoverDialog):
        QTimer.singleShot(50, lambda: answer_recovery_offer(seen))
        return
    rows = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
    seen.append([" | ".join(row.text(c) for c in range(3)) for row in rows])
    dialog.recover_button.click()


def recover(state: Path, text: str | None, churn: bool = False) -> None:
    app = application()
    seen: list[list[str]] = []
    QTimer.singleShot(50, lambda: answer_recovery_offer(seen))
    window = open_window(None, settings())
    window.show()
    document = window.document
    shown = {
        "offered": seen,
        "title": document.brief.meta.title,
        "path": str(document.path) if document.path is not None else None,
        "modified": document.is_modified,
        "window_modified": window.isWindowModified(),
        "paragraphs": [
            block.text
            for block in document.brief.sections[0].blocks
            if isinstance(block, m.TextBlock)
        ]
        if document.brief.sections
        else [],
    }
    state.write_text(json.dumps(shown), encoding="utf-8")
    if churn and text is not None:
        count = [0]

        def next_edit(_written: object = None) -> None:
            count[0] += 1
            add_paragraph(window, f"{text} {count[0]}")

        window.autosaver.written.connect(next_edit)
        next_edit()
    elif text is not None:
        add_paragraph(window, text)
    else:

        def close_cleanly() -> None:
            document.undo_stack.setClean()  # as after "Discard": nothing left to recover
            window.close()

        QTimer.singleShot(0, close_cleanly)
    app.exec()
    wait_for_workers()


if __name__ == "__main__":
    if sys.argv[1] == "edit":
        edit(Path(sys.argv[2]), sys.argv[3])
    else:
        recover(
            Path(sys.argv[2]),
            sys.argv[3] if len(sys.argv) > 3 else None,
            churn=sys.argv[1] == "churn",
        )
