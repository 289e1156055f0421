"""The block kind registry: every kind has its dataclass, reader, writer and words, and
a brief holding one block of each kind loads, saves and reloads equal."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from briefbook.core import model as m
from briefbook.core.fileformat import dumps, loads, parse
from briefbook.core.kinds import KINDS, flat_words, kind_of, section_strings, words
from briefbook.core.kinds.scenario import start_times, total_minutes

#: One block of each kind, every field filled.
SAMPLES: dict[str, m.Block] = {
    "text": m.TextBlock("First paragraph.\n\nSecond, *in italics*.", marking="INTERNAL"),
    "bullets": m.BulletsBlock(
        [m.ListItem("Trade", [m.ListItem("Tariffs", marking="RESTRICTED")]), m.ListItem("Climate")]
    ),
    "numbered": m.NumberedBlock([m.ListItem("Arrive"), m.ListItem("Depart")]),
    "table": m.TableBlock(
        ["Initiative", "Lead"],
        [["Grid link", "Ms Rossi"], ["Ports", "—"]],
        caption="Joint initiatives",
        row_markings=["RESTRICTED"],
    ),
    "schedule": m.ScheduleBlock(
        [
            m.ScheduleEntry(
                dt.date(2025, 6, 12),
                dt.time(23, 30),
                dt.time(0, 45),
                "Night train",
                "Roma Termini",
                ["Minister", "Ambassador"],
                "closed",
                "Sleeper car",
                "Europe/Rome",
                "INTERNAL",
            )
        ]
    ),
    "recommendations": m.RecommendationsBlock(
        [m.Recommendation("Raise the grid link", "Funding closes in July", "Minister", "high")]
    ),
    "people": m.PeopleBlock(
        [
            m.Person(
                "Giulia Rossi",
                "Minister",
                "Ministry of Energy",
                "JOO-lya ROS-see",
                "rossi.png",
                "Economist.",
            )
        ]
    ),
    "contacts": m.ContactsBlock(
        [m.Contact("Duty officer", "Protocol", "+39 06 0000", "duty@example.org", "Day and night")]
    ),
    "image": m.ImageBlock("map.png", "The route", alt="The route from the port", marking="PUBLIC"),
    "note": m.NoteBlock("Do not mention the ports.", "Careful", "warning"),
    "memo": m.MemoBlock(
        "Secretary of Defense",
        "Under Secretary for Policy",
        "Chief of Staff",
        "Meeting with the Minister",
        "12 June 2025",
        "1130-1230",
        "Room 3E880",
        ["Minister Rossi", "Ambassador Bianchi"],
    ),
    "scenario": m.ScenarioBlock(
        [
            m.Step(
                "Arrival",
                5,
                "Protocol",
                ["pool", "photo spray"],
                "At the kerb.",
                [m.ListItem("Welcome", marking="RESTRICTED")],
                "INTERNAL",
            ),
            m.Step("Bilateral", 40, press=["closed"]),
            m.Step("Departure"),
        ],
        dt.time(11, 30),
    ),
    "talking_points": m.TalkingPointsBlock(
        [
            m.ListItem("Thank the Minister", [m.ListItem("For the mission")]),
            m.ListItem("Raise the grid link"),
        ]
    ),
    "if_asked": m.IfAskedBlock(
        [
            m.IfAsked("the ports deal", "We are studying it.", "RESTRICTED"),
            m.IfAsked("Will you meet them?"),
        ]
    ),
    "page_break": m.PageBreakBlock(),
    "pdf": m.PdfBlock("annexes/paper.pdf", "1-3,7", "The agreement", "full", "RESTRICTED"),
}


def test_every_kind_has_its_parts_and_a_sample() -> None:
    assert list(KINDS) == list(m.BLOCK_KINDS)
    assert set(SAMPLES) == set(KINDS)
    for name, kind in KINDS.items():
        assert kind.name == name
        assert dataclasses.is_dataclass(kind.block)
        assert m.BLOCK_KINDS[name] is kind.block
        assert callable(kind.read) and callable(kind.write) and callable(kind.words)
        assert kind_of(SAMPLES[name]) is kind
        assert m.block_kind(SAMPLES[name]) == name


def test_not_a_block_is_refused() -> None:
    with pytest.raises(TypeError):
        m.block_kind(m.Section())  # type: ignore[arg-type]


def _brief() -> m.Brief:
    return m.Brief(
        m.Meta(title="Visit to Rome"),
        [
            m.Section(
                "Everything", blocks=[dataclasses.replace(block) for block in SAMPLES.values()]
            )
        ],
    )


def test_a_brief_with_every_kind_round_trips() -> None:
    brief = _brief()
    text = dumps(brief)
    again = loads(text)
    assert again == brief
    assert dumps(again) == text


@pytest.mark.parametrize("name", [name for name in SAMPLES if name != "page_break"])
def test_words_are_the_blocks_text(name: str) -> None:
    block = SAMPLES[name]
    found = flat_words(block)
    assert any(part.strip() for part in found)
    assert all(isinstance(part, str) for part in found)
    assert all(portion.label for portion in words(block))


def test_page_break_has_no_words() -> None:
    assert words(m.PageBreakBlock()) == []


def test_words_follow_reading_order_and_keep_portion_markings() -> None:
    portions = words(SAMPLES["bullets"])
    assert [p.texts for p in portions] == [("Trade",), ("Tariffs",), ("Climate",)]
    assert [p.marking for p in portions] == ["", "RESTRICTED", ""]
    rows = [p for p in words(SAMPLES["table"]) if p.label == "row"]
    assert [p.marking for p in rows] == ["RESTRICTED", ""]
    assert [p.texts for p in words(SAMPLES["text"])] == [
        ("First paragraph.",),
        ("Second, *in italics*.",),
    ]


def test_search_sees_markings_and_every_blocks_words() -> None:
    section = _brief().sections[0]
    found = set(section_strings(section))
    for needle in (
        "Tariffs",
        "RESTRICTED",
        "Ms Rossi",
        "Night train",
        "Economist.",
        "Day and night",
        "The route",
        "Careful",
    ):
        assert needle in found


def test_record_kinds_expose_their_fields_for_editors() -> None:
    assert [f.name for f in KINDS["people"].fields] == [
        "name",
        "title",
        "organisation",
        "pronunciation",
        "photo",
        "bio",
    ]
    assert all(f.label for f in KINDS["contacts"].fields)
    priority = next(f for f in KINDS["recommendations"].fields if f.name == "priority")
    assert priority.choices == m.PRIORITIES


def test_scenario_reads_times_and_minutes_as_staff_write_them() -> None:
    for written in ("1130", "11:30", "11.30", "11h30"):
        brief = loads(
            f"""briefbook: 1
