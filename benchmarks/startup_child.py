"""Start-up probes: a process that prints a line at each milestone of its first screen.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.startup_child bare
    QT_QPA_PLATFORM=offscreen BRIEFBOOK_HOME=EMPTY_DIR python -m benchmarks.startup_child briefbook
    QT_QPA_PLATFORM=offscreen python -m benchmarks.startup_child pieces

The runner starts the clock just before it starts the process and stamps each
line as it arrives; each line also carries the process's CPU time so far (both
threads), which a busy machine disturbs less than the wall clock. ``bare`` is
the smallest PySide6 window (a QMainWindow with a label), ``briefbook`` is the
app's own start (``briefbook.gui.app.run`` on a first start, which opens the
bundled example). Milestones:

* ``painted``: the window's first frame is complete;
* ``ready``: the first complete frame with the example's sections in it (briefbook only);
* ``preview``: the first paint with the preview's pages on screen (briefbook only).

Both probes watch the same thing the same way: the top-level window's
``paintEvent``, which Qt calls at the start of each paint pass of the window;
the probe then posts a zero-time timer, which runs once the pass (children
included) is done. Nothing else is watched until the window is ready: an
application-wide event filter would hand every event of every widget to
Python, and PySide creates a Python class (with all its enums) for each new
kind of widget or event it hands over, a cost the app without the probe never
pays. The preview milestone, which comes later, does use such a filter, put
in place only after ``ready``.

The probe imports nothing of PySide6 beyond QtCore and QtWidgets before the
app does, so the figure includes every import the app makes.

``pieces`` prints (as one JSON line) what some parts of briefbook's first screen
cost on their own, each timed in CPU seconds after the ones before it, in a
process that has done what the bare window does up to its QApplication: the
``Qt`` namespace (PySide creates every one of its enums when it is first
touched), ``QStyle`` (the standard icons), PyYAML, briefbook's model, and the
rest of the modules the main window imports.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication


class Milestones:
    """Prints each milestone once, in order, then ends the process after the last one."""

    def __init__(self, wanted: tuple[str, ...]) -> None:
        self.wanted = list(wanted)

    def say(self, name: str) -> None:
        if self.wanted and self.wanted[0] == name:
            self.wanted.pop(0)
            print(name, f"{time.process_time():.6f}", flush=True)
            if not self.wanted:
                sys.stdout.flush()
                os._exit(0)


def watch_frames(window_class: type, on_frame: Callable[[Any], None]) -> None:
    """Call ``on_frame(window)`` after each complete paint pass of a ``window_class`` window.

    The timer is posted before the window's own ``paintEvent`` runs, so it comes
    before any work the window itself puts off until after a paint.
    """
    painted = window_class.paintEvent

    def paint_event(window: Any, event: Any) -> None:
        QTimer.singleShot(0, window, lambda: on_frame(window))
        painted(window, event)

    window_class.paintEvent = paint_event


def bare() -> None:
    from PySide6.QtWidgets import QLabel, QMainWindow

    class BareWindow(QMainWindow):
        pass

    probe = Milestones(("painted",))
    watch_frames(BareWindow, lambda window: probe.say("painted"))
    app = QApplication(sys.argv[:1])
    window = BareWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("A bare PySide6 window"))
    window.resize(1366, 768)
    window.show()
    app.exec()


class PreviewWatch(QObject):
    """An application-wide filter: the first paint with the preview's pages in it."""

    def __init__(self, window: Any, probe: Milestones) -> None:
        super().__init__()
        self.window = window
        self.probe = probe

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Paint and self.window.preview.page_count > 0:
            self.probe.say("preview")
        return False


def briefbook() -> None:
    from briefbook.gui.window.mainwindow import MainWindow

    probe = Milestones(("painted", "ready", "preview"))
    app = QApplication(sys.argv[:1])
    watch: list[PreviewWatch] = []

    def on_frame(window: Any) -> None:
        probe.say("painted")
        if window.document.brief.sections and not watch:
            probe.say("ready")
            watch.append(PreviewWatch(window, probe))
            app.installEventFilter(watch[0])

    watch_frames(MainWindow, on_frame)
    from briefbook.gui.app import run

    run(None)


#: The pieces ``pieces`` times, in order: (key, statement).
PIECES = (
    ("qt_namespace", "from PySide6.QtCore import Qt"),
    ("qstyle", "from PySide6.QtWidgets import QStyle"),
    ("yaml", "import yaml"),
    ("model", "import briefbook.core.model"),
    ("gui_modules", "import briefbook.gui.window.mainwindow"),
)


def pieces() -> None:
    import json

    app = QApplication(sys.argv[:1])
    found = {}
    for key, statement in PIECES:
        started = time.process_time()
        exec(statement, {})
        found[key] = time.process_time() - started
    print(json.dumps(found), flush=True)
    del app


if __name__ == "__main__":
    {"bare": bare, "briefbook": briefbook, "pieces": pieces}[sys.argv[1]]()
