"""What a render is asked to do and what it gives back: options and results.

The dossier, the pocket card, the exporter and every caller import these from
here; this module imports nothing from the renderer, so nothing in it can lead
back up the chain (render/api.py -> dossier -> ...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefbook.errors import Problem

if TYPE_CHECKING:
    from briefbook.core.compare.diff import BriefDiff
    from briefbook.render.pictures.downsample import ImageProfile
    from briefbook.render.tagging.writing import TaggedLayout

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
    #: Write an archival PDF/A-2b (sRGB output intent, PDF/A metadata); never encrypted.
    pdfa: bool = False
    #: Tag the PDF for screen readers (PDF/UA-1). On for every file a user gets; off for
    #: the app's preview (the same pages, shown sooner) and to measure what tagging
    #: costs (benchmarks/tagging.py).
    tagged: bool = True


@dataclass
class RenderResult:
    pdf: bytes
    page_count: int
    #: Problems that still let the PDF print right (a missing image, ...), each naming its place.
    warnings: list[Problem] = field(default_factory=list)
    #: First page (1-based) of each section, keyed by its index path as in Brief.walk_sections().
    section_pages: dict[tuple[int, ...], int] = field(default_factory=dict)
    #: A tagged render's layout before its structure was written (for section reuse).
    tagging: TaggedLayout | None = field(default=None, repr=False, compare=False)


@dataclass
class ExportResult(RenderResult):
    path: Path = Path()
    #: The file's size when ``pdf`` was left out (a worker process wrote the file).
    file_size: int | None = None

    @property
    def size(self) -> int:
        return len(self.pdf) if self.file_size is None else self.file_size


@dataclass
class PocketOptions:
    """How to make the card. ``home_times=None``: as the brief says (home zone set)."""

    reproducible: bool = False
    home_times: bool | None = None
    #: Write over a read-only file (the user said so).
    replace_read_only: bool = False
