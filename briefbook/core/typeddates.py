"""A date as a person types it into a date field: ``15 Sep 2025``, ``15/09/2025``,
``2025-09-15``, ``15.09.2025``, ``Sep 15, 2025``, ``Mon 15 Sep`` (the year then comes
from the brief), and a time as staff write it: ``1130``, ``11.30``, ``11h30``,
``9:30 am``. The scanning itself is the importer's (``importing.timeparse``)."""

from __future__ import annotations

import datetime as dt
import re

from briefbook.core.importing.timeparse import parse_date_line, parse_time_span
from briefbook.core.text import one_line

#: What a date field's message suggests typing.
EXAMPLE = "15 Sep 2025, 15/09/2025 or 2025-09-15"


def parse_typed_date(text: str, year: int | None = None) -> dt.date | None:
    """The date ``text`` names, or None when it names none (empty text included).

    Numbers are read day first (``05/09/2025`` is 5 September) unless that is
    impossible; a date without a year is in ``year`` (else the nearest year whose
    calendar fits a weekday given, else this year).
    """
    text = one_line(text)
    if not text:
        return None
    found = parse_date_line(text)
    if found is None:
        return None
    return found.resolve(context_year=year)


#: What a time field's message suggests typing.
TIME_EXAMPLE = "09:30, 0930, 9.30, 9h30 or 9:30 am"

_SIMPLE_TIME = re.compile(r"^(\d{1,2})[:.h](\d{2})$")


def parse_typed_time(text: str) -> dt.time | None:
    """The time of day ``text`` names as staff write it, or None when it names none
    (empty text included): ``09:30``, ``0930``, ``930``, ``9.30``, ``9h30``, ``14h``,
    ``9:30 am``, ``9.30pm``, ``9am``, ``1130 hrs``."""
    text = one_line(text)
    if not text:
        return None
    simple = _SIMPLE_TIME.match(text)
    if simple:
        hour, minute = int(simple.group(1)), int(simple.group(2))
        return dt.time(hour, minute) if hour < 24 and minute < 60 else None
    if len(text) == 3 and text.isdigit():  # "930": the hour's leading zero left out
        text = "0" + text
    found = parse_time_span(text)
    if found is None or found.end is not None or found.length != len(text):
        return None
    return found.start
