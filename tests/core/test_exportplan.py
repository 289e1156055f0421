"""Planning an export: which briefs, which file names, and changes pages that do not leak."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from briefbook.core import model as m
from briefbook.core.distribution.exportplan import ExportRequest, plan_exports
from briefbook.core.fileformat import load
from briefbook.errors import BriefbookError, FileAccessError

DATA = Path(__file__).parents[1] / "data"
HARBOUR = DATA / "changes" / "harbour-v3.brief.yaml"


def names(jobs: list) -> list[str]:  # type: ignore[type-arg]
    return [job.path.name for job in jobs]


def test_plain_export_keeps_the_default_name(tmp_path: Path) -> None:
    jobs = plan_exports(load(HARBOUR), ExportRequest(), None, tmp_path)
    assert names(jobs) == ["2025-10-25 Harbour forum v3.pdf"]
    assert jobs[0].path.parent == tmp_path


def test_output_names_the_single_file(tmp_path: Path) -> None:
    out = tmp_path / "mine.pdf"
    jobs = plan_exports(load(HARBOUR), ExportRequest(person="envoy", pocket=True), out, tmp_path)
    assert [job.path for job in jobs] == [out]
    assert jobs[0].person == "Envoy"


def test_names_say_what_each_file_is(tmp_path: Path) -> None:
    jobs = plan_exports(load(HARBOUR), ExportRequest(all_people=True, pocket=True), None, tmp_path)
    assert names(jobs)[0] == "2025-10-25 Harbour forum v3 itinerary Envoy pocket card.pdf"
    assert len(jobs) == 4


def test_many_files_named_after_a_file(tmp_path: Path) -> None:
    jobs = plan_exports(load(HARBOUR), ExportRequest(all_people=True), tmp_path / "x.pdf", tmp_path)
    assert names(jobs)[0] == "x itinerary Envoy.pdf"
    assert all(job.path.parent == tmp_path for job in jobs)


def test_a_file_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="no such folder"):
        plan_exports(load(HARBOUR), ExportRequest(), tmp_path / "nope" / "x.pdf", tmp_path)


def test_no_editions_to_export(tmp_path: Path) -> None:
    with pytest.raises(BriefbookError, match="no editions"):
        plan_exports(load(HARBOUR), ExportRequest(all_editions=True), None, tmp_path)


def test_an_editions_changes_page_leaves_out_what_the_edition_does(tmp_path: Path) -> None:
    new = load(DATA / "editions.brief.yaml")
    old = copy.deepcopy(new)
    old.meta.version = "1"
    for _, section in old.walk_sections():
        section.blocks.append(m.TextBlock(f"Earlier words in {section.title}."))
    jobs = plan_exports(new, ExportRequest(edition="press", changes_since=old), None, tmp_path)
    changes = jobs[0].changes
    assert changes is not None and changes.title == "Changes since version 1"
    mentioned = " ".join(change.text() for change in changes.changes)
    assert "Earlier words in Programme" in mentioned
    for secret in ("Red lines", "Negotiating position", "Press lines", "Objectives"):
        assert secret not in mentioned
    full = plan_exports(new, ExportRequest(changes_since=old), None, tmp_path)[0].changes
    assert full is not None and "Red lines" in " ".join(c.summary for c in full.changes)


def test_a_person_missing_from_the_earlier_version(tmp_path: Path) -> None:
    new = load(HARBOUR)
    old = copy.deepcopy(new)
    for entry in (
        e
        for s in old.sections
        for b in s.blocks
        if isinstance(b, m.ScheduleBlock)
        for e in b.entries
    ):
        entry.participants = [p for p in entry.participants if p != "Press Officer"]
    jobs = plan_exports(
        new, ExportRequest(person="Press Officer", changes_since=old), None, tmp_path
    )
    assert jobs[0].changes is not None
    assert {c.kind for c in jobs[0].changes.changes} >= {"entry_added", "section_added"}


def test_copies_make_one_file_each_with_a_stamp(tmp_path: Path) -> None:
    from briefbook.core.distribution.copies import numbered_copies, recipient_copies

    brief = load(DATA / "editions.brief.yaml")
    jobs = plan_exports(
        brief, ExportRequest(edition="press", copies=numbered_copies(3)), None, tmp_path
    )
    assert names(jobs) == [
        f"2025-09-03 Ministerial talks v2 press copy 0{n}.pdf" for n in (1, 2, 3)
    ]
    assert [job.stamp for job in jobs] == ["Copy 1 of 3", "Copy 2 of 3", "Copy 3 of 3"]
    assert all(job.edition == "press" for job in jobs)
    named = plan_exports(
        brief,
        ExportRequest(copies=recipient_copies(["Ann", "Bo"])),
        tmp_path / "talks.pdf",
        tmp_path,
    )
    assert names(named) == ["talks copy 01 Ann.pdf", "talks copy 02 Bo.pdf"]
    assert named[1].stamp == "Copy 2 of 2 – Bo"
    into_folder = plan_exports(
        brief, ExportRequest(copies=numbered_copies(1)), tmp_path, tmp_path / "elsewhere"
    )
    assert [job.path for job in into_folder] == [
        tmp_path / "2025-09-03 Ministerial talks v2 copy 01.pdf"
    ]


def test_all_editions_times_copies(tmp_path: Path) -> None:
    from briefbook.core.distribution.copies import numbered_copies

    jobs = plan_exports(
        load(DATA / "editions.brief.yaml"),
        ExportRequest(all_editions=True, copies=numbered_copies(2)),
        None,
        tmp_path,
    )
    assert len(jobs) == 6 and len({job.path for job in jobs}) == 6


def test_pocket_cards_are_not_numbered(tmp_path: Path) -> None:
    from briefbook.core.distribution.copies import numbered_copies

    with pytest.raises(BriefbookError, match="not numbered"):
        plan_exports(
            load(HARBOUR), ExportRequest(pocket=True, copies=numbered_copies(2)), None, tmp_path
        )
