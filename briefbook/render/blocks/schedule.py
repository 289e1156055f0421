"""The programme: one time table per day, each under its day heading.

The times as printed (local, and home beneath) come from :mod:`.schedule_times`,
shared with the pocket card and the itineraries.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from briefbook.core import model as m
from briefbook.render.blocks.context import (
    BlockContext,
    paragraphs,
    plain_paragraph,
    safe_paragraph,
)
from briefbook.render.blocks.schedule_times import (
    day_zones,
    time_flowables,
    undated_heading,
    zones_note,
)
from briefbook.render.blocks.table import grid, noted_row
from briefbook.render.flowables import Lead, PriorityTag
from briefbook.render.text import markup as tx

_PRESS_LABELS = {"open": "press_open", "closed": "press_closed", "pool": "press_pool"}
_HEADINGS = ("schedule_time", "schedule_activity", "schedule_place", "schedule_press")


def schedule_block(block: m.ScheduleBlock, ctx: BlockContext) -> list[Flowable]:
    """The programme as time tables, one per day, each under a day heading."""
    t = ctx.theme
    groups: dict[Any, list[m.ScheduleEntry]] = {}
    for entry in block.entries:
        groups.setdefault(entry.date, []).append(entry)
    time_w, press_w = t.schedule_time_width, t.schedule_press_width
    rest = ctx.frame_width - time_w - press_w
    widths = [time_w, rest * 0.64, rest * 0.36, press_w]
    st = t.styles
    words = ctx.words
    head = [plain_paragraph(words(h), st["cell_head"]) for h in _HEADINGS]
    found: list[Flowable] = []
    if ctx.zones is not None:
        found.append(plain_paragraph(zones_note(ctx.zones, words), st["caption"]))
    zone = ""
    dated = any(day is not None for day in groups)
    tbc = ctx.words("time_to_be_confirmed")
    for day, entries in groups.items():
        title = (
            words.date(day, weekday=True)
            if day is not None
            else undated_heading(dated, words("date_to_be_confirmed"))
        )
        where, zone = day_zones(entries, ctx.zones, zone, ctx.fallback_date, words)
        title = " · ".join(part for part in (title, where) if part)
        day_title = Lead(plain_paragraph(title, st["day"]), ctx.frame_height) if title else None
        if day_title is not None:
            found.append(day_title)
        body = []
        for e in entries:
            mark = ctx.marks.of(e.marking)
            title = ctx.marks.prefix(mark) + (e.title or "—")
            activity: list[Flowable] = [plain_paragraph(title, st["cell_bold"])]
            if e.participants:
                activity.append(
                    safe_paragraph(
                        f"<b>{tx.escape(words('schedule_with'))}</b> "
                        + tx.plain(", ".join(e.participants)),
                        st["cell_small"],
                    )
                )
            if e.notes.strip():
                activity.extend(paragraphs(e.notes, st["cell_small"], ctx))
            body.append(
                noted_row(
                    [
                        time_flowables(
                            e,
                            ctx.zones,
                            st["cell_bold"],
                            st["cell_small"],
                            ctx.fallback_date,
                            words,
                            tbc,
                        ),
                        activity,
                        plain_paragraph(e.place, st["cell"]),
                        _press(e.press, ctx),
                    ],
                    mark,
                    ctx,
                )
            )
        table = grid(head, body, widths, t)
        table.spaceAfter = t.gap_after_box
        if day_title is not None:
            day_title.follow = table
        found.append(table)
    return found


def _press(press: str, ctx: BlockContext) -> Any:
    if press not in _PRESS_LABELS:
        return ""
    p = ctx.theme.palette
    color = {"open": p.press_open, "closed": p.press_closed, "pool": p.medium}[press]
    word = ctx.words.upper(ctx.words(_PRESS_LABELS[press]))
    return PriorityTag(word, color, ctx.theme.fonts.sans_bold, 6.8)
