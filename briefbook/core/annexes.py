"""Annexes: existing PDFs a brief places in its dossier (the ``pdf`` block).

Opening and checking one (missing, outside the brief's folder, damaged,
password-protected, over-large), and finding what briefbook strips from it before
its pages reach the dossier: scripts, open and launch actions, embedded files, form
fields and XFA. The same checks serve ``briefbook validate``, the export and the
app. pikepdf (qpdf's C++ core) reads the files.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from briefbook.core import model as m
from briefbook.core.imagepaths import is_inside, real_path, resolve_image

#: An annex of more pages than this is refused.
MAX_ANNEX_PAGES = 2000
#: An annex file larger than this is refused before it is opened.
MAX_ANNEX_BYTES = 200 * 1024 * 1024
#: Where annexes added in the app are copied, next to the brief file.
ANNEX_FOLDER = "annexes"

#: Link targets kept from an annex (as in user text); all others are dropped.
SAFE_SCHEMES = ("http://", "https://", "mailto:")


class AnnexError(Exception):
    """Why an annex cannot be used, in words for a message ("the file is damaged")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class AnnexInfo:
    """What the app and the renderer need to know of an annex file."""

    page_count: int
    size: int
    #: Each page's shown width and height in points (its rotation applied).
    page_sizes: tuple[tuple[float, float], ...]
    #: What is stripped from it before its pages are placed ("JavaScript", ...).
    stripped: tuple[str, ...] = ()


def annex_blocks(brief: m.Brief) -> Iterator[tuple[str, m.PdfBlock]]:
    """Every annex block of the brief with its place in words, in document order."""
    for _, section in brief.walk_sections():
        for number, block in enumerate(section.blocks, start=1):
            if isinstance(block, m.PdfBlock):
                yield f"section {section.title!r}, block {number}", block


def open_annex(file: Path) -> pikepdf.Pdf:
    """Open an annex file for reading; raises :class:`AnnexError` with the reason."""
    try:
        size = os.stat(file).st_size
    except FileNotFoundError:
        raise AnnexError("the file does not exist") from None
    except (OSError, ValueError) as exc:
        raise AnnexError(
            f"the file cannot be read ({getattr(exc, 'strerror', None) or exc})"
        ) from None
    if not file.is_file():
        raise AnnexError("this is not a regular file")
    if size > MAX_ANNEX_BYTES:
        raise AnnexError(
            f"the file is too large ({size // (1024 * 1024)} MB; at most "
            f"{MAX_ANNEX_BYTES // (1024 * 1024)} MB)"
        )
    try:
        pdf = pikepdf.open(file)
    except pikepdf.PasswordError:
        raise AnnexError("the PDF is protected by a password; export it without one") from None
    except (pikepdf.PdfError, OSError, ValueError, RuntimeError) as exc:
        raise AnnexError(f"the file is damaged or not a PDF ({_short(str(exc))})") from None
    try:
        count = len(pdf.pages)
    except (pikepdf.PdfError, RuntimeError) as exc:
        pdf.close()
        raise AnnexError(f"the file is damaged ({_short(str(exc))})") from None
    if count == 0:
        pdf.close()
        raise AnnexError("the PDF has no pages")
    if count > MAX_ANNEX_PAGES:
        pdf.close()
        raise AnnexError(f"the PDF has {count} pages; an annex has at most {MAX_ANNEX_PAGES}")
    return pdf


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown_size(page: pikepdf.Page) -> tuple[float, float]:
    """A page's width and height in points as a viewer shows it (crop box, rotation)."""
    box = [float(v) for v in page.cropbox]
    width, height = abs(box[2] - box[0]), abs(box[3] - box[1])
    try:
        rotate = int(page.obj.get("/Rotate", 0)) % 180
    except (TypeError, ValueError):
        rotate = 0
    return (height, width) if rotate == 90 else (width, height)


