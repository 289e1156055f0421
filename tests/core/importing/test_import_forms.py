"""Pasted briefing forms become their kinds: a memo header, points to make, if-asked
lines and a scenario's steps."""

from __future__ import annotations

import datetime as dt

from briefbook.core import model as m
from briefbook.core.fileformat import dumps, loads
from briefbook.core.importing import import_text

READ_AHEAD = """\
MEMORANDUM FOR THE SECRETARY OF DEFENSE

FROM: Under Secretary of Defense for Policy
TO: Secretary of Defense
SUBJECT: Meeting with the Italian Minister of Defence
DATE: 12 June 2025
ATTENDEES: Minister Rossi; Ambassador Bianchi

PURPOSE: To prepare you for your meeting with Minister Rossi.

Points to make:
- Thank the Minister for Italy's contribution.
- Raise the grid link.

If asked about the ports deal: We are studying the proposal.
If asked: Will you meet the opposition? The programme is set by our hosts.
"""

SCENARIO = """\
Scenario

1. 1130 Arrival at the River Entrance (5 mins) (OPEN PRESS)
   - Welcome the Minister
2. Bilateral meeting (40 mins) (CLOSED PRESS) (Lead: SecDef)
3. Joint statement (10 mins) (POOL) (PHOTO SPRAY)
4. Departure (5 mins)
"""


def _blocks(brief: m.Brief) -> list[m.Block]:
    return [b for _, section in brief.walk_sections() for b in section.blocks]


def _one(brief: m.Brief, kind: type) -> object:
    (found,) = [b for b in _blocks(brief) if isinstance(b, kind)]
    return found


def test_a_memo_header_becomes_a_memo() -> None:
    brief = import_text(READ_AHEAD)
    memo = _one(brief, m.MemoBlock)
    assert isinstance(memo, m.MemoBlock)
    assert memo.sender == "Under Secretary of Defense for Policy"
    assert memo.to == "Secretary of Defense"
    assert memo.subject == "Meeting with the Italian Minister of Defence"
    assert memo.date == "12 June 2025"
    assert memo.attendees == ["Minister Rossi", "Ambassador Bianchi"]
    texts = [b.text for b in _blocks(brief) if isinstance(b, m.TextBlock)]
    assert any(t.startswith("PURPOSE: To prepare you") for t in texts)


def test_points_to_make_and_if_asked_lines() -> None:
    brief = import_text(READ_AHEAD)
    points = _one(brief, m.TalkingPointsBlock)
    assert isinstance(points, m.TalkingPointsBlock)
    assert [i.text for i in points.items] == [
        "Thank the Minister for Italy's contribution.",
        "Raise the grid link.",
    ]
    asked = _one(brief, m.IfAskedBlock)
    assert isinstance(asked, m.IfAskedBlock)
    assert [(i.question, i.answer) for i in asked.items] == [
        ("the ports deal", "We are studying the proposal."),
        ("Will you meet the opposition?", "The programme is set by our hosts."),
    ]


def test_defensive_lines_under_a_lead_in() -> None:
    brief = import_text(
        "Issue: ports\n\nDefensive lines:\n\n"
        "- Will we fund the port? No decision has been taken.\n"
        "- Chinese investment: We welcome investment that meets our rules.\n"
    )
    asked = _one(brief, m.IfAskedBlock)
    assert isinstance(asked, m.IfAskedBlock)
    assert [(i.question, i.answer) for i in asked.items] == [
        ("Will we fund the port?", "No decision has been taken."),
        ("Chinese investment", "We welcome investment that meets our rules."),
    ]
    brief = import_text("Defensive: Will we fund the port? No decision yet.\n")
    asked = _one(brief, m.IfAskedBlock)
    assert isinstance(asked, m.IfAskedBlock)
    assert asked.items[0].question == "Will we fund the port?"


def test_prose_that_starts_with_if_asked_stays_prose() -> None:
    brief = import_text("If asked to attend, the Minister will accept.\n")
    assert not [b for b in _blocks(brief) if isinstance(b, m.IfAskedBlock)]


def test_a_step_list_becomes_a_scenario() -> None:
    brief = import_text(SCENARIO)
    scenario = _one(brief, m.ScenarioBlock)
    assert isinstance(scenario, m.ScenarioBlock)
    assert scenario.time == dt.time(11, 30)
    steps = scenario.steps
    assert [s.title for s in steps] == [
        "Arrival at the River Entrance",
        "Bilateral meeting",
        "Joint statement",
        "Departure",
    ]
    assert [s.duration for s in steps] == [5, 40, 10, 5]
    assert [s.press for s in steps] == [["open"], ["closed"], ["pool", "photo spray"], []]
    assert steps[1].lead == "SecDef"
    assert [p.text for p in steps[0].points] == ["Welcome the Minister"]
    assert loads(dumps(brief)) == brief


def test_ordinary_lists_and_text_stay_as_they_were() -> None:
    brief = import_text(
        "Objectives\n\n1. Agree the plan\n2. Sign (if ready)\n\n"
        "Date: Monday\n\nTalking points\n\n- We value Italy\n"
    )
    kinds = {m.block_kind(b) for b in _blocks(brief)}
    assert kinds <= {"numbered", "bullets", "text"}


def test_markdown_forms_with_bold_labels_and_headings() -> None:
    brief = import_text(
        "# Read-ahead\n\n**FROM:** Under Secretary\n**TO:** Secretary of Defense\n"
        "**SUBJECT:** Visit\n\n## Points to make\n\n- One\n- Two\n\n"
        "## If asked\n\n- The ports deal: We are studying it.\n",
        fmt="markdown",
    )
    memo = _one(brief, m.MemoBlock)
    assert isinstance(memo, m.MemoBlock)
    assert (memo.sender, memo.to, memo.subject) == (
        "Under Secretary",
        "Secretary of Defense",
        "Visit",
    )
    points = _one(brief, m.TalkingPointsBlock)
    assert isinstance(points, m.TalkingPointsBlock)
    assert [i.text for i in points.items] == ["One", "Two"]
    asked = _one(brief, m.IfAskedBlock)
    assert isinstance(asked, m.IfAskedBlock)
    assert (asked.items[0].question, asked.items[0].answer) == (
        "The ports deal",
        "We are studying it.",
    )


def test_step_lines_with_minutes_and_a_bare_press_status() -> None:
    brief = import_text(
        "Visit of the Minister\n\nSequence of events\n\n"
        "1130 Arrival at the River Entrance (5 mins) OPEN PRESS\n"
        "Bilateral meeting (40 mins) CLOSED PRESS\nDeparture (5 mins)\n"
    )
    scenario = _one(brief, m.ScenarioBlock)
    assert isinstance(scenario, m.ScenarioBlock)
    assert scenario.time == dt.time(11, 30)
    assert [(s.title, s.duration, s.press) for s in scenario.steps] == [
        ("Arrival at the River Entrance", 5, ["open"]),
        ("Bilateral meeting", 40, ["closed"]),
        ("Departure", 5, []),
    ]


def test_one_line_with_minutes_stays_text() -> None:
    brief = import_text("Note\n\nThe call is short (5 mins) and open.\n")
    assert not [b for b in _blocks(brief) if isinstance(b, m.ScenarioBlock)]