sections:
- title: Scenario
  blocks:
  - scenario:
      time: {written}
      steps:
      - title: Arrival
        duration: 5 mins
        press: OPEN PRESS
      - title: Talks
        duration: 40
        press: [pool, photo-spray]
      - title: Departure
""".replace("OPEN PRESS", "open")
        )
        block = brief.sections[0].blocks[0]
        assert isinstance(block, m.ScenarioBlock)
        assert block.time == dt.time(11, 30)
        assert [s.duration for s in block.steps] == [5, 40, None]
        assert block.steps[1].press == ["pool", "photo spray"]
        assert start_times(block) == [dt.time(11, 30), dt.time(11, 35), dt.time(12, 15)]
        assert total_minutes(block) == 45


def test_a_scenario_without_start_or_with_a_gap_prints_no_times_after_it() -> None:
    block = m.ScenarioBlock([m.Step("A", 5), m.Step("B"), m.Step("C", 5)])
    assert start_times(block) == [None, None, None]
    block.time = dt.time(9, 0)
    assert start_times(block) == [dt.time(9, 0), dt.time(9, 5), None]


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        (
            "scenario:\n      time: 2561\n      steps: [{title: A}]",
            "6:13: the scenario's start time",
        ),
        ("scenario: [{title: A, duration: ten}]", "is not a number of minutes"),
        ("scenario: [{title: A, press: loud}]", "the step's press 'loud' is not one of"),
        ("scenario: [{duration: 5}]", "a scenario step needs 'title'"),
        ("if_asked: [{question: A, answr: B}]", "unknown key 'answr' in an if-asked line"),
        ("memo: {to: A, form: B}", "unknown key 'form' in a memo (did you mean 'from'?)"),
    ],
)
def test_the_new_kinds_name_their_problems_with_line(yaml_text: str, message: str) -> None:
    text = f"briefbook: 1\nsections:\n- title: S\n  blocks:\n  - {yaml_text}\n"
    problems = [str(p) for p in parse(text)[1]]
    assert any(message in p for p in problems), problems
