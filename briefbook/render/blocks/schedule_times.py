"""The time of a schedule entry as printed: local time, and home time beneath it.

Shared by the dossier's schedule, the pocket card and the itineraries, so the
three print the same words. The times come from
:mod:`briefbook.core.timezones`; this module only lays them out.
"""

from __future__ import annotations

import datetime as dt
import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from briefbook.core import model as m
from briefbook.core.timezones import (
    ZonePair,
    city,
    entry_zone_name,
    home_time,
    local_text,
    zone_abbreviation,
)
from briefbook.core.wording import ENGLISH, Wording
from briefbook.render.flowables import TextParagraph
from briefbook.render.text import markup as tx

_BREAK = re.compile(r"(?<=[A-Za-z])\u00a0(?=\d{2}:\d{2})")


def local_label(
    entry: m.ScheduleEntry,
    zones: ZonePair | None = None,
    fallback_date: dt.date | None = None,
    words: Wording = ENGLISH,
) -> str:
    """``09:00–09:45``, ``until 17:30``, or "" when the entry has no time; with the
    zone's abbreviation (``09:00–09:45 CEST``) when the schedule passes through
    several zones."""
    text = local_text(entry, words)
    if not text:
        return ""
    if zones is not None and zones.several:
        short = zone_abbreviation(entry, zones, fallback_date)
        return f"{text} {short}" if short else text
    return text


def day_zones(
    entries: list[m.ScheduleEntry],
    zones: ZonePair | None,
    previous: str,
    fallback_date: dt.date | None = None,
    words: Wording = ENGLISH,
) -> tuple[str, str]:
    """What a day's heading adds when the zone changes: ``Paris (CEST)``, or
    ``Rome (CEST), then London (BST)`` for a day with a flight; "" when the day
    stays in the zone of the day before. Returns it with the day's last zone."""
    if zones is None or not zones.several:
        return "", previous
    parts: list[str] = []
    names: list[str] = []
    for entry in entries:
        name = entry_zone_name(entry, zones.local_name)
        if not name or (names and names[-1] == name):
            continue
        names.append(name)
        short = zone_abbreviation(entry, zones, fallback_date)
        parts.append(f"{city(name)} ({short})" if short else city(name))
    if not names or names == [previous]:
        return "", names[-1] if names else previous
    places = parts[0]
    for part in parts[1:]:
        places = words("local_time_then", earlier=places, later=part)
    return words("local_time_places", places=places), names[-1]


def home_label(
    entry: m.ScheduleEntry,
    zones: ZonePair | None,
    fallback_date: dt.date | None = None,
    words: Wording = ENGLISH,
) -> str:
    """``Home 15:00–15:45`` (with the home date where the day changes), or ``""``."""
    if zones is None:
        return ""
    home = home_time(entry, zones, fallback_date)
    return words("time_home", time=_glued(home.text(words))) if home is not None else ""


def _glued(text: str) -> str:
    """Keep ``Fri 13 Jun`` and ``01:30 – 02:15`` whole in a narrow column: a line may
    break only between a date and the time after it."""
    return _BREAK.sub(" ", text.replace(" ", "\u00a0"))


def time_flowables(
    entry: m.ScheduleEntry,
    zones: ZonePair | None,
    local_style: ParagraphStyle,
    home_style: ParagraphStyle,
    fallback_date: dt.date | None = None,
    words: Wording = ENGLISH,
    tbc_text: str = "",
) -> list[Flowable]:
    """The time cell: the local time, then the home time when the brief has a home zone;
    ``tbc_text`` ("time to be confirmed") under them for an entry flagged ``tbc``."""
    found: list[Flowable] = []
    local = local_label(entry, zones, fallback_date, words)
    if local:
        found.append(TextParagraph(tx.plain(local), local_style))
    home = home_label(entry, zones, fallback_date, words)
    if home:
        found.append(TextParagraph(tx.plain(home), home_style))
    if entry.tbc and tbc_text:
        found.append(TextParagraph(f"<i>{tx.plain(tbc_text)}</i>", home_style))
    return found


def undated_heading(dated_too: bool, text: str) -> str:
    """The heading of a schedule's undated entries: ``text`` ("Date to be confirmed")
    when the schedule has dated days too; else none (a programme without dates, a
    scenario's steps, is one list)."""
    return text if dated_too else ""


def zones_note(zones: ZonePair, words: Wording = ENGLISH) -> str:
    """The line that says which times are which (plain text, to be escaped)."""
    if zones.several:
        cities = ", ".join(city(name) for name in zones.used)
        if zones.home is None:
            return words("zones_several", cities=cities)
        return words("zones_several_home", cities=cities, home=zones.home_city)
    return words("zones_home", local=zones.local_city, home=zones.home_city)
