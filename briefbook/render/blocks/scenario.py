"""The scenario: numbered steps, each with its start time (from the scenario's start and
the minutes before it), its lead and press, its text and points; the total at the foot."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.platypus import Flowable, Table

from briefbook.core import model as m
from briefbook.core.kinds.scenario import start_times, total_minutes
from briefbook.render.blocks.context import BlockContext, paragraphs, plain_paragraph
from briefbook.render.blocks.lists import item_list, printed_items
from briefbook.render.blocks.table import noted_row, table_style, tallest_row


def duration_text(minutes: int, ctx: BlockContext) -> str:
    """ "45 min", or "1 h 15" from an hour on."""
    if minutes >= 60:
        return ctx.words("duration_hours", hours=minutes // 60, minutes=minutes % 60)
    return ctx.words("scenario_minutes", minutes=minutes)


#: The label of each press value a step may carry.
_STEP_PRESS = {
    "open": "press_open_press",
    "closed": "press_closed_press",
    "pool": "press_pool_press",
    "photo spray": "press_photo_spray",
}


def press_text(press: list[str], ctx: BlockContext) -> str:
    """ "Pool, photo spray": the first as the label prints it, the others in lower case."""
    words = [ctx.words(_STEP_PRESS[value]) for value in press]
    return ", ".join([words[0], *(w[:1].lower() + w[1:] for w in words[1:])]) if words else ""


def scenario_block(block: m.ScenarioBlock, ctx: BlockContext) -> list[Flowable]:
    """A ruled table: number and start time, the step, its minutes; then the total."""
    if not block.steps:
        return []
    t = ctx.theme
    st = t.styles
    left, right = t.step_time_width, t.step_duration_width
    middle = ctx.frame_width - left - right
    starts = start_times(block)
    rows: list[list[Any]] = []
    for number, (step, start) in enumerate(zip(block.steps, starts, strict=True), start=1):
        mark = ctx.marks.of(step.marking)
        portion = ctx.marks.prefix(mark)
        when: list[Flowable] = [plain_paragraph(f"{number}.", st["step_number"])]
        if start is not None:
            when.append(plain_paragraph(start.strftime("%H:%M"), st["cell_bold"]))
        what: list[Flowable] = [
            plain_paragraph(portion + (step.title.strip() or "—"), st["step_title"])
        ]
        facts = []
        if step.lead.strip():
            facts.append(f"{ctx.words('scenario_lead')}: {' '.join(step.lead.split())}")
        if step.press:
            facts.append(f"{ctx.words('scenario_press')}: {press_text(step.press, ctx)}")
        if facts:
            what.append(plain_paragraph(" · ".join(facts), st["cell_small"]))
        what += paragraphs(step.text, st["cell"], ctx, portion=portion)
        if printed_items(step.points):
            what.append(plain_paragraph(ctx.words("points_to_make").upper(), st["form_label"]))
            what.append(item_list(step.points, ctx, False, 0, mark, "step_point"))
        minutes = duration_text(step.duration, ctx) if step.duration is not None else ""
        rows.append(
            noted_row([when, what, plain_paragraph(minutes, st["step_duration"])], mark, ctx)
        )
    # The foot, when any step has its minutes.
    foot = any(step.duration is not None for step in block.steps)
    if foot:
        rows.append(_total(block, ctx))
    widths = [left, middle, right]
    # A step stays whole on its page, unless one is too tall for any page.
    whole = tallest_row(rows, widths) < ctx.frame_height * 0.8
    table = Table(
        rows,
        colWidths=widths,
        splitByRow=1,
        splitInRow=0 if whole else 1,
        hAlign="LEFT",
        repeatRows=0,
    )
    pad = t.cell_padding
    table.setStyle(
        table_style(
            t,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), pad + 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad + 2),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, t.palette.navy),
                ("LINEBELOW", (0, 0), (-1, -3 if foot else -2), 0.4, t.palette.rule),
                ("LINEABOVE" if foot else "LINEBELOW", (0, -1), (-1, -1), 0.8, t.palette.navy),
                *([("SPAN", (0, -1), (1, -1))] if foot else []),
            ],
        )
    )
    return [table]


def _total(block: m.ScenarioBlock, ctx: BlockContext) -> list[Any]:
    """The foot: "Total" (and when the last step ends), and the minutes of all steps."""
    st = ctx.theme.styles
    total = total_minutes(block)
    label = ctx.words("scenario_total")
    starts = start_times(block)
    last = block.steps[-1]
    if starts and starts[-1] is not None and last.duration is not None and block.time:
        end = (
            dt.datetime.combine(dt.date(2000, 1, 1), block.time) + dt.timedelta(minutes=total)
        ).time()
        label += " · " + ctx.words("scenario_ends", time=end.strftime("%H:%M"))
    return [
        plain_paragraph(label, st["cell_bold"]),
        "",
        plain_paragraph(duration_text(total, ctx), st["step_total"]),
    ]
