"""The memo block: the header a memo or read-ahead opens with (to, from, through,
subject; the date, time, place and attendees of the meeting it prepares).

The file's keys are the words the header prints (``from`` is one); the dataclass
calls that one ``sender``, as ``from`` is a Python keyword. Dates and times are
kept as written ("12 June 2025", "1130-1230 EST"): a memo prints them as staff wrote them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefbook.core.kinds.fields import Kind, Reading, Words

if TYPE_CHECKING:
    from briefbook.core.fileformat.yamlnodes import Node


@dataclass
class MemoBlock:
    to: str = ""
    sender: str = ""
    through: str = ""
    subject: str = ""
    date: str = ""
    time: str = ""
    location: str = ""
    attendees: list[str] = field(default_factory=list)
    marking: str = ""


#: The file's key -> the dataclass attribute, in the order the keys are written.
KEYS: dict[str, str] = {
    "to": "to",
    "from": "sender",
    "through": "through",
    "subject": "subject",
    "date": "date",
    "time": "time",
    "location": "location",
    "attendees": "attendees",
}

#: How problems name each value.
_WHAT: dict[str, str] = {
    "to": "the memo's 'to'",
    "from": "the memo's 'from'",
    "through": "the memo's 'through'",
    "subject": "the memo's subject",
    "date": "the memo's date",
    "time": "the memo's time",
    "location": "the memo's location",
    "attendees": "the memo's attendees",
}


def read(reader: Reading, node: Node) -> MemoBlock | None:
    found = reader.fields(node, "a memo", tuple(KEYS))
    if found is None:
        return None
    block = MemoBlock()
    for key, value in found.items():
        if key == "attendees":
            block.attendees = reader.text_list(value, _WHAT[key])
        else:
            setattr(block, KEYS[key], reader.text(value, _WHAT[key]))
    return block


def write(block: MemoBlock) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, attr in KEYS.items():
        value = getattr(block, attr)
        if value:
            data[key] = list(value) if isinstance(value, list) else value
    return data


def words(block: MemoBlock) -> list[Words]:
    return [
        Words(
            "memo header",
            (
                block.to,
                block.sender,
                block.through,
                block.subject,
                block.date,
                block.time,
                block.location,
                *block.attendees,
            ),
        )
    ]


KIND = Kind("memo", MemoBlock, read, write, words)
