"""What every page carries: markings top and bottom, running header and footer,
"Page X of Y", the DRAFT watermark, and a numbered copy's stamp (boxed at the
top of the cover, first in every footer).

Everything but the page number and the watermark is the same on every body
page, so it is drawn once into a PDF form and each page only references it:
pages lay out faster and the file stays small however many pages there are. The
watermark is drawn on each page because it needs transparency, which ReportLab
does not carry into form resources.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from briefbook.render.dossier.pagenumbers import PageNumbers, page_number_text
from briefbook.render.text.canvas import draw_text, text_width
from briefbook.render.theme import Theme

COVER_FORM = "bbCover"
BODY_FORM = "bbBody"
#: How the forms of the landscape pages' furniture (annex pages turned sideways) begin.
WIDE_FORMS = "bbWide"


@dataclass(frozen=True)
class RunningText:
    """The strings printed around every page (already cleaned of control characters)."""

    title: str
    version_date: str
    footer_text: str
    draft: bool
    #: A numbered copy's stamp, "Copy 3 of 12 – Name" ("" for none).
    stamp: str = ""
    #: The classification authority block: ("Classified By:", "J. Doe, ...") lines.
    authority: tuple[tuple[str, str], ...] = ()
    #: The page number prints in the header, at the right, instead of the footer.
    page_number_top: bool = False
    #: The watermark's word while in draft.
    draft_word: str = "DRAFT"

    def authority_height(self, leading: float) -> float:
        """The room the authority block takes at the foot of the cover (0 for none)."""
        return leading * len(self.authority) + leading * 0.8 if self.authority else 0.0


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``width`` points."""
    if text_width(text, font, size) <= width:
        return text
    lo, hi = 0, min(len(text), 400)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid].rstrip() + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def draw_banner(
    canv: Canvas, t: Theme, marking: str, centre: float, baseline: float, size: float, room: float
) -> None:
    """One banner line: the marking in bold, centred, on a box of its level's colour
    (no box for a marking the theme has no colours for)."""
    font = t.fonts.sans_bold
    pad_x, pad_y = t.marking_pad_x * size / t.marking_size, t.marking_pad_y * size / t.marking_size
    text = fit_text(marking, font, size, room - 2 * pad_x)
    fill, ink = t.marking_colour(marking)
    canv.saveState()
    if fill is not None:
        width = text_width(text, font, size) + 2 * pad_x
        canv.setFillColor(fill)
        canv.rect(
            centre - width / 2,
            baseline - size * 0.22 - pad_y,
            width,
            size * 0.95 + 2 * pad_y,
            stroke=0,
            fill=1,
        )
    canv.setFont(font, size)
    canv.setFillColor(ink)
    draw_text(canv, centre, baseline, text, "centre")
    canv.restoreState()


