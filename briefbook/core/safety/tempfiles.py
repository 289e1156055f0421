"""The temporary files of atomic writes: how they are named, and removing stale ones.

``write_atomic`` writes ``.NAME.bbHOST-PID-RANDOM.tmp`` beside ``NAME`` and renames
it into place. A process killed while writing (kill -9 during a large export, a
flat battery) leaves its temporary file behind, hidden. The next atomic write
into that folder removes the stale ones of ours: names of exactly that pattern,
regular files, written by a process of this computer that is gone, or older than
:data:`STALE_AFTER` seconds (a writer on another computer sharing the folder).
Temporary files of earlier briefbook versions (``.NAME.pdf.RANDOM.tmp``,
``.NAME.brief.yaml.RANDOM.tmp``) are removed by age only.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
import zlib
from pathlib import Path

from briefbook.core.safety.processes import ProcessId, is_running

#: A temporary file untouched for this long is stale whoever wrote it (seconds).
STALE_AFTER = 15 * 60


def _host_tag() -> str:
    node = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    return f"{zlib.crc32(node.encode('utf-8', 'replace')):08x}"[:6]


HOST = _host_tag()
#: Ours: ``.`` + the target's name + ``.bb`` + host + ``-`` + pid + ``-`` + mkstemp's 8.
_OURS = re.compile(r"\..+\.bb(?P<host>[0-9a-f]{6})-(?P<pid>[0-9]{1,10})-[a-z0-9_]{8}\.tmp")
#: Earlier versions': ``.NAME.pdf.``/``.NAME.yaml.``/``.NAME.yaml~.`` + mkstemp's 8.
_EARLIER = re.compile(r"\..+\.(?:pdf|ya?ml~?|json)\.[a-z0-9_]{8}\.tmp")


def temp_prefix(name: str) -> str:
    """The ``mkstemp`` prefix of the temporary file for target ``name`` (cut to its first
    50 characters, so that a target name near the system's limit still has one)."""
    return f".{name[:50]}.bb{HOST}-{os.getpid()}-"


def _is_stale(name: str, age: float) -> bool:
    if age > STALE_AFTER:
        return bool(_OURS.fullmatch(name) or _EARLIER.fullmatch(name))
    ours = _OURS.fullmatch(name)
    if ours is None or ours["host"] != HOST:
        return False
    pid = int(ours["pid"])
    return pid != os.getpid() and not is_running(ProcessId(pid, ""))


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete the stale temporary files of our atomic writes in ``folder``; returns them.

    Never fails: a file that cannot be looked at or removed is left.
    """
    removed: list[Path] = []
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(".") and name.endswith(".tmp")):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and _is_stale(name, now - info.st_mtime):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed
