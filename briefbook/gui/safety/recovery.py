"""After a crash: offer the autosaved work at start, and open what the user recovers.

Recovered work opens as an unsaved document: marked modified, with its own
file (if it had one) remembered so that Save writes there. Its autosave entry
is claimed by the new process at once, so the work is never without a copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefbook.core.safety.autosave import AutosaveStore, Recovery
from briefbook.errors import BriefbookError
from briefbook.gui.dialogs.errors import show_error
from briefbook.gui.editing.document import Document

if TYPE_CHECKING:
    from briefbook.gui.settings import Settings
    from briefbook.gui.window.mainwindow import MainWindow


def choose_recoveries(store: AutosaveStore) -> list[Recovery]:
    """Ask about the work crashed briefbooks left; the offers the user wants back.

    Discarded work is deleted here; work put off ("Not Now") stays for next time.
    """
    offers = store.recoverable()
    if not offers:
        return []
    from briefbook.gui.dialogs.recover import RecoverDialog

    dialog = RecoverDialog(offers)
    dialog.exec()
    if dialog.choice == RecoverDialog.DISCARD:
        for offer in dialog.ticked():
            store.discard(offer)
        return []
    return dialog.ticked() if dialog.choice == RecoverDialog.RECOVER else []


def recover_into(window: MainWindow, recovery: Recovery) -> bool:
    """Show ``recovery`` in ``window`` as an unsaved document; False if it cannot be read
    (the user is told, and the autosave is kept)."""
    name = recovery.title or "Untitled brief"
    try:
        brief = recovery.brief()
    except BriefbookError as error:
        show_error(
            window,
            f"Could not recover “{name}”; its autosave is kept in {recovery.file.parent}",
            error,
        )
        return False
    original = recovery.original
    if original is not None and not window.locks.may_use(original, window):
        return False  # the user left it to the window that has the file open
    if original is not None and changed_since(original, recovery):
        from PySide6.QtWidgets import QMessageBox

        from briefbook.gui.dialogs.plain import message_box

        box = message_box(
            window,
            QMessageBox.Icon.Information,
            "Recovered work",
            f"“{original.name}” was changed on disk after this work was "
            "autosaved. Saving the recovered work replaces that newer file; "
            "use Save As to keep both.",
        )
        box.exec()
    try:
        key = window.autosaver.store.claim(recovery)
    except BriefbookError as error:
        show_error(
            window,
            f"Could not recover “{name}”; its autosave is kept in {recovery.file.parent}",
            error,
        )
        return False
    if key is None:  # another briefbook, started at the same time, took it first
        from PySide6.QtWidgets import QMessageBox

        from briefbook.gui.dialogs.plain import message_box

        message_box(
            window,
            QMessageBox.Icon.Information,
            "Recovered work",
            f"“{name}” has just been recovered by another briefbook window; it is open there.",
        ).exec()
        return False
    document = Document(brief, original)
    document.undo_stack.resetClean()  # unsaved from the start
    window.set_document(document, autosave_key=key)
    window.statusBar().showMessage(
        f"Recovered unsaved work from {recovery.saved_at.astimezone():%H:%M}; save it to keep it",
        10_000,
    )
    return True


def changed_since(original: Path, recovery: Recovery) -> bool:
    """Whether the brief's own file was written after the work was autosaved."""
    try:
        return original.stat().st_mtime > recovery.saved_at.timestamp() + 1
    except (OSError, ValueError):
        return False


def recover_at_start(window: MainWindow, settings: Settings) -> bool:
    """Offer crashed work before the first brief opens; True when ``window`` shows
    recovered work (more recovered briefs open in windows of their own)."""
    chosen = choose_recoveries(window.autosaver.store)
    shown = False
    for recovery in chosen:
        if not shown:
            shown = recover_into(window, recovery)
            continue
        from briefbook.gui.window.mainwindow import MainWindow

        extra = MainWindow(settings)
        if recover_into(extra, recovery):
            window.companions.append(extra)
            extra.show()
        else:
            extra.deleteLater()
    return shown
