"""The same brief open twice (two windows, two briefbooks): the second is warned.

Each window holds the lock of the brief it shows (``core/safety/locks.py``, in the
state folder). Before a window opens a brief, or saves over one, that another
running window holds, the user is told who has it and may go on or not.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from briefbook.core.safety.locks import BriefLocks
from briefbook.gui.dialogs.plain import ask
from briefbook.gui.settings import state_dir


def brief_locks() -> BriefLocks:
    """The app's lock folder: ``state_dir()/locks``."""
    return BriefLocks(state_dir() / "locks")


class LockKeeper(QObject):
    """Holds the lock of one window's brief and asks before a second opening."""

    def __init__(self, locks: BriefLocks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locks = locks
        self.owner = os.urandom(16).hex()
        self.path: Path | None = None

    def may_use(self, path: Path, parent: QWidget | None, verb: str = "open") -> bool:
        """True when nobody else holds ``path``, or the user chooses to go on anyway."""
        holder = self.locks.holder(path, self.owner)
        if holder is None:
            return True
        if verb == "open":
            text = (
                f"“{path.name}” is already open in {holder.describe()}.\n\n"
                "If you edit it in both places, whichever saves last replaces the "
                "other's changes. Open it here anyway?"
            )
        else:
            text = (
                f"“{path.name}” is open in {holder.describe()}.\n\n"
                "Saving here replaces the file that window is editing. Save anyway?"
            )
        answer = ask(
            parent,
            "Brief already open",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def follow(self, path: Path | None) -> None:
        """This window now shows the brief at ``path`` (None: one without a file)."""
        if path == self.path:
            return
        if self.path is not None:
            self.locks.release(self.path, self.owner)
        self.path = path
        if path is not None:
            self.locks.acquire(path, self.owner)

    def finish(self) -> None:
        """The window closes: give the lock back."""
        self.follow(None)
        self.locks.forget_owner(self.owner)
