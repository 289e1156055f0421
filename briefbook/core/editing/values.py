"""Cell text to typed values and back: dates, times, name lists, choices, time zones.

Parsing is forgiving about what people type or paste (``9:00``, ``0900``,
``12/06/2025``, ``12 Jun 2025``) and strict about what it accepts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from briefbook.core.kinds.lists import ListItem
from briefbook.core.kinds.scenario import parse_minutes
from briefbook.core.timezones import zone_problem
from briefbook.core.typeddates import EXAMPLE, TIME_EXAMPLE, parse_typed_date, parse_typed_time

LIST_SEPARATOR = "; "
#: How a set flag (a yes/no field) reads in a cell.
FLAG_ON = "yes"


def format_date(value: dt.date | None, year: int | None = None) -> str:
    """``Thu 12 Jun 2025``, or ``Thu 12 Jun`` when the year is ``year`` (the brief's)."""
    if value is None:
        return ""
    if value.year == year:
        return value.strftime("%a %d %b")
    return value.strftime("%a %d %b %Y")


def parse_date(text: str, year: int | None = None) -> dt.date | None:
    """A date from text; empty text is None; raises ValueError for anything unreadable.

    A date without a year (``Thu 12 Jun``) is in ``year`` when one is given.
    """
    if not text.strip():
        return None
    found = parse_typed_date(text, year)
    if found is None:
        raise ValueError(f"not a date: {text.strip()!r} (type it as {EXAMPLE})")
    return found


def format_time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def parse_time(text: str) -> dt.time | None:
    """A time of day from ``9:00``, ``09.30``, ``0930``, ``11h30``, ``9pm``, ``9:30 am``;
    empty text is None."""
    if not text.strip():
        return None
    found = parse_typed_time(text)
    if found is None:
        raise ValueError(f"not a time: {text.strip()!r} (type it as {TIME_EXAMPLE})")
    return found


def format_list(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


def parse_list(text: str) -> list[str]:
    """Names separated by semicolons or new lines."""
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


@dataclass(frozen=True)
class Field:
    """One field of a record: its attribute, title and kind (text, date, time, list, choice).

    ``width`` is the column width in characters; ``stretch`` makes the column
    take the spare width; ``detail`` puts the field under the grid instead.
    """

    name: str
    label: str
    #: text, date, time, list, choice, flag, path, zone, marking; minutes (whole minutes),
    #: choices (several of ``choices``), points (list items, one per line).
    kind: str = "text"
    choices: tuple[str, ...] = ()
    width: int = 16
    stretch: bool = False
    detail: bool = False


def format_value(field: Field, value: Any, year: int | None = None) -> str:
    if field.kind == "date":
        return format_date(value, year)
    if field.kind == "time":
        return format_time(value)
    if field.kind in ("list", "choices"):
        return format_list(value)
    if field.kind == "flag":
        return FLAG_ON if value else ""
    if field.kind == "points":
        return "\n".join(item.text for item in value)
    return "" if value is None else str(value)


def parse_value(field: Field, text: str, year: int | None = None) -> Any:
    """The typed value of ``text``; raises ValueError when it cannot be one."""
    text = text.strip() if field.kind != "text" else text
    if field.kind == "date":
        return parse_date(text, year)
    if field.kind == "time":
        return parse_time(text)
    if field.kind == "list":
        return parse_list(text)
    if field.kind == "flag":
        lowered = text.lower()
        if lowered in ("", "no", "false", "-", "—"):
            return False
        if lowered in (FLAG_ON, "y", "true", "x", "tbc", "✓"):
            return True
        raise ValueError(f"{field.label} is either {FLAG_ON} or empty")
    if field.kind == "minutes":
        return parse_minutes(text)
    if field.kind == "choices":
        return parse_choices(field, text)
    if field.kind == "points":
        return [ListItem(line.strip()) for line in text.splitlines() if line.strip()]
    if field.kind == "zone":
        problem = zone_problem(text)
        if problem:
            raise ValueError(problem)
        return text
    if field.kind == "choice":
        lowered = text.lower()
        if lowered in field.choices:
            return lowered
        allowed = ", ".join(choice for choice in field.choices if choice)
        raise ValueError(f"{field.label} must be one of: {allowed}")
    return text


def parse_choices(field: Field, text: str) -> list[str]:
    """Several of a field's choices, separated by semicolons, commas or new lines."""
    found: list[str] = []
    for part in re.split(r"[;,\n]", text):
        value = " ".join(part.lower().replace("-", " ").split())
        if not value:
            continue
        if value not in field.choices:
            allowed = ", ".join(choice for choice in field.choices if choice)
            raise ValueError(f"{field.label} must be some of: {allowed}")
        if value not in found:
            found.append(value)
    return found
