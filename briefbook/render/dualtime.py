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
from briefbook.core.timezones import ZonePair, home_time, local_text
from briefbook.render import text as tx
from briefbook.render.flowables import TextParagraph

_BREAK = re.compile(r"(?<=[A-Za-z])\u00a0(?=\d{2}:\d{2})")


def local_label(entry: m.ScheduleEntry) -> str:
    """``09:00–09:45``, ``until 17:30`` or ``TBC`` when the entry has no time."""
    return local_text(entry) or "TBC"


def home_label(
    entry: m.ScheduleEntry, zones: ZonePair | None, fallback_date: dt.date | None = None
) -> str:
    """``Home 15:00–15:45`` (with the home date where the day changes), or ``""``."""
    if zones is None:
        return ""
    home = home_time(entry, zones, fallback_date)
    return f"Home {_glued(home.text())}" if home is not None else ""


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
) -> list[Flowable]:
    """The time cell: the local time, then the home time when the brief has a home zone."""
    found: list[Flowable] = [TextParagraph(tx.plain(local_label(entry)), local_style)]
    home = home_label(entry, zones, fallback_date)
    if home:
        found.append(TextParagraph(tx.plain(home), home_style))
    return found


def zones_note(zones: ZonePair) -> str:
    """The line that says which times are which (plain text, to be escaped)."""
    return (
        f"Times are local ({zones.local_city}); home times ({zones.home_city}) "
        "are printed beneath them."
    )
