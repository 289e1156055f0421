"""The page break block."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from briefbook.core import model as m
from briefbook.render.blocks.context import BlockContext


def page_break_block(block: m.PageBreakBlock, ctx: BlockContext) -> list[Flowable]:
    """A forced page break."""
    return [PageBreak()]
