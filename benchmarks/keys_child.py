"""Keystroke-to-screen latency in the real window, offscreen, with and without a layout running.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.keys_child FILE [KEYS]

The main window opens the brief and shows its first preview; the text editor
of the first text block of a section in the middle of the brief gets the
focus. Then KEYS key presses (a letter each, press and release) are posted to
it, one every ``INTERVAL_MS`` by a precise timer, in three phases:

* **idle**: nothing else runs (keys come faster than the preview's pauses, so
  no preview layout starts);
* **layout in a thread**: a whole-document layout of the brief runs in the
  app's worker thread, in the app's own process, as the preview did before;
* **layout in the render process**: the same layout through the preview's
  :class:`~briefbook.render.service.RenderService`; the worker thread only waits.

A key's latency runs from the moment it was due (the timer's schedule: when
the window's thread is held, the key waits in the queue as a real one would)
to the first paint of the editor's viewport after the key was handled. Only
keys due while the layout still runs count in the last two phases. Prints one
JSON line with the 50th and 95th percentiles of each phase.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BRIEFBOOK_HOME", tempfile.mkdtemp(prefix="briefbook-bench-home-"))

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent

from benchmarks.preview_child import settle, target_section, wait_for

INTERVAL_MS = 60


class PaintWatch(QObject):
    """Notes the time of each paint of the watched widget."""

    def __init__(self) -> None:
        super().__init__()
        self.paints: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints.append(time.perf_counter())
        return False


def type_keys(edit: Any, watch: PaintWatch, keys: int, running: Any = None) -> list[float]:
    """Post ``keys`` key presses to ``edit``, one every INTERVAL_MS; the latency of each
    (while ``running()`` says the layout still runs, when given)."""
    due: list[float] = []
    handled: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(INTERVAL_MS)
    start = time.perf_counter()

    def press() -> None:
        if len(due) >= keys or (running is not None and not running()):
            timer.stop()
            return
        due.append(start + (len(due) + 1) * INTERVAL_MS / 1000)  # the timer's schedule
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.postEvent(
                edit, QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
            )
        # Runs after the key events just posted: the key has been handled.
        QTimer.singleShot(0, lambda: handled.append(time.perf_counter()))

    watch.paints.clear()
    timer.timeout.connect(press)
    timer.start()
    while timer.isActive():
        settle(INTERVAL_MS)
    settle(200)
    latencies = []
    for when, after in zip(due, handled, strict=False):
        painted = next((paint for paint in watch.paints if paint >= after), None)
        if painted is not None:
            latencies.append(painted - when)
    return latencies


def with_layout(
    window: Any, in_process: bool, edit: Any, watch: PaintWatch, keys: int
) -> tuple[list[float], float]:
    """Type while a whole-document layout runs (in the app's thread, or in the render
    process); returns the latencies and how long the layout took."""
    from briefbook.gui.workers import run_task
    from briefbook.render.options import RenderOptions

    controller = window.previewer
    service = controller.service
    controller.service = service if in_process else None
    snapshot = window.document.snapshot()
    finished: list[float] = []
    start = time.perf_counter()

    def work(_progress: object) -> None:
        controller.lay_out(snapshot, RenderOptions())
        finished.append(time.perf_counter())

    run_task(work, lambda _r: None, lambda _e: None)
    settle(30)
    latencies = type_keys(edit, watch, keys, running=lambda: not finished)
    while not finished:
        settle(50)
    controller.service = service
    return latencies, finished[0] - start


def idle_preview(window: Any) -> None:
    """Wait until the preview has nothing left to render (at once when it has not)."""
    if not window.previewer.is_settled:
        wait_for(window.previewer.settled, 120_000)


def percentiles(values: list[float]) -> dict[str, float | int | None]:
    if not values:
        return {"p50_ms": None, "p95_ms": None, "keys": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "p50_ms": statistics.median(ordered) * 1000,
        "p95_ms": p95 * 1000,
        "max_ms": ordered[-1] * 1000,
        "keys": len(ordered),
    }


def measure(source: Path, keys: int) -> dict[str, Any]:
    from briefbook.core.fileformat import load
    from briefbook.gui.app import application
    from briefbook.gui.editing.document import Document
    from briefbook.gui.editors.text import TextEditor
    from briefbook.gui.settings import load_settings
    from briefbook.gui.window.mainwindow import MainWindow

    _app = application()
    document = Document(load(source), source)
    window = MainWindow(load_settings(), document)
    window.resize(1366, 768)
    window.show()
    if not wait_for(window.preview.pages_shown):
        raise SystemExit("the first preview never came")
    path, _block = target_section(document.brief)
    window.reveal(path)
    settle(300)
    editors = window.editor.findChildren(TextEditor) if window.editor is not None else []
    if not editors:
        raise SystemExit("no text editor in the middle section")
    edit = editors[0].edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    watch = PaintWatch()
    edit.viewport().installEventFilter(watch)
    window.previewer.service.start()
    settle(1500)  # the render process is up and has imported the renderer
    idle = type_keys(edit, watch, keys)
    settle(3000)
    idle_preview(window)
    threaded, thread_s = with_layout(window, False, edit, watch, keys)
    settle(3000)
    idle_preview(window)
    process, process_s = with_layout(window, True, edit, watch, keys)
    return {
        "pages": window.preview.page_count,
        "interval_ms": INTERVAL_MS,
        "idle": percentiles(idle),
        "thread": percentiles(threaded),
        "process": percentiles(process),
        "thread_layout_s": thread_s,
        "process_layout_s": process_s,
    }


def main(argv: list[str]) -> None:
    if not 1 <= len(argv) <= 2:
        raise SystemExit(__doc__)
    found = measure(Path(argv[0]), int(argv[1]) if len(argv) > 1 else 40)
    print(json.dumps(found), flush=True)
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
