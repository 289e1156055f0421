"""The bullet and numbered lists: items with optional nested items (five levels at most)
and markings of their own.

In the file an item is its text, or ``{text, marking, items}`` when it carries a
marking or nested items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefbook.core.kinds.fields import (
    Field,
    Kind,
    Reading,
    Record,
    Words,
    read_record,
    write_record,
)

if TYPE_CHECKING:
    from briefbook.core.fileformat.yamlnodes import Node

#: How deep items nest below the list's own (0 = the list's items).
MAX_DEPTH = 4


@dataclass
class ListItem:
    """One item of a bullet or numbered list, with optional nested items."""

    text: str = ""
    items: list[ListItem] = field(default_factory=list)
    #: The item's own marking ("" = its list's or parent item's).
    marking: str = ""


@dataclass
class BulletsBlock:
    items: list[ListItem] = field(default_factory=list)
    marking: str = ""


@dataclass
class NumberedBlock:
    items: list[ListItem] = field(default_factory=list)
    marking: str = ""


def _record(what: str, depth: int) -> Record:
    """An item of the list ``what`` at ``depth`` (its nested items one deeper)."""

    def read_items(reader: Reading, node: Node, item: ListItem) -> None:
        if depth >= MAX_DEPTH:
            reader.problem(node, "lists nest at most five levels deep")
        else:
            item.items = read_items_of(reader, node, what, depth + 1)

    return Record(
        ListItem,
        f"an item of {what}",
        (
            Field("text", "the item text", label="Text", write="always"),
            Field("marking", "the item marking", "marking", label="Marking"),
            Field(
                "items",
                "the nested items",
                "custom",
                read_hook=read_items,
                write_hook=lambda item: write_items(item.items),
            ),
        ),
        required="text",
        shorthand="text",
        shorthand_what=f"an item of {what}",
    )


def read_items_of(reader: Reading, node: Node, what: str, depth: int = 0) -> list[ListItem]:
    """The items of a list (``what`` names it in problems: "a bullet list")."""
    record = _record(what, depth)

    def read(item: Node) -> ListItem | None:
        if item.kind != "map":  # text, or whatever else the reader names as not text
            return ListItem(reader.text(item, record.shorthand_what))
        found: ListItem | None = read_record(reader, item, record)
        return found

    return reader.items(node, what, read)


_WRITTEN = _record("a list", 0)


def write_items(items: list[ListItem]) -> list[Any]:
    """Each item as its text, or as a mapping when it has a marking or nested items."""
    return [
        write_record(item, _WRITTEN) if item.items or item.marking else item.text for item in items
    ]


def item_texts(items: list[ListItem]) -> list[str]:
    """The texts of list items and of the items nested in them, in reading order."""
    out: list[str] = []
    stack = list(reversed(items))
    while stack:
        item = stack.pop()
        out.append(item.text)
        stack.extend(reversed(item.items))
    return out


def item_words(items: list[ListItem], label: str = "list item") -> list[Words]:
    """Each item's words, nested ones after their parent, with its own marking."""
    found: list[Words] = []
    stack = list(reversed(items))
    while stack:
        item = stack.pop()
        found.append(Words(label, (item.text,), item.marking))
        stack.extend(reversed(item.items))
    return found


def read_bullets(reader: Reading, node: Node) -> BulletsBlock:
    return BulletsBlock(read_items_of(reader, node, "a bullet list"))


def read_numbered(reader: Reading, node: Node) -> NumberedBlock:
    return NumberedBlock(read_items_of(reader, node, "a numbered list"))


def write(block: BulletsBlock | NumberedBlock) -> list[Any]:
    return write_items(block.items)


def words(block: BulletsBlock | NumberedBlock) -> list[Words]:
    """Every item, nested ones after their parent, each with its own marking."""
    return item_words(block.items)


BULLETS = Kind("bullets", BulletsBlock, read_bullets, write, words)
NUMBERED = Kind("numbered", NumberedBlock, read_numbered, write, words)
