"""Bullet and numbered lists, nested as typed, each item after its portion mark."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, ListItem, Paragraph

from briefbook.core import model as m
from briefbook.render.blocks.context import BlockContext, paragraphs
from briefbook.render.tagging.lists import TaggedList
from briefbook.render.text import markup as tx

_BULLETS = ("•", "–", "·")
_NUMBERS = ("1", "a", "i")


def printed_items(items: Sequence[m.ListItem]) -> list[m.ListItem]:
    """The items that print: an empty item (one just added in the editor, say) prints no
    empty bullet; one that is empty but has sub-items keeps its place for them."""
    return [item for item in items if item.text.strip() or printed_items(item.items)]


def item_list(
    items: Sequence[m.ListItem],
    ctx: BlockContext,
    numbered: bool,
    depth: int,
    container: str,
    style_name: str = "list",
) -> Flowable:
    """A list whose items each print their portion mark and note their marking on the
    pages they land on (both ends of an item, as an item may run over a page).
    ``style_name``: the items' paragraph style (a scenario step's points are "step_point")."""
    t = ctx.theme
    style = t.styles[style_name]
    marks = ctx.marks
    entries: list[ListItem] = []
    for item in printed_items(items):
        mark = marks.of(item.marking, container)
        content: list[Flowable] = paragraphs(item.text, style, ctx, portion=marks.prefix(mark))
        content = content or [Paragraph(tx.escape(marks.prefix(mark)), style)]
        content[:0] = marks.notes(mark)
        if printed_items(item.items):
            content.append(item_list(item.items, ctx, numbered, depth + 1, mark, style_name))
        content += marks.notes(mark)
        entries.append(ListItem(content))
    level = min(depth, 2)
    kwargs: dict[str, Any] = {
        "bulletFontName": t.fonts.sans,
        "bulletFontSize": style.fontSize - (1 if numbered else 0),
        "bulletColor": t.palette.navy,
        "leftIndent": (16 if numbered else 13) * style.fontSize / t.body_size,
        "spaceBefore": 2 if depth else 0,
    }
    if numbered:
        kwargs.update(bulletType=_NUMBERS[level], bulletFormat="%s." if level == 0 else "%s)")
    else:
        kwargs.update(bulletType="bullet", start=_BULLETS[level])
    return TaggedList(entries, **kwargs)  # type: ignore[arg-type]  # stubs refuse ListItem


def bullets_block(block: m.BulletsBlock, ctx: BlockContext) -> list[Flowable]:
    """A bullet list, nested as typed."""
    if not printed_items(block.items):
        return []
    return [item_list(block.items, ctx, False, 0, ctx.marks.current)]


def numbered_block(block: m.NumberedBlock, ctx: BlockContext) -> list[Flowable]:
    """A numbered list (1., a), i)), nested as typed."""
    if not printed_items(block.items):
        return []
    return [item_list(block.items, ctx, True, 0, ctx.marks.current)]
