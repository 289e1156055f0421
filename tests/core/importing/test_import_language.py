"""Import sets the brief's language from its text and reads dates in that language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefbook.core import model as m
from briefbook.core.importing import import_file, import_text
from briefbook.core.importing.language_guess import guess_language
from briefbook.core.importing.timeparse import parse_date_line

FRENCH = """Visite du Secrétaire général en Italie

Le Secrétaire général se rendra à Rome le 12 juin pour une visite qui marque une étape
importante dans les relations entre l'Alliance et l'Italie. Il rencontrera le ministre de
la Défense et le chef d'état-major, avec qui il évoquera la sécurité en Méditerranée et la
coopération dans le domaine de la cyberdéfense.

Programme

mardi 6 mai
09:00-09:45 Entretien avec le ministre de la Défense
11:00 Conférence de presse
"""

SWEDISH = """Generalsekreterarens besök i Italien

Generalsekreteraren reser till Rom den 18 oktober för ett besök som är en viktig del av
samarbetet mellan alliansen och Italien. Han kommer att träffa försvarsministern och
diskutera säkerheten i Medelhavet och samarbetet för att stärka cyberförsvaret.

Program

18 oktober 2023
09:00-09:45 Möte med försvarsministern
11:00 Presskonferens
"""


def _entries(brief: m.Brief) -> list[m.ScheduleEntry]:
    return [
        entry
        for _, section in brief.walk_sections()
        for block in section.blocks
        if isinstance(block, m.ScheduleBlock)
        for entry in block.entries
    ]


def test_a_french_press_text_is_french_and_its_dates_are_read() -> None:
    brief = import_text(FRENCH)
    assert brief.meta.language == "fr"
    entries = _entries(brief)
    assert entries and all(
        e.date is not None and (e.date.month, e.date.day) == (5, 6) for e in entries
    )


def test_a_swedish_press_text_is_swedish_and_its_dates_are_read(tmp_path: Path) -> None:
    path = tmp_path / "besok.txt"
    path.write_text(SWEDISH, encoding="utf-8")
    brief = import_file(path)
    assert brief.meta.language == "sv"
    assert {e.date for e in _entries(brief)} == {dt.date(2023, 10, 18)}


def test_english_or_too_little_text_stays_english() -> None:
    assert (
        import_text(
            "Visit to Italy\n\nThe Secretary General will meet the minister "
            "and the chief of defence in Rome, and the press will be there "
            "for the start of the meeting with the minister."
        ).meta.language
        == "en"
    )
    assert guess_language("Rome Paris Berlin") == ""


def test_dates_in_the_languages_briefbook_prints() -> None:
    cases = {
        "mardi 6 mai": (6, 5, None),
        "18 oktober 2023": (18, 10, 2023),
        "torsdag 12 juni 2025": (12, 6, 2025),
        "Donnerstag, 12. Juni 2025": (12, 6, 2025),
        "czwartek, 12 czerwca 2025": (12, 6, 2025),
        "12 Ιουνίου 2025": (12, 6, 2025),
        "12 Haziran 2025 Perşembe": (12, 6, 2025),
        "Thu 12th June": (12, 6, None),
    }
    for line, (day, month, year) in cases.items():
        found = parse_date_line(line)
        assert found is not None, line
        assert (found.day, found.month, found.year) == (day, month, year), line
