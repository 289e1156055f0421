"""Is the process that wrote a lock or an autosave still running?

A process is named by its id and, where the system tells it (Linux), by when
it started: a process id reused after a crash or a reboot then does not pass
for the process that wrote the file.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class ProcessId:
    """A running process: its id and a start token ("" where none is known)."""

    pid: int
    token: str = ""


def _linux_stat(pid: int) -> list[str] | None:
    """The fields of ``/proc/PID/stat`` after the command name, or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return None
    return text[text.rfind(")") + 2 :].split()


@cache
def _boot_id() -> str:
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as handle:
            return handle.read().strip()
    except OSError:
        return ""


def start_token(pid: int) -> str:
    """When process ``pid`` started, as a text that differs between two processes that
    had the same id ("" when the system does not say)."""
    if not sys.platform.startswith("linux"):
        return ""
    fields = _linux_stat(pid)
    if fields is None or len(fields) < 20:
        return ""
    return f"{_boot_id()}/{fields[19]}"  # field 22 of the file: start time in clock ticks


def current_process() -> ProcessId:
    """This process."""
    pid = os.getpid()
    return ProcessId(pid, start_token(pid))


def is_running(process: ProcessId) -> bool:
    """Whether ``process`` is still running (a zombie, or another process that reuses its
    id, is not)."""
    if process.pid <= 0:
        return False
    if process.pid == os.getpid():
        return not process.token or process.token == start_token(process.pid)
    if os.name == "nt":
        return _windows_running(process.pid)
    try:
        os.kill(process.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    except OSError:
        return False
    if sys.platform.startswith("linux"):
        fields = _linux_stat(process.pid)
        if fields is None or fields[0] in ("Z", "X"):
            return False
        if process.token and process.token != start_token(process.pid):
            return False
    return True


def _windows_running(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        # access denied: it exists (GetLastError is Windows-only; mypy checks for Linux)
        return bool(ctypes.GetLastError() == 5)  # type: ignore[attr-defined]
    try:
        code = ctypes.c_ulong()
        if not kernel.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel.CloseHandle(handle)
