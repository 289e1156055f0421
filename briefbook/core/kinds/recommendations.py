"""The recommendations block: what the delegation should do, each with its owner,
priority and rationale."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

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

Priority = Literal["", "high", "medium", "low"]
PRIORITIES: tuple[str, ...] = ("", "high", "medium", "low")


@dataclass
class Recommendation:
    text: str = ""
    rationale: str = ""
    owner: str = ""
    priority: Priority = ""


@dataclass
class RecommendationsBlock:
    items: list[Recommendation] = field(default_factory=list)
    marking: str = ""


#: The fields of a recommendation, in the file's order; the editor's labels.
RECORD = Record(Recommendation, "recommendation", (
    Field("text", "the text", label="Recommendation", write="always"),
    Field("rationale", "the rationale", label="Rationale"),
    Field("owner", "the owner", label="Owner"),
    Field("priority", "priority", "choice", label="Priority", choices=PRIORITIES),
), required="text", shorthand="text", shorthand_what="recommendation")


def read(reader: Reading, node: Node) -> RecommendationsBlock:
    return RecommendationsBlock(read_records(reader, node, "a list of recommendations", RECORD))


def write(block: RecommendationsBlock) -> list[Any]:
    return [write_record(item, RECORD) for item in block.items]


def words(block: RecommendationsBlock) -> list[Words]:
    return [Words("recommendation", (r.text, r.rationale, r.owner, r.priority))
            for r in block.items]


KIND = Kind("recommendations", RecommendationsBlock, read, write, words, RECORD.fields)
