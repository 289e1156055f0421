"""Personal itineraries hold exactly the entries a participant attends, with the contacts."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.core import model as m
from briefbook.core.distribution.itinerary import (
    UnknownParticipantError,
    find_participant,
    itinerary_for,
    participants,
    schedule_entries,
)
from briefbook.core.fileformat import load

HARBOUR = Path(__file__).parents[1] / "data" / "changes" / "harbour-v3.brief.yaml"


@pytest.fixture
def brief() -> m.Brief:
    return load(HARBOUR)


def test_participants_in_order_of_appearance(brief: m.Brief) -> None:
    assert participants(brief) == ["Envoy", "Chief of Staff", "Policy Adviser", "Press Officer"]


@pytest.mark.parametrize("name", ["Envoy", "Chief of Staff", "Policy Adviser", "Press Officer"])
def test_itinerary_holds_exactly_the_persons_entries(brief: m.Brief, name: str) -> None:
    expected = [e.title for e in schedule_entries(brief) if name in e.participants]
    personal = itinerary_for(brief, name)
    assert [e.title for e in schedule_entries(personal)] == expected
    assert all(name in e.participants for e in schedule_entries(personal))


def test_itinerary_keeps_contacts_and_drops_the_rest(brief: m.Brief) -> None:
    personal = itinerary_for(brief, "Press Officer")
    titles = [s.title for s in personal.sections]
    assert titles == ["Schedule", "Contact sheet"]
    kinds = {type(b) for s in personal.sections for b in s.blocks}
    assert kinds == {m.ScheduleBlock, m.ContactsBlock}
    assert personal.meta.subtitle == "Personal itinerary: Press Officer"
    assert personal.meta.marking == brief.meta.marking
    assert len(schedule_entries(brief)) == 7  # the original is untouched


def test_names_match_without_case_or_spacing(brief: m.Brief) -> None:
    assert find_participant(brief, "  chief   of STAFF ") == "Chief of Staff"
    personal = itinerary_for(brief, "press officer")
    assert personal.meta.subtitle.endswith("Press Officer")


def test_unknown_name_suggests_the_nearest(brief: m.Brief) -> None:
    with pytest.raises(UnknownParticipantError) as caught:
        itinerary_for(brief, "Chief of Staf")
    message = str(caught.value)
    assert "did you mean 'Chief of Staff'?" in message
    assert "Envoy" in message


def test_brief_without_participants() -> None:
    brief = m.Brief(
        sections=[m.Section("Schedule", [m.ScheduleBlock([m.ScheduleEntry(title="Lunch")])])]
    )
    with pytest.raises(UnknownParticipantError, match="no schedule entry lists any"):
        itinerary_for(brief, "Envoy")


def test_subsections_are_filtered_too() -> None:
    day = m.Section(
        "Day 2",
        [
            m.ScheduleBlock(
                [
                    m.ScheduleEntry(title="A", participants=["X"]),
                    m.ScheduleEntry(title="B", participants=["Y"]),
                ]
            )
        ],
    )
    other = m.Section("Day 3", [m.ScheduleBlock([m.ScheduleEntry(title="C", participants=["Y"])])])
    brief = m.Brief(sections=[m.Section("Programme", [m.TextBlock("intro")], [day, other])])
    personal = itinerary_for(brief, "x")
    assert [s.title for s in personal.sections] == ["Programme"]
    assert [s.title for s in personal.sections[0].subsections] == ["Day 2"]
    assert [e.title for e in schedule_entries(personal)] == ["A"]
