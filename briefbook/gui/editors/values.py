"""Cell text to typed values and back: dates, times, name lists, choices.

Parsing is forgiving about what people type or paste (``9:00``, ``0900``,
``12/06/2025``, ``12 Jun 2025``) and strict about what it accepts.
"""

from __future__ import annotations

import datetime as dt
import re

from briefbook.core.typeddates import EXAMPLE, parse_typed_date

_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*(am|pm)?\s*$", re.IGNORECASE)
LIST_SEPARATOR = "; "


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
    """A time of day from ``9:00``, ``09.30``, ``0930``, ``9pm``; empty text is None."""
    if not text.strip():
        return None
    match = _TIME.match(text)
    if not match:
        raise ValueError(f"not a time: {text!r} (type it as 09:30)")
    hours, minutes, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if match.group(2) is None and len(match.group(1)) > 2:
        raise ValueError(f"not a time: {text!r}")
    if half:
        if not 1 <= hours <= 12:
            raise ValueError(f"not a time: {text!r}")
        hours = hours % 12 + (12 if half.lower() == "pm" else 0)
    if len(match.group(1)) == 4 and match.group(2) is None:
        hours, minutes = divmod(hours, 100)
    return dt.time(hours, minutes)


def format_list(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


def parse_list(text: str) -> list[str]:
    """Names separated by semicolons or new lines."""
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]
