"""What one render knows of its annexes: the files it opened and where each of their
pages goes in the dossier."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from briefbook.core import model as m
from briefbook.core.annexes import AnnexError, annex_file, open_annex, shown_size, stripped_parts
from briefbook.render.annexes.geometry import Matrix
from briefbook.render.pictures.loading import BAD_NAME, OUTSIDE_REASON, ImagePolicy


@dataclass
class AnnexSource:
    """One annex block of the render, its file opened."""

    pdf: pikepdf.Pdf
    #: The 0-based pages to place, in order, and each one's shown size.
    pages: list[int]
    sizes: list[tuple[float, float]]
    scale: str
    title: str
    #: The outline key of the section holding it ("s2"), whose entry gets its bookmarks.
    section_key: str
    stripped: tuple[str, ...] = ()

    @property
    def tagged(self) -> bool:
        """Whether the annex is a tagged PDF (a structure tree, marked content)."""
        root = self.pdf.Root
        mark = root.get("/MarkInfo")
        return (
            "/StructTreeRoot" in root
            and isinstance(mark, pikepdf.Dictionary)
            and bool(mark.get("/Marked", False))
        )


@dataclass(frozen=True)
class Placement:
    """One annex page on one page of the dossier."""

    source: int
    #: The annex page (0-based) and the dossier page (1-based) it goes on.
    page: int
    target: int
    #: Where it goes on that page: x, y, width, height in points.
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Placed:
    """Where an annex page went: the dossier page (0-based) and the matrix that takes
    the annex page's own coordinates there."""

    target: int
    matrix: Matrix


@dataclass
class AnnexPlan:
    """The annexes of one render; lives (and keeps their files open) as long as it does."""

    sources: list[AnnexSource] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    #: Each section's outline entry, by key: its heading's page (0-based) and its title.
    headings: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: A tagged render's place for each tagged annex's structure: the recorded element
    #: that holds it and the position among its kids (see render/annexes/structure.py).
    anchors: dict[int, tuple[object, int]] = field(default_factory=dict)
    #: The same places once the structure is written: the element's object number.
    anchor_objects: dict[int, tuple[int, int]] = field(default_factory=dict)
    _opened: dict[Path, pikepdf.Pdf] = field(default_factory=dict)
    #: The render writes a structure tree (an export; the preview does not).
    tagged: bool = False

    def load(
        self, block: m.PdfBlock, base_dir: Path | None, policy: ImagePolicy | None, section_key: str
    ) -> int:
        """Open the annex of ``block`` and return its source number; raises
        :class:`AnnexError` naming what is wrong."""
        path = block.path
        if not path.strip():
            raise AnnexError("no PDF file is given")
        if "\x00" in path:
            raise AnnexError(BAD_NAME)
        try:
            if policy is not None and not policy.permits(path):
                raise AnnexError(OUTSIDE_REASON)
        except (OSError, ValueError):
            raise AnnexError(BAD_NAME) from None
        file = annex_file(path, base_dir)
        pdf = self._opened.get(file)
        if pdf is None:
            pdf = self._opened[file] = open_annex(file)
        try:
            pages = m.page_numbers(block.pages, len(pdf.pages))
        except m.PageRangeError as exc:
            raise AnnexError(f"the page range {exc}") from None
        try:
            sizes = [shown_size(pdf.pages[index]) for index in pages]
            stripped = stripped_parts(pdf)
        except (pikepdf.PdfError, TypeError, ValueError) as exc:
            raise AnnexError(f"the file is damaged ({exc})") from None
        self.sources.append(
            AnnexSource(pdf, pages, sizes, block.scale, block.title, section_key, stripped)
        )
        return len(self.sources) - 1

    def place(
        self, source: int, page: int, target: int, box: tuple[float, float, float, float]
    ) -> None:
        """Note that annex page ``page`` of ``source`` goes on dossier page ``target``."""
        self.placements.append(Placement(source, page, target, box))

    def close(self) -> None:
        """Close every annex file the render opened."""
        for pdf in self._opened.values():
            pdf.close()
        self._opened.clear()
