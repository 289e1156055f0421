"""Local and home time zones: schedule times printed twice, DST-correct, offline.

A brief names the event's local time zone (``meta.timezone``) and, optionally,
the delegation's home one (``meta.home_timezone``), both IANA names read with
the standard library's :mod:`zoneinfo` and the ``tzdata`` package, so the
conversion works on every system and without a network. Schedule times are
written in local time; :func:`home_time` gives the same moment at home, with
the day changes that happen on the way (a 01:00 the next morning at home, or a
meeting that ends after midnight there).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from briefbook.core import model as m
from briefbook.core.distribution.itinerary import schedule_entries
from briefbook.core.wording import ENGLISH, Wording
from briefbook.errors import BriefbookError

#: What follows an end time on the next day: ``23:30–01:15 (+1)``.
NEXT_DAY = " (+1)"


class TimeZoneError(BriefbookError):
    """A time zone name that the IANA database does not know; names the meta key."""

    def __init__(self, key: str, name: str) -> None:
        self.key = key
        self.name = name
        super().__init__(f"meta '{key}': {zone_problem(name)}")


@functools.cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def zone_problem(name: str) -> str | None:
    """Why ``name`` is not a usable IANA time zone (with the nearest name), or None."""
    text = name.strip()
    if not text:
        return None
    if _zone(text) is not None:
        return None
    lowered = {zone.lower(): zone for zone in _known_zones()}
    close = difflib.get_close_matches(text.lower(), list(lowered), n=1, cutoff=0.6)
    hint = (
        f" (did you mean {lowered[close[0]]!r}?)"
        if close
        else (" (use an IANA name such as 'Europe/Rome' or 'America/New_York')")
    )
    return f"unknown time zone {text!r}{hint}"


@functools.cache
def _zone(name: str) -> ZoneInfo | None:
    if name not in _known_zones() and name != "UTC":
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def get_zone(name: str, key: str = "timezone") -> ZoneInfo:
    """The zone called ``name``; raises :class:`TimeZoneError` naming the meta ``key``."""
    zone = _zone(name.strip())
    if zone is None:
        raise TimeZoneError(key, name)
    return zone


def city(name: str) -> str:
    """The readable place of a zone name: ``America/New_York`` -> ``New York``."""
    return name.strip().rsplit("/", 1)[-1].replace("_", " ")


@dataclass(frozen=True)
class ZonePair:
    """The event's local time zone and the delegation's home one.

    ``home`` is ``None`` when only local times print (no home zone, or home times
    turned off) but the schedule passes through several zones; ``used`` names
    every local zone the schedule uses, in order of first use, and with more than
    one each local time carries its zone's abbreviation ("09:00 CEST").
    """

    local_name: str
    home_name: str
    local: ZoneInfo | None
    home: ZoneInfo | None
    used: tuple[str, ...] = ()

    @property
    def several(self) -> bool:
        return len(self.used) > 1

    @property
    def local_city(self) -> str:
        return city(self.local_name)

    @property
    def home_city(self) -> str:
        return city(self.home_name)


def entry_zone_name(entry: m.ScheduleEntry, default: str) -> str:
    """The zone an entry's times are in: its own ``timezone``, else the brief's."""
    return entry.timezone.strip() or default.strip()


def schedule_zones(brief: m.Brief, home_times: bool = True) -> ZonePair | None:
    """The zones a brief's schedules print with: home times when the brief names a
    home zone that differs from a local one, zone abbreviations when the entries
    pass through several zones; ``None`` when local times print plain.

    Raises :class:`TimeZoneError` for an unknown meta zone (entry zones are checked
    when the file is read; an unknown one here prints as the brief's zone).
    """
    meta = brief.meta
    default = meta.timezone.strip()
    used = tuple(
        dict.fromkeys(
            name
            for name in (entry_zone_name(e, default) for e in schedule_entries(brief))
            if name and _zone(name) is not None
        )
    )
    home_name = meta.home_timezone.strip() if home_times else ""
    pair = zone_pair(meta) if home_name else None
    local = get_zone(default, "timezone") if default else None
    if pair is None and home_name and any(name != home_name for name in used):
        pair = ZonePair(default, home_name, local, get_zone(home_name, "home_timezone"))
    if pair is None and len(used) > 1:
        pair = ZonePair(default, "", local, None)
    if pair is None:
        return None
    return ZonePair(pair.local_name, pair.home_name, pair.local, pair.home, used or (default,))


def zone_pair(meta: m.Meta) -> ZonePair | None:
    """Both zones of a brief, when it names two different ones; else ``None``.

    Raises :class:`TimeZoneError` when a name is not a known IANA zone, or when
    a home zone is given without the local one.
    """
    local_name, home_name = meta.timezone.strip(), meta.home_timezone.strip()
    if not home_name:
        return None
    home = get_zone(home_name, "home_timezone")
    if not local_name:
        raise BriefbookError(
            "meta 'home_timezone' is set but 'timezone' (the local time zone "
            "of the event) is not; set both to print home times"
        )
    local = get_zone(local_name, "timezone")
    if local_name == home_name:
        return None
    return ZonePair(local_name, home_name, local, home)


@dataclass(frozen=True)
class HomeTime:
    """An entry's time at home: aware datetimes in the home zone.

    ``local_date`` is the entry's own (local) date, against which day changes count.
    """

    local_date: dt.date
    start: dt.datetime | None
    end: dt.datetime | None

    @property
    def start_shift(self) -> int:
        """Days between the local date and the home date of the start (-1, 0, +1...)."""
        return (self.start.date() - self.local_date).days if self.start is not None else 0

    @property
    def end_shift(self) -> int:
        """Days between the home start date (or local date) and the home end date."""
        if self.end is None:
            return 0
        origin = self.start.date() if self.start is not None else self.local_date
        return (self.end.date() - origin).days

    @property
    def day_changes(self) -> bool:
        return self.start_shift != 0 or self.end_shift != 0

    def text(self, words: Wording = ENGLISH) -> str:
        """``15:00–15:45``; a date stands where the day changes:
        ``Fri 13 Jun 01:00 – 01:45`` or ``23:30 – Fri 13 Jun 00:15``."""
        start = end = ""
        if self.start is not None:
            start = words.clock(self.start.hour, self.start.minute)
            if self.start_shift:
                start = f"{words.short_date(self.start.date())} {start}"
        if self.end is not None:
            end = words.clock(self.end.hour, self.end.minute)
            if self.end_shift or (self.start is None and self.end.date() != self.local_date):
                end = f"{words.short_date(self.end.date())} {end}"
        if start and end:
            dash = " – " if self.day_changes else "–"
            return f"{start}{dash}{end}"
        return words.time_range(start, end)


def short_date(day: dt.date) -> str:
    """``Fri 13 Jun``, whatever the system's locale."""
    return ENGLISH.short_date(day)


def local_moment(day: dt.date, time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The aware moment of a local wall-clock time (the first one, in a repeated hour)."""
    return dt.datetime.combine(day, time, tzinfo=zone)


def exists(day: dt.date, time: dt.time, zone: ZoneInfo) -> bool:
    """False for a wall-clock time skipped by a DST change (e.g. 02:30 on a spring-forward day)."""
    moment = local_moment(day, time, zone)
    again = moment.astimezone(dt.UTC).astimezone(zone)
    return (again.hour, again.minute) == (time.hour, time.minute)


def home_time(
    entry: m.ScheduleEntry, pair: ZonePair, fallback_date: dt.date | None = None
) -> HomeTime | None:
    """The entry's times at home, or ``None`` when it has no time or no date to convert.

    An entry without a date is taken to be on ``fallback_date`` (the brief's first
    day); without either, the offset (which depends on DST) cannot be known.
    """
    day = entry.date or fallback_date
    local = entry_zone(entry, pair)
    if day is None or (entry.time is None and entry.end is None) or pair.home is None:
        return None
    if local is None or (entry.timezone.strip() or pair.local_name) == pair.home_name:
        return None  # the entry is at home (or in no known zone): nothing to convert
    start = end = None
    if entry.time is not None:
        start = local_moment(day, entry.time, local).astimezone(pair.home)
    if entry.end is not None:
        end_day = day + dt.timedelta(days=1) if ends_next_day(entry) else day
        end = local_moment(end_day, entry.end, local).astimezone(pair.home)
    return HomeTime(day, start, end)


def entry_zone(entry: m.ScheduleEntry, pair: ZonePair | None) -> ZoneInfo | None:
    """The zone of an entry's local times: its own, else the brief's (None: unknown)."""
    if entry.timezone.strip():
        own = _zone(entry.timezone.strip())
        if own is not None:
            return own
    return pair.local if pair is not None else None


def ends_next_day(entry: m.ScheduleEntry) -> bool:
    """An entry whose end is before its start ends after midnight (23:30–01:15)."""
    return entry.time is not None and entry.end is not None and entry.end < entry.time


def zone_abbreviation(
    entry: m.ScheduleEntry, pair: ZonePair | None, fallback_date: dt.date | None = None
) -> str:
    """The short name of the entry's zone on its day, ``CEST`` or ``UTC+04``
    ("" without a zone, a day or a time)."""
    zone = entry_zone(entry, pair)
    day = entry.date or fallback_date
    moment = entry.time or entry.end
    if zone is None or day is None or moment is None:
        return ""
    name = local_moment(day, moment, zone).tzname() or ""
    return f"UTC{name}" if name[:1] in "+-" else name


def local_text(entry: m.ScheduleEntry, words: Wording = ENGLISH) -> str:
    """The entry's local time range: ``09:00–09:45``, ``09:00`` or ``until 09:45``;
    ``23:30–01:15 (+1)`` for one that ends the next day."""
    start, end = words.time(entry.time), words.time(entry.end)
    if start and end:
        return f"{words.between(start, end)}{NEXT_DAY if ends_next_day(entry) else ''}"
    return words.time_range(start, end)


def dual_label(
    entry: m.ScheduleEntry,
    pair: ZonePair,
    fallback_date: dt.date | None = None,
    words: Wording = ENGLISH,
) -> str:
    """``Local 09:00–09:45 · Home 15:00–15:45`` (or just the local part when there is no
    home time to give)."""
    local = local_text(entry, words)
    if not local:
        return ""
    home = home_time(entry, pair, fallback_date)
    if home is None:
        return words("time_local", time=local)
    return f"{words('time_local', time=local)} · {words('time_home', time=home.text(words))}"


def fallback_date(brief: m.Brief) -> dt.date | None:
    """The date an undated entry is taken to be on: the brief's first day."""
    return brief.meta.dates.start
