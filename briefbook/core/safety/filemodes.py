"""Who may read the files briefbook writes: modes computed once, never the umask changed.

* A new file gets the mode the user's umask gives (``0o666 & ~umask``), as any
  program's would; a file written over keeps the mode it had.
* A backup takes the mode of the brief it copies; an export may not give group or
  others more than the brief gives them (a 0600 brief exports 0600 PDFs).
* The state and settings folders (autosaved text, locks, recent files) are 0700,
  their files 0600, whatever the umask.

The umask is read once, at import, without changing it where the system can say it
(``/proc/self/status`` on Linux): changing it, even for a moment, would race with
another thread creating files (the autosave timer's worker).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

#: The mode of a state file and of a state folder.
PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700


def _read_umask() -> int:
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii", errors="replace") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split(":", 1)[1].strip(), 8)
    # Elsewhere only os.umask can tell, by setting it: done once, while importing.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


UMASK = _read_umask()


def new_file_mode() -> int:
    """The mode of a newly created file, as the umask (read at start-up) makes it."""
    return 0o666 & ~UMASK


def mode_of(path: Path | None) -> int | None:
    """The permission bits of ``path`` (links followed); None when there is no such file."""
    if path is None:
        return None
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except (OSError, ValueError):
        return None


def export_limit(brief_file: Path | None) -> int:
    """The bits an export of the brief in ``brief_file`` may have: all the owner's, and
    of the group's and others' only those the brief has."""
    mode = mode_of(brief_file)
    return 0o7777 if mode is None else 0o7700 | (mode & 0o077)


def private_folder(folder: Path) -> Path:
    """Make ``folder`` and its missing parents 0700 (an existing parent is left as it
    is); returns it. Raises OSError when it cannot be made.
    """
    folder = Path(folder)
    missing = [folder]
    while not missing[-1].parent.exists() and missing[-1].parent != missing[-1]:
        missing.append(missing[-1].parent)
    for part in reversed(missing):
        part.mkdir(exist_ok=True, mode=PRIVATE_FOLDER)  # the umask may take bits away...
        with contextlib.suppress(OSError):
            if stat.S_IMODE(part.stat().st_mode) != PRIVATE_FOLDER:
                os.chmod(part, PRIVATE_FOLDER)  # ...or have left it 0755 from before
    return folder


def set_mode(fd: int, path: Path, mode: int) -> None:
    """Give the open file ``fd`` (at ``path``) ``mode``: by its descriptor where the
    system allows it, so that no other file can be changed by a renamed path."""
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # pragma: no cover - Windows before Python 3.13
        os.chmod(path, mode)