def stripped_parts(pdf: pikepdf.Pdf) -> tuple[str, ...]:
    """What of ``pdf`` never reaches a dossier, in words; an empty tuple for none."""
    found: list[str] = []
    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
        found.append("JavaScript")
    if "/OpenAction" in root or "/AA" in root:
        found.append("an open action")
    if isinstance(names, pikepdf.Dictionary) and "/EmbeddedFiles" in names:
        found.append("embedded files")
    form = root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary):
        if "/XFA" in form:
            found.append("an XFA form")
        fields = form.get("/Fields")
        if isinstance(fields, pikepdf.Array) and len(fields):
            found.append("form fields")
    kinds: set[str] = set()
    for page in pdf.pages:
        if "/AA" in page.obj:
            kinds.add("page actions")
        for annot in page.obj.get("/Annots", pikepdf.Array()):
            if not isinstance(annot, pikepdf.Dictionary):
                continue
            subtype = str(annot.get("/Subtype", ""))
            if subtype == "/FileAttachment":
                kinds.add("embedded files")
            elif subtype in ("/Screen", "/Movie", "/RichMedia", "/Sound", "/3D"):
                kinds.add("media")
            elif subtype == "/Link" and not link_is_kept(annot):
                kinds.add("links other than web and e-mail")
    found.extend(kind for kind in sorted(kinds) if kind not in found)
    return tuple(found)


def link_is_kept(annot: pikepdf.Dictionary) -> bool:
    """Whether a link annotation goes somewhere briefbook keeps: a web or e-mail
    address, or a place in the same PDF."""
    if "/Dest" in annot:
        return True
    action = annot.get("/A")
    if not isinstance(action, pikepdf.Dictionary):
        return False
    kind = str(action.get("/S", ""))
    if kind == "/GoTo":
        return True
    if kind == "/URI":
        return uri_of(action) != ""
    return False


def uri_of(action: pikepdf.Dictionary) -> str:
    """The web or e-mail address of a URI action, or "" when it is anything else."""
    try:
        uri = bytes(action.get("/URI", b"")).decode("utf-8", "replace").strip()
    except (TypeError, ValueError):
        return ""
    return uri if uri.lower().startswith(SAFE_SCHEMES) else ""


def inspect_annex(file: Path) -> AnnexInfo:
    """Open and check an annex file; raises :class:`AnnexError` with the reason."""
    with open_annex(file) as pdf:
        return AnnexInfo(
            len(pdf.pages),
            os.stat(file).st_size,
            tuple(shown_size(page) for page in pdf.pages),
            stripped_parts(pdf),
        )


def annex_file(path: str, folder: Path | None) -> Path:
    """The file an annex path names (links resolved), relative paths from ``folder``."""
    return real_path(resolve_image(path, folder))


def annex_problem(block: m.PdfBlock, folder: Path) -> str:
    """What keeps an annex from printing, in words ("" when nothing does): outside the
    brief's folder, missing, damaged, protected, too large, or a page range it lacks."""
    if not block.path.strip():
        return "no PDF file is given"
    if "\x00" in block.path:
        return "the file name cannot be used"
    try:
        if not is_inside(block.path, folder):
            return (
                f"the annex {block.path!r} is outside the brief's folder, so it is left "
                "out of the PDF"
            )
        info = inspect_annex(annex_file(block.path, folder))
    except AnnexError as exc:
        return f"the annex {block.path!r} cannot be used: {exc.reason}"
    except (OSError, ValueError) as exc:
        return f"the annex {block.path!r} cannot be used: {exc}"
    try:
        m.page_numbers(block.pages, info.page_count)
    except m.PageRangeError as exc:
        return f"the annex {block.path!r}: the page range {exc}"
    return ""


__all__ = [
    "ANNEX_FOLDER",
    "MAX_ANNEX_BYTES",
    "MAX_ANNEX_PAGES",
    "AnnexError",
    "AnnexInfo",
    "annex_blocks",
    "annex_file",
    "annex_problem",
    "has_annexes",
    "inspect_annex",
    "link_is_kept",
    "open_annex",
    "shown_size",
    "stripped_parts",
    "uri_of",
]


def has_annexes(brief: m.Brief) -> bool:
    """Whether the brief places existing PDFs (``pdf`` blocks) in its dossier."""
    return any(
        isinstance(block, m.PdfBlock)
        for _, section in brief.walk_sections()
        for block in section.blocks
    )
