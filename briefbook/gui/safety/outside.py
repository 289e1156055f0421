"""Pictures from outside the brief's folder: left out unless the user allows them.

A brief from someone else could name a file on this computer as its logo or a
picture, hoping it ends up in a PDF that gets e-mailed on. The renderer leaves
such pictures out; here the user is asked, once per brief and session, whether
to embed the ones this brief names. A picture the user chose with Browse is
allowed as it is chosen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from briefbook.core.imagepaths import (
    ImageRef,
    image_folder,
    outside_images,
    real_path,
    resolve_image,
    shown_path,
)
from briefbook.core.text import counted
from briefbook.gui.dialogs.plain import confirm
from briefbook.gui.editing.document import Document


def folder_of(document: Document) -> Path:
    """The folder the document's pictures must stay in."""
    if document.path is not None:
        return document.path.parent
    return image_folder(document.brief)


def real_file(document: Document, path: str) -> Path:
    return real_path(resolve_image(path, folder_of(document)))


def not_yet_allowed(document: Document) -> list[ImageRef]:
    """Pictures outside the folder that the user has not allowed (yet)."""
    return [
        ref
        for ref in outside_images(document.brief, folder_of(document))
        if real_file(document, ref.path) not in document.allowed_images
    ]


def allow_chosen(document: Document, chosen: Path) -> None:
    """The user picked ``chosen`` in a file dialog: that is their permission."""
    document.allowed_images.add(real_path(chosen))


def listed(refs: list[ImageRef], folder: Path | None = None, limit: int = 6) -> str:
    """The pictures as a bulleted list for a message, with the place of each. A path
    that is (or passes through) a symbolic link is shown with the file it really
    names, ``images/logo.png → /home/you/passport.png``: that file is what would be
    embedded, and what the question is about."""
    lines = []
    for ref in refs[:limit]:
        shown = ref.path
        if folder is not None:
            shown = shown_path(ref.path, folder)
        lines.append(f"• {shown}  ({'the logo' if ref.kind == 'logo' else ref.where})")
    if len(refs) > limit:
        lines.append(f"• … and {len(refs) - limit} more")
    return "\n".join(lines)


def ask_outside_images(parent: QWidget | None, document: Document) -> bool:
    """Ask whether to embed the brief's pictures from outside its folder; True when the
    user allowed them (False: left out, or there were none to ask about)."""
    refs = not_yet_allowed(document)
    if not refs:
        return False
    count = len(refs)
    # Paths come from the brief: plain text, so that none can reword this question.
    if not confirm(
        parent,
        "Pictures from outside the brief's folder",
        f"This brief names {counted(count, 'picture')} from outside its folder.",
        f"{listed(refs, folder_of(document))}\n\nA brief received from someone else could "
        "use this to copy a file from your computer into its PDF. Embed these files in the "
        "preview, the printout and the PDF? Otherwise a placeholder stands in their place.",
        "Embed Them",
        "Leave Them Out",
    ):
        return False
    document.allowed_images.update(real_file(document, ref.path) for ref in refs)
    return True
