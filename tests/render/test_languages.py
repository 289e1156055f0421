"""The example brief exported in French, German and Swedish, read back with pypdf:
briefbook's own words, page numbers and dates are in the brief's language; an unknown
language prints English with one warning."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from briefbook.assets_path import assets_dir
from briefbook.core import fileformat
from briefbook.core import model as m
from briefbook.core.wording import Wording
from briefbook.render.api import render_pdf
from briefbook.render.options import RenderOptions

EXAMPLE = assets_dir() / "templates" / "example.brief.yaml"


def _export(language: str, **meta: str) -> tuple[list[str], list[str]]:
    brief = fileformat.load(EXAMPLE)
    brief.meta.language = language
    for key, value in meta.items():
        setattr(brief.meta, key, value)
    result = render_pdf(brief, RenderOptions(reproducible=True))
    reader = PdfReader(io.BytesIO(result.pdf))
    texts = [page.extract_text() or "" for page in reader.pages]
    return texts, [w.message for w in result.warnings]


# (language, contents, page 2 of N, cover labels, schedule day, schedule headings, priority)
CASES = [
    (
        "fr",
        "Sommaire",
        "Page 2 sur {n}",
        ("LIEU", "RÉDIGÉ PAR", "STATUT", "PROJET"),
        "jeudi 12 juin 2025",
        ("Heure", "Activité", "Presse", "FERMÉ"),
        "HAUTE",
    ),
    (
        "de",
        "Inhalt",
        "Seite 2 von {n}",
        ("ORT", "ERSTELLT VON", "ENTWURF"),
        "Donnerstag, 12. Juni 2025",
        ("Zeit", "Programmpunkt", "Presse", "GESCHLOSSEN"),
        "HOCH",
    ),
    (
        "sv",
        "Innehåll",
        "Sida 2 av {n}",
        ("PLATS", "UPPRÄTTAD AV", "UTKAST"),
        "torsdag 12 juni 2025",
        ("Tid", "Programpunkt", "Press", "STÄNGD"),
        "HÖG",
    ),
]


@pytest.mark.parametrize(
    ("language", "contents", "page", "cover", "day", "heads", "high"),
    CASES,
    ids=[case[0] for case in CASES],
)
def test_the_example_prints_in_the_language(
    language: str,
    contents: str,
    page: str,
    cover: tuple[str, ...],
    day: str,
    heads: tuple[str, ...],
    high: str,
) -> None:
    texts, warnings = _export(language)
    n = len(texts)
    assert warnings == []
    assert contents in texts[1]
    assert page.format(n=n) in texts[1]
    assert all(word in texts[0] for word in cover), texts[0]
    assert "Thursday" not in "".join(texts) and "Page 2 of" not in texts[1]
    schedule = next(text for text in texts if day in text)
    assert all(word in schedule for word in heads), schedule
    assert any(high in text for text in texts)
    # the marking is the brief's own text: never translated
    assert "RESTRICTED" in texts[0]


def test_an_unknown_language_prints_english_with_one_warning() -> None:
    texts, warnings = _export("xx")
    assert "Contents" in texts[1] and f"Page 2 of {len(texts)}" in texts[1]
    assert "Thursday 12 June 2025" in "".join(texts)
    assert len(warnings) == 1 and "'xx'" in warnings[0] and "English" in warnings[0]


def test_a_label_override_and_a_12_hour_clock() -> None:
    texts, _ = _export("fr", time_format="12h")
    flat = [" ".join(text.replace("\u00a0", " ").split()) for text in texts]
    assert any("8:15 AM – 8:45 AM" in text for text in flat)
    brief = fileformat.load(EXAMPLE)
    brief.meta.language = "fr"
    brief.meta.labels = {"contents": "Table des matières"}
    result = render_pdf(brief, RenderOptions(reproducible=True, only_cover=False))
    reader = PdfReader(io.BytesIO(result.pdf))
    assert "Table des matières" in (reader.pages[1].extract_text() or "")


def test_the_changes_page_and_copy_stamp_follow_the_language() -> None:
    from briefbook.core.compare.diff import diff_briefs
    from briefbook.core.distribution.copies import Copy

    old = fileformat.load(EXAMPLE)
    new = fileformat.load(EXAMPLE)
    for brief in (old, new):
        brief.meta.language = "de"
    new.sections.append(m.Section("Neu", [m.TextBlock("Hallo")]))
    for _, section in new.walk_sections():
        for block in section.blocks:
            if isinstance(block, m.ScheduleBlock):
                block.entries.pop()  # the departure is cancelled
    stamp = Copy(3, 12).stamp_in(Wording("de"))
    result = render_pdf(
        new, RenderOptions(reproducible=True, changes=diff_briefs(old, new), copy_stamp=stamp)
    )
    text = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(result.pdf)).pages)
    assert "Änderungen seit Fassung 3" in text and "NEU" in text
    assert "Ausfertigung 3 von 12" in text
    assert "ABGESAGT" in text and "Do., 12. Juni 17:30 Departure" in " ".join(text.split())
