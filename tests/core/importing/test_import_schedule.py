"""Schedules: times and dates in many formats, grouped under dates, split into fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from import_helpers import content, first_missing, flatten, is_subsequence

from briefbook.core.fileformat import dumps, loads
from briefbook.core.importing import import_file, import_text
from briefbook.core.importing.timeparse import PartialDate, parse_date_line, parse_time_span
from briefbook.core.model import Brief, ScheduleBlock, ScheduleEntry, TextBlock

T = dt.time


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("09:00 Arrival", T(9, 0), None),
        ("9:00 Arrival", T(9, 0), None),
        ("9.30 Meeting", T(9, 30), None),
        ("9:30 AM, Press conference", T(9, 30), None),
        ("9:30 p.m. Dinner", T(21, 30), None),
        ("9am Coffee", T(9, 0), None),
        ("12 PM Lunch", T(12, 0), None),
        ("12 AM Departure", T(0, 0), None),
        ("14h30 Visit", T(14, 30), None),
        ("14h Visit", T(14, 0), None),
        ("0900 hrs Breakfast", T(9, 0), None),
        ("0900–1000 Breakfast", T(9, 0), T(10, 0)),
        ("09:00-09:45 Meeting", T(9, 0), T(9, 45)),
        ("09:00 – 09:45 Meeting", T(9, 0), T(9, 45)),
        ("9.30 to 10.15 am Talks", T(9, 30), T(10, 15)),
        ("2 - 3:30 PM Departure", T(14, 0), T(15, 30)),
        ("11-1 pm Lunch", T(11, 0), T(13, 0)),
        ("10:00 until 11:00 Talks", T(10, 0), T(11, 0)),
        ("23:00-01:00 Night flight", T(23, 0), None),  # past midnight: the end is dropped
    ],
)
def test_times(text: str, start: dt.time, end: dt.time | None) -> None:
    span = parse_time_span(text)
    assert span is not None
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "1.10 Scope",
        "3.14159",
        "2025-06-12",
        "12 June",
        "10:30something",
        "1.5 million",
        "12.5",
        "25:00 Never",
        "9 Items",
        "12,000 troops",
        "",
        "Arrival at 9:00",
    ],
)
def test_not_times(text: str) -> None:
    assert parse_time_span(text) is None


def test_a_bare_four_digit_number_is_a_weak_time() -> None:
    span = parse_time_span("1930 Dinner")
    assert span is not None and span.weak
    strong = parse_time_span("0900 hrs Breakfast")
    assert strong is not None and not strong.weak


@pytest.mark.parametrize(
    "text,expected",
    [
        ("12 June 2025", PartialDate(12, 6, 2025)),
        ("June 12, 2025", PartialDate(12, 6, 2025)),
        ("Thursday 12 June", PartialDate(12, 6, None, 3)),
        ("Thursday, 12 June 2025", PartialDate(12, 6, 2025, 3)),
        ("Thu 12th June", PartialDate(12, 6, None, 3)),
        ("2025-06-12", PartialDate(12, 6, 2025)),
        ("12/06/2025", PartialDate(12, 6, 2025)),
        ("12.06.2025", PartialDate(12, 6, 2025)),
        ("Day 2 – Friday 13 June 2025", PartialDate(13, 6, 2025, 4)),
        ("The 12th of June", PartialDate(12, 6, None)),
        ("giovedì 12 giugno 2025", PartialDate(12, 6, 2025, 3)),
        ("jeudi 12 juin 2025:", PartialDate(12, 6, 2025, 3)),
        ("**Thursday 12 June 2025**", PartialDate(12, 6, 2025, 3)),
    ],
)
def test_dates(text: str, expected: PartialDate | None) -> None:
    assert parse_date_line(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Schedule",
        "May 2025",
        "Monday",
        "12",
        "31 February 2025",
        "The meeting on 12 June will be long",
        "2025",
    ],
)
def test_not_dates(text: str) -> None:
    assert parse_date_line(text) is None


def test_a_missing_year_comes_from_the_weekday() -> None:
    date = PartialDate(12, 6, None, 3).resolve(today=dt.date(2026, 11, 1))
    assert date == dt.date(2025, 6, 12)  # the nearest year in which 12 June is a Thursday
    assert PartialDate(12, 6, None).resolve(2031) == dt.date(2031, 6, 12)


def schedules(brief: Brief) -> list[ScheduleBlock]:
    found: list[ScheduleBlock] = []
    for section in brief.sections:
        for part in [section, *section.subsections]:
            found.extend(b for b in part.blocks if isinstance(b, ScheduleBlock))
    return found


def test_agenda_in_many_formats(import_data: Path) -> None:
    path = import_data / "agenda-formats.txt"
    brief = import_file(path)
    # Its one heading starts the section; the brief is named after the file (not twice).
    assert [s.title for s in brief.sections] == ["Programme of the visit"]
    assert brief.meta.title == "Agenda formats"
    assert brief.meta.dates.start == dt.date(2025, 6, 12)
    assert brief.meta.dates.end == dt.date(2025, 6, 14)
    (block,) = schedules(brief)
    entries = block.entries
    day = dt.date(2025, 6, 12)
    assert entries[0] == ScheduleEntry(
        date=day,
        time=T(9),
        end=T(9, 45),
        title="Meeting with the Minister of Defence",
        place="Palazzo Baracchini",
    )
    assert (entries[1].time, entries[1].title, entries[1].place) == (
        T(9, 30),
        "Courtesy call on the Chief of Defence",
        "Palazzo Esercito",
    )
    third = entries[2]
    assert (third.time, third.end, third.title, third.press) == (
        T(10, 15),
        T(11),
        "Bilateral meeting with the Prime Minister",
        "closed",
    )
    assert third.participants == ["Secretary General", "Ambassador", "Prime Minister"]
    assert third.notes == "Notes: interpretation provided"
    assert (entries[3].time, entries[3].title, entries[3].place) == (
        T(11, 30),
        "Press conference",
        "Palazzo Chigi",
    )
    assert (entries[4].time, entries[4].title) == (
        T(14, 30),
        "Visit to the Joint Operations Headquarters",
    )
    assert (entries[5].time, entries[5].end, entries[5].title, entries[5].place) == (
        T(16),
        T(17),
        "Roundtable with think tanks",
        "Istituto Affari Internazionali",
    )
    assert [e.date for e in entries] == [day] * 6 + [dt.date(2025, 6, 13)] * 3 + [
        dt.date(2025, 6, 14)
    ]
    assert (entries[6].time, entries[6].place) == (T(9), "Residence of the Ambassador")
    assert (entries[7].time, entries[7].end) == (T(10), T(11, 30))
    assert (entries[8].time, entries[8].end) == (T(14), T(15, 30))
    assert entries[9].title == "Return flight"
    assert is_subsequence(content(path.read_text("utf-8")), flatten(brief)), first_missing(
        content(path.read_text("utf-8")), flatten(brief)
    )
    assert loads(dumps(brief)) == brief


def test_two_time_led_lines_are_a_schedule_without_a_date() -> None:
    brief = import_text("Tomorrow\n09:00 Breakfast\n10:00 Talks, Palazzo Chigi\n")
    (block,) = schedules(brief)
    assert [(e.date, e.time, e.title, e.place) for e in block.entries] == [
        (None, T(9), "Breakfast", ""),
        (None, T(10), "Talks", "Palazzo Chigi"),
    ]


def test_one_time_led_line_is_a_schedule_only_under_an_agenda_heading() -> None:
    assert schedules(import_text("Note\n12.50 euros is the fee for the museum.\n")) == []
    brief = import_text("Programme\n10:00 Talks at the ministry\n")
    assert [e.title for e in schedules(brief)[0].entries] == ["Talks at the ministry"]


def test_years_alone_are_not_a_schedule() -> None:
    text = "History\n1949 Treaty signed in Washington.\n1952 Greece and Turkey join.\n"
    brief = import_text(text)
    assert schedules(brief) == []


def test_military_times_under_a_date() -> None:
    brief = import_text("12 June 2025\n0800 Depart hotel\n0930 Arrive base\n")
    entries = schedules(brief)[0].entries
    assert [(e.time, e.title) for e in entries] == [
        (T(8), "Depart hotel"),
        (T(9, 30), "Arrive base"),
    ]


def test_entries_with_columns_and_details() -> None:
    text = (
        "Itinerary\n"
        "09:00\tArrival\tCiampino Airport\tpool\tcars ready\n"
        "09:45 | Meeting | Palazzo Chigi\n"
        "10:30    Lunch    Villa Madama\n"
        "  - with the Prime Minister\n"
        "11:30 Talks – Farnesina\n"
        "Venue: Room 3\n"
        "12:00 Wrap-up\n"
    )
    entries = schedules(import_text(text))[0].entries
    assert (entries[0].title, entries[0].place, entries[0].press, entries[0].notes) == (
        "Arrival",
        "Ciampino Airport",
        "pool",
        "cars ready",
    )
    assert (entries[1].title, entries[1].place) == ("Meeting", "Palazzo Chigi")
    assert (entries[2].title, entries[2].place, entries[2].notes) == (
        "Lunch",
        "Villa Madama",
        "with the Prime Minister",
    )
    assert (entries[3].title, entries[3].place) == ("Talks", "Farnesina")
    assert entries[3].notes == "Venue: Room 3" or entries[3].place == "Farnesina"


def test_a_comma_inside_the_activity_is_not_a_place() -> None:
    text = "09:00 Meeting with the President, the Prime Minister and others\n10:00 Lunch\n"
    entries = schedules(import_text(text))[0].entries
    assert entries[0].title == "Meeting with the President, the Prime Minister and others"
    assert entries[0].place == ""


def test_bulleted_agenda_is_a_schedule() -> None:
    brief = import_text("Schedule\n- 09:00 Arrival\n- 10:00 Talks\n")
    assert [e.title for e in schedules(brief)[0].entries] == ["Arrival", "Talks"]


def test_text_around_a_schedule_is_kept() -> None:
    text = "Thursday 12 June 2025\n09:00 Arrival\n10:00 Talks\nThe programme may change.\n"
    brief = import_text(text)
    assert len(schedules(brief)[0].entries) == 2
    assert TextBlock("The programme may change.") in brief.sections[0].blocks


def test_every_entry_has_a_title_and_the_brief_saves() -> None:
    brief = import_text("Schedule\n09:00\n10:00 –\n11:00 Talks\n")
    entries = schedules(brief)[0].entries
    assert [e.time for e in entries] == [T(9), T(10), T(11)]
    assert loads(dumps(brief)) == brief


def test_agenda_tables_become_schedules() -> None:
    text = (
        "Programme\n\n"
        "Time          Activity                        Venue\n"
        "09:00–09:45   Meeting with the Minister       Palazzo Baracchini\n"
        "10:00         Courtesy call                   Quirinale\n\n"
        "| Date | Time | Activity | Press | Notes |\n"
        "|---|---|---|---|---|\n"
        "| 13 June 2025 | 09:00 | Breakfast | closed | with ambassadors |\n"
        "| | 10:00 | Talks | open | |\n"
    )
    first, second = schedules(import_text(text))
    assert [(e.time, e.end, e.title, e.place) for e in first.entries] == [
        (T(9), T(9, 45), "Meeting with the Minister", "Palazzo Baracchini"),
        (T(10), None, "Courtesy call", "Quirinale"),
    ]
    assert [(e.date, e.time, e.title, e.press, e.notes) for e in second.entries] == [
        (dt.date(2025, 6, 13), T(9), "Breakfast", "closed", "with ambassadors"),
        (dt.date(2025, 6, 13), T(10), "Talks", "open", ""),
    ]


def test_a_table_with_other_column_titles_stays_a_table() -> None:
    text = "Time | Activity | Budget\n---|---|---\n09:00 | Talks | €5\n"
    assert schedules(import_text(text)) == []


def test_forwarded_email_programme(import_data: Path) -> None:
    entries = schedules(import_file(import_data / "email-forward.txt"))[0].entries
    assert [(e.time, e.end, e.title, e.place, e.press) for e in entries] == [
        (T(8, 45), None, "Wheels down", "Ciampino Airport", ""),
        (T(9, 30), T(10, 15), "Meeting with the Minister of Defence*", "Palazzo Baracchini", ""),
        (T(10, 30), T(11, 15), "Meeting with the Prime Minister", "Palazzo Chigi", ""),
        (T(12), None, "Press point", "", "open"),
    ]
    assert entries[2].participants == ["SG", "Ambassador", "note-taker"]
    assert {e.date for e in entries} == {dt.date(2025, 6, 12)}


def test_amounts_are_not_times() -> None:
    text = "Fees\n12.50 euros for adults\n8.00 EUR for children\n9.30 % of GDP\n"
    assert schedules(import_text(text)) == []
