"""The memo header: labelled lines (To, Through, From, Subject; then the meeting's date,
time, place and attendees) under a rule, as a memo or read-ahead opens."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Table

from briefbook.core import model as m
from briefbook.render.blocks.context import BlockContext, paragraph, plain_paragraph
from briefbook.render.blocks.table import table_style

#: The lines in the order printed: (label key, the block's attribute).
LINES: tuple[tuple[str, str], ...] = (
    ("memo_to", "to"),
    ("memo_through", "through"),
    ("memo_from", "sender"),
    ("memo_subject", "subject"),
    ("memo_date", "date"),
    ("memo_time", "time"),
    ("memo_location", "location"),
    ("memo_attendees", "attendees"),
)


def memo_block(block: m.MemoBlock, ctx: BlockContext) -> list[Flowable]:
    """The header's labelled lines, subject in bold, a navy rule under them."""
    t = ctx.theme
    st = t.styles
    # The header is one portion: its mark prints once, before the subject (as US memos
    # mark it), else before the first line.
    portion = ctx.marks.prefix(ctx.marks.current)
    marked = "subject" if block.subject.strip() else ""
    rows: list[list[Any]] = []
    for key, attr in LINES:
        value = getattr(block, attr)
        text = (
            "; ".join(v.strip() for v in value if v.strip())
            if isinstance(value, list)
            else value.strip()
        )
        if not text:
            continue
        style = st["memo_subject"] if attr == "subject" else st["memo_value"]
        label = plain_paragraph(ctx.words(key).upper() + ":", st["memo_label"])
        mark = portion if attr == marked or (not marked and not rows) else ""
        rows.append([label, paragraph(mark + text, style, ctx)])
    if not rows:
        return []
    widths = [t.memo_label_width, ctx.frame_width - t.memo_label_width]
    table = Table(rows, colWidths=widths, splitByRow=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            t,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                # The smaller labels sit on their values' baseline.
                ("TOPPADDING", (0, 0), (0, -1), 1.5 + t.body_size - 0.5 - t.small_size),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
                ("LINEBELOW", (0, -1), (-1, -1), 1.2, t.palette.navy),
            ],
        )
    )
    return [table]
