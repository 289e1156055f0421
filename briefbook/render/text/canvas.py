"""One line of user text drawn straight on the canvas (headers, footers, markings, stamps),
with the same font fallback, shaping and right-to-left order as paragraphs.

Text the body face prints entirely takes ReportLab's plain ``drawString`` (the
fast path); other text is laid out as a one-line :class:`TextParagraph` in the
canvas's current font, size and fill colour.
"""

from __future__ import annotations

from typing import Literal

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from briefbook.render.flowables import TextParagraph
from briefbook.render.text import markup as tx
from briefbook.render.text.scripts import needs_fallback, register_fallback_fonts, runs

Anchor = Literal["left", "right", "centre"]


def text_width(text: str, font: str, size: float) -> float:
    """The printed width of one line of text, each run measured in the face that prints it."""
    if not needs_fallback(text):
        return stringWidth(text, font, size)
    register_fallback_fonts()
    _, bold, italic = ps2tt(font)
    return sum(
        stringWidth(run.text, tt2ps(run.face.name, bold, italic) if run.face else font, size)
        for run in runs(text)
    )


def draw_text(canv: Canvas, x: float, y: float, text: str, anchor: Anchor = "left") -> None:
    """Draw ``text`` with its baseline at ``y``, starting at, ending at or centred on ``x``."""
    if not needs_fallback(text):
        if anchor == "right":
            canv.drawRightString(x, y, text)
        elif anchor == "centre":
            canv.drawCentredString(x, y, text)
        else:
            canv.drawString(x, y, text)
        return
    # The canvas's current font, size and fill colour: ReportLab keeps them only in these
    # attributes (there is no getter), and the drawString family reads the same ones.
    font, size = canv._fontname, canv._fontsize  # type: ignore[attr-defined]  # private
    color = canv._fillColorObj  # type: ignore[attr-defined]  # private
    style = ParagraphStyle(
        "canvas_line", fontName=font, fontSize=size, leading=size, textColor=color
    )
    markup = tx.plain(text.replace("\n", " "))
    para = TextParagraph(markup, style)
    para.wrap(1e6, 1e6)
    widths = para.getActualLineWidths0()
    width = widths[0] if widths else 0.0
    # Laid out again in its own width, so that a right-aligned (right-to-left) line
    # starts where the anchor says.
    para = TextParagraph(markup, style)
    para.wrap(width + 0.01, 1e6)
    left = x - width if anchor == "right" else x - width / 2 if anchor == "centre" else x
    para.drawOn(canv, left, y - (para.height - size))
