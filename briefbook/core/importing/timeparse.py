"""Times and dates as people type them in agendas, read by hand-written scanners.

Times: ``09:00``, ``9.30``, ``9:30 AM``, ``9am``, ``14h30``, ``14h``, ``0900``,
``0900 hrs`` and ranges such as ``09:00-09:45``, ``9.30 to 10.15 am`` or
``0900–1000``. Dates: ``12 June 2025``, ``June 12, 2025``, ``Thursday 12 June``,
``Thu, 12th June``, ``2025-06-12``, ``12/06/2025``, ``12.06.2025``, optionally after
``Day 1``. Month and weekday names come from CLDR (:mod:`.calendar_names`) in every
language briefbook prints.

Everything here scans a line once from its start; there is no regular expression
that could backtrack, so a 10 MB line costs what reading it costs.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from briefbook.core.importing.calendar_names import months, weekdays

#: Characters that join the two ends of a time range (besides the words below).
RANGE_DASHES = "-–—‒―~"
RANGE_WORDS = ("to", "until", "till", "bis", "à", "a", "al")

#: Words a date line may carry besides the date itself ("Day 2 – Thursday, the 12th of June").
_DATE_FILLERS = frozenset(
    {
        "day",
        "the",
        "of",
        "le",
        "il",
        "der",
        "den",
        "de",
        "del",
        "el",
        "giorno",
        "jour",
        "tag",
        "día",
        "dia",
        "dag",
        "dzień",
    }
)
_ORDINALS = ("st", "nd", "rd", "th", "er", "e", "º", "°")


@dataclass(frozen=True)
class TimeSpan:
    """A time (and maybe an end) found at the start of a line.

    ``length`` is how many characters of the line it used; ``weak`` marks a bare
    four-digit number such as ``1930`` that may as well be a year.
    """

    start: dt.time
    end: dt.time | None
    length: int
    weak: bool = False


@dataclass(frozen=True)
class PartialDate:
    """A date as written: the year may be missing (``Thursday 12 June``)."""

    day: int
    month: int
    year: int | None = None
    weekday: int | None = None

    def resolve(
        self, context_year: int | None = None, today: dt.date | None = None
    ) -> dt.date | None:
        """The calendar date, guessing a missing year.

        A missing year is the context year (another date in the same material);
        failing that, the year nearest to today whose calendar puts the day on the
        weekday written; failing that, this year.
        """
        if self.year is not None:
            return _safe_date(self.year, self.month, self.day)
        if context_year is not None:
            found = _safe_date(context_year, self.month, self.day)
            if found is not None:
                return found
        this_year = (today or dt.date.today()).year
        if self.weekday is not None:
            for offset in range(0, 12):
                for year in (this_year - offset, this_year + offset):
                    found = _safe_date(year, self.month, self.day)
                    if found is not None and found.weekday() == self.weekday:
                        return found
        return _safe_date(this_year, self.month, self.day)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- times ------------------------------------------------------------------


def _digits(text: str, pos: int, most: int) -> tuple[str, int]:
    """The run of ASCII digits at ``pos`` (at most ``most`` + 1 read, to detect longer runs)."""
    end = pos
    limit = min(len(text), pos + most + 1)
    while end < limit and "0" <= text[end] <= "9":
        end += 1
    return text[pos:end], end


def _meridiem(text: str, pos: int) -> tuple[str | None, int]:
    """``am``/``pm`` (also ``a.m.``, ``AM``, ``p. m.``) at ``pos``, after optional spaces."""
    i = pos
    while i < len(text) and text[i] == " " and i - pos < 2:
        i += 1
    if i >= len(text) or text[i].lower() not in "ap":
        return None, pos
    kind = text[i].lower()
    j = i + 1
    if j < len(text) and text[j] == ".":
        j += 1
        while j < len(text) and text[j] == " " and j - i < 4:
            j += 1
    if j < len(text) and text[j].lower() == "m":
        j += 1
        if j < len(text) and text[j] == ".":
            j += 1
        if j < len(text) and text[j].isalnum():
            return None, pos
        return kind, j
    return None, pos


def _suffix_hours(text: str, pos: int) -> int:
    """Skip ``h``, ``hrs``, ``hours``, ``Uhr`` right after a time; returns the new position."""
    i = pos
    if i < len(text) and text[i] == " ":
        i += 1
    for word in ("hours", "hrs", "hr", "uhr", "h"):
        end = i + len(word)
        if text[i:end].lower() == word and (end >= len(text) or not text[end].isalnum()):
            return end
    return pos


@dataclass(frozen=True)
class _Clock:
    hour: int
    minute: int
    end: int
    meridiem: str | None
    strong: bool  # written with a separator, an h or am/pm
    military: bool  # four digits with nothing between hours and minutes
    minutes_written: bool


def _clock(text: str, pos: int) -> _Clock | None:
    """One time of day at ``pos``, or None."""
    first, i = _digits(text, pos, 4)
    if not first or len(first) > 4:
        return None
    hour: int
    minute = 0
    strong = False
    military = False
    minutes_written = False
    if len(first) == 4:
        hour, minute = int(first[:2]), int(first[2:])
        military = True
        minutes_written = True
    elif len(first) == 3:
        return None
    else:
        hour = int(first)
        if i < len(text) and text[i] in ":.hH":
            sep = text[i]
            minutes, j = _digits(text, i + 1, 2)
            if len(minutes) == 2:
                minute = int(minutes)
                i = j
                strong = True
                minutes_written = True
                if sep == "." and len(first) == 1 and hour < 6:
                    strong = False  # "1.10 Scope" is a section number, not ten past one
            elif sep in "hH" and not minutes and not (j < len(text) and text[j].isalpha()):
                i += 1
                strong = True
            elif minutes:
                return None
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    meridiem, after = _meridiem(text, i)
    if meridiem is not None:
        if military or not 1 <= hour <= 12:
            return None
        i = after
        strong = True
    if hour == 24:
        hour = 0
    glued = i < len(text) and (text[i].isalnum() or text[i] in "%$€£")
    if glued and (_suffix_hours(text, i) == i or text[i] == " "):
        return None
    return _Clock(hour, minute, i, meridiem, strong, military, minutes_written)


def _to_24(hour: int, meridiem: str | None) -> int:
    if meridiem == "a":
        return 0 if hour == 12 else hour
    if meridiem == "p":
        return hour if hour == 12 else hour + 12
    return hour


def _range_join(text: str, pos: int) -> int | None:
    """Skip the dash or word between the two times of a range; None when there is none."""
    i = pos
    while i < len(text) and text[i] in " \t" and i - pos < 4:
        i += 1
    if i < len(text) and text[i] in RANGE_DASHES:
        i += 1
    else:
        for word in RANGE_WORDS:
            end = i + len(word)
            if text[i:end].lower() == word and end < len(text) and text[end] == " ":
                i = end
                break
        else:
            return None
    start = i
    while i < len(text) and text[i] in " \t" and i - start < 4:
        i += 1
    return i


def parse_time_span(text: str) -> TimeSpan | None:
    """The time or time range that starts ``text`` (after leading spaces), or None.

    >>> parse_time_span("9:30 AM, Press conference").start
    datetime.time(9, 30)
    """
    pos = 0
    while pos < len(text) and text[pos] in " \t" and pos < 64:
        pos += 1
    first = _clock(text, pos)
    if first is None:
        return None
    end_clock: _Clock | None = None
    join = _range_join(text, first.end)
    if join is not None:
        end_clock = _clock(text, join)
    if (
        end_clock is not None
        and first.military != end_clock.military
        and not (first.strong and end_clock.strong)
    ):
        end_clock = None
    start_meridiem = first.meridiem
    if end_clock is not None and start_meridiem is None and end_clock.meridiem is not None:
        start_meridiem = end_clock.meridiem
        if (
            end_clock.meridiem == "p"
            and 1 <= first.hour <= 12
            and _to_24(first.hour, "p") > _to_24(end_clock.hour, "p")
        ):
            start_meridiem = "a"
        if not 1 <= first.hour <= 12:
            start_meridiem = None
    first_ok = first.strong or first.military or (end_clock is not None and end_clock.strong)
    if not first_ok:
        return None
    start = dt.time(_to_24(first.hour, start_meridiem), first.minute)
    length = first.end
    end: dt.time | None = None
    if end_clock is not None and (end_clock.strong or end_clock.military):
        end = dt.time(_to_24(end_clock.hour, end_clock.meridiem), end_clock.minute)
        length = end_clock.end
    if length + 1 < len(text) and text[length] in "-/.," and text[length + 1].isdigit():
        return None  # "2025-06-12", "12.06.2025", "1,000": not a time
    suffixed = _suffix_hours(text, length)
    weak = first.military and end is None and suffixed == length
    length = suffixed
    if end is not None and end < start:
        end = None  # past midnight or a typo: keep the start, the text keeps the rest
    return TimeSpan(start, end, length, weak)


# --- dates ------------------------------------------------------------------


def _fold(word: str) -> str:
    """Lower case, and accents kept only where the tables above spell them."""
    word = word.lower().rstrip(".")
    if word.isascii() or word in months() or word in weekdays():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _numeric_date(token: str) -> PartialDate | None:
    """``2025-06-12``, ``12/06/2025``, ``12.06.2025`` (day first unless impossible)."""
    for sep in "-/.":
        parts = token.split(sep)
        if len(parts) == 3 and all(p.isdigit() and p.isascii() for p in parts):
            a, b, c = parts
            if len(a) == 4 and sep == "-":
                return _checked(int(c), int(b), int(a))
            if len(c) == 4 and len(a) <= 2 and len(b) <= 2:
                day, month = int(a), int(b)
                if month > 12 and day <= 12:
                    day, month = month, day
                return _checked(day, month, int(c))
    return None


def _checked(
    day: int, month: int, year: int | None, weekday: int | None = None
) -> PartialDate | None:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is not None and not 1900 <= year <= 2200:
        return None
    if _safe_date(year if year is not None else 2000, month, day) is None:
        return None
    return PartialDate(day, month, year, weekday)


def _day_number(token: str) -> int | None:
    low = token.lower()
    for suffix in _ORDINALS:
        if low.endswith(suffix) and low[: -len(suffix)].isdigit():
            low = low[: -len(suffix)]
            break
    if low.isdigit() and low.isascii() and len(low) <= 2:
        return int(low)
    return None


def parse_date_line(line: str) -> PartialDate | None:
    """The date a whole line names (``Thursday 12 June 2025``), or None.

    Only lines that are a date and little else qualify: a weekday, a ``Day 2``
    label and punctuation may come with it, nothing more.
    """
    if len(line) > 60 or not any("0" <= ch <= "9" for ch in line):
        return None
    cleaned = []
    for ch in line:
        cleaned.append(" " if ch in ",:;()[]*#|–—_\t" else ch)
    tokens = "".join(cleaned).split()
    if not tokens or len(tokens) > 8:
        return None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    numbers_before_month: list[int] = []
    numbers_after_month: list[int] = []
    saw_day_word = False
    for token in tokens:
        if token in {"-", "–"}:
            continue
        numeric = _numeric_date(token) if len(token) >= 8 else None
        if numeric is not None:
            if month is not None or day is not None:
                return None
            day, month, year = numeric.day, numeric.month, numeric.year
            continue
        word = _fold(token)
        if (
            word in months()
            and not word.isdigit()
            and month is None
            and (len(word) >= 3 or word in {"mai"})
        ):
            month = months()[word]
            continue
        if word in weekdays() and len(word) >= 3 and weekday is None:
            weekday = weekdays()[word]
            continue
        if word in _DATE_FILLERS:
            saw_day_word = saw_day_word or word in {"day", "giorno", "jour", "tag", "dia"}
            continue
        number = _day_number(token.rstrip("."))
        if number is not None:
            (numbers_after_month if month is not None else numbers_before_month).append(number)
            continue
        if token.isdigit() and len(token) == 4 and token.isascii():
            if year is not None:
                return None
            year = int(token)
            continue
        return None
    if month is None:
        return None
    if day is not None:
        return (
            _checked(day, month, year, weekday)
            if not (numbers_before_month or numbers_after_month)
            else None
        )
    candidates = numbers_before_month[-1:] if numbers_before_month else []
    if not candidates and numbers_after_month:
        candidates = numbers_after_month[:1]
    leftovers = len(numbers_before_month) + len(numbers_after_month) - len(candidates)
    if saw_day_word:
        leftovers -= 1  # the number of "Day 2"
    if not candidates or leftovers > 0:
        return None
    return _checked(candidates[0], month, year, weekday)
