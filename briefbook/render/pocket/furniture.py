"""The pocket card's page furniture: the marking top and bottom, the title and dates,
the footer and "Card X of Y", drawn when the number of cards is known."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from briefbook.core import model as m
from briefbook.core.wording import ENGLISH, Wording
from briefbook.render.dossier.pages import draw_banner
from briefbook.render.formatting import format_range
from briefbook.render.pocket.content import card_marking
from briefbook.render.pocket.look import CARD_SIZE, CardLook, one_line
from briefbook.render.tagging.drawing import furniture
from briefbook.render.text.canvas import draw_text, text_width
from briefbook.render.theme import Theme


@dataclass(frozen=True)
class Running:
    title: str
    dates: str
    footer: str
    marking: str
    #: "Card {number} of {total}" in the brief's language.
    card_label: str = "Card {number} of {total}"


def card_canvas(running: Running, theme: Theme, look: CardLook) -> type[Canvas]:
    """A canvas that holds its pages back until the end, to print "Card X of Y"."""

    class CardCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pending: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pending.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # private, not in stubs

        def save(self) -> None:
            total = len(self._pending)
            for number, state in enumerate(self._pending, start=1):
                self.__dict__.update(state)
                with furniture(self):
                    _furniture(self, running, theme, look, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return CardCanvas


def _fit(canv: Canvas, text: str, font: str, size: float, width: float) -> str:
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _furniture(
    canv: Canvas, running: Running, theme: Theme, look: CardLook, number: int, total: int
) -> None:
    """Marking top and bottom, the title and dates, the footer and "Card X of Y"."""
    width, height = CARD_SIZE
    f, p = theme.fonts, theme.palette
    left, right = look.margin_x, width - look.margin_x
    canv.saveState()
    if running.marking:
        for baseline in (height - look.marking_inset - look.marking_size * 0.7, look.marking_inset):
            draw_banner(
                canv, theme, running.marking, width / 2, baseline, look.marking_size, right - left
            )
    size = look.running_size
    y = height - look.header_inset - size
    canv.setFillColor(p.navy)
    dates_w = text_width(running.dates, f.sans, size)
    canv.setFont(f.sans_bold, size)
    draw_text(
        canv, left, y, _fit(canv, running.title, f.sans_bold, size, right - left - dates_w - 8)
    )
    canv.setFont(f.sans, size)
    canv.setFillColor(p.grey)
    draw_text(canv, right, y, running.dates, "right")
    canv.setStrokeColor(p.navy)
    canv.setLineWidth(0.6)
    canv.line(left, y - 3.5, right, y - 3.5)
    foot_y = look.margin_bottom - 3.5 * mm - size
    canv.setStrokeColor(p.rule)
    canv.setLineWidth(0.4)
    canv.line(left, foot_y + size + 2.5, right, foot_y + size + 2.5)
    canv.setFont(f.sans, size)
    canv.setFillColor(p.grey)
    card = running.card_label.format(number=number, total=total)
    canv.drawRightString(right, foot_y, card)
    draw_text(
        canv,
        left,
        foot_y,
        _fit(
            canv,
            running.footer,
            f.sans,
            size,
            right - left - canv.stringWidth(card, f.sans, size) - 8,
        ),
    )
    canv.restoreState()


def running_text(brief: m.Brief, words: Wording = ENGLISH) -> Running:
    meta = brief.meta
    parts = []
    if meta.version.strip():
        parts.append(words("header_version", version=one_line(meta.version)))
    if meta.status != "final":
        parts.append(words("status_draft"))
    itinerary = words("personal_itinerary", person="\0").split("\0")[0].strip()
    if itinerary and meta.subtitle.startswith(itinerary):
        parts.append(one_line(meta.subtitle))
    return Running(
        title=one_line(meta.title) or words("untitled_brief"),
        card_label=words("card_number", number="{number}", total="{total}"),
        dates=format_range(meta.dates, words),
        footer=" · ".join(parts),
        marking=one_line(card_marking(brief)),
    )
