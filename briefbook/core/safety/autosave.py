"""Autosaved work: the unsaved state of each open brief, kept in the app's state folder.

The app writes one file per open brief, ``KEY.autosave.json``, never touching
the user's own file. Each holds the brief's text, its title, the file it
belongs to (if any), when it was written and which process wrote it. A clean
exit or a save removes it; after a crash, the entries whose process is gone
are offered for recovery at the next start. Entries of a briefbook that is
still running are left to it.

Every write is atomic (see ``atomic``), so an entry is complete or absent.
No Qt here: the app drives this store from a timer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefbook.core.model import Brief
from briefbook.core.safety.atomic import write_atomic
from briefbook.core.safety.filemodes import PRIVATE_FILE, private_folder
from briefbook.core.safety.processes import ProcessId, current_process, is_running
from briefbook.errors import FileAccessError

#: The format of an autosave file (a key in it, so a stray JSON file is not taken for one).
FORMAT_KEY = "briefbook_autosave"
FORMAT_VERSION = 1
SUFFIX = ".autosave.json"
#: Larger files in the folder are not read (a real brief is well under this).
MAX_ENTRY_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Recovery:
    """Unsaved work left behind by a briefbook that did not exit cleanly."""

    key: str
    file: Path
    title: str
    #: The brief's own file, or None for a brief never saved.
    original: Path | None
    saved_at: dt.datetime
    text: str

    def brief(self) -> Brief:
        """The brief as it was autosaved (raises BriefFormatError if it cannot be read)."""
        from briefbook.core.fileformat import loads

        brief = loads(self.text, self.original if self.original is not None else self.file)
        brief.source = self.original  # pictures stay relative to the brief's own folder
        return brief

    def describe(self) -> str:
        """One line for a list: title, file and time."""
        where = str(self.original) if self.original is not None else "never saved"
        return f"{self.title or 'Untitled brief'} ({where}), {self.saved_at:%Y-%m-%d %H:%M}"


class AutosaveStore:
    """The folder of autosave entries (``state_dir()/autosave`` in the app)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.process = current_process()

    @staticmethod
    def new_key() -> str:
        """A fresh key for a newly opened brief."""
        return os.urandom(16).hex()  # random, like uuid4, without loading uuid at start-up

    def path_of(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def write(
        self,
        key: str,
        brief_text: str,
        title: str,
        original: Path | None,
        when: dt.datetime | None = None,
    ) -> Path:
        """Keep ``brief_text`` (the brief as YAML) under ``key``, atomically.

        Raises :class:`FileAccessError` (the folder cannot be made, the disk is full).
        """
        entry = {
            FORMAT_KEY: FORMAT_VERSION,
            "pid": self.process.pid,
            "process": self.process.token,
            "title": title,
            "original": str(original) if original is not None else None,
            "saved_at": (when or dt.datetime.now().astimezone()).isoformat(),
            "brief": brief_text,
        }
        target = self.path_of(key)
        try:
            private_folder(self.folder)
        except OSError as exc:
            raise FileAccessError(self.folder, exc.strerror or str(exc)) from None
        try:
            data = json.dumps(entry, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate (a damaged clipboard) has no UTF-8 form; JSON's escapes keep
            # it exactly, so the work is kept and the save names the broken character.
            data = json.dumps(entry, ensure_ascii=True).encode("ascii")
        write_atomic(target, data, mode=PRIVATE_FILE, replace_read_only=True)
        return target

    def remove(self, key: str) -> None:
        """Forget the entry (after a save, a discard or a clean exit); never fails."""
        with contextlib.suppress(OSError):
            self.path_of(key).unlink()

    def claim(self, recovery: Recovery) -> str | None:
        """Make a recovered entry this process's own (so that another start does not
        offer it again while it is open here); returns its new key, or None when another
        briefbook claimed it first.

        The entry is renamed to a fresh key, which only one process can do: two
        briefbooks started at once after a crash cannot both take the same work and
        then write over each other's autosaves. Raises :class:`FileAccessError`.
        """
        key = self.new_key()
        try:
            os.rename(self.path_of(recovery.key), self.path_of(key))
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise FileAccessError(recovery.file, exc.strerror or str(exc)) from None
        self.write(key, recovery.text, recovery.title, recovery.original, recovery.saved_at)
        return key

    def read(self, file: Path) -> tuple[Recovery, ProcessId] | None:
        """One entry and the process that wrote it; None for anything that is not an
        autosave entry (damaged, foreign, too large)."""
        try:
            if file.stat().st_size > MAX_ENTRY_BYTES:
                return None
            raw: Any = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(raw, dict) or raw.get(FORMAT_KEY) != FORMAT_VERSION:
            return None
        text, title, original = raw.get("brief"), raw.get("title"), raw.get("original")
        pid, token = raw.get("pid"), raw.get("process", "")
        if not (
            isinstance(text, str)
            and isinstance(title, str)
            and isinstance(pid, int)
            and isinstance(token, str)
            and (original is None or isinstance(original, str))
        ):
            return None
        try:
            saved_at = dt.datetime.fromisoformat(str(raw.get("saved_at")))
        except ValueError:
            return None
        key = file.name.removesuffix(SUFFIX)
        recovery = Recovery(key, file, title, Path(original) if original else None, saved_at, text)
        return recovery, ProcessId(pid, token)

    def recoverable(self) -> list[Recovery]:
        """Work left by briefbooks that are no longer running, newest first."""
        try:
            files = sorted(self.folder.glob(f"*{SUFFIX}"))
        except OSError:
            return []
        found: list[Recovery] = []
        for file in files:
            entry = self.read(file)
            if entry is None:
                continue
            recovery, writer = entry
            if writer != self.process and not is_running(writer):
                found.append(recovery)
        found.sort(key=lambda recovery: recovery.saved_at.timestamp(), reverse=True)
        return found

    def discard(self, recovery: Recovery) -> None:
        """Delete recovered work the user does not want."""
        self.remove(recovery.key)
