"""Cell text to typed values and back: dates, times, name lists, choices.

Parsing is forgiving about what people type or paste (``9:00``, ``0900``,
``12/06/2025``, ``12 Jun 2025``) and strict about what it accepts.
"""

from __future__ import annotations

import datetime as dt
import re

_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*(am|pm)?\s*$", re.IGNORECASE)
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d %b %Y", "%a %d %b %Y", "%d %B %Y",
                 "%a %d %B %Y", "%A %d %B %Y", "%b %d %Y", "%B %d %Y", "%b %d, %Y", "%B %d, %Y")
LIST_SEPARATOR = "; "


_SHORT_FORMATS = ("%a %d %b", "%d %b", "%d/%m", "%a %d %B", "%d %B")


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
    text = " ".join(text.replace(",", ", ").split()).replace(" ,", ",")
    if not text:
        return None
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    if year is not None:
        for pattern in _SHORT_FORMATS:
            try:
                return dt.datetime.strptime(f"{text} {year}", f"{pattern} %Y").date()
            except ValueError:
                continue
    raise ValueError(f"not a date: {text!r} (type it as 2025-06-12)")


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
