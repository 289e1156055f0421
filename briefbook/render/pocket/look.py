"""The pocket card's measures and paragraph styles: type stays readable on the move."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A6
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from briefbook.render.dossier.story import one_line as one_line
from briefbook.render.theme import Theme

#: The card's page: A6 portrait, in points.
CARD_SIZE: tuple[float, float] = A6


@dataclass(frozen=True)
class CardLook:
    """Every measure of the card, in points: type stays readable on the move (≥ 7 pt)."""

    margin_x: float = 7.5 * mm
    margin_top: float = 15 * mm
    margin_bottom: float = 13 * mm
    marking_inset: float = 4.2 * mm
    header_inset: float = 9.5 * mm
    #: The banner: never smaller than the card's text (``text_size``).
    marking_size: float = 9.0
    running_size: float = 7.0
    day_size: float = 10.5
    time_size: float = 9.0
    title_size: float = 9.0
    text_size: float = 8.5
    small_size: float = 7.5
    time_width: float = 21 * mm
    #: Longer titles, names and notes are cut on the card (an entry never outgrows a card).
    max_title: int = 160
    max_notes: int = 280
    #: ... and so are key points: a list item, a text block, a table cell, a table's rows.
    max_point: int = 400
    max_text: int = 1200
    max_cell: int = 160
    max_rows: int = 40
    #: Wider tables print each row as one line.
    max_columns: int = 4
    #: Room a heading needs below it (so it never ends a card alone).
    day_start: float = 22 * mm


#: The card's measures as printed.
DEFAULT_LOOK = CardLook()


def card_styles(theme: Theme, look: CardLook) -> dict[str, ParagraphStyle]:
    f, p = theme.fonts, theme.palette
    base = ParagraphStyle(
        "card",
        fontName=f.sans,
        fontSize=look.text_size,
        leading=look.text_size * 1.28,
        textColor=p.ink,
        splitLongWords=1,
    )

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    small = look.small_size
    return {
        "text": base,
        "day": style(
            "day",
            fontName=f.sans_bold,
            fontSize=look.day_size,
            leading=look.day_size * 1.25,
            textColor=p.navy,
            spaceBefore=2,
            spaceAfter=3,
        ),
        "heading": style(
            "heading",
            fontName=f.sans_bold,
            fontSize=look.day_size,
            leading=look.day_size * 1.25,
            textColor=p.navy,
            spaceAfter=3,
        ),
        "time": style(
            "time", fontName=f.sans_bold, fontSize=look.time_size, leading=look.time_size * 1.2
        ),
        "home": style("home", fontSize=small, leading=small * 1.2, textColor=p.grey),
        "title": style(
            "title", fontName=f.sans_bold, fontSize=look.title_size, leading=look.title_size * 1.2
        ),
        "place": style("place", fontSize=small + 0.5, leading=(small + 0.5) * 1.25),
        "small": style("small", fontSize=small, leading=small * 1.25, textColor=p.grey),
        "note": style(
            "note", fontName=f.sans_italic, fontSize=small, leading=small * 1.25, textColor=p.grey
        ),
        "bullet": style("bullet", leftIndent=9, bulletIndent=0, spaceAfter=2.5),
        "bullet2": style("bullet2", leftIndent=18, bulletIndent=9, spaceAfter=2),
        "cell": style("cell", fontSize=small, leading=small * 1.22),
        "label": style(
            "label",
            fontName=f.sans_bold,
            fontSize=small,
            leading=small * 1.3,
            textColor=p.navy,
            spaceBefore=2,
            spaceAfter=2,
        ),
        "asked": style(
            "asked",
            fontName=f.sans_bold,
            fontSize=small + 0.5,
            leading=(small + 0.5) * 1.25,
            textColor=p.navy,
            spaceAfter=1,
        ),
        "cell_head": style(
            "cell_head",
            fontName=f.sans_bold,
            fontSize=small,
            leading=small * 1.22,
            textColor=p.navy,
        ),
        "caption": style(
            "caption",
            fontName=f.sans_italic,
            fontSize=small,
            leading=small * 1.25,
            textColor=p.grey,
            spaceBefore=3,
            spaceAfter=2,
        ),
    }
