"""Points to make: the list under its label, set off by a navy rule on its left."""

from __future__ import annotations

from reportlab.platypus import Flowable, Table

from briefbook.core import model as m
from briefbook.render.blocks.context import BlockContext, plain_paragraph
from briefbook.render.blocks.lists import item_list, printed_items
from briefbook.render.blocks.table import table_style

#: Room between the rule and the points.
_INSET = 10.0


def talking_points_block(block: m.TalkingPointsBlock, ctx: BlockContext) -> list[Flowable]:
    """The points under "Points to make", bulleted and nested as typed."""
    if not printed_items(block.items):
        return []
    t = ctx.theme
    content: list[Flowable] = [
        plain_paragraph(ctx.words("points_to_make").upper(), t.styles["form_label"]),
        item_list(block.items, ctx, False, 0, ctx.marks.current),
    ]
    table = Table(
        [[content]], colWidths=[ctx.frame_width], splitByRow=1, splitInRow=1, hAlign="LEFT"
    )
    table.setStyle(
        table_style(
            t,
            [
                ("LINEBEFORE", (0, 0), (0, -1), 2, t.palette.navy),
                ("LEFTPADDING", (0, 0), (-1, -1), _INSET),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ],
        )
    )
    return [table]
