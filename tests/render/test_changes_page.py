"""The "Changes since version N" page lists each kind of change, escaped, in the outline."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from briefbook.core import model as m
from briefbook.core.compare.diff import diff_briefs
from briefbook.core.fileformat import load
from tests.render.conftest import flat_outline, page_texts, render

DATA = Path(__file__).parents[1] / "data" / "changes"


@pytest.fixture(scope="module")
def dossier() -> PdfReader:
    old, new = load(DATA / "harbour-v2.brief.yaml"), load(DATA / "harbour-v3.brief.yaml")
    _, reader = render(new, changes=diff_briefs(old, new))
    return reader


def one_line(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_the_page_follows_the_contents(dossier: PdfReader) -> None:
    pages = [one_line(t) for t in page_texts(dossier)]
    assert "Contents Changes since version 2" in pages[1]  # the first line of the contents
    assert "Changes since version 2 Compared with “harbour-v2.brief.yaml”" in pages[2]
    outline = flat_outline(dossier)
    assert outline[0] == ("Changes since version 2", 0, 2)
    assert outline[1][0] == "1 Key points"


@pytest.mark.parametrize(
    "expected",
    [
        # every kind of change, with its tag
        "CHANGED Status: now final (was draft)",
        "ADDED “Press lines”",
        "REMOVED “Logistics”",
        "MOVED “Key points”: now first",
        "RENAMED “Contacts” is now “Contact sheet”",
        "RE-TIMED Meeting with the Minister of Transport: now 10:30–11:15 "
        "(was Sat 25 Oct 10:00–10:45)",
        "MOVED Round table with shipping companies: now at Malta Maritime Authority",
        "MOVED Harbour tour: now Sun 26 Oct 12:00–13:30 (was Sat 25 Oct 12:00–13:30)",
        "ADDED Sat 25 Oct 19:30–21:30 Dinner hosted by the Harbour Master",
        "CANCELLED Sun 26 Oct 08:00–08:45 Breakfast with the ambassadors",
        "ADDED row in “Initiatives under discussion”: Cyber drill | Test port incident response",
        "REMOVED row in “Initiatives under discussion”: Port data hub",
        "CHANGED row “Pilot exchange” in “Initiatives under discussion” Timeline: "
        "Q3 Q4 2025 onwards",
        "CHANGED paragraph … to green shipping corridors and , shore power and "
        "port cyber security.",
        "ADDED list item: A joint statement on port cyber security",
    ],
)
def test_each_kind_of_change_is_listed(dossier: PdfReader, expected: str) -> None:
    assert expected in one_line(page_texts(dossier)[2])


def test_group_titles(dossier: PdfReader) -> None:
    page = one_line(page_texts(dossier)[2])
    for group in ("The brief", "Sections", "Schedule", "Key points", "Background"):
        assert f" {group} " in page


def test_nothing_changed() -> None:
    brief = load(DATA / "harbour-v3.brief.yaml")
    _, reader = render(brief, changes=diff_briefs(load(DATA / "harbour-v3.brief.yaml"), brief))
    assert "nothing has changed" in one_line(page_texts(reader)[2])


def test_changed_text_is_escaped() -> None:
    old = m.Brief(m.Meta(version="1"), [m.Section("Notes", [m.TextBlock("Plain words here.")])])
    new = m.Brief(
        m.Meta(version="2"),
        [
            m.Section(
                "Notes", [m.TextBlock('Plain <b>words</b> & <img src="/etc/passwd"/> here.')]
            ),
            m.Section('<font name="Courier">Added</font>'),
        ],
    )
    _, reader = render(new, changes=diff_briefs(old, new))
    page = one_line(page_texts(reader)[2])
    assert "Changes since version 1" in page
    assert '“<font name="Courier">Added</font>”' in page
    assert '<b>words</b> & <img src="/etc/passwd"/>' in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            [
                "Modifications depuis la version 2",
                "DÉPLACÉ « Key points » : désormais en tête",
                "RENOMMÉ « Contacts » devient « Contact sheet »",
                "AJOUTÉ ligne dans « Initiatives under discussion » : Cyber drill",
                "MODIFIÉ ligne « Pilot exchange » dans « Initiatives under discussion » "
                "Timeline : Q3 Q4 2025 onwards",
                "AJOUTÉ élément de liste : A joint statement on port cyber security",
                "Statut : désormais final (auparavant draft)",
            ],
        ),
        (
            "de",
            [
                "Änderungen seit Fassung 2",
                "„Key points“: jetzt an erster Stelle",
                "„Contacts“ heißt jetzt „Contact sheet“",
                "Zeile in „Initiatives under discussion“: Cyber drill",
                "Listenpunkt: A joint statement on port cyber security",
            ],
        ),
    ],
)
def test_the_change_sentences_follow_the_language(language: str, expected: list[str]) -> None:
    old, new = load(DATA / "harbour-v2.brief.yaml"), load(DATA / "harbour-v3.brief.yaml")
    for brief in (old, new):
        brief.meta.language = language
    _, reader = render(new, changes=diff_briefs(old, new))
    page = one_line(page_texts(reader)[2])
    for sentence in expected:
        assert sentence in page
    assert "now first" not in page and "row in" not in page
