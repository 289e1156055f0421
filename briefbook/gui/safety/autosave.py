"""Autosave in the app: the unsaved brief is written to the state folder after a pause
in editing and whenever the window loses focus, never over the user's file.

The store itself (``core/safety/autosave.py``) knows nothing of Qt. This controller
decides when to write: after ``Settings.autosave_delay_ms`` without an edit,
at the latest ``MAX_WAIT_MS`` after the first unwritten edit (someone typing
without a pause is not left unprotected), and at once when the window or the
application goes to the background. A save
(or undoing back to the saved state), a discard and a clean exit remove the
entry; a crash leaves it for the next start to offer (see ``recovery.py``).

The brief is copied on the GUI thread and turned into text and written on a
thread of its own, in order, so even a very long brief never stalls typing.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from briefbook.core.model import Brief
from briefbook.core.safety.autosave import AutosaveStore
from briefbook.errors import BriefbookError
from briefbook.gui.editing.document import Document
from briefbook.gui.settings import state_dir

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

#: Edits that never pause are still written this often.
MAX_WAIT_MS = 30_000


def autosave_store() -> AutosaveStore:
    """The app's autosave folder: ``state_dir()/autosave``."""
    return AutosaveStore(state_dir() / "autosave")


class Autosaver(QObject):
    """Keeps the autosave entry of one window's brief up to date."""

    #: An entry was written (its path).
    written = Signal(object)
    #: Writing failed (the reason, for the status bar).
    failed = Signal(str)

    def __init__(self, store: AutosaveStore, delay_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.document: Document | None = None
        self.key = store.new_key()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(100, delay_ms))
        self.timer.timeout.connect(self.save_now)
        self._revision = 0
        self._written_revision = 0
        #: The thread that writes entries, started with the first write (see ``executor``).
        self._executor: ThreadPoolExecutor | None = None
        #: Whether an entry under ``key`` may be on disk (written, or continued from recovery).
        self._stored = False
        self._finished = False
        self._reported = ""
        #: When the oldest edit not yet written was made (``time.monotonic()``), if any.
        self._unwritten_since: float | None = None
        self.max_wait_ms = MAX_WAIT_MS
        self.failed.connect(self._remember_failure)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._application_state)

    @property
    def executor(self) -> ThreadPoolExecutor:
        """Runs the writes and removals one at a time, in order, off the GUI thread."""
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        return self._executor

    def set_delay(self, delay_ms: int) -> None:
        self.timer.setInterval(max(100, delay_ms))

    def follow(self, document: Document, key: str | None = None) -> None:
        """Autosave ``document`` from now on (the previous one was saved or discarded).

        ``key`` continues an entry this process has claimed (recovered work).
        """
        if self.document is not None and self.document is not document:
            self.document.edited.disconnect(self._edited)
            self.document.undo_stack.cleanChanged.disconnect(self._clean_changed)
            self._remove()
        self.document = document
        self.key = key or self.store.new_key()
        self._stored = key is not None
        self._revision += 1
        self._written_revision = self._revision if key is not None else -1
        document.edited.connect(self._edited)
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        self.timer.stop()
        self._unwritten_since = None

    # --- when to write ------------------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        self._revision += 1
        now = time.monotonic()
        if self._unwritten_since is None:
            self._unwritten_since = now
        elif (now - self._unwritten_since) * 1000 >= self.max_wait_ms:
            self.save_now()  # typing without a pause: do not wait for one any longer
            return
        self.timer.start()  # restarted by every edit: writes once typing pauses

    def _clean_changed(self, clean: bool) -> None:
        if clean:  # saved, or undone back to what is saved: nothing to keep
            self.timer.stop()
            self._unwritten_since = None
            self._written_revision = self._revision
            self._remove()

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.save_now()

    def focus_lost(self) -> None:
        """The window went to the background: write now rather than after the pause."""
        self.save_now()

    # --- writing ------------------------------------------------------------------------

    def save_now(self) -> None:
        """Write the unsaved state now, unless it is already written (or there is none)."""
        self.timer.stop()
        self._unwritten_since = None
        document = self.document
        if (
            self._finished
            or document is None
            or not document.is_modified
            or self._written_revision == self._revision
        ):
            return
        self._written_revision = self._revision
        snapshot = document.snapshot()
        key, original = self.key, document.path
        self._stored = True
        future = self.executor.submit(self._write, key, snapshot, original)
        future.add_done_callback(self._report)

    def _write(self, key: str, brief: Brief, original: Path | None) -> Path:
        """On the autosave thread: the brief as text, written atomically."""
        from briefbook.core.fileformat import dumps

        return self.store.write(key, dumps(brief), brief.meta.title, original)

    def _report(self, future: Future[Path]) -> None:
        """On the autosave thread: tell the GUI thread (queued signals) how it went."""
        error = future.exception()
        if error is None:
            self.written.emit(future.result())
        elif isinstance(error, BriefbookError):
            self.failed.emit(str(error))
        else:
            self.failed.emit(f"{type(error).__name__}: {error}")

    def _remember_failure(self, reason: str) -> None:
        self._written_revision = -1  # try again after the next pause
        if reason != self._reported:
            self._reported = reason
            window = self.parent()
            status = getattr(window, "statusBar", None)
            if callable(status):
                status().showMessage(f"Autosave failed: {reason}", 10_000)

    def _remove(self) -> None:
        if not self._finished and self._stored:
            self._stored = False
            self.executor.submit(self.store.remove, self.key)

    def wait(self) -> None:
        """Block until every queued write and removal is done (tests, exit)."""
        if not self._finished and self._executor is not None:
            self._executor.submit(lambda: None).result()

    def finish(self) -> None:
        """The window closes cleanly: remove the entry and stop."""
        if self._finished:
            return
        self.timer.stop()
        self._remove()
        self._finished = True
        if self._executor is not None:
            self._executor.shutdown(wait=True)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.disconnect(self._application_state)
