"""Slow work off the GUI thread: load, render, export and print run here.

``run_task(fn, on_done, on_error, on_progress)`` runs ``fn(progress)`` in a
worker and calls back on the GUI thread (the idea of Anki's ``QueryOp``); the
result reaches ``on_done`` with ``fn``'s type (``TaskHandle[R]``), and without an
``on_error`` a failure is shown in the standard error dialog (``show_error``).
All ReportLab work shares one single-thread pool, so two layouts never run at
once (ReportLab keeps global state) and a burst of requests simply queues.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

Progress = Callable[[int, int], None]
#: What a task returns (the type ``on_done`` receives).
R = TypeVar("R")
TaskFunction = Callable[[Progress], Any]
#: What the error dialog says failed when a task has no ``on_error`` of its own.
DEFAULT_ERROR_TITLE = "Could not finish the work"

_pool: QThreadPool | None = None
#: Handles of running tasks, kept alive until their result has been delivered.
_running: set[TaskHandle[Any]] = set()


def pool() -> QThreadPool:
    """The one worker pool for briefbook's slow work (one thread)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)
    return _pool


def wait_for_workers(msecs: int = 30_000) -> bool:
    """Block until queued tasks have finished (at exit and in tests)."""
    if _pool is None:
        return True
    return _pool.waitForDone(msecs)


class TaskHandle(QObject, Generic[R]):
    """Lives on the GUI thread; the worker emits its signals, Qt queues them here."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(
        self,
        on_done: Callable[[R], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Progress | None,
        owner: QObject | None = None,
    ) -> None:
        super().__init__()
        self._owner = owner
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self.cancelled = False
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    def cancel(self) -> None:
        """Drop the result when it arrives (the work itself runs to its end)."""
        self.cancelled = True

    def _wanted(self) -> bool:
        """Whether to deliver: not cancelled, and whoever asked still exists."""
        return not self.cancelled and (self._owner is None or shiboken6.isValid(self._owner))

    @Slot(object)
    def _deliver_done(self, result: R) -> None:
        _running.discard(self)
        if self._wanted() and self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        _running.discard(self)
        if self._wanted() and self._on_error is not None:
            self._on_error(error)

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if self._wanted() and self._on_progress is not None:
            self._on_progress(done, total)


class _Runnable(QRunnable):
    def __init__(self, fn: TaskFunction, handle: TaskHandle[Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._handle = handle

    def run(self) -> None:
        handle = self._handle
        try:
            result = self._fn(handle.progressed.emit)
        except BaseException as exc:  # delivered to the GUI, never lost in the thread
            if not getattr(exc, "__traceback_text__", None):
                exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            handle.failed.emit(exc)
        else:
            handle.done.emit(result)


def run_task(
    fn: Callable[[Progress], R],
    on_done: Callable[[R], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Progress | None = None,
    owner: QObject | None = None,
    error_title: str = DEFAULT_ERROR_TITLE,
) -> TaskHandle[R]:
    """Run ``fn(progress)`` in the worker pool; callbacks arrive on the GUI thread.

    With an ``owner``, the callbacks are skipped once it has been deleted (a
    window closed while its preview was rendering). Without ``on_error`` a failure
    is shown as ``error_title`` in the error dialog, over ``owner`` when it is a widget.
    """
    if on_error is None:
        on_error = default_error_handler(owner, error_title)
    handle: TaskHandle[R] = TaskHandle(on_done, on_error, on_progress, owner)
    _running.add(handle)
    pool().start(_Runnable(fn, handle))
    return handle


def default_error_handler(
    owner: QObject | None, title: str = DEFAULT_ERROR_TITLE
) -> Callable[[BaseException], None]:
    """Show a task's failure in the standard error dialog (the app keeps running)."""

    def show(error: BaseException) -> None:
        from briefbook.gui.dialogs.errors import show_error

        show_error(owner if isinstance(owner, QWidget) else None, title, error)

    return show
