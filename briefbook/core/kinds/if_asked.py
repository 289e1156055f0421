"""The if-asked block: defensive lines, each a question (or the topic it is about) and
the answer to give, printed "If asked about …:"."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefbook.core.kinds.fields import (
    Field,
    Kind,
    Reading,
    Record,
    Words,
    read_records,
    write_record,
)

if TYPE_CHECKING:
    from briefbook.core.fileformat.yamlnodes import Node


@dataclass
class IfAsked:
    question: str = ""
    answer: str = ""
    #: The line's own marking ("" = its block's).
    marking: str = ""


@dataclass
class IfAskedBlock:
    items: list[IfAsked] = field(default_factory=list)
    marking: str = ""


#: The fields of a defensive line, in the file's order; the editor's labels.
RECORD = Record(
    IfAsked,
    "an if-asked line",
    (
        Field("question", "the question", label="If asked about", write="always"),
        Field("answer", "the answer", label="Answer"),
        Field("marking", "the line's marking", "marking", label="Marking"),
    ),
    required="question",
)


def read(reader: Reading, node: Node) -> IfAskedBlock:
    return IfAskedBlock(read_records(reader, node, "the if-asked lines", RECORD))


def write(block: IfAskedBlock) -> list[Any]:
    return [write_record(item, RECORD) for item in block.items]


def words(block: IfAskedBlock) -> list[Words]:
    return [
        Words("if-asked line", (item.question, item.answer), item.marking) for item in block.items
    ]


KIND = Kind("if_asked", IfAskedBlock, read, write, words, RECORD.fields)
