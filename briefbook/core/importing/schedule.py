"""Schedules from runs of time-led lines, grouped under the nearest date line.

A run is accepted when it is clearly an agenda: two lines led by a clear time
(``09:00``, ``9.30``, ``9:30 AM``, ``14h30``, ``0900–1000``...), or one under a
date line or under a heading such as "Programme". Each line is split into
time, end, activity and place where it separates them (tabs, ``|``, wide gaps,
dashes, commas); indented or labelled lines below an entry add its participants,
press and notes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefbook.core.importing.listmarkers import BULLETS, parse_marker
from briefbook.core.importing.timeparse import (
    PartialDate,
    TimeSpan,
    parse_date_line,
    parse_time_span,
)
from briefbook.core.model import Press, ScheduleBlock, ScheduleEntry

_LEAD_SEPARATORS = " \t-–—:|,;.)]>"
#: Words that follow a number that is an amount, not a time of day.
_NOT_AFTER_TIMES = frozenset(
    {
        "euro",
        "euros",
        "eur",
        "€",
        "usd",
        "$",
        "dollars",
        "gbp",
        "pounds",
        "£",
        "chf",
        "%",
        "percent",
        "per",
        "million",
        "millions",
        "billion",
        "billions",
        "bn",
        "m",
        "km",
        "kg",
        "mb",
        "gb",
        "tonnes",
        "tons",
        "points",
        "pts",
        "metres",
        "meters",
        "miles",
        "times",
        "x",
    }
)
_PLACE_NAMES = (
    "palazzo palace villa hotel embassy residence ministry room hall airport airbase "
    "base building centre center office hq headquarters street via piazza square "
    "quirinale chigi parliament senate chamber camera senato farnesina residenza "
    "ambasciata auditorium terminal station port harbour harbor museum university campus "
    "venue lounge salon salone sala castle castello cathedral basilica"
)
_PLACE_WORDS = frozenset(_PLACE_NAMES.split())
_PRESS_WORDS = frozenset(
    {
        "press",
        "media",
        "pool",
        "open",
        "closed",
        "to",
        "the",
        "only",
        "photo",
        "op",
        "opportunity",
        "spray",
        "tbc",
        "stampa",
        "presse",
    }
)
_LABELS: dict[str, str] = {
    "participants": "participants",
    "participant": "participants",
    "attendees": "participants",
    "with": "participants",
    "delegation": "participants",
    "place": "place",
    "venue": "place",
    "location": "place",
    "where": "place",
    "press": "press",
    "media": "press",
    "notes": "notes",
    "note": "notes",
    "remarks": "notes",
    "dress": "notes",
    "dress code": "notes",
}


@dataclass(frozen=True)
class SourceLine:
    """One line of material: its text without the indentation, and that indentation."""

    text: str
    indent: int = 0

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@lru_cache(maxsize=4096)
def time_led(text: str) -> TimeSpan | None:
    """The time that leads ``text``, also after a bullet (``- 09:00 Arrival``)."""
    body = _strip_bullet(text)
    if len(body) > 5000:
        body = body[:64]
    span = parse_time_span(body)
    if span is None:
        return None
    rest = body[span.length :]
    if rest and rest[0] not in _LEAD_SEPARATORS:
        return None
    first_word = rest.split(None, 1)[0].lower().strip(".,;:") if rest.strip() else ""
    if first_word in _NOT_AFTER_TIMES:
        return None  # "12.50 euros", "9.30 percent": an amount, not a time
    return span


@lru_cache(maxsize=4096)
def date_line(text: str) -> PartialDate | None:
    """The date a line names on its own (bullets and heading marks allowed)."""
    return parse_date_line(_strip_bullet(text).strip().strip("#*_").strip())


def _strip_bullet(text: str) -> str:
    stripped = text.lstrip(" \t")
    if stripped[:1] in BULLETS and stripped[1:2] in (" ", "\t"):
        return stripped[2:].lstrip(" \t")
    return stripped


def _next_nonblank(lines: Sequence[SourceLine], i: int) -> int | None:
    while i < len(lines):
        if not lines[i].blank:
            return i
        i += 1
    return None


@dataclass
class ScheduleContext:
    """What the surroundings say: an agenda-like heading, a date from a heading, a year."""

    agenda: bool = False
    date: dt.date | None = None
    year: int | None = None


def find_schedule(
    lines: Sequence[SourceLine], start: int, context: ScheduleContext | None = None
) -> tuple[ScheduleBlock | None, int]:
    """A schedule starting at ``lines[start]``, and the index after the lines looked at.

    When no schedule starts here, the block is None and the index tells how far
    no schedule can start either (the run was read to its end), so a caller
    never reads the same run twice.
    """
    context = context or ScheduleContext()
    year = context.year
    current = context.date
    entries: list[ScheduleEntry] = []
    strong = 0
    saw_date = False
    last_indent = 0
    end = start
    i = start
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.blank:
            k = _next_nonblank(lines, i)
            if k is None or (not entries and not saw_date):
                break
            if time_led(lines[k].text) is None and not _date_before_times(lines, k):
                break
            i = k
            continue
        if len(line.text) <= 60 and (found := date_line(line.text)) is not None:
            if not _date_before_times(lines, i):
                break
            resolved = found.resolve(year)
            if resolved is not None:
                current = resolved
                year = resolved.year
            saw_date = True
            i += 1
            continue
        span = time_led(line.text)
        if span is not None:
            entries.append(make_entry(_strip_bullet(line.text), span, current))
            strong += 0 if span.weak else 1
            last_indent = line.indent
            i += 1
            end = i
            continue
        if entries and not lines[i - 1].blank and _continues(lines, i, last_indent):
            add_detail(entries[-1], line.text.strip())
            i += 1
            end = i
            continue
        break
    if entries and (strong >= 2 or saw_date or context.agenda):
        return ScheduleBlock(entries=entries), end
    return None, max(end, start + 1)


def _date_before_times(lines: Sequence[SourceLine], i: int) -> bool:
    """A date line at ``i`` heads a schedule when a time-led line follows it."""
    k = _next_nonblank(lines, i + 1)
    return k is not None and time_led(lines[k].text) is not None


def _continues(lines: Sequence[SourceLine], i: int, entry_indent: int) -> bool:
    """Whether ``lines[i]`` adds to the entry above: indented, bulleted, labelled or sandwiched."""
    line = lines[i]
    if line.indent > entry_indent or parse_marker(line.text) is not None:
        return True
    if _label(line.text) is not None:
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return (
        nxt is not None
        and not nxt.blank
        and time_led(nxt.text) is not None
        and (len(line.text) < 200)
    )


def _label(text: str) -> tuple[str, str] | None:
    """``Participants: A, B`` → ("participants", "A, B")."""
    head, sep, tail = text.partition(":")
    if not sep or len(head) > 20:
        return None
    field_name = _LABELS.get(head.strip().lower())
    return (field_name, tail.strip()) if field_name else None


def add_detail(entry: ScheduleEntry, text: str) -> None:
    """Put a line found below an entry into its participants, place, press or notes."""
    body = text
    marker = parse_marker(body)
    if marker is not None:
        body = marker.text
    labelled = _label(body)
    if labelled is not None:
        name, value = labelled
        if name == "participants" and value:
            entry.participants.extend(p.strip() for p in split_people(value) if p.strip())
            return
        if name == "place" and value and not entry.place:
            entry.place = value
            return
        if name == "press" and (press := press_value(value, alone=True)):
            entry.press = press
            if _press_only(value):
                return
    entry.notes = f"{entry.notes}\n{body}" if entry.notes else body


def split_people(value: str) -> list[str]:
    return value.replace(";", ",").split(",")


def press_value(text: str, alone: bool = False) -> Press:
    """``closed press`` → ``closed``; ``(press: open)`` → ``open``; ``pool`` → ``pool``."""
    words = _words(text)
    if not words or len(words) > 6 or not words <= _PRESS_WORDS:
        return ""
    if _WORD.sub("", text).strip(" ():-"):
        return ""  # other characters than words and light punctuation: not just a press phrase
    if not alone and not words & {"press", "media", "pool", "stampa", "presse"}:
        return ""
    if "closed" in words:
        return "closed"
    if "pool" in words:
        return "pool"
    if "open" in words:
        return "open"
    return ""


def _press_only(text: str) -> bool:
    return bool(press_value(text, alone=True))


_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text[:200].lower()))


def make_entry(text: str, span: TimeSpan, date: dt.date | None) -> ScheduleEntry:
    """An entry from a time-led line: time, end, then activity, place and press if separated."""
    rest = text[span.length :].lstrip(_LEAD_SEPARATORS).rstrip()
    entry = ScheduleEntry(date=date, time=span.start, end=span.end)
    fields = _columns(rest)
    if fields is None:
        title, place = _split_place(rest)
        fields = [title, place] if place else [title]
    title = fields[0]
    extras: list[str] = []
    for cell in fields[1:]:
        if not cell:
            continue
        if not entry.press and (press := press_value(cell, alone=len(fields) > 2)):
            entry.press = press
        elif not entry.place:
            entry.place = cell
        else:
            extras.append(cell)
    if not entry.press:
        title, entry.press = _trailing_press(title)
    entry.title = title
    if extras:
        entry.notes = "; ".join(extras)
    return entry


def _columns(rest: str) -> list[str] | None:
    """Cells when the line is laid out in columns (tabs, `` | ``, or wide gaps)."""
    for sep in ("\t", " | "):
        if sep in rest:
            return [cell.strip() for cell in rest.split(sep)]
    if "   " in rest:
        return [cell.strip() for cell in rest.split("  ") if cell.strip()]
    return None


def _split_place(rest: str) -> tuple[str, str]:
    """(activity, place): at the last spaced dash, else at a comma before a place."""
    for dash in (" – ", " — ", " - "):
        head, sep, tail = rest.rpartition(dash)
        if sep and head.strip() and _place_like(tail.strip()):
            return head.strip(), tail.strip()
    if ", " in rest:
        parts = rest.split(", ")
        for k in range(1, len(parts)):
            tail = ", ".join(parts[k:])
            if any(_words(part) & _PLACE_WORDS for part in parts[k : k + 1]) and _place_like(tail):
                return ", ".join(parts[:k]), tail
        tail = parts[-1]
        if len(parts) == 2 and _place_like(tail) and len(tail.split()) <= 4:
            return parts[0], tail
    return rest, ""


def _place_like(text: str) -> bool:
    """A place reads as a short name: capitalised words, no sentence."""
    if not text or len(text) > 80 or len(text.split()) > 8:
        return False
    if text[0].islower() or text.endswith((".", "!", "?", ":")):
        return False
    return not press_value(text)


def _trailing_press(title: str) -> tuple[str, Press]:
    """``Bilateral meeting (closed press)`` → ("Bilateral meeting", "closed")."""
    stripped = title.rstrip()
    if stripped.endswith(")") and "(" in stripped:
        head, _, inner = stripped[:-1].rpartition("(")
        press = press_value(inner)
        if press and head.strip():
            return head.rstrip(" ,–-"), press
    return title, ""
