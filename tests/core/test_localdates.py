"""Dates, times and name order in the brief's language (CLDR through Babel)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefbook.core import model as m
from briefbook.core.collation import sorted_names
from briefbook.core.wording import Wording

DAY = dt.date(2025, 6, 12)


@pytest.mark.parametrize(
    ("language", "full", "long"),
    [
        ("en", "Thursday 12 June 2025", "12 June 2025"),
        ("fr", "jeudi 12 juin 2025", "12 juin 2025"),
        ("sv", "torsdag 12 juni 2025", "12 juni 2025"),
        ("de", "Donnerstag, 12. Juni 2025", "12. Juni 2025"),
        ("pl", "czwartek, 12 czerwca 2025", "12 czerwca 2025"),
        ("xx", "Thursday 12 June 2025", "12 June 2025"),
    ],
)
def test_dates(language: str, full: str, long: str) -> None:
    words = Wording(language)
    assert words.date(DAY, weekday=True) == full
    assert words.date(DAY) == long


@pytest.mark.parametrize(
    ("language", "same_month", "two_months"),
    [
        ("en", "12–14 June 2025", "30 June – 2 July 2025"),
        ("fr", "12–14 juin 2025", "30 juin – 2 juillet 2025"),
        ("de", "12.–14. Juni 2025", "30. Juni – 2. Juli 2025"),
        ("sv", "12–14 juni 2025", "30 juni–2 juli 2025"),
    ],
)
def test_date_ranges(language: str, same_month: str, two_months: str) -> None:
    words = Wording(language)
    assert words.dates(m.DateRange(DAY, dt.date(2025, 6, 14))) == same_month
    assert words.dates(m.DateRange(dt.date(2025, 6, 30), dt.date(2025, 7, 2))) == two_months


def test_clocks_follow_the_locale_and_time_format() -> None:
    nine = dt.time(21, 5)
    assert Wording("en").time(nine) == "21:05"
    assert Wording("fr").time(nine) == "21:05"
    assert Wording("en-US").time(nine) == "9:05\u00a0PM"
    assert Wording("en-US", time_format="24h").time(nine) == "21:05"
    assert Wording("de", time_format="12h").time(nine) == "9:05\u00a0PM"
    assert Wording("en").time_range("09:00", "09:45") == "09:00–09:45"
    assert Wording("fr").time_range("", "09:45") == "jusqu'à 09:45"


def test_plural_forms_follow_the_language() -> None:
    assert Wording("en").counted("changes_count", 1) == "1 change"
    assert Wording("pl").counted("changes_count", 3) == "3 zmiany"
    assert Wording("pl").counted("changes_count", 5) == "5 zmian"
    assert Wording("fr").counted("changes_count", 2) == "2 modifications"


def test_capitals() -> None:
    assert Wording("tr").upper("Tarih ve yer") == "TARİH VE YER"
    assert Wording("el").upper("Ημερομηνία") == "ΗΜΕΡΟΜΗΝΙΑ"


@pytest.mark.parametrize(
    ("language", "names", "expected"),
    [
        ("en", ["Zola", "Émile", "eve", "Adams"], ["Adams", "Émile", "eve", "Zola"]),
        (
            "sv",
            ["Öberg", "Zetterlund", "Åkesson", "Ahlin", "Ärlig"],
            ["Ahlin", "Zetterlund", "Åkesson", "Ärlig", "Öberg"],
        ),
        ("fi", ["Äijälä", "Virtanen", "Aalto"], ["Aalto", "Virtanen", "Äijälä"]),
        ("da", ["Ågård", "Ørsted", "Æbelø", "Zahle"], ["Zahle", "Æbelø", "Ørsted", "Ågård"]),
        (
            "de",
            ["Zimmer", "Äpfel", "Ahrens", "Müller", "Mueller"],
            ["Ahrens", "Äpfel", "Mueller", "Müller", "Zimmer"],
        ),
        ("es", ["Nuñez", "Nuno", "Ñandú", "Oria"], ["Nuno", "Nuñez", "Ñandú", "Oria"]),
        (
            "pl",
            ["Łukasz", "Lis", "Mazur", "Ćwik", "Cieślak"],
            ["Cieślak", "Ćwik", "Lis", "Łukasz", "Mazur"],
        ),
        (
            "cs",
            ["Chalupa", "Hájek", "Dvořák", "Černý", "Cibulka"],
            ["Cibulka", "Černý", "Dvořák", "Hájek", "Chalupa"],
        ),
        (
            "tr",
            ["Işık", "İnce", "Çelik", "Can", "Ilgaz"],
            ["Can", "Çelik", "Ilgaz", "Işık", "İnce"],
        ),
    ],
)
def test_names_sort_as_the_language_does(
    language: str, names: list[str], expected: list[str]
) -> None:
    assert sorted_names(names, language) == expected
