"""Month and weekday names as the importer reads them, from the CLDR data of Babel.

Every language briefbook has its words in contributes its wide and abbreviated
names, in their format and stand-alone forms ("juin", "czerwca", "Ιουνίου"), in
lower case, with and without accents. A few spellings people type that CLDR does not
list ("Tues", "Febr") are added. Where two languages spell different months or days
alike, the language listed first keeps the name.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale

#: The languages whose names are read, in order of precedence.
LANGUAGES = (
    "en",
    "fr",
    "it",
    "de",
    "es",
    "pt",
    "nl",
    "sv",
    "da",
    "nb",
    "fi",
    "pl",
    "cs",
    "el",
    "tr",
)
_EXTRA_MONTHS = {"jän": 1, "febr": 2, "maerz": 3, "marz": 3, "sept": 9}
_EXTRA_DAYS = {"tues": 1, "thur": 3, "thurs": 3}


def _bare(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _names(kind: str, extra: dict[str, int]) -> dict[str, int]:
    found: dict[str, int] = {}
    for language in LANGUAGES:
        locale = Locale.parse(language)
        table = locale.months if kind == "months" else locale.days
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in table[context][width].items():
                    word = name.lower().rstrip(".")
                    found.setdefault(word, int(number))
                    found.setdefault(_bare(word), int(number))
    for word, number in extra.items():
        found.setdefault(word, number)
    return found


@cache
def months() -> dict[str, int]:
    """Month names to their number (1 for January); read once, when first needed."""
    return _names("months", _EXTRA_MONTHS)


@cache
def weekdays() -> dict[str, int]:
    """Weekday names to their number (0 for Monday)."""
    return _names("days", _EXTRA_DAYS)
