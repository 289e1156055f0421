"""Dates and times as a language writes them, from the CLDR data that Babel ships.

English without a region (``en``, the default) keeps briefbook's house style,
"Thursday 12 June 2025" and a 24-hour clock, with its names taken from CLDR too;
every other tag ("fr", "sv", "de-CH", "en-US") writes the locale's own long and
full date formats, its date ranges and its clock. A tag Babel does not know
writes the house style. Nothing here depends on the system's locale.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_date
from babel.dates import format_skeleton
from babel.dates import format_time as babel_time

#: The clock choices of ``meta.time_format`` ("" follows the language).
TIME_FORMATS = ("24h", "12h")

_WIDE_MONTH = re.compile(r"(?<!M)M{3}(?!M)")


@cache
def locale_of(language: str) -> Locale | None:
    """Babel's locale for a BCP 47 tag, or None for the house style (``en``, unknown tags)."""
    tag = language.strip()
    if not tag or tag.lower() == "en":
        return None
    try:
        return Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        try:
            return Locale.parse(tag.split("-")[0].lower())
        except (UnknownLocaleError, ValueError, TypeError):
            return None


def knows_language(language: str) -> bool:
    """Whether CLDR has dates for ``language`` (English always)."""
    return language.strip().lower() in ("", "en") or locale_of(language) is not None


def _names(width: str, kind: str) -> dict[int, str]:
    english = Locale.parse("en")
    table = english.months if kind == "months" else english.days
    return dict(table["format"][width])


def format_date(day: dt.date, language: str = "en", weekday: bool = False) -> str:
    """``12 June 2025`` / ``Thursday 12 June 2025``; ``12 juin 2025`` / ``jeudi 12 juin 2025``."""
    loc = locale_of(language)
    if loc is None:
        text = f"{day.day} {_names('wide', 'months')[day.month]} {day.year}"
        return f"{_names('wide', 'days')[day.weekday()]} {text}" if weekday else text
    return babel_date(day, "full" if weekday else "long", locale=loc)


def format_range(start: dt.date | None, end: dt.date | None, language: str = "en") -> str:
    """A date range written compactly: ``12–14 June 2025``, ``30 June – 2 July 2025``;
    in French ``12–14 juin 2025``, in German ``12.–14. Juni 2025``."""
    if start is None:
        return format_date(end, language) if end is not None else ""
    if end is None or end == start:
        return format_date(start, language)
    if end < start:
        start, end = end, start
    loc = locale_of(language)
    if loc is None:
        months = _names("wide", "months")
        if start.year != end.year:
            return f"{format_date(start)} – {format_date(end)}"
        if start.month != end.month:
            return f"{start.day} {months[start.month]} – {format_date(end)}"
        return f"{start.day}–{format_date(end)}"
    return _cldr_range(start, end, loc)


def _cldr_range(start: dt.date, end: dt.date, loc: Locale) -> str:
    """The locale's interval format for day, month and year, with the month written out
    in full as the long date format does."""
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    formats = loc.interval_formats.get("yMMMMd") or loc.interval_formats.get("yMMMd")
    parts = formats.get(field) if formats else None
    if not parts or len(parts) != 2:
        return f"{babel_date(start, 'long', locale=loc)} – {babel_date(end, 'long', locale=loc)}"
    first, second = (_WIDE_MONTH.sub("MMMM", part) for part in parts)
    text = babel_date(start, first, locale=loc) + babel_date(end, second, locale=loc)
    return text.replace("\u2009", " ")  # CLDR's thin spaces round the dash: plain ones


def short_date(day: dt.date, language: str = "en") -> str:
    """``Fri 13 Jun``; ``ven. 13 juin``: a day in a narrow column."""
    loc = locale_of(language)
    if loc is None:
        days, months = _names("abbreviated", "days"), _names("abbreviated", "months")
        return f"{days[day.weekday()]} {day.day} {months[day.month]}"
    return format_skeleton("MMMEd", day, locale=loc)


def uses_12_hours(language: str, time_format: str = "") -> bool:
    """Whether times print on a 12-hour clock: ``meta.time_format``, else the locale's habit."""
    if time_format in TIME_FORMATS:
        return time_format == "12h"
    loc = locale_of(language)
    if loc is None:
        return False
    pattern = loc.time_formats["short"].pattern
    return "h" in pattern.replace("'h'", "") or "K" in pattern


def format_clock(hour: int, minute: int, language: str = "en", time_format: str = "") -> str:
    """``09:00`` (or ``9:00 AM`` on a 12-hour clock), as the language writes a time."""
    loc = locale_of(language)
    twelve = uses_12_hours(language, time_format)
    if loc is None:
        if not twelve:
            return f"{hour:02d}:{minute:02d}"
        loc = Locale.parse("en")
    moment = dt.time(hour, minute)
    if twelve == uses_12_hours(language):
        return babel_time(moment, "short", locale=loc)
    return babel_time(moment, "h:mm a" if twelve else "HH:mm", locale=loc)
