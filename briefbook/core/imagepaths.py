"""The pictures a brief names (logo, images, photos), where they point, and whether
they stay inside the brief's folder.

A brief received from someone else must not be able to copy a file from the
reader's computer into a PDF that then gets e-mailed on: only files inside the
brief's folder (or below it) are embedded unless the user allows others. The
same rule serves the renderer, ``briefbook validate`` and the app.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from briefbook.core import model as m


@dataclass(frozen=True)
class ImageRef:
    """One picture path in a brief and its place, in words (``meta``, ``section "Maps",
    block 2``)."""

    path: str
    where: str
    #: ``logo``, ``image``, ``photo`` or ``annex`` (a PDF placed in the dossier).
    kind: str


def image_refs(brief: m.Brief) -> list[ImageRef]:
    """Every non-empty picture path in the brief, in document order."""
    found: list[ImageRef] = []
    if brief.meta.logo.strip():
        found.append(ImageRef(brief.meta.logo, "meta", "logo"))
    for _, section in brief.walk_sections():
        for number, block in enumerate(section.blocks, start=1):
            where = f"section {section.title!r}, block {number}"
            if isinstance(block, m.ImageBlock) and block.path.strip():
                found.append(ImageRef(block.path, where, "image"))
            elif isinstance(block, m.PdfBlock) and block.path.strip():
                found.append(ImageRef(block.path, where, "annex"))
            elif isinstance(block, m.PeopleBlock):
                found.extend(
                    ImageRef(person.photo, where, "photo")
                    for person in block.people
                    if person.photo.strip()
                )
    return found


def image_folder(brief: m.Brief) -> Path:
    """The folder a brief's pictures must stay in: the brief file's folder, or the
    current folder for a brief that has no file yet."""
    return brief.base_dir if brief.base_dir is not None else Path.cwd()


def resolve_image(path: str, folder: Path | None) -> Path:
    """A picture path as a file: relative paths are relative to ``folder``.

    ``~`` and ``~user`` name home folders; an unknown user's stays as written.
    """
    candidate = expand_home(path)
    if not candidate.is_absolute() and folder is not None:
        candidate = folder / candidate
    return candidate


def expand_home(path: str) -> Path:
    """``path`` with a leading ``~`` or ``~user`` made that home folder; an unknown user's
    (``~nobody``) is left as written rather than raising."""
    try:
        return Path(path).expanduser()
    except RuntimeError:  # "~nobody": no such user, so no such home folder
        return Path(path)


def real_path(file: Path) -> Path:
    """``file`` with every symbolic link and ``..`` resolved (as far as it exists)."""
    try:
        return file.resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL in the name
        return Path(os.path.abspath(file))


def is_inside(path: str, folder: Path) -> bool:
    """Whether picture ``path`` names a file in ``folder`` or below it.

    Links are followed first, so a link inside the folder that points out of it
    is outside; so is an absolute path or a ``../`` that leaves the folder.
    """
    file = real_path(resolve_image(path, folder))
    try:
        return file.is_relative_to(real_path(folder))
    except ValueError:  # another drive on Windows
        return False


def shown_path(path: str, folder: Path) -> str:
    """``path`` as a message should name it: as written, followed by the file it really
    names when a symbolic link (or ``..`` through one) takes it elsewhere
    (``images/logo.png → /home/you/passport.png``)."""
    try:
        written = resolve_image(path, folder)
        real = real_path(written)
        if real == Path(os.path.abspath(written)):
            return path
    except (OSError, ValueError):
        return path
    return f"{path} → {real}"


def outside_images(brief: m.Brief, folder: Path | None = None) -> list[ImageRef]:
    """The pictures that point outside ``folder`` (default: the brief's folder)."""
    folder = folder if folder is not None else image_folder(brief)
    return [ref for ref in image_refs(brief) if not is_inside(ref.path, folder)]


@dataclass(frozen=True)
class Relocation:
    """What :func:`relocate_images` changed, and the pictures now outside the folder."""

    changed: list[tuple[ImageRef, str]]
    now_outside: list[ImageRef]


def relocated_path(path: str, old_folder: Path | None, new_folder: Path) -> str:
    """How to write ``path`` (relative to ``old_folder``) in a brief saved in ``new_folder``,
    so that it still names the same file."""
    if not path.strip():
        return path
    candidate = expand_home(path)
    if not candidate.is_absolute():
        if old_folder is None:
            return path
        candidate = Path(os.path.abspath(old_folder / candidate))
    try:
        relative = os.path.relpath(candidate, os.path.abspath(new_folder))
    except ValueError:  # another drive on Windows: only an absolute path can say it
        return str(candidate)
    if Path(path).is_absolute() and relative.startswith(".."):
        return path  # an absolute path outside stays as the user wrote it
    return Path(relative).as_posix()


def relocate_images(brief: m.Brief, old_folder: Path | None, new_folder: Path) -> Relocation:
    """Rewrite the brief's picture paths (in place) for a brief moving from ``old_folder``
    to ``new_folder``, so that each still names the same file.

    Returns what changed and which pictures now lie outside the new folder (and so
    would be left out of the PDF unless allowed).
    """
    changed: list[tuple[ImageRef, str]] = []

    def move(value: str, where: str, kind: str) -> str:
        new = relocated_path(value, old_folder, new_folder)
        if new != value:
            changed.append((ImageRef(value, where, kind), new))
        return new

    brief.meta.logo = move(brief.meta.logo, "meta", "logo")
    for _, section in brief.walk_sections():
        for number, block in enumerate(section.blocks, start=1):
            where = f"section {section.title!r}, block {number}"
            if isinstance(block, m.ImageBlock):
                block.path = move(block.path, where, "image")
            elif isinstance(block, m.PdfBlock):
                block.path = move(block.path, where, "annex")
            elif isinstance(block, m.PeopleBlock):
                for person in block.people:
                    person.photo = move(person.photo, where, "photo")
    return Relocation(changed, outside_images(brief, new_folder))
