"""Atomic file writes: a temporary file in the same folder, flushed, synced, then replaced.

A process killed at any moment leaves either the old file or the new one, complete.

* A name that is a symbolic link is followed: the file it points to is replaced
  and the link stays a link.
* A read-only file is not replaced unless the caller says so
  (:class:`ReadOnlyFileError`; the app asks, the command line refuses).
* The new file's mode is set on the temporary file by its descriptor before any
  data is written (see ``filemodes``); the umask is never changed.
* Stale temporary files of earlier writes into the folder are removed first
  (see ``tempfiles``).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from briefbook.core.safety.filemodes import mode_of, new_file_mode, set_mode
from briefbook.core.safety.tempfiles import remove_stale_temps, temp_prefix
from briefbook.errors import FileAccessError

#: Links followed before giving up (the system's own limit is about as many).
MAX_LINKS = 40


class ReadOnlyFileError(FileAccessError):
    """The file to write over is read-only (it is left as it is)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "the file is read-only; make it writable or choose another name")


def follow_links(path: Path) -> Path:
    """The file that ``path`` stands for: links of its last part followed, one by one
    (the folders' links are left as written). Raises :class:`FileAccessError` for a
    loop."""
    path = Path(path)
    for _ in range(MAX_LINKS):
        try:
            if not path.is_symlink():
                return path
            target = Path(os.readlink(path))
        except (OSError, ValueError):
            return path
        path = target if target.is_absolute() else path.parent / target
    raise FileAccessError(path, "too many symbolic links (a loop?)")


def is_read_only(path: Path) -> bool:
    """Whether ``path`` (links followed) is a file that must not be written over
    silently: no write bit for anyone, or none for this user."""
    mode = mode_of(path)
    if mode is None:
        return False
    return not mode & 0o222 or not os.access(path, os.W_OK)


def write_atomic(
    path: Path,
    data: bytes,
    *,
    mode: int | None = None,
    limit: int = 0o7777,
    replace_read_only: bool = False,
) -> None:
    """Write ``data`` to ``path`` so that the file is never seen half-written.

    The new file has ``mode`` if given, else the mode of the file it replaces, else
    the umask's; ``limit`` takes bits away from that (an export of a private brief).
    A read-only ``path`` raises :class:`ReadOnlyFileError` unless ``replace_read_only``.

    Raises :class:`FileAccessError` (and leaves no temporary file behind) when the
    folder is missing or read-only, the disk is full or the name is refused.
    """
    shown = Path(path)
    target = follow_links(shown)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        existing = mode_of(target)
    except ValueError:
        existing = None
    if existing is not None and not replace_read_only and is_read_only(target):
        raise ReadOnlyFileError(shown)
    chosen = (
        mode if mode is not None else existing if existing is not None else new_file_mode()
    ) & limit
    remove_stale_temps(folder)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(target.name), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FileAccessError(shown, _reason(exc)) from exc
    except ValueError:  # a NUL or similar in the name
        raise FileAccessError(shown, "the system does not allow this file name") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            with contextlib.suppress(OSError):
                set_mode(handle.fileno(), tmp, stat.S_IMODE(chosen))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise FileAccessError(shown, _reason(exc)) from exc
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
