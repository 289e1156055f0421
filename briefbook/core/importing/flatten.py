"""A brief's words in reading order, as plain text.

Used to check that an import kept every character, and to put a block's text
where only text fits (a table inside a Markdown list item).
"""

from __future__ import annotations

from briefbook.core.model import (
    Block,
    Brief,
    BulletsBlock,
    ContactsBlock,
    ImageBlock,
    ListItem,
    NoteBlock,
    NumberedBlock,
    PeopleBlock,
    RecommendationsBlock,
    ScheduleBlock,
    Section,
    TableBlock,
    TextBlock,
)


def item_texts(items: list[ListItem]) -> list[str]:
    """The texts of list items and of the items nested in them, in reading order."""
    out: list[str] = []
    stack = list(reversed(items))
    while stack:
        item = stack.pop()
        out.append(item.text)
        stack.extend(reversed(item.items))
    return out


def block_words(block: Block) -> list[str]:
    """The texts of a block, in the order a reader meets them."""
    if isinstance(block, TextBlock):
        return [block.text]
    if isinstance(block, BulletsBlock | NumberedBlock):
        return item_texts(block.items)
    if isinstance(block, TableBlock):
        cells = list(block.columns)
        for row in block.rows:
            cells.extend(row)
        if block.caption:
            cells.append(block.caption)
        return cells
    if isinstance(block, ScheduleBlock):
        out: list[str] = []
        for e in block.entries:
            out.extend([
                e.date.isoformat() if e.date else "",
                e.time.strftime("%H:%M") if e.time else "",
                e.end.strftime("%H:%M") if e.end else "",
                e.title, e.place, *e.participants, e.press, e.notes,
            ])
        return out
    if isinstance(block, RecommendationsBlock):
        return [part for r in block.items for part in (r.text, r.rationale, r.owner, r.priority)]
    if isinstance(block, PeopleBlock):
        return [p.name for p in block.people] + [p.bio for p in block.people]
    if isinstance(block, ContactsBlock):
        return [c.name for c in block.contacts]
    if isinstance(block, NoteBlock):
        return [block.title, block.text]
    if isinstance(block, ImageBlock):
        return [block.caption]
    return []


def section_text(section: Section) -> str:
    """A section's title, blocks and subsections, one text per line."""
    parts = [section.title]
    for block in section.blocks:
        parts.extend(block_words(block))
    for sub in section.subsections:
        parts.append(section_text(sub))
    return "\n".join(part for part in parts if part)


def brief_text(brief: Brief) -> str:
    """The whole brief as text: its title, then every section in order."""
    parts = [brief.meta.title] + [section_text(s) for s in brief.sections]
    return "\n".join(part for part in parts if part)
