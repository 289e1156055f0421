"""The forms as printed: a memo's labelled header, points to make, if-asked lines and a
scenario's numbered steps with their start times and total, read back from the PDF;
the pocket card and a press edition pick up the press material."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from pypdf import PdfReader

from briefbook.core import model as m
from briefbook.core.distribution.editions import apply_edition
from briefbook.core.fileformat import dumps, load
from briefbook.render.options import PocketOptions
from briefbook.render.pocket.card import render_pocket_card
from tests.render.conftest import page_texts, render

FORMS = Path(__file__).parents[1] / "data" / "forms" / "forms.brief.yaml"


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join(page_texts(reader)).replace("\u00a0", " ").split())


def test_the_forms_brief_saves_back_byte_for_byte() -> None:
    assert dumps(load(FORMS)) == FORMS.read_text(encoding="utf-8")


def test_memo_points_and_if_asked_print_with_their_labels() -> None:
    _, reader = render(load(FORMS))
    text = _text(reader)
    for words in (
        "TO: Secretary of Defense",
        "THROUGH: Chief of Staff",
        "FROM: Under Secretary of Defense for Policy",
        "SUBJECT: Meeting with",
        "ATTENDEES: Minister Rossi; Ambassador Bianchi; Ms Smith",
        "POINTS TO MAKE",
        "Funding closes in July",
        "If asked about the ports deal: We are studying the proposal",
        "If asked: Will you meet the opposition? The programme",
    ):
        assert words in text, words


def test_scenario_steps_are_numbered_with_start_times_minutes_and_total() -> None:
    _, reader = render(load(FORMS))
    text = _text(reader)
    for words in (
        "1. 11:30 Arrival at the River Entrance",
        "Lead: Protocol",
        "Press: Pool, photo spray",
        "5 min",
        "2. 11:35 Bilateral meeting",
        "Press: Closed press",
        "3. 12:15 Press availability",
        "35 min",
        "4. 12:50 Departure",
        "Total 1 h 20",
    ):
        assert words in text, words
    assert "TBC" not in text


def test_labels_follow_the_briefs_overrides() -> None:
    brief = load(FORMS)
    brief.meta.labels = {
        "memo_to": "Pour",
        "points_to_make": "Éléments de langage",
        "scenario_total": "Durée totale",
    }
    text = _text(render(brief)[1])
    assert "POUR: Secretary of Defense" in text
    assert "ÉLÉMENTS DE LANGAGE" in text
    assert "Durée totale" in text


def test_the_pocket_card_shows_points_to_make_and_if_asked_lines() -> None:
    result = render_pocket_card(load(FORMS), PocketOptions())
    text = _text(PdfReader(io.BytesIO(result.pdf)))
    assert "Points to make" in text
    assert "Thank the Minister for Italy" in text
    assert "If asked about the ports deal:" in text
    assert "We are studying the proposal" in text


def test_a_press_edition_keeps_the_press_material_only_where_tagged_so() -> None:
    brief = load(FORMS)
    brief.sections[0].tags = []
    brief.sections[1].tags = ["protocol"]
    brief.sections.append(m.Section("Trade", [m.TextBlock("Tariffs.")], tags=["trade"]))
    press = m.Edition("Press office", include_tags=["press"])
    kept = [s.title for s in apply_edition(brief, press).sections]
    assert kept == ["Read-ahead"]  # untagged sections stay; the tagged others go
    brief.sections[0].tags = ["trade"]
    kept = [s.title for s in apply_edition(brief, press).sections]
    assert kept == ["Read-ahead"]  # tagged otherwise, its press material still counts
    no_press = m.Edition("No press", exclude_tags=["press"])
    assert [s.title for s in apply_edition(brief, no_press).sections] == ["Scenario", "Trade"]


def test_an_edition_leaves_out_lines_and_steps_above_its_ceiling() -> None:
    brief = load(FORMS)
    scenario = brief.sections[1].blocks[0]
    assert isinstance(scenario, m.ScenarioBlock)
    scenario.steps[1] = dataclasses.replace(scenario.steps[1], marking="RESTRICTED")
    cut = apply_edition(brief, m.Edition("Wide", ceiling="INTERNAL"))
    asked = cut.sections[0].blocks[3]
    assert isinstance(asked, m.IfAskedBlock)
    assert [line.question for line in asked.items] == ["the ports deal"]
    steps = cut.sections[1].blocks[0]
    assert isinstance(steps, m.ScenarioBlock)
    assert [s.title for s in steps.steps] == [
        "Arrival at the River Entrance",
        "Press availability",
        "Departure",
    ]
    text = _text(render(cut)[1])
    assert "Will you meet the opposition" not in text
    assert "Bilateral meeting" not in text
