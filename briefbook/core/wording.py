"""The brief's words: its printed labels, dates, times and name order, in its language.

One :class:`Wording` per render carries ``meta.language``, ``meta.labels`` and
``meta.time_format`` to everything that prints a word of briefbook's own, so a
builder writes ``words("contents")`` or ``words.date(day)`` and never an English
string. The default instance is English.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from briefbook.core import localdates
from briefbook.core.collation import sort_key
from briefbook.core.labels import has_language, label
from briefbook.core.language import primary
from briefbook.core.model import DateRange, Meta


@dataclass(frozen=True)
class Wording:
    """Labels, dates and times in one language, with the brief's own label overrides."""

    language: str = "en"
    overrides: dict[str, str] = field(default_factory=dict)
    #: ``24h``, ``12h``, or "" for the language's habit.
    time_format: str = ""

    @classmethod
    def of(cls, meta: Meta) -> Wording:
        return cls(meta.language.strip() or "en", dict(meta.labels), meta.time_format)

    def __call__(self, key: str, **values: object) -> str:
        """The printed word for ``key``, with its ``{fields}`` filled in."""
        return label(key, self.language, self.overrides, **values)

    @property
    def has_labels(self) -> bool:
        """Whether briefbook has its words in this language (else they print in English)."""
        return has_language(self.language)

    def date(self, day: dt.date, weekday: bool = False) -> str:
        return localdates.format_date(day, self.language, weekday)

    def dates(self, dates: DateRange) -> str:
        return localdates.format_range(dates.start, dates.end, self.language)

    def short_date(self, day: dt.date) -> str:
        return localdates.short_date(day, self.language)

    def clock(self, hour: int, minute: int) -> str:
        """``09:00``, or ``9:00 AM`` with a no-break space (a time never breaks apart)."""
        text = localdates.format_clock(hour, minute, self.language, self.time_format)
        return text.replace(" ", "\u00a0").replace("\u202f", "\u00a0")

    @staticmethod
    def between(start: str, end: str) -> str:
        """Two times as a range: ``09:00–09:45``; spaced where a time has a space
        (``9:00 AM – 9:45 AM``), so that the line may break after the dash."""
        spaced = any(ch in start + end for ch in " \u00a0")
        return f"{start} – {end}" if spaced else f"{start}–{end}"

    def time(self, value: dt.time | None) -> str:
        """``09:00``; empty for no time."""
        return self.clock(value.hour, value.minute) if value is not None else ""

    def time_range(self, start: str, end: str) -> str:
        """``09:00–09:45``, ``09:00`` or ``until 09:45`` from two printed times."""
        if start and end:
            return self.between(start, end)
        if start:
            return start
        return self("time_until", time=end) if end else ""

    def counted(self, key: str, count: int, **values: object) -> str:
        """``3 changes``: the plural form ``key_one``, ``key_few``... the language's
        rules choose (CLDR's), falling back to ``key_other``."""
        loc = localdates.locale_of(self.language)
        form = loc.plural_form(count) if loc is not None else ("one" if count == 1 else "other")
        try:
            return self(f"{key}_{form}", count=count, **values)
        except KeyError:
            return self(f"{key}_other", count=count, **values)

    def upper(self, text: str) -> str:
        """``text`` in capitals as the language writes them (Turkish dotted İ)."""
        lang = primary(self.language)
        if lang in ("tr", "az"):
            text = text.replace("i", "İ")
        if lang == "el":  # Greek capitals carry no accent (tonos); the diaeresis stays
            text = unicodedata.normalize(
                "NFC",
                "".join(
                    ch for ch in unicodedata.normalize("NFD", text) if ch not in "\u0301\u0342"
                ),
            )
        return text.upper()

    def sort_key(self, text: str) -> tuple[object, ...]:
        return sort_key(text, self.language)


ENGLISH = Wording()
