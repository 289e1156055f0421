"""The builders that turn each block kind into flowables, one module per kind (named
like its kind), and the dispatch from a block's kind name to its builder.

What the builders share lives in :mod:`.context` (the render's context and the
paragraph makers) and :mod:`.table` (grids, column widths); the times of a
schedule entry as printed in :mod:`.schedule_times`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable

from briefbook.core import model as m
from briefbook.render.blocks import (
    contacts,
    if_asked,
    image,
    lists,
    memo,
    note,
    page_break,
    pdf,
    people,
    recommendations,
    scenario,
    schedule,
    table,
    talking_points,
    text,
)
from briefbook.render.blocks.context import BlockContext

#: The builder of each block kind, by the kind's name in the file (``m.BLOCK_KINDS``).
BUILDERS: dict[str, Callable[[Any, BlockContext], list[Flowable]]] = {
    "text": text.text_block,
    "bullets": lists.bullets_block,
    "numbered": lists.numbered_block,
    "table": table.table_block,
    "schedule": schedule.schedule_block,
    "recommendations": recommendations.recommendations_block,
    "people": people.people_block,
    "contacts": contacts.contacts_block,
    "image": image.image_block,
    "note": note.note_block,
    "memo": memo.memo_block,
    "scenario": scenario.scenario_block,
    "talking_points": talking_points.talking_points_block,
    "if_asked": if_asked.if_asked_block,
    "page_break": page_break.page_break_block,
    "pdf": pdf.pdf_block,
}


def block_flowables(block: m.Block, ctx: BlockContext) -> list[Flowable]:
    """The flowables for any block kind (an unknown kind raises ``TypeError``)."""
    try:
        builder = BUILDERS[m.block_kind(block)]
    except (KeyError, TypeError):
        raise TypeError(f"unknown block kind {type(block).__name__}") from None
    return builder(block, ctx)


__all__ = ["BUILDERS", "BlockContext", "block_flowables"]
