"""The schedule block: the programme, one entry per engagement.

An entry's ``end`` may be earlier than its ``time``: it ends after midnight, the
next day (the reader accepts it as written; render and compare read it so).
An entry's ``timezone`` is checked against the IANA database as it is read.
"""

from __future__ import annotations

import datetime as dt
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

Press = Literal["", "open", "closed", "pool"]
PRESS_VALUES: tuple[str, ...] = ("", "open", "closed", "pool")


@dataclass
class ScheduleEntry:
    date: dt.date | None = None
    time: dt.time | None = None
    end: dt.time | None = None
    title: str = ""
    place: str = ""
    participants: list[str] = field(default_factory=list)
    press: Press = ""
    notes: str = ""
    #: The entry's own IANA time zone (a trip through several cities); "" means meta's.
    timezone: str = ""
    #: The entry's own marking ("" = its schedule's).
    marking: str = ""
    #: The time is still to be confirmed: printed as such (with the time, if one is given).
    tbc: bool = False


@dataclass
class ScheduleBlock:
    entries: list[ScheduleEntry] = field(default_factory=list)
    marking: str = ""


#: The fields of an entry, in the order problems list them; the editor's labels.
RECORD = Record(
    ScheduleEntry,
    "a schedule entry",
    (
        Field("date", "the date", "date", label="Date"),
        Field("time", "the time", "time", label="Time"),
        Field("end", "the end time", "time", label="End"),
        Field("title", "the title", label="Activity", write="always"),
        Field("place", "the place", label="Place"),
        Field("participants", "'participants'", "texts", label="Participants"),
        Field("press", "press", "choice", label="Press", choices=PRESS_VALUES),
        Field("notes", "the notes", label="Notes"),
        Field("timezone", "the time zone", "zone", label="Time zone"),
        Field("marking", "the entry marking", "marking", label="Marking"),
        Field("tbc", "'tbc'", "flag", label="To be confirmed"),
    ),
    required="title",
    write_order=(
        "date",
        "time",
        "end",
        "tbc",
        "timezone",
        "title",
        "place",
        "participants",
        "press",
        "notes",
        "marking",
    ),
)


def read(reader: Reading, node: Node) -> ScheduleBlock:
    return ScheduleBlock(read_records(reader, node, "a schedule", RECORD))


def write(block: ScheduleBlock) -> list[Any]:
    return [write_record(entry, RECORD) for entry in block.entries]


def words(block: ScheduleBlock) -> list[Words]:
    """Each entry: its day and hours as written, then its words."""
    return [
        Words(
            "entry",
            (
                e.date.isoformat() if e.date else "",
                e.time.strftime("%H:%M") if e.time else "",
                e.end.strftime("%H:%M") if e.end else "",
                e.title,
                e.place,
                *e.participants,
                e.press,
                e.notes,
            ),
            e.marking,
        )
        for e in block.entries
    ]


KIND = Kind("schedule", ScheduleBlock, read, write, words, RECORD.fields)
