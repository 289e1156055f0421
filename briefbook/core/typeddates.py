"""A date as a person types it into a date field: ``15 Sep 2025``, ``15/09/2025``,
``2025-09-15``, ``15.09.2025``, ``Sep 15, 2025``, ``Mon 15 Sep`` (the year then comes
from the brief). The scanning itself is the importer's (``importing.timeparse``)."""

from __future__ import annotations

import datetime as dt

from briefbook.core.importing.timeparse import parse_date_line
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
