"""The talking points block: the points to make, as a list (nested and marked like a
bullet list's items), printed under "Points to make"."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefbook.core.kinds.fields import Kind, Reading, Words
from briefbook.core.kinds.lists import ListItem, item_words, read_items_of, write_items

if TYPE_CHECKING:
    from briefbook.core.fileformat.yamlnodes import Node


@dataclass
class TalkingPointsBlock:
    items: list[ListItem] = field(default_factory=list)
    marking: str = ""


def read(reader: Reading, node: Node) -> TalkingPointsBlock:
    return TalkingPointsBlock(read_items_of(reader, node, "the talking points"))


def write(block: TalkingPointsBlock) -> list[Any]:
    return write_items(block.items)


def words(block: TalkingPointsBlock) -> list[Words]:
    return item_words(block.items, "talking point")


KIND = Kind("talking_points", TalkingPointsBlock, read, write, words)
