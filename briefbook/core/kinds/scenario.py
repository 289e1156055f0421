"""The scenario block: the numbered steps of an event, each with its minutes, its lead,
its press status and the talking points for it; given a start ``time``, each step's
start is worked out from the durations before it.

A step's ``press`` is one value or several (``[pool, photo spray]``); its ``duration``
is whole minutes ("5", "5 mins" are read alike). The start time is read as staff write
it: "1130", "11:30", "11.30", "9:30 am".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefbook.core.kinds.fields import (
    Field,
    Kind,
    Reading,
    Record,
    Words,
    read_records,
    time_text,
    write_record,
)
from briefbook.core.kinds.lists import ListItem, item_texts, read_items_of, write_items

if TYPE_CHECKING:
    from briefbook.core.fileformat.yamlnodes import Node

#: A step's press statuses, as written.
STEP_PRESS: tuple[str, ...] = ("open", "closed", "pool", "photo spray")
#: The longest step, in minutes (a day).
MAX_MINUTES = 24 * 60

_START = re.compile(r"^\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$", re.IGNORECASE)
_MINUTES = re.compile(r"^\s*(\d{1,4})\s*(?:m|min|mins|minutes?)?\.?\s*$", re.IGNORECASE)


@dataclass
class Step:
    title: str = ""
    #: Minutes; None when not given.
    duration: int | None = None
    lead: str = ""
    press: list[str] = field(default_factory=list)
    text: str = ""
    #: The talking points for this step.
    points: list[ListItem] = field(default_factory=list)
    #: The step's own marking ("" = its scenario's).
    marking: str = ""


@dataclass
class ScenarioBlock:
    steps: list[Step] = field(default_factory=list)
    #: When the first step starts; None = the steps print without start times.
    time: dt.time | None = None
    marking: str = ""


def parse_minutes(text: str) -> int | None:
    """Whole minutes from "5", "5 mins", "45 minutes"; None for empty text; a
    ``ValueError`` for anything else."""
    if not text.strip():
        return None
    found = _MINUTES.match(text)
    if not found or int(found.group(1)) > MAX_MINUTES:
        raise ValueError(
            f"{text.strip()!r} is not a number of minutes (write it as 5 or "
            f"'5 mins', at most {MAX_MINUTES})"
        )
    return int(found.group(1))


def parse_start(text: str) -> dt.time | None:
    """A time of day as staff write it: "1130", "11:30", "11.30", "11h30", "9:30 am";
    None for empty text; a ``ValueError`` for anything else."""
    if not text.strip():
        return None
    found = _START.match(text)
    if not found:
        raise ValueError(f"not a time: {text.strip()!r}")
    hour, minute, half = int(found.group(1)), int(found.group(2) or 0), found.group(3)
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(f"not a time: {text.strip()!r}")
        hour = hour % 12 + (12 if half.lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"not a time: {text.strip()!r}")
    return dt.time(hour, minute)


def _read_duration(reader: Reading, node: Node, step: Step) -> None:
    try:
        step.duration = parse_minutes(reader.text(node, "the duration"))
    except ValueError as error:
        reader.problem(node, f"the duration {error}")


def _read_press(reader: Reading, node: Node, step: Step) -> None:
    values = reader.text_list(node, "the step's press")
    step.press = []
    for value in values:
        lowered = " ".join(value.lower().replace("-", " ").split())
        if lowered in STEP_PRESS:
            if lowered not in step.press:
                step.press.append(lowered)
        elif lowered:
            listed = ", ".join(repr(option) for option in STEP_PRESS)
            reader.problem(node, f"the step's press {value!r} is not one of {listed}")


def _write_press(step: Step) -> Any:
    return step.press[0] if len(step.press) == 1 else list(step.press)


def _read_points(reader: Reading, node: Node, step: Step) -> None:
    step.points = read_items_of(reader, node, "the points of a step")


#: The fields of a step, in the file's order; the editor's labels.
RECORD = Record(
    Step,
    "a scenario step",
    (
        Field("title", "the step's title", label="Step", write="always"),
        Field("duration", "the duration", "custom", label="Minutes", read_hook=_read_duration),
        Field("lead", "the lead", label="Lead"),
        Field(
            "press",
            "the step's press",
            "custom",
            label="Press",
            read_hook=_read_press,
            write_hook=_write_press,
        ),
        Field("marking", "the step's marking", "marking", label="Marking"),
        Field("text", "the step's text", label="Text"),
        Field(
            "points",
            "the points of a step",
            "custom",
            label="Points to make",
            read_hook=_read_points,
            write_hook=lambda step: write_items(step.points),
        ),
    ),
    required="title",
)


def read_start(reader: Reading, node: Node) -> dt.time | None:
    """The scenario's start time, as staff write it."""
    text = reader.text(node, "the scenario's start time")
    try:
        return parse_start(text)
    except ValueError:
        reader.problem(
            node,
            f"the scenario's start time {text.strip()!r} is not a time; "
            "write it as 11:30 (or 1130, 11.30)",
        )
        return None


def read(reader: Reading, node: Node) -> ScenarioBlock | None:
    """A scenario: ``{time, steps}``, or just the list of steps."""
    if node.kind == "seq" or node.is_null:
        return ScenarioBlock(read_records(reader, node, "the steps of a scenario", RECORD))
    found = reader.fields(node, "a scenario", ("time", "steps"))
    if found is None:
        return None
    block = ScenarioBlock()
    if "time" in found:
        block.time = read_start(reader, found["time"])
    if "steps" in found:
        block.steps = read_records(reader, found["steps"], "the steps of a scenario", RECORD)
    return block


def write(block: ScenarioBlock) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if block.time is not None:
        data["time"] = time_text(block.time)
    data["steps"] = [write_record(step, RECORD) for step in block.steps]
    return data


def start_times(block: ScenarioBlock) -> list[dt.time | None]:
    """When each step starts: the start time plus the minutes of the steps before it;
    None for every step once one before it has no duration (or with no start time)."""
    found: list[dt.time | None] = []
    if block.time is None:
        return [None] * len(block.steps)
    at: dt.datetime | None = dt.datetime.combine(dt.date(2000, 1, 1), block.time)
    for step in block.steps:
        found.append(at.time() if at is not None else None)
        if at is not None and step.duration is not None:
            at += dt.timedelta(minutes=step.duration)
        else:
            at = None
    return found


def total_minutes(block: ScenarioBlock) -> int:
    """The minutes of every step that has a duration."""
    return sum(step.duration or 0 for step in block.steps)


def words(block: ScenarioBlock) -> list[Words]:
    """The start time (if any), then each step: its title, minutes, lead, press, text
    and points."""
    start = [Words("start time", (block.time.strftime("%H:%M"),))] if block.time else []
    return start + [
        Words(
            "step",
            (
                step.title,
                f"{step.duration} min" if step.duration is not None else "",
                step.lead,
                *step.press,
                step.text,
                *item_texts(step.points),
            ),
            step.marking,
        )
        for step in block.steps
    ]


KIND = Kind("scenario", ScenarioBlock, read, write, words, RECORD.fields)
