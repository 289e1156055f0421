"""The pocket card: the day-by-day schedule and the key points on A6 cards.

A small ReportLab document of its own (A6 portrait, 105 × 148 mm, one card per
page) sharing the dossier's fonts, colours and text escaping. Each day of the
schedule starts a new card and flows onto as many cards as it needs; the key
points and the contacts follow on cards of their own. Every card carries the
marking at the top and the bottom, the title, and "Card X of Y".

The key points are the sections titled "Key points" or "Talking points" (in any
case), and any section tagged ``pocket``: their lists, tables and notes print,
and their text when they hold no list.
"""

from __future__ import annotations

import io

from reportlab.platypus import PageTemplate

from briefbook.core import model as m
from briefbook.core.timezones import schedule_zones
from briefbook.core.wording import Wording
from briefbook.errors import Problem
from briefbook.render.dossier.template import (
    PinnedDocTemplate,
    layout_errors,
    plain_frame,
    reproducible_time,
)
from briefbook.render.options import PocketOptions, RenderResult
from briefbook.render.pocket.content import is_key_points, portion_prefixes
from briefbook.render.pocket.furniture import card_canvas, running_text
from briefbook.render.pocket.look import CARD_SIZE, DEFAULT_LOOK, CardLook, one_line
from briefbook.render.pocket.story import CardStory
from briefbook.render.rlsettings import render_session
from briefbook.render.tagging.writing import TagInfo, write_tags
from briefbook.render.text.scripts import missing_message, report_missing
from briefbook.render.theme import DEFAULT_THEME, Theme, register_fonts
from briefbook.render.version import creator

__all__ = [
    "CARD_SIZE",
    "DEFAULT_LOOK",
    "CardLook",
    "PocketOptions",
    "is_key_points",
    "portion_prefixes",
    "render_pocket_card",
]


def render_pocket_card(
    brief: m.Brief,
    options: PocketOptions | None = None,
    theme: Theme = DEFAULT_THEME,
    look: CardLook = DEFAULT_LOOK,
) -> RenderResult:
    """Lay out the pocket cards and return the PDF. Raises :class:`RenderError`
    (or a :class:`BriefbookError` for an unknown time zone). Like the dossier, it
    is laid out from the shaping state of a fresh process (see :func:`render_session`)."""
    register_fonts()
    with render_session():
        return _render_pocket_card(brief, options or PocketOptions(), theme, look)


def _render_pocket_card(
    brief: m.Brief, options: PocketOptions, theme: Theme, look: CardLook
) -> RenderResult:
    zones = schedule_zones(brief, options.home_times is not False)
    width, height = CARD_SIZE
    frame_w = width - 2 * look.margin_x
    missing: list[str] = []

    def missing_glyph(ch: str) -> None:
        if ch not in missing:
            missing.append(ch)

    with report_missing(missing_glyph):
        story = CardStory(brief, zones, theme, look, frame_w).build()
    reproducible, fixed_time = reproducible_time(brief, options.reproducible)
    buffer = io.BytesIO()
    meta = brief.meta
    words = Wording.of(meta)
    doc = PinnedDocTemplate(
        buffer,
        pagesize=CARD_SIZE,
        leftMargin=look.margin_x,
        rightMargin=look.margin_x,
        topMargin=look.margin_top,
        bottomMargin=look.margin_bottom,
        invariant=1 if reproducible else 0,
        initialFontName=theme.fonts.sans,
        title=words("pocket_title", title=one_line(meta.title) or words("untitled_brief")),
        author=", ".join(x for x in (one_line(meta.prepared_by), one_line(meta.organisation)) if x),
        subject=words("pocket_subject"),
        creator=creator(),
    )
    doc.fixed_time = fixed_time
    doc.tag_language = meta.language or "en"
    frame = plain_frame(
        look.margin_x,
        look.margin_bottom,
        frame_w,
        height - look.margin_top - look.margin_bottom,
        "card",
    )
    doc.addPageTemplates([PageTemplate(id="card", frames=[frame], pagesize=CARD_SIZE)])
    with layout_errors("the pocket card layout"), report_missing(missing_glyph):
        doc.build(story, canvasmaker=card_canvas(running_text(brief, words), theme, look))
    warnings = [
        Problem(missing_message(ch), path=brief.source, where="pocket card") for ch in missing
    ]
    pdf = buffer.getvalue()
    if doc.recorder is not None:
        title = f"{one_line(meta.title) or 'Untitled brief'} — pocket card"
        info = TagInfo(title, doc.tag_language or "en", reproducible=reproducible)
        pdf = write_tags(pdf, doc.recorder.root, info)
    return RenderResult(pdf=pdf, page_count=doc.page, warnings=warnings)
