"""Copying a picture chosen from elsewhere into the brief's folder, so that the brief is
self-contained (it exports the same on any computer it is copied to)."""

from __future__ import annotations

import os
from pathlib import Path

from briefbook.core.safety.atomic import write_atomic

#: Where copied pictures go, next to the brief file.
PICTURE_FOLDER = "images"


def copy_into_folder(source: Path, folder: Path, subfolder: str = PICTURE_FOLDER) -> Path:
    """Copy ``source`` into ``folder/subfolder`` and return the copy's path.

    A file already there with the same name and the same bytes is used as it is; one
    with other bytes is never replaced: the copy takes the next free name
    (``logo-2.png``, ``logo-3.png``...). Raises OSError when it cannot be read or
    written.
    """
    data = Path(source).read_bytes()
    target_folder = Path(folder) / subfolder
    target_folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(source).stem, Path(source).suffix
    number = 1
    while True:
        name = f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}"
        target = target_folder / name
        try:
            existing = target.read_bytes()
        except FileNotFoundError:
            write_atomic(target, data)
            return target
        if existing == data:
            return target
        number += 1


def relative_to(path: Path, folder: Path) -> str:
    """``path`` as the brief writes it: relative to ``folder``, with forward slashes."""
    return Path(os.path.relpath(path, folder)).as_posix()
