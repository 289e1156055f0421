"""Dates and times as a dossier prints them, in the brief's language and independent
of the system locale (see :mod:`briefbook.core.localdates`)."""

from __future__ import annotations

import datetime as dt

from briefbook.core.model import DateRange
from briefbook.core.wording import ENGLISH, Wording


def format_date(day: dt.date, weekday: bool = False, words: Wording = ENGLISH) -> str:
    """``12 June 2025`` (or ``Thursday 12 June 2025`` with ``weekday``); ``jeudi 12 juin 2025``."""
    return words.date(day, weekday)


def format_range(dates: DateRange, words: Wording = ENGLISH) -> str:
    """A date range written compactly: ``12–14 June 2025``, ``30 June – 2 July 2025``."""
    return words.dates(dates)


def format_time(value: dt.time | None, words: Wording = ENGLISH) -> str:
    """``09:00``; empty for no time."""
    return words.time(value)


def format_time_range(start: dt.time | None, end: dt.time | None, words: Wording = ENGLISH) -> str:
    """``09:00–09:45``, ``09:00`` or ``until 09:45``."""
    return words.time_range(words.time(start), words.time(end))