class PageDecorator:
    """Draws the furniture of each page; one instance per render (no shared state)."""

    def __init__(
        self,
        theme: Theme,
        running: RunningText,
        page_size: tuple[float, float],
        numbers: PageNumbers,
        forms: str = "bb",
    ) -> None:
        """``forms`` starts the names of this decorator's PDF forms (a second decorator,
        for pages of another size, names its own)."""
        self.theme = theme
        self._cover_form, self._body_form = f"{forms}Cover", f"{forms}Body"
        self._mark_form = f"{forms}Mark"
        self.running = running
        self.width, self.height = page_size
        self.numbers = numbers
        self._defined = False
        self._banners: dict[str, str] = {}

    # --- called for every page ----------------------------------------------------

    def cover(self, canv: Canvas, page: int) -> None:
        """The cover: a navy edge and markings (the title is the page). It prints no
        number but counts as page 1, so "Page X of Y" on the other pages is the PDF's
        own page number and the contents' numbers match it."""
        self._ensure_forms(canv)
        canv.doForm(self._cover_form)

    def body(self, canv: Canvas, page: int) -> None:
        """A body page: markings, header with title, version and date, footer."""
        self._ensure_forms(canv)
        canv.doForm(self._body_form)
        self._page_number(canv)

    def first(self, canv: Canvas, page: int) -> None:
        """The first body page of a dossier without a cover: a body page that also
        carries the cover's classification authority block at its foot."""
        self.body(canv, page)
        self._authority(canv)

    def banner(self, canv: Canvas, marking: str) -> None:
        """The page's marking, top and bottom (one form per distinct marking)."""
        if not marking:
            return
        name = self._banners.get(marking)
        if name is None:
            name = self._banners[marking] = f"{self._mark_form}{len(self._banners)}"
            canv.beginForm(name, lowerx=0, lowery=0, upperx=self.width, uppery=self.height)
            self._markings(canv, marking)
            canv.endForm()
        canv.doForm(name)

    def overlay(self, canv: Canvas) -> None:
        """Drawn over the content: the diagonal DRAFT watermark while in draft."""
        if self.running.draft:
            self._watermark(canv)

    # --- drawn once -----------------------------------------------------------------

    def define_furniture(self, canv: Canvas) -> None:
        """Define the cover and body furniture forms on ``canv`` now (numbered copies
        draw them alone, see :mod:`briefbook.render.stamping`)."""
        self._ensure_forms(canv)

    def _ensure_forms(self, canv: Canvas) -> None:
        """Define the page furniture forms (once, at the start of the first page)."""
        if self._defined:
            return
        self._defined = True
        box = {"lowerx": 0, "lowery": 0, "upperx": self.width, "uppery": self.height}
        canv.beginForm(self._cover_form, **box)  # type: ignore[arg-type]  # stubs: int; takes any number
        self._cover_band(canv)
        self._cover_stamp(canv)
        self._authority(canv)
        canv.endForm()
        canv.beginForm(self._body_form, **box)  # type: ignore[arg-type]  # stubs: int; takes any number
        self._header(canv)
        self._footer(canv)
        canv.endForm()

    def _page_number(self, canv: Canvas) -> None:
        t = self.theme
        y = self.height - t.header_inset if self.running.page_number_top else self._footer_y()
        self.numbers.draw_page_of(
            canv, self.width - t.margin_right, y, t.fonts.sans, t.running_size, t.palette.grey
        )

    def _number_room(self) -> float:
        """The header's room for a page number at the top right (0 when it is at the foot)."""
        if not self.running.page_number_top:
            return 0.0
        t = self.theme
        sample = page_number_text(self.numbers.page_format, 888, 888)
        return text_width(sample, t.fonts.sans, t.running_size) + 18

    def _footer_y(self) -> float:
        return self.theme.header_inset - self.theme.running_size * 0.7

    def _cover_band(self, canv: Canvas) -> None:
        t = self.theme
        canv.setFillColor(t.palette.navy)
        canv.rect(0, 0, t.cover_band_width, self.height, stroke=0, fill=1)

    def _cover_stamp(self, canv: Canvas) -> None:
        """The copy's stamp in a box at the cover's top right, under the marking."""
        if not self.running.stamp:
            return
        t = self.theme
        font, size, pad = t.fonts.sans_bold, t.stamp_size, t.stamp_padding
        right = self.width - t.margin_right
        room = self.width - t.margin_left - t.margin_right - 2 * pad
        text = fit_text(self.running.stamp, font, size, room)
        width = text_width(text, font, size) + 2 * pad
        y = self.height - t.header_inset - size * 0.3
        canv.saveState()
        canv.setStrokeColor(t.palette.navy)
        canv.setLineWidth(0.9)
        canv.rect(right - width, y - pad, width, size + 2 * pad - size * 0.2, stroke=1, fill=0)
        canv.setFillColor(t.palette.navy)
        canv.setFont(font, size)
        draw_text(canv, right - pad, y, text, "right")
        canv.restoreState()

    def _watermark(self, canv: Canvas) -> None:
        t = self.theme
        canv.saveState()
        canv.setFillColor(t.palette.watermark)
        canv.setFillAlpha(t.watermark_alpha)
        canv.translate(self.width / 2, self.height / 2)
        canv.rotate(math.degrees(math.atan2(self.height, self.width)))
        size = min(t.watermark_size, self.width * 0.2)
        word = canv.stringWidth(self.running.draft_word, t.fonts.sans_bold, size)
        room = math.hypot(self.width, self.height) * 0.7
        if word > room:  # a longer word than "DRAFT" still fits on the diagonal
            size *= room / word
        canv.setFont(t.fonts.sans_bold, size)
        canv.drawCentredString(0, -size * 0.35, self.running.draft_word)
        canv.restoreState()

    def _markings(self, canv: Canvas, marking: str) -> None:
        """The banner, top and bottom: bold, at least the body's size, in its level's
        colours (a box of the level's colour behind it, when the theme has one)."""
        t = self.theme
        room = self.width - t.margin_left - t.margin_right
        for baseline in (self.height - t.marking_inset, t.marking_inset - t.marking_size * 0.75):
            draw_banner(canv, t, marking, self.width / 2, baseline, t.marking_size, room)

    def _authority(self, canv: Canvas) -> None:
        """The classification authority block, lower left on the cover (32 CFR 2001.21)."""
        t = self.theme
        lines = self.running.authority
        if not lines:
            return
        room = self.width - t.margin_left - t.margin_right
        canv.saveState()
        canv.setFillColor(t.palette.ink)
        y = t.margin_bottom + t.authority_leading * (len(lines) - 1) + 2
        for label, value in lines:
            canv.setFont(t.fonts.sans_bold, t.authority_size)
            draw_text(canv, t.margin_left, y, label)
            shift = text_width(label + " ", t.fonts.sans_bold, t.authority_size)
            canv.setFont(t.fonts.sans, t.authority_size)
            draw_text(
                canv,
                t.margin_left + shift,
                y,
                fit_text(value, t.fonts.sans, t.authority_size, room - shift),
            )
            y -= t.authority_leading
        canv.restoreState()

    def _header(self, canv: Canvas) -> None:
        t = self.theme
        left, right = t.margin_left, self.width - t.margin_right - self._number_room()
        y = self.height - t.header_inset
        font, size = t.fonts.sans, t.running_size
        canv.saveState()
        canv.setFillColor(t.palette.grey)
        vd = self.running.version_date
        vd_width = text_width(vd, font, size)
        canv.setFont(font, size)
        draw_text(canv, right, y, vd, "right")
        title_width = right - left - vd_width - (18 if vd else 0)
        canv.setFont(t.fonts.sans_bold, size)
        draw_text(canv, left, y, fit_text(self.running.title, t.fonts.sans_bold, size, title_width))
        canv.setStrokeColor(t.palette.rule)
        canv.setLineWidth(0.5)
        canv.line(left, y - 5, self.width - t.margin_right, y - 5)
        canv.restoreState()

    def _footer(self, canv: Canvas) -> None:
        """The rule, the copy's stamp and the organisation; the page number is drawn
        per page. The stamp comes first and is shortened last."""
        t = self.theme
        left, right = t.margin_left, self.width - t.margin_right
        y = self._footer_y()
        font, size = t.fonts.sans, t.running_size
        room = (right - left) * 0.7
        canv.saveState()
        canv.setStrokeColor(t.palette.rule)
        canv.setLineWidth(0.5)
        canv.line(left, y + size + 4, right, y + size + 4)
        x = left
        if self.running.stamp:
            stamp = fit_text(self.running.stamp, t.fonts.sans_bold, size, room)
            canv.setFont(t.fonts.sans_bold, size)
            canv.setFillColor(t.palette.navy)
            draw_text(canv, x, y, stamp)
            x += text_width(stamp + "   ", t.fonts.sans_bold, size)
        if self.running.footer_text and left + room - x > size * 3:
            canv.setFont(font, size)
            canv.setFillColor(t.palette.grey)
            draw_text(canv, x, y, fit_text(self.running.footer_text, font, size, left + room - x))
        canv.restoreState()
