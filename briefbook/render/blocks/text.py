"""The text block: paragraphs of body text, each after its portion mark."""

from __future__ import annotations

from reportlab.platypus import Flowable

from briefbook.core import model as m
from briefbook.render.blocks.context import BlockContext, paragraphs


def text_block(block: m.TextBlock, ctx: BlockContext) -> list[Flowable]:
    """Paragraphs of body text, each after the block's portion mark."""
    marks = ctx.marks
    return paragraphs(
        block.text, ctx.theme.styles["body"], ctx, portion=marks.prefix(marks.current)
    )
