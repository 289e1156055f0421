"""Atomic file writes: a temporary file in the same folder, flushed, synced, then replaced.

A process killed at any moment leaves either the old file or the new one, complete.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from briefbook.errors import FileAccessError


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that the file is never seen half-written.

    Raises :class:`FileAccessError` (and leaves no temporary file behind) when the
    folder is missing or read-only, the disk is full or the name is refused.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FileAccessError(path, _reason(exc)) from exc
    except ValueError:  # a NUL or similar in the name
        raise FileAccessError(path, "the system does not allow this file name") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            if path.exists():
                os.chmod(tmp, path.stat().st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise FileAccessError(path, _reason(exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _reason(exc: OSError) -> str:
    """A short, human reason for an OS error (no errno numbers)."""
    return exc.strerror or str(exc)
