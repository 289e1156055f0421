"""The changes between two versions of a brief, of every kind, as plain data."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from briefbook.core import model as m
from briefbook.core.compare.diff import BriefDiff, diff_briefs
from briefbook.core.compare.words import as_text, word_diff
from briefbook.core.fileformat import load
from briefbook.core.text import clip

DATA = Path(__file__).parents[1] / "data" / "changes"


@pytest.fixture(scope="module")
def diff() -> BriefDiff:
    return diff_briefs(load(DATA / "harbour-v2.brief.yaml"), load(DATA / "harbour-v3.brief.yaml"))


def lines(diff: BriefDiff, kind: str) -> list[str]:
    return [change.text() for change in diff.changes if change.kind == kind]


def test_title_names_the_old_version(diff: BriefDiff) -> None:
    assert diff.title == "Changes since version 2"
    assert diff.old_name == "harbour-v2.brief.yaml"


def test_sections(diff: BriefDiff) -> None:
    assert lines(diff, "section_added") == ["“Press lines”"]
    assert lines(diff, "section_removed") == ["“Logistics”"]
    assert lines(diff, "section_moved") == ["“Key points”: now first"]
    assert lines(diff, "section_renamed") == ["“Contacts” is now “Contact sheet”"]


def test_schedule(diff: BriefDiff) -> None:
    assert lines(diff, "entry_added") == [
        "Sat 25 Oct 19:30–21:30 Dinner hosted by the Harbour Master, Fort St Angelo"
    ]
    assert lines(diff, "entry_cancelled") == [
        "Sun 26 Oct 08:00–08:45 Breakfast with the ambassadors"
    ]
    assert lines(diff, "entry_retimed") == [
        "Meeting with the Minister of Transport: now 10:30–11:15 (was Sat 25 Oct 10:00–10:45)"
    ]
    assert lines(diff, "entry_moved") == [
        "Round table with shipping companies: now at Malta Maritime Authority (was Chamber of "
        "Commerce)",
        "Harbour tour: now Sun 26 Oct 12:00–13:30 (was Sat 25 Oct 12:00–13:30)",
    ]
    assert lines(diff, "entry_changed") == [
        "Round table with shipping companies (Sat 25 Oct 15:00–16:00): now with Chief of Staff; "
        "notes: [-Five-]{+Six+} companies confirmed."
    ]


def test_tables(diff: BriefDiff) -> None:
    table = "“Initiatives under discussion”"
    assert lines(diff, "row_added") == [
        f"row in {table}: Cyber drill | Test port incident response | Spring 2026"
    ]
    assert lines(diff, "row_removed") == [
        f"row in {table}: Port data hub | Shared arrival forecasts | 2027"
    ]
    assert lines(diff, "row_changed") == [
        f"row “Pilot exchange” in {table}: Timeline: [-Q3-]{{+Q4+}} 2025 [-onwards-]"
    ]


def test_text(diff: BriefDiff) -> None:
    assert lines(diff, "text_changed") == [
        "list item: … at the main ports {+and the ferry terminals+}",
        "paragraph: … to green shipping corridors [-and-]{+,+} shore power {+and port cyber "
        "security+}.",
    ]
    assert lines(diff, "text_added") == ["list item: A joint statement on port cyber security"]


def test_cover_facts(diff: BriefDiff) -> None:
    assert lines(diff, "meta_changed") == [
        "Status: now final (was draft)",
        "Home time zone: now America/New_York (was not set)",
    ]


def test_groups_in_reading_order(diff: BriefDiff) -> None:
    assert [name for name, _ in diff.groups()] == [
        "The brief",
        "Sections",
        "Schedule",
        "Key points",
        "Background",
    ]


def test_no_changes() -> None:
    brief = load(DATA / "harbour-v3.brief.yaml")
    same = diff_briefs(brief, copy.deepcopy(brief))
    assert not same and same.changes == ()


def test_subsection_moves_between_parents() -> None:
    old = m.Brief(sections=[m.Section("A", subsections=[m.Section("X")]), m.Section("B")])
    new = m.Brief(sections=[m.Section("A"), m.Section("B", subsections=[m.Section("X")])])
    assert [c.text() for c in diff_briefs(old, new).changes] == ["“X”: now under “B”"]


def test_reordered_sections_report_the_one_that_moved() -> None:
    names = ["A", "B", "C", "D", "E"]
    old = m.Brief(sections=[m.Section(n) for n in names])
    new = m.Brief(sections=[m.Section(n) for n in ["A", "C", "D", "E", "B"]])
    assert [c.text() for c in diff_briefs(old, new).changes] == ["“B”: now after “E”"]


def test_word_diff_is_compact() -> None:
    old = " ".join(f"w{i}" for i in range(60))
    new = old.replace("w30", "changed")
    assert as_text(word_diff(old, new)) == "… w26 w27 w28 w29 [-w30-]{+changed+} w31 w32 w33 w34 …"
    assert len(clip("word " * 100, 50)) <= 52


def test_a_removed_section_takes_its_subsections_along() -> None:
    old = m.Brief(
        sections=[m.Section("A", subsections=[m.Section("A1"), m.Section("A2")]), m.Section("B")]
    )
    new = m.Brief(sections=[m.Section("B"), m.Section("C", subsections=[m.Section("C1")])])
    assert [c.text() for c in diff_briefs(old, new).changes] == ["“C”", "“A”"]


def test_reordered_sections_with_the_same_title_keep_their_identity() -> None:
    first = m.Section("Background", [m.TextBlock("About the first issue.")])
    second = m.Section("Background", [m.TextBlock("About the second issue.")])
    old = m.Brief(
        sections=[m.Section("One", subsections=[first]), m.Section("Two", subsections=[second])]
    )
    new = m.Brief(
        sections=[
            m.Section("One", subsections=[copy.deepcopy(second)]),
            m.Section("Two", subsections=[copy.deepcopy(first)]),
        ]
    )
    texts = [c.text() for c in diff_briefs(old, new).changes]
    assert texts == ["“Background”: now under “One”", "“Background”: now under “Two”"]


def test_schedule_change_details() -> None:
    import datetime as dt

    def entry(**kw: object) -> m.ScheduleEntry:
        base = {
            "date": dt.date(2025, 6, 12),
            "time": dt.time(9),
            "title": "Talks",
            "participants": ["Envoy", "Adviser"],
            "press": "closed",
        }
        base.update(kw)
        return m.ScheduleEntry(**base)  # type: ignore[arg-type]

    old = m.Brief(sections=[m.Section("S", [m.ScheduleBlock([entry()])])])
    new = m.Brief(
        sections=[
            m.Section(
                "S", [m.ScheduleBlock([entry(participants=["Envoy", "Minister"], press="open")])]
            )
        ]
    )
    assert [c.text() for c in diff_briefs(old, new).changes] == [
        "Talks (Thu 12 Jun 09:00): now with Minister; no longer with Adviser; press: now open "
        "(was closed)"
    ]


def test_a_small_edit_in_a_huge_paragraph_is_found_and_shown_short() -> None:
    words = " ".join(f"word{i % 997}" for i in range(600_000))  # about 5 MB
    edited = words.replace("word500 word501", "word500 EDITED word501", 1)
    old = m.Brief(sections=[m.Section("Annex", [m.TextBlock(words)])])
    new = m.Brief(sections=[m.Section("Annex", [m.TextBlock(edited)])])
    (change,) = diff_briefs(old, new).changes
    assert (
        change.text() == "paragraph: … word497 word498 word499 word500 {+EDITED+} word501 "
        "word502 word503 word504 …"
    )
