"""Notice when the open brief's file is changed by another program (a sync folder, an editor).

``QFileSystemWatcher`` stops watching a file that is replaced atomically (as
every careful save does, ours included), so the path is added again each time
it fires. Our own saves are recognised by the file's size and time stamp.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

Stamp = tuple[int, int]


def stamp_of(path: Path) -> Stamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class FileWatcher(QObject):
    """Watches one file; emits ``changed_elsewhere`` once per outside change."""

    changed_elsewhere = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.known: Stamp | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        self._watcher.directoryChanged.connect(self._file_changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(300)  # a save is several events; look once it is over
        self._settle.timeout.connect(self._check)

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` (None: nothing) as it is now."""
        for old in self._watcher.files() + self._watcher.directories():
            self._watcher.removePath(old)
        self.path = path
        self.known = stamp_of(path) if path is not None else None
        if path is not None:
            self._watcher.addPath(str(path))
            self._watcher.addPath(str(path.parent))  # sees the file come back after a replace

    def accept_current(self) -> None:
        """The file as it is now is ours (just saved, or the user chose to keep theirs)."""
        if self.path is not None:
            self.known = stamp_of(self.path)
            self._rewatch()

    def _rewatch(self) -> None:
        if (
            self.path is not None
            and str(self.path) not in self._watcher.files()
            and self.path.exists()
        ):
            self._watcher.addPath(str(self.path))

    def _file_changed(self, _name: str) -> None:
        self._rewatch()
        self._settle.start()

    def _check(self) -> None:
        self._rewatch()
        if self.path is None:
            return
        now = stamp_of(self.path)
        if now is not None and now != self.known:
            self.known = now
            self.changed_elsewhere.emit(self.path)
