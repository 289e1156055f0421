"""Who has a brief open: one lock file per brief in the app's state folder.

The lock for a brief is named from its absolute path (``locks/HASH.lock``,
next to the autosave folder) and says which process, and which window in
it, has the brief open. Opening a brief that a running briefbook already
holds warns the user; a lock left by a process that is gone (a crash) is
stale and ignored. The user's own folder is never written to.

Only briefbooks of the same user on the same computer see each other's locks.
No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefbook.core.imagepaths import expand_home
from briefbook.core.safety.atomic import write_atomic
from briefbook.core.safety.filemodes import PRIVATE_FILE, private_folder
from briefbook.core.safety.processes import ProcessId, current_process, is_running
from briefbook.errors import BriefbookError

SUFFIX = ".lock"

#: Windows of this process that hold a lock (an owner id per window).
_live_owners: set[str] = set()


@dataclass(frozen=True)
class LockHolder:
    """Who holds a brief open: the process, its window and since when."""

    process: ProcessId
    owner: str
    since: dt.datetime
    path: str

    def describe(self) -> str:
        here = self.process.pid == os.getpid()
        who = (
            "another window of this briefbook"
            if here
            else f"another briefbook (process {self.process.pid})"
        )
        return f"{who}, since {self.since:%Y-%m-%d %H:%M}"


def lock_key(path: Path) -> str:
    """The lock's file name for a brief: a hash of its absolute, normalised path."""
    text = os.path.normcase(os.path.abspath(expand_home(str(path))))
    with contextlib.suppress(OSError, RuntimeError, ValueError):
        text = os.path.normcase(str(Path(text).resolve()))
    import hashlib  # here: loading it costs the app's start-up a few milliseconds

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class BriefLocks:
    """The lock folder (``state_dir()/locks`` in the app)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.process = current_process()

    def lock_path(self, path: Path) -> Path:
        return self.folder / f"{lock_key(path)}{SUFFIX}"

    def holder(self, path: Path, owner: str) -> LockHolder | None:
        """Who else holds ``path`` open right now (None: nobody, or only ``owner``)."""
        found = self._read(self.lock_path(path))
        if found is None or found.owner == owner:
            return None
        if found.process == self.process:
            return found if found.owner in _live_owners else None
        return found if is_running(found.process) else None

    def acquire(self, path: Path, owner: str) -> LockHolder | None:
        """Take the lock for ``path`` for window ``owner`` unless someone else holds it;
        returns that someone (and leaves their lock alone), or None once it is ours.

        Failing to write the lock (a read-only state folder) is not an error: the
        warning it gives is a courtesy, never a reason to refuse a brief.
        """
        other = self.holder(path, owner)
        if other is not None:
            return other
        entry = {
            "pid": self.process.pid,
            "process": self.process.token,
            "owner": owner,
            "since": dt.datetime.now().astimezone().isoformat(),
            "path": os.path.abspath(path),
        }
        with contextlib.suppress(OSError, BriefbookError):
            private_folder(self.folder)
            write_atomic(
                self.lock_path(path),
                json.dumps(entry).encode("utf-8"),
                mode=PRIVATE_FILE,
                replace_read_only=True,
            )
            _live_owners.add(owner)
        return None

    def release(self, path: Path, owner: str) -> None:
        """Give the lock back if ``owner`` holds it; never fails."""
        lock = self.lock_path(path)
        found = self._read(lock)
        if found is not None and found.owner == owner and found.process == self.process:
            with contextlib.suppress(OSError):
                lock.unlink()

    @staticmethod
    def forget_owner(owner: str) -> None:
        """Window ``owner`` is gone: its locks (if any are left) are stale."""
        _live_owners.discard(owner)

    @staticmethod
    def _read(lock: Path) -> LockHolder | None:
        try:
            raw: Any = json.loads(lock.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(raw, dict):
            return None
        pid, token, owner = raw.get("pid"), raw.get("process", ""), raw.get("owner")
        if not (isinstance(pid, int) and isinstance(token, str) and isinstance(owner, str)):
            return None
        try:
            since = dt.datetime.fromisoformat(str(raw.get("since")))
        except ValueError:
            since = dt.datetime.now().astimezone()
        return LockHolder(ProcessId(pid, token), owner, since, str(raw.get("path", "")))
