"""Dates as people type them into a date field."""

from __future__ import annotations

import datetime as dt

import pytest

from briefbook.core.typeddates import parse_typed_date

DAY = dt.date(2025, 9, 15)


@pytest.mark.parametrize(
    "text",
    [
        "15 Sep 2025",
        "15/09/2025",
        "2025-09-15",
        "15.09.2025",
        "Sep 15, 2025",
        "15 September 2025",
        "Mon 15 Sep 2025",
        "  15   Sep 2025 ",
    ],
)
def test_the_usual_ways_of_writing_a_date(text: str) -> None:
    assert parse_typed_date(text) == DAY


def test_a_date_without_a_year_is_in_the_briefs_year() -> None:
    assert parse_typed_date("Mon 15 Sep", 2025) == DAY
    assert parse_typed_date("15 Sep", 2025) == DAY


@pytest.mark.parametrize("text", ["", "soonish", "31/02/2025", "15 Sep 2025 at noon", "2025"])
def test_what_is_not_a_date_is_none(text: str) -> None:
    assert parse_typed_date(text) is None
