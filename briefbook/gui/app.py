"""Start the desktop app: ``run(path)`` creates the application and the main window.

``briefbook FILE`` opens that file; ``briefbook`` alone opens the last brief,
or the bundled example on the very first start.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import cast

from PySide6.QtWidgets import QApplication

from briefbook.gui.settings import APP_NAME, Settings, load_settings, save_settings


def application() -> QApplication:
    """The running QApplication (created on first use)."""
    # briefbook only ever creates a QApplication (instance() is typed as its base class).
    app = cast("QApplication | None", QApplication.instance())
    if app is None:
        from briefbook.gui.display import guard_platform_failure

        release = guard_platform_failure()
        app = QApplication(sys.argv[:1])
        release()
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    from briefbook import __version__

    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def start_file(path: Path | None, settings: Settings) -> tuple[Path | None, bool]:
    """What to open at start: (file, untitled). The example opens untitled."""
    if path is not None:
        return path, False
    if settings.started_before and settings.reopen_last:
        last = settings.last_file()
        if last is not None:
            return last, False
    from briefbook.core.templates import example_path

    return example_path(), True


def open_window(path: Path | None = None, settings: Settings | None = None, recover: bool = True):
    """Create the main window and start loading what it should show (see ``start_file``).

    With ``recover``, work left unsaved by a briefbook that crashed is offered
    first; recovered work takes the place of the start file.
    """
    from briefbook.gui.safety.recovery import recover_at_start
    from briefbook.gui.window.mainwindow import MainWindow

    settings = settings or load_settings()
    window = MainWindow(settings)
    target, untitled = start_file(path, settings)
    if recover and recover_at_start(window, settings):
        shown = [w.document.path for w in (window, *window.companions)]
        if path is not None and Path(path) not in shown:  # the file asked for, beside them
            beside = MainWindow(settings)
            beside.files.open_path(Path(path), ask=False)
            window.companions.append(beside)
            beside.show()
        target = None
    if target is not None:
        window.files.open_at_start(target, untitled=untitled)
    from briefbook.gui.scriptfonts import add_script_fonts

    window.after_first_paint(add_script_fonts)
    if not settings.started_before:
        settings.started_before = True
        # Written once the window is painted: a file written and flushed to disk can wait.
        window.after_first_paint(lambda: save_settings(settings))
    return window


def run(path: Path | None = None) -> int:
    """The app's entry point for ``briefbook [FILE]``; returns the exit status."""
    app = application()
    window = open_window(Path(path) if path is not None else None)
    window.show()
    status = app.exec()
    from briefbook.gui.workers import wait_for_workers

    wait_for_workers()
    return status
