"""Start-up probes: a process that prints a line at each milestone of its first screen.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.startup_child bare
    QT_QPA_PLATFORM=offscreen BRIEFBOOK_HOME=EMPTY_DIR python -m benchmarks.startup_child briefbook

The runner starts the clock just before it starts the process and stamps each
line as it arrives; each line also carries the process's CPU time so far (both
threads), which a busy machine disturbs less than the wall clock. ``bare`` is
the smallest PySide6 window (a QMainWindow with a label), ``briefbook`` is the
app's own start (``briefbook.gui.app.run`` on a first start, which opens the
bundled example). Both install the same
event filter on the application: it watches paint events of the top-level
window and prints

* ``painted``: the window's first paint;
* ``ready``: the first paint with the example's sections loaded in it (briefbook only);
* ``preview``: the first paint with the preview's pages on screen (briefbook only).

The probe imports nothing of PySide6 beyond QtCore and QtWidgets before the
app does, so the figure includes every import the app makes.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class Milestones(QObject):
    """Prints each milestone once, then ends the process after the last one."""

    def __init__(self, wanted: tuple[str, ...]) -> None:
        super().__init__()
        self.wanted = list(wanted)

    def say(self, name: str) -> None:
        if self.wanted and self.wanted[0] == name:
            self.wanted.pop(0)
            print(name, f"{time.process_time():.6f}", flush=True)
            if not self.wanted:
                sys.stdout.flush()
                os._exit(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched.isWidgetType():
            window: Any = watched.window()  # type: ignore[attr-defined]
            self.say("painted")
            document = getattr(window, "document", None)
            if document is not None and getattr(document.brief, "sections", None):
                self.say("ready")
            preview = getattr(window, "preview", None)
            if preview is not None and getattr(preview, "page_count", 0) > 0:
                self.say("preview")
        return False


def bare() -> None:
    from PySide6.QtWidgets import QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    probe = Milestones(("painted",))
    app.installEventFilter(probe)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("A bare PySide6 window"))
    window.resize(1366, 768)
    window.show()
    app.exec()


def briefbook() -> None:
    from briefbook.gui.app import application, run

    app = application()  # run() reuses it; the probe must be installed before the window exists
    probe = Milestones(("painted", "ready", "preview"))
    app.installEventFilter(probe)
    run(None)


if __name__ == "__main__":
    {"bare": bare, "briefbook": briefbook}[sys.argv[1]]()
