"""Recommendations: numbered, with rationale, owner and a coloured priority tag."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph

from briefbook.core import model as m
from briefbook.render.blocks.context import BlockContext, paragraphs, plain_paragraph
from briefbook.render.blocks.table import grid
from briefbook.render.flowables import PriorityTag
from briefbook.render.text import markup as tx


def recommendations_block(block: m.RecommendationsBlock, ctx: BlockContext) -> list[Flowable]:
    """Numbered recommendations with rationale, owner and a coloured priority tag."""
    if not block.items:
        return []
    t = ctx.theme
    st = t.styles
    p = t.palette
    no_w, prio_w = t.recommendation_number_width, t.recommendation_priority_width
    has_owner = any(r.owner.strip() for r in block.items)
    owner_w = (ctx.frame_width - no_w - prio_w) * 0.24 if has_owner else 0.0
    main_w = ctx.frame_width - no_w - prio_w - owner_w
    words = ctx.words
    headers = [
        words("recommendation_number"),
        words("recommendation"),
        *([words("recommendation_owner")] if has_owner else []),
        words("recommendation_priority"),
    ]
    widths = [no_w, main_w, *([owner_w] if has_owner else []), prio_w]
    head = [plain_paragraph(h, st["cell_head"]) for h in headers]
    body = []
    colors_by_priority = {"high": p.high, "medium": p.medium, "low": p.low}
    for number, rec in enumerate(block.items, start=1):
        portion = ctx.marks.prefix(ctx.marks.current)
        main: list[Flowable] = paragraphs(rec.text, st["cell_bold"], ctx, portion=portion) or [
            Paragraph(tx.escape(portion), st["cell"])
        ]
        if rec.rationale.strip():
            lead = f"<i>{tx.escape(words('recommendation_rationale'))}</i> "
            main.extend(paragraphs(rec.rationale, st["cell_small"], ctx, lead))
        tag: Any = ""
        if rec.priority in colors_by_priority:
            tag = PriorityTag(
                words.upper(words(f"priority_{rec.priority}")),
                colors_by_priority[rec.priority],
                t.fonts.sans_bold,
            )
        row = [plain_paragraph(f"{number}", st["cell_bold"]), main]
        if has_owner:
            row.append(plain_paragraph(rec.owner, st["cell"]))
        row.append(tag)
        body.append(row)
    return [grid(head, body, widths, t)]
