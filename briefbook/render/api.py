"""The renderer's public face: options in, PDF bytes (or a file) and a report out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefbook.core.model import Brief
from briefbook.core.safety.atomic import write_atomic
from briefbook.core.safety.filemodes import export_limit
from briefbook.errors import Problem

if TYPE_CHECKING:
    from briefbook.core.compare.diff import BriefDiff
    from briefbook.render.pictures.downsample import ImageProfile

#: Called with (pages laid out so far, best estimate of the total);
#: may be called from a worker thread.
ProgressCallback = Callable[[int, int], None]


@dataclass
class RenderOptions:
    """How to lay the brief out. ``None`` means: as the brief says."""

    page_size: str | None = None
    #: Same input, same bytes: fixed ids and dates (SOURCE_DATE_EPOCH or the brief's date).
    reproducible: bool = False
    progress: ProgressCallback | None = None
    #: The edition's name, printed on the cover and in the footer ("" for the full brief).
    edition: str = ""
    #: Lay out only this top-level section (its index), for a fast preview of the part
    #: being edited: no cover and no contents, pages numbered from ``first_page`` and
    #: "of ``total_pages``" (both as the last full render reported them).
    only_section: int | None = None
    #: Lay out only the cover (page 1), for a fast preview of a cover edit.
    only_cover: bool = False
    first_page: int = 1
    total_pages: int | None = None
    #: Print home times under local ones; ``None``: when the brief names a home time zone.
    home_times: bool | None = None
    #: Add a "Changes since version N" page after the contents.
    changes: BriefDiff | None = None
    #: Protect the exported file with this password (AES-256; printing allowed, copying
    #: not). Used by export_pdf only, never stored. Encrypted output is not reproducible.
    password: str = field(default="", repr=False)
    #: Pictures outside the brief's folder to embed anyway: their real paths (as
    #: ``Path.resolve()`` gives them), each allowed by the user. Others are left out
    #: with a warning, so a brief from someone else cannot embed a local file.
    allowed_images: frozenset[Path] = field(default_factory=frozenset)
    #: Embed pictures from anywhere (``briefbook export --allow-outside-images``).
    allow_outside_images: bool = False
    #: A numbered copy's stamp, "Copy 3 of 12 – Name", printed on the cover and in every
    #: footer ("" for an unnumbered export). User text: it is printed as typed.
    copy_stamp: str = ""
    #: How pictures are embedded (``image_profile("email")`` downsamples and
    #: recompresses them); ``None`` embeds the files as they are.
    images: ImageProfile | None = None
    #: Write over a read-only PDF (the user said so); otherwise export_pdf raises
    #: ReadOnlyFileError. The PDF never gives group or others more than the brief does.
    replace_read_only: bool = False


@dataclass
class RenderResult:
    pdf: bytes
    page_count: int
    #: Problems that still let the PDF print right (a missing image, ...), each naming its place.
    warnings: list[Problem] = field(default_factory=list)
    #: First page (1-based) of each section, keyed by its index path as in Brief.walk_sections().
    section_pages: dict[tuple[int, ...], int] = field(default_factory=dict)


@dataclass
class ExportResult(RenderResult):
    path: Path = Path()

    @property
    def size(self) -> int:
        return len(self.pdf)


def render_pdf(brief: Brief, options: RenderOptions | None = None) -> RenderResult:
    """Lay the brief out and return the PDF bytes with a report. Raises RenderError."""
    from briefbook.render.dossier.document import build_pdf

    return build_pdf(brief, options or RenderOptions())


def export_pdf(
    brief: Brief, path: Path | str, options: RenderOptions | None = None
) -> ExportResult:
    """Render the brief and write the PDF atomically to ``path``.

    A failure (in layout or on disk) leaves any earlier file at ``path`` untouched.
    """
    result = render_pdf(brief, options)
    pdf = result.pdf
    if options is not None and options.password:
        from briefbook.render.protect import encrypt_pdf

        pdf = encrypt_pdf(pdf, options.password)
    target = Path(path)
    write_atomic(target, pdf, limit=export_limit(brief.source),
                 replace_read_only=options is not None and options.replace_read_only)
    return ExportResult(
        pdf=pdf,
        page_count=result.page_count,
        warnings=result.warnings,
        section_pages=result.section_pages,
        path=target,
    )
