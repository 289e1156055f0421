"""Home and local times: both printed, DST-correct, with the day changes where they happen."""

from __future__ import annotations

import datetime as dt

import pytest

from briefbook.core import model as m
from briefbook.core.timezones import (
    TimeZoneError,
    dual_label,
    exists,
    get_zone,
    home_time,
    zone_pair,
    zone_problem,
)
from briefbook.errors import BriefbookError


def pair(local: str, home: str):  # type: ignore[no-untyped-def]
    found = zone_pair(m.Meta(timezone=local, home_timezone=home))
    assert found is not None
    return found


def entry(day: str, start: str | None, end: str | None = None) -> m.ScheduleEntry:
    parse = lambda t: dt.time.fromisoformat(t) if t else None  # noqa: E731
    return m.ScheduleEntry(
        date=dt.date.fromisoformat(day), time=parse(start), end=parse(end), title="Meeting"
    )


def test_same_day_prints_both_times() -> None:
    zones = pair("Europe/Rome", "Europe/London")
    assert dual_label(entry("2025-06-12", "09:00", "09:45"), zones) == (
        "Local 09:00–09:45 · Home 08:00–08:45"
    )


@pytest.mark.parametrize(
    ("day", "home"),
    [
        # Europe and the United States change their clocks on different Sundays.
        ("2025-03-07", "03:00"),  # both on winter time: 6 hours apart
        ("2025-03-20", "04:00"),  # New York on summer time already: 5 hours
        ("2025-03-30", "03:00"),  # the day Rome goes forward: 6 hours again
        ("2025-10-28", "04:00"),  # Rome back on winter time, New York not yet: 5 hours
        ("2025-11-03", "03:00"),  # both on winter time again
    ],
)
def test_offsets_follow_daylight_saving_time(day: str, home: str) -> None:
    zones = pair("Europe/Rome", "America/New_York")
    assert dual_label(entry(day, "09:00"), zones) == f"Local 09:00 · Home {home}"


def test_an_evening_meeting_is_the_next_day_at_home() -> None:
    zones = pair("Europe/Rome", "Asia/Tokyo")
    label = dual_label(entry("2025-06-12", "18:30", "19:15"), zones)
    assert label == "Local 18:30–19:15 · Home Fri 13 Jun 01:30 – 02:15"


def test_the_day_changes_during_the_meeting() -> None:
    zones = pair("Europe/Rome", "Asia/Tokyo")
    label = dual_label(entry("2025-06-12", "16:30", "18:15"), zones)
    assert label == "Local 16:30–18:15 · Home 23:30 – Fri 13 Jun 01:15"


def test_home_can_be_a_day_behind() -> None:
    zones = pair("Pacific/Auckland", "Europe/London")
    home = home_time(entry("2025-06-12", "09:30", "11:15"), zones)
    assert home is not None and home.start_shift == -1 and home.end_shift == 1
    assert home.text() == "Wed 11 Jun 22:30 – Thu 12 Jun 00:15"


def test_a_dst_night_counts_the_real_hours() -> None:
    # Rome goes back an hour on 26 October 2025; Tokyo has no DST.
    zones = pair("Europe/Rome", "Asia/Tokyo")
    assert dual_label(entry("2025-10-25", "10:00"), zones) == "Local 10:00 · Home 17:00"
    assert dual_label(entry("2025-10-26", "10:00"), zones) == "Local 10:00 · Home 18:00"


def test_undated_entries_use_the_fallback_date_or_print_local_only() -> None:
    zones = pair("Europe/Rome", "America/New_York")
    undated = m.ScheduleEntry(time=dt.time(9), title="Call")
    assert dual_label(undated, zones) == "Local 09:00"
    assert dual_label(undated, zones, dt.date(2025, 6, 12)) == "Local 09:00 · Home 03:00"


def test_no_home_zone_or_the_same_zone_means_no_pair() -> None:
    assert zone_pair(m.Meta(timezone="Europe/Rome")) is None
    assert zone_pair(m.Meta(timezone="Europe/Rome", home_timezone="Europe/Rome")) is None


def test_unknown_zone_names_the_key_and_the_nearest_name() -> None:
    with pytest.raises(TimeZoneError) as caught:
        zone_pair(m.Meta(timezone="Europe/Rome", home_timezone="Europe/Bruxelles"))
    assert "home_timezone" in str(caught.value)
    assert "'Europe/Brussels'" in str(caught.value)
    assert zone_problem("Europe/Rom") == (
        "unknown time zone 'Europe/Rom' (did you mean 'Europe/Rome'?)"
    )
    assert zone_problem("Europe/Rome") is None


def test_home_without_local_is_an_error() -> None:
    with pytest.raises(BriefbookError, match="'timezone'"):
        zone_pair(m.Meta(home_timezone="Europe/Rome"))


def test_skipped_wall_clock_times() -> None:
    rome = get_zone("Europe/Rome")
    assert not exists(dt.date(2025, 3, 30), dt.time(2, 30), rome)
    assert exists(dt.date(2025, 3, 30), dt.time(3, 30), rome)
