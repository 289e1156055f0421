"""A trip through several cities: each entry in its own zone, named where it prints, home
times converted from that zone; entries that end after midnight end the next day."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from briefbook.core import model as m
from briefbook.core.fileformat import dumps, load, loads, validate
from briefbook.core.timezones import home_time, local_text, schedule_zones
from briefbook.render.pocket.card import render_pocket_card
from tests.render.conftest import page_texts, render

TRIP = Path(__file__).parents[1] / "data" / "trip" / "two-cities.brief.yaml"


def flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).replace("\u00a0", " ").split())


def test_each_entry_prints_its_own_zone_and_home_time() -> None:
    text = flat(page_texts(render(load(TRIP))[1]))
    assert "Times are local (Rome, Paris, London), with each time zone named" in text
    assert "09:00–10:00 CEST Home 03:00–04:00" in text  # Rome, 6 hours ahead of New York
    assert "09:00–09:45 CEST Home 03:00–03:45" in text  # Paris, the same offset
    assert "15:00–16:00 BST Home 10:00–11:00" in text  # London, 5 hours ahead
    assert "10:00 BST Home 05:00" in text


def test_the_day_heading_names_the_zone_where_it_changes() -> None:
    text = flat(page_texts(render(load(TRIP))[1]))
    assert "Monday 15 September 2025 · Local time: Rome (CEST)" in text
    assert "Tuesday 16 September 2025 · Local time: Paris (CEST), then London (BST)" in text
    # Wednesday stays in London: its heading says nothing more.
    assert "Wednesday 17 September 2025 Time" in text


def test_after_midnight_prints_as_ending_the_next_day() -> None:
    text = flat(page_texts(render(load(TRIP))[1]))
    assert "23:30–01:15 (+1) CEST Home 17:30–19:15" in text


def test_after_midnight_on_the_pocket_card_and_the_itinerary() -> None:
    brief = load(TRIP)
    card = flat(page_texts(PdfReader(io.BytesIO(render_pocket_card(brief).pdf))))
    assert "23:30–01:15 (+1) CEST" in card
    assert "Local time: Paris (CEST), then London (BST)" in card
    from briefbook.core.distribution.itinerary import itinerary_for

    mine = flat(page_texts(render(itinerary_for(brief, "Bob"))[1]))
    assert "09:00–09:45 CEST Home 03:00–03:45" in mine


def test_home_end_moves_to_the_next_day() -> None:
    brief = load(TRIP)
    zones = schedule_zones(brief)
    assert zones is not None
    late = m.ScheduleEntry(
        date=dt.date(2025, 9, 15),
        time=dt.time(23, 30),
        end=dt.time(1, 15),
        title="x",
        timezone="Asia/Tokyo",
    )
    home = home_time(late, zones)
    assert home is not None and home.end is not None and home.start is not None
    assert (home.end - home.start) == dt.timedelta(hours=1, minutes=45)
    assert local_text(late) == "23:30–01:15 (+1)"


def test_without_home_zone_the_zones_still_print() -> None:
    brief = load(TRIP)
    brief.meta.home_timezone = ""
    text = flat(page_texts(render(brief)[1]))
    assert "09:00–09:45 CEST" in text and "Home" not in text.split("Programme", 2)[-1]


def test_one_zone_prints_as_before() -> None:
    brief = loads(
        "briefbook: 1\nmeta: {timezone: Europe/Rome}\nsections:\n- title: P\n"
        "  blocks:\n  - schedule:\n    - {date: 2025-09-15, time: '09:00', "
        "end: '10:00', title: Talks}\n"
    )
    text = flat(page_texts(render(brief)[1]))
    assert "09:00–10:00 Talks" in text and "CEST" not in text


def test_the_zone_round_trips_and_an_unknown_one_is_placed(tmp_path: Path) -> None:
    brief = load(TRIP)
    assert loads(dumps(brief)) == brief
    assert "timezone: Europe/Paris" in dumps(brief)
    bad = tmp_path / "bad.brief.yaml"
    bad.write_text(
        TRIP.read_text(encoding="utf-8").replace("Europe/London", "Europe/Londn", 1),
        encoding="utf-8",
    )
    problems = validate(bad)
    assert len(problems) == 1
    assert problems[0].line == 14 and problems[0].column == 71
    run = subprocess.run(
        [sys.executable, "-m", "briefbook", "validate", str(bad)], capture_output=True, text=True
    )
    assert run.returncode == 2
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"{bad}:14:71:") and "did you mean 'Europe/London'" in line


def test_an_entry_ending_after_midnight_is_valid(tmp_path: Path) -> None:
    assert validate(TRIP) == []


def test_a_changed_time_zone_is_a_change() -> None:
    from briefbook.core.compare.diff import diff_briefs

    before = load(TRIP)
    after = load(TRIP)
    after.sections[0].blocks[0].entries[2].timezone = "Europe/Brussels"  # type: ignore[union-attr]
    texts = [change.text() for change in diff_briefs(before, after).changes]
    assert any("time zone: now Europe/Brussels (was Europe/Paris)" in t for t in texts), texts
