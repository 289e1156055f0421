"""Whether the app can have a window at all, asked before Qt is started.

Without a display Qt's platform plugin cannot start and Qt aborts the process
(a core dump, a page of plugin names). ``display_problem`` sees the common case
first, from the environment alone; ``guard_platform_failure`` catches the rest
(a ``DISPLAY`` naming no running server, a missing system library) as Qt reports
them, so the user always gets one line that says what to do instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

#: What the user can do without a window (printed after the reason).
USE_THE_COMMAND_LINE = (
    "use the command line instead, e.g. `briefbook validate FILE` or "
    "`briefbook export FILE` (see `briefbook --help`)"
)


def display_problem(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """A one-line message when there is plainly no display to open a window on, else None.

    On Linux and other X11/Wayland systems that is: no ``DISPLAY``, no ``WAYLAND_DISPLAY``
    and no ``QT_QPA_PLATFORM`` chosen (``offscreen``, ``vnc``... need no display).
    """
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None  # Windows and macOS always have their own display
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return f"briefbook: no display is available for the window; {USE_THE_COMMAND_LINE}"


def guard_platform_failure() -> Callable[[], None]:
    """Turn Qt's fatal "could not load the platform plugin" into one line and exit 2.

    Call it just before the QApplication is made, and the function it returns just after:
    Qt's own messages from the plugin loader are held back meanwhile and, if the start
    works after all, shown as they came.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    held: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            reason = "the window system could not be reached"
            if "platform plugin" in message:
                reason = (
                    "no display is available for the window (Qt's platform plugin did not start)"
                )
            sys.stderr.write(f"briefbook: {reason}; {USE_THE_COMMAND_LINE}\n")
            sys.stderr.flush()
            os._exit(2)
        held.append(message)

    previous = qInstallMessageHandler(handler)

    def release() -> None:
        qInstallMessageHandler(previous)
        for message in held:
            sys.stderr.write(message + "\n")

    return release
