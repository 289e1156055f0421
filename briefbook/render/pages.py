"""What every page carries: markings top and bottom, running header and footer,
"Page X of Y" and the DRAFT watermark."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from briefbook.render.flowables import draw_form_at, page_form_name
from briefbook.render.theme import Theme


@dataclass(frozen=True)
class RunningText:
    """The strings printed around every page (already cleaned of control characters)."""

    marking: str
    title: str
    version_date: str
    left_footer: str
    draft: bool


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, min(len(text), 400)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid].rstrip() + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


class PageDecorator:
    """Draws the furniture of each page; one instance per render (no shared state)."""

    def __init__(self, theme: Theme, running: RunningText, page_size: tuple[float, float]) -> None:
        self.theme = theme
        self.running = running
        self.width, self.height = page_size

    def cover(self, canv: Canvas, page: int) -> None:
        """The cover: markings and the page number only (the title is the page itself)."""
        self._markings(canv)
        self._footer(canv, page, with_left=False)

    def body(self, canv: Canvas, page: int) -> None:
        """A body page: markings, header with title, version and date, footer."""
        self._markings(canv)
        self._header(canv)
        self._footer(canv, page, with_left=True)

    def overlay(self, canv: Canvas) -> None:
        """Drawn over the content: the diagonal DRAFT watermark while in draft."""
        if not self.running.draft:
            return
        t = self.theme
        canv.saveState()
        canv.setFillColor(t.palette.watermark)
        canv.setFillAlpha(t.watermark_alpha)
        canv.translate(self.width / 2, self.height / 2)
        canv.rotate(math.degrees(math.atan2(self.height, self.width)))
        size = min(t.watermark_size, self.width * 0.2)
        canv.setFont(t.fonts.sans_bold, size)
        canv.drawCentredString(0, -size * 0.35, "DRAFT")
        canv.restoreState()

    def _markings(self, canv: Canvas) -> None:
        marking = self.running.marking
        if not marking:
            return
        t = self.theme
        font, size = t.fonts.sans_bold, t.marking_size
        text = fit_text(marking, font, size, self.width - t.margin_left - t.margin_right)
        canv.saveState()
        canv.setFont(font, size)
        canv.setFillColor(t.palette.marking)
        canv.drawCentredString(self.width / 2, self.height - t.marking_inset, text)
        canv.drawCentredString(self.width / 2, t.marking_inset - size * 0.75, text)
        canv.restoreState()

    def _header(self, canv: Canvas) -> None:
        t = self.theme
        left, right = t.margin_left, self.width - t.margin_right
        y = self.height - t.header_inset
        font, size = t.fonts.sans, t.running_size
        canv.saveState()
        canv.setFillColor(t.palette.grey)
        vd = self.running.version_date
        vd_width = stringWidth(vd, font, size)
        canv.setFont(font, size)
        canv.drawRightString(right, y, vd)
        title_width = right - left - vd_width - (18 if vd else 0)
        canv.setFont(t.fonts.sans_bold, size)
        canv.drawString(left, y, fit_text(self.running.title, t.fonts.sans_bold, size, title_width))
        canv.setStrokeColor(t.palette.rule)
        canv.setLineWidth(0.5)
        canv.line(left, y - 5, right, y - 5)
        canv.restoreState()

    def _footer(self, canv: Canvas, page: int, with_left: bool) -> None:
        t = self.theme
        left, right = t.margin_left, self.width - t.margin_right
        y = t.header_inset - t.running_size * 0.7
        canv.saveState()
        if with_left:
            canv.setStrokeColor(t.palette.rule)
            canv.setLineWidth(0.5)
            canv.line(left, y + t.running_size + 4, right, y + t.running_size + 4)
            if self.running.left_footer:
                canv.setFont(t.fonts.sans, t.running_size)
                canv.setFillColor(t.palette.grey)
                text = fit_text(
                    self.running.left_footer, t.fonts.sans, t.running_size, (right - left) * 0.7
                )
                canv.drawString(left, y, text)
        draw_form_at(canv, page_form_name(page), right, y)
        canv.restoreState()
