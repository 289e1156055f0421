"""Schedules across time zones print local and home times, with the day change, DST included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefbook.core import model as m
from briefbook.core.fileformat import load
from tests.render.conftest import page_texts, render

HARBOUR = Path(__file__).parents[1] / "data" / "changes" / "harbour-v3.brief.yaml"


def schedule_text(brief: m.Brief, **options: object) -> str:
    _, reader = render(brief, **options)
    text = " ".join(page_texts(reader)).replace("\u00a0", " ")
    return " ".join(text.split())


def day_brief(local: str, home: str, day: dt.date, *times: str) -> m.Brief:
    entries = [
        m.ScheduleEntry(date=day, time=dt.time.fromisoformat(t), title=f"Event {t}") for t in times
    ]
    return m.Brief(
        m.Meta(title="Trip", timezone=local, home_timezone=home),
        [m.Section("Schedule", [m.ScheduleBlock(entries)])],
    )


def test_both_times_across_the_end_of_summer_time() -> None:
    # Malta leaves summer time on 26 October 2025; New York a week later.
    text = schedule_text(load(HARBOUR))
    assert "Times are local (Malta); home times (New York)" in text
    assert "08:30–09:00 Home 02:30–03:00" in text  # Saturday: 6 hours apart
    assert "09:30–10:30 Home 04:30–05:30" in text  # Sunday: 5 hours apart
    assert "16:00 Home 11:00" in text


def test_the_day_change_is_shown_where_it_happens() -> None:
    brief = day_brief("Europe/Rome", "Asia/Tokyo", dt.date(2025, 6, 12), "09:00", "18:30")
    text = schedule_text(brief)
    assert "09:00 Home 16:00" in text
    assert "18:30 Home Fri 13 Jun 01:30" in text


def test_home_a_day_behind() -> None:
    brief = day_brief("Pacific/Auckland", "America/Los_Angeles", dt.date(2025, 3, 10), "08:00")
    # Auckland on summer time (UTC+13), Los Angeles just on summer time (UTC-7).
    assert "08:00 Home Sun 9 Mar 12:00" in schedule_text(brief)


def test_home_times_can_be_left_out() -> None:
    brief = load(HARBOUR)
    assert "Home 02:30" not in schedule_text(brief, home_times=False)
    brief.meta.home_timezone = ""
    assert "Home 02:30" not in schedule_text(brief)


def test_an_unknown_zone_is_a_warning_not_a_failure() -> None:
    brief = day_brief("Europe/Rome", "Europe/Bruxelles", dt.date(2025, 6, 12), "09:00")
    result, reader = render(brief)
    assert any("did you mean 'Europe/Brussels'" in str(w) for w in result.warnings)
    assert "Home" not in " ".join(page_texts(reader))
