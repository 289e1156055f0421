"""The page break: ``- page_break`` in the file; it prints nothing and has no marking."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefbook.core.kinds.fields import Kind, Reading, Words

if TYPE_CHECKING:
    from briefbook.core.fileformat.yamlnodes import Node


@dataclass
class PageBreakBlock:
    pass


def read(reader: Reading, node: Node) -> PageBreakBlock:
    return PageBreakBlock()


def write(block: PageBreakBlock) -> None:
    return None


def words(block: PageBreakBlock) -> list[Words]:
    return []


KIND = Kind("page_break", PageBreakBlock, read, write, words)
