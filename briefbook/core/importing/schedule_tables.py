"""Agendas laid out as tables (``Time | Activity | Venue``), read as schedules.

Each column title must name a schedule field and each body row must have a time,
so that a table is only taken for an agenda when nothing in it would be lost.
"""

from __future__ import annotations

import re

from briefbook.core.importing.schedule import (
    ScheduleContext,
    date_line,
    press_value,
    split_people,
)
from briefbook.core.importing.timeparse import parse_time_span
from briefbook.core.model import ScheduleBlock, ScheduleEntry

_WORD = re.compile(r"[^\W_]+")

_COLUMN_FIELDS: dict[str, str] = {
    "time": "time",
    "times": "time",
    "start": "time",
    "from": "time",
    "hour": "time",
    "ora": "time",
    "heure": "time",
    "uhrzeit": "time",
    "hora": "time",
    "end": "end",
    "until": "end",
    "to": "end",
    "finish": "end",
    "date": "date",
    "day": "date",
    "data": "date",
    "jour": "date",
    "tag": "date",
    "activity": "title",
    "event": "title",
    "title": "title",
    "meeting": "title",
    "what": "title",
    "programme": "title",
    "program": "title",
    "description": "title",
    "item": "title",
    "attività": "title",
    "activité": "title",
    "evento": "title",
    "place": "place",
    "location": "place",
    "venue": "place",
    "where": "place",
    "room": "place",
    "luogo": "place",
    "lieu": "place",
    "ort": "place",
    "participants": "participants",
    "attendees": "participants",
    "with": "participants",
    "who": "participants",
    "partecipanti": "participants",
    "press": "press",
    "media": "press",
    "stampa": "press",
    "notes": "notes",
    "note": "notes",
    "remarks": "notes",
    "comments": "notes",
}


def column_field(name: str) -> str | None:
    """The schedule field a column title names (``Venue`` → place), or None."""
    return _COLUMN_FIELDS.get(" ".join(_WORD.findall(name.lower())))


def table_schedule(
    columns: list[str], rows: list[list[str]], context: ScheduleContext | None = None
) -> ScheduleBlock | None:
    """An agenda laid out as a table (``Time | Activity | Venue``) as a schedule, or None.

    Every body row must have a time in the time column (and a date, an end time
    or a press value, or nothing, in such columns), and every column title must
    name a schedule field, so that no title is lost.
    """
    if not rows or not columns or any(not name.strip() for name in columns):
        return None
    fields = [column_field(name) for name in columns]
    if None in fields or "time" not in fields or len(set(fields)) != len(fields):
        return None
    time_col = fields.index("time")
    current = context.date if context else None
    year = context.year if context else None
    entries: list[ScheduleEntry] = []
    for row in rows:
        cells = row + [""] * (len(columns) - len(row))
        span = parse_time_span(cells[time_col])
        if span is None or cells[time_col][span.length :].strip(" -–—:"):
            return None
        entry = ScheduleEntry(date=current, time=span.start, end=span.end)
        extras: list[str] = []
        for index, (name, value) in enumerate(zip(fields, cells, strict=False)):
            if index == time_col or not value:
                continue
            if name == "date":
                found = date_line(value)
                if found is None:
                    return None
                resolved = found.resolve(year)
                entry.date = current = resolved or current
                year = resolved.year if resolved else year
            elif name == "end":
                end = parse_time_span(value)
                if end is None or end.length != len(value.strip()):
                    return None
                entry.end = end.start if end.start >= span.start else None
            elif name == "title":
                entry.title = value
            elif name == "place":
                entry.place = value
            elif name == "participants":
                entry.participants.extend(p.strip() for p in split_people(value) if p.strip())
            elif name == "press":
                press = press_value(value, alone=True)
                if not press:
                    return None
                entry.press = press
            else:
                extras.append(value)
        if extras:
            entry.notes = "; ".join(extras)
        entries.append(entry)
    return ScheduleBlock(entries=entries)
