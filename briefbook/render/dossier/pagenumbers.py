"""Page numbers known only at the end, drawn in a single layout pass.

Two kinds of numbers are unknown while pages are laid out: the total in
"Page X of Y", and the page of each section printed in the contents (which come
before the sections). Pages reference named PDF forms for them as they are drawn
(``canvas.doForm``); :meth:`PageNumbers.define_forms` writes the forms after the
last page, and ReportLab resolves the references when it saves the file.

Each page's form holds its whole "Page X of Y" (so the footer extracts and
searches as one string, and can be right-aligned); the contents have one form
per contents page holding all of that page's numbers at their places.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas


def _page_form(page: int) -> str:
    return f"bbPage{page}"


def _toc_form(page: int) -> str:
    return f"bbToc{page}"


@dataclass(frozen=True)
class _TocNumber:
    key: str
    x: float
    y: float
    font: str
    size: float
    color: Color


@dataclass
class PageNumbers:
    """What one render records about pages; lives as long as that render."""

    #: First page (1-based) of each section key, as its heading was drawn.
    heading_pages: dict[str, int] = field(default_factory=dict)
    _toc: dict[int, list[_TocNumber]] = field(default_factory=dict)
    _footer_style: tuple[str, float, Color] | None = None
    #: Added to the canvas's page number (a part laid out alone starts at its real page).
    offset: int = 0
    #: The footer's words, with ``{page}`` and ``{pages}`` to fill in.
    page_label: str = "Page {page} of {pages}"

    def record_heading(self, key: str, page: int) -> bool:
        """Note the page a heading landed on; True the first time it is drawn."""
        if key in self.heading_pages:
            return False
        self.heading_pages[key] = page + self.offset
        return True

    def draw_page_of(
        self, canv: Canvas, x: float, y: float, font: str, size: float, color: Color
    ) -> None:
        """Draw "Page X of Y" for the current page, right-aligned at ``(x, y)``."""
        self._footer_style = (font, size, color)
        canv.saveState()
        canv.translate(x, y)
        canv.doForm(_page_form(canv.getPageNumber() + self.offset))
        canv.restoreState()

    def draw_section_page(
        self, canv: Canvas, key: str, x: float, y: float, font: str, size: float, color: Color
    ) -> None:
        """Draw the page of section ``key`` right-aligned at ``(x, y)`` (current coordinates).

        Only translations may be in effect (as inside a frame), which is always
        the case for flowables.
        """
        page = canv.getPageNumber()
        ox, oy = canv.absolutePosition(0, 0)
        placed = self._toc.setdefault(page, [])
        if not placed:
            canv.saveState()
            canv.translate(-ox, -oy)
            canv.doForm(_toc_form(page))
            canv.restoreState()
        placed.append(_TocNumber(key, ox + x, oy + y, font, size, color))

    def define_forms(self, canv: Canvas, pages: int, total: int | None = None) -> None:
        """Write every form the ``pages`` laid out referenced; call after the last page,
        before saving. ``total`` is the "of Y" to print when it is known from elsewhere
        (a part laid out alone); by default the pages laid out are the whole document."""
        width, height = canv._pagesize  # type: ignore[attr-defined]  # private, not in stubs
        last = self.offset + pages
        total = max(total or 0, last)
        if self._footer_style is not None:
            font, size, color = self._footer_style
            for page in range(1 + self.offset, last + 1):
                text = self.page_label.format(page=page, pages=total)
                text_width = canv.stringWidth(text, font, size)
                canv.beginForm(
                    _page_form(page),
                    lowerx=-text_width - 1,  # type: ignore[arg-type]  # stubs: int; any number
                    lowery=-size,  # type: ignore[arg-type]  # stubs: int; takes any number
                    upperx=1,
                    uppery=size * 1.5,
                )
                canv.setFont(font, size)
                canv.setFillColor(color)
                canv.drawRightString(0, 0, text)
                canv.endForm()
        for page, numbers in self._toc.items():
            canv.beginForm(_toc_form(page), lowerx=0, lowery=0, upperx=width, uppery=height)
            for number in numbers:
                canv.setFont(number.font, number.size)
                canv.setFillColor(number.color)
                canv.drawRightString(
                    number.x, number.y, str(self.heading_pages.get(number.key, "–"))
                )
            canv.endForm()
