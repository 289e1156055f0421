"""The text block: paragraphs separated by blank lines, written as one (literal) text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefbook.core.kinds.fields import Kind, Reading, Words

if TYPE_CHECKING:
    from briefbook.core.fileformat.yamlnodes import Node


@dataclass
class TextBlock:
    """Paragraphs separated by blank lines, with ``**bold**``, ``*italic*`` and links."""

    text: str = ""
    marking: str = ""


def read(reader: Reading, node: Node) -> TextBlock:
    return TextBlock(reader.text(node, "a text block"))


def write(block: TextBlock) -> str:
    return block.text


def words(block: TextBlock) -> list[Words]:
    """Each paragraph that holds something."""
    return [Words("paragraph", (para,)) for para in block.text.split("\n\n") if para.strip()]


KIND = Kind("text", TextBlock, read, write, words)
