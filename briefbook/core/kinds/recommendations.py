"""The recommendations block: what the delegation should do, each with its owner,
priority and rationale."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from briefbook.core.kinds.fields import Field, Record, record_list_kind

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
RECORD = Record(
    Recommendation,
    "recommendation",
    (
        Field("text", "the text", label="Recommendation", write="always"),
        Field("rationale", "the rationale", label="Rationale"),
        Field("owner", "the owner", label="Owner"),
        Field("priority", "priority", "choice", label="Priority", choices=PRIORITIES),
    ),
    required="text",
    shorthand="text",
    shorthand_what="recommendation",
)


KIND = record_list_kind(
    "recommendations",
    RecommendationsBlock,
    "items",
    "a list of recommendations",
    RECORD,
    ("text", "rationale", "owner", "priority"),
)
