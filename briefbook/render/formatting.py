"""Dates and times as a dossier prints them, independent of the system locale."""

from __future__ import annotations

import datetime as dt

from briefbook.core.model import DateRange

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_date(day: dt.date, weekday: bool = False) -> str:
    """``12 June 2025`` (or ``Thursday 12 June 2025`` with ``weekday``)."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def format_range(dates: DateRange) -> str:
    """A date range written compactly: ``12–14 June 2025``, ``30 June – 2 July 2025``."""
    start, end = dates.start, dates.end
    if start is None:
        return format_date(end) if end is not None else ""
    if end is None or end == start:
        return format_date(start)
    if end < start:
        start, end = end, start
    if start.year != end.year:
        return f"{format_date(start)} – {format_date(end)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]} – {format_date(end)}"
    return f"{start.day}–{format_date(end)}"


def format_time(value: dt.time | None) -> str:
    """``09:00``; empty for no time."""
    return value.strftime("%H:%M") if value is not None else ""


def format_time_range(start: dt.time | None, end: dt.time | None) -> str:
    """``09:00–09:45``, ``09:00`` or ``until 09:45``."""
    if start is not None and end is not None:
        return f"{format_time(start)}–{format_time(end)}"
    if start is not None:
        return format_time(start)
    if end is not None:
        return f"until {format_time(end)}"
    return ""
