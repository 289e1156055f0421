"""Where an export's files go: what ``-o`` means, names that never collide, and never
onto a brief.

One rule for every kind of export (dossier, pocket card, itineraries, editions, copies):

- no ``-o``: the files go beside the brief under their default names;
- ``-o`` ending in ``/`` or naming an existing folder: the files go into that folder under
  their default names (a missing folder ending in ``/`` is created);
- ``-o FILE.pdf``: the one file is written there; several files are named after it,
  ``FILE press.pdf``, ``FILE copy 03.pdf``; a FILE in a missing folder is refused.

Planned paths are made unique (`` (2)``, `` (3)``, in order) and an export never
replaces a brief, its backup or any file that is not a PDF.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from briefbook.errors import FileAccessError

#: The endings of a brief and of its backup (``NAME.brief.yaml~``).
BRIEF_ENDINGS = (".brief.yaml", ".brief.yaml~")


@dataclass(frozen=True)
class Destination:
    """The folder the files go to, and the file the user named (``None``: default names)."""

    folder: Path
    file: Path | None = None


def destination(output: Path | str | None, default_folder: Path) -> Destination:
    """What ``output`` (the ``-o`` of the command line, the app's chosen path) means.

    Raises :class:`FileAccessError` for a file in a missing folder, or a folder
    that cannot be created.
    """
    if output is None or str(output) == "":
        return Destination(default_folder)
    text = os.fspath(output)
    path = Path(text).expanduser()
    ends_as_folder = text.endswith(("/", os.sep))
    try:
        is_dir = path.is_dir()
    except (OSError, ValueError):
        is_dir = False
    if is_dir:
        return Destination(path)
    if ends_as_folder:
        if path.exists():
            raise FileAccessError(
                path, "is a file, not a folder; leave out the final / to export onto it"
            )
        try:
            path.mkdir(parents=True, exist_ok=True)
        except (OSError, ValueError) as exc:
            raise FileAccessError(
                path, f"cannot create the folder: {getattr(exc, 'strerror', None) or exc}"
            ) from None
        return Destination(path)
    folder = path.parent
    if not folder.is_dir():
        raise FileAccessError(
            folder,
            "no such folder; create it first, or end -o with / to "
            "export into a new folder of that name",
        )
    return Destination(folder, path)


def _key(path: Path) -> str:
    """Two names one file system may take for the same file (case, Unicode form)."""
    return unicodedata.normalize("NFC", os.path.normcase(str(path))).casefold()


def unique_paths(paths: list[Path]) -> list[Path]:
    """``paths`` with repeats renamed `` (2)``, `` (3)``... in order, so that no two
    files of one export share a name (also where the file system ignores case)."""
    taken = {_key(path) for path in paths}
    seen: set[str] = set()
    found: list[Path] = []
    for path in paths:
        key = _key(path)
        if key in seen:
            number = 2
            while True:
                candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
                if _key(candidate) not in taken:
                    break
                number += 1
            path, key = candidate, _key(candidate)
            taken.add(key)
        seen.add(key)
        found.append(path)
    return found


def is_brief_file(path: Path) -> bool:
    """Whether ``path`` is named as a brief or a brief's backup."""
    return path.name.casefold().endswith(BRIEF_ENDINGS)


def check_targets(paths: list[Path], brief_file: Path | None = None) -> None:
    """Refuse to write an export onto a brief, its backup or a file that is not a PDF.

    Raises :class:`FileAccessError` naming the first such path.
    """
    protected: list[Path] = []
    if brief_file is not None:
        protected = [brief_file, brief_file.with_name(brief_file.name + "~")]
    for path in paths:
        if is_brief_file(path) or any(_same(path, other) for other in protected):
            raise FileAccessError(
                path,
                "is a brief file; an export never replaces a brief or "
                "its backup, so choose a name ending in .pdf",
            )
        try:
            if not path.is_file():  # missing, or a special file the write will refuse
                continue
            with path.open("rb") as existing:
                head = existing.read(5)
        except (OSError, ValueError):
            continue  # not there (or not readable: the write will say why)
        if head and head != b"%PDF-":
            raise FileAccessError(
                path,
                "exists and is not a PDF; an export replaces only "
                "PDF files, so choose another name",
            )


def _same(path: Path, other: Path) -> bool:
    try:
        return path.resolve() == other.resolve() or (
            path.exists() and other.exists() and os.path.samefile(path, other)
        )
    except (OSError, ValueError):
        return False
