"""Reading a file the user named: regular files only, never more than a limit.

Size checks on a path are not enough: a FIFO, ``/dev/zero`` or a terminal report
a size of 0, and then hang or fill the memory when read. Every file a user names
(the brief, the older brief, a file to import, the recipients list, the password
file, a picture) is read through :func:`read_user_file`, which opens it without
blocking, checks what was opened (not what the path named a moment before, so a
swap of the file for a pipe between the check and the read is caught) and reads
at most ``limit`` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefbook.errors import FileAccessError

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


class FileTooLargeError(FileAccessError):
    """A regular file larger than the limit it is read with; ``size`` is in bytes."""

    def __init__(self, path: Path, reason: str, size: int) -> None:
        super().__init__(path, reason)
        self.size = size


def megabytes(size: int) -> str:
    """A size for a message: '12 MB', or '0.3 MB' under one."""
    value = size / (1024 * 1024)
    return f"{value:.0f} MB" if value >= 1 else f"{value:.1f} MB"


def read_user_file(path: Path | str, what: str, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    ``what`` names the file in messages ("a brief", "the recipients list").
    Raises :class:`FileAccessError` naming the file when it is missing, a folder,
    not a regular file (a pipe, a device, a socket), unreadable, or larger than
    ``limit`` (then :class:`FileTooLargeError`).
    """
    path = Path(path)
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise FileAccessError(path, "no such file") from None
    except IsADirectoryError:
        raise FileAccessError(path, "this is a folder, not a file") from None
    except PermissionError:
        raise FileAccessError(path, "permission denied") from None
    except OSError as exc:
        raise FileAccessError(path, exc.strerror or str(exc)) from None
    except ValueError:  # a NUL in the name
        raise FileAccessError(path, "the name holds a NUL character") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileAccessError(path, "this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileAccessError(
                path,
                f"this is {_kind(info.st_mode)}, not a regular file; "
                f"{what} is read from a regular file only",
            )
        if info.st_size > limit:
            raise _too_large(path, what, limit, info.st_size)
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:  # it grew while being read
            raise _too_large(path, what, limit, got)
        return b"".join(chunks)
    except OSError as exc:
        raise FileAccessError(path, exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _too_large(path: Path, what: str, limit: int, size: int) -> FileTooLargeError:
    return FileTooLargeError(
        path, f"{what} is {megabytes(size)}; it may be at most {megabytes(limit)}", size
    )
