"""Exports never overwrite each other: distinct default names whatever the title's length,
unique planned paths, one meaning of -o for every kind, never onto a brief."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefbook.core import model as m
from briefbook.core.distribution.copies import numbered_copies, recipient_copies
from briefbook.core.distribution.exportplan import ExportRequest, plan_exports
from briefbook.core.distribution.naming import MAX_STEM, MAX_STEM_BYTES
from briefbook.core.distribution.targets import check_targets, destination, unique_paths
from briefbook.errors import FileAccessError


def trip(title: str = "Visit to Italy", people: tuple[str, ...] = ("Bob",)) -> m.Brief:
    entry = m.ScheduleEntry(
        date=dt.date(2025, 6, 12), time=dt.time(9), title="Talks", participants=list(people)
    )
    return m.Brief(
        m.Meta(title=title, version="3", dates=m.DateRange(dt.date(2025, 6, 12))),
        [m.Section("Programme", [m.ScheduleBlock([entry])])],
        [m.Edition("press"), m.Edition("press."), m.Edition("internal")],
    )


KINDS = [
    ExportRequest(),
    ExportRequest(pocket=True),
    ExportRequest(person="Bob"),
    ExportRequest(person="Bob", pocket=True),
    ExportRequest(edition="press"),
    ExportRequest(edition="internal"),
    ExportRequest(email=True),
    ExportRequest(edition="press", email=True),
    ExportRequest(copies=numbered_copies(2)),
    ExportRequest(edition="press", copies=numbered_copies(2)),
]


@pytest.mark.parametrize("title", ["Visit to Italy", "T" * 400, "Визит " * 80, "访问" * 150])
def test_default_names_of_every_kind_differ(tmp_path: Path, title: str) -> None:
    brief = trip(title)
    paths = [job.path for request in KINDS for job in plan_exports(brief, request, None, tmp_path)]
    assert len({path.name.casefold() for path in paths}) == len(paths)
    for path in paths:
        assert path.name.startswith("2025-06-12 ")
        assert len(path.stem) <= MAX_STEM + 5 and len(path.stem.encode()) <= MAX_STEM_BYTES + 5
        assert " v3" in path.name  # the version stays: the title is what gives way


def test_the_suffix_is_kept_and_the_title_shortened(tmp_path: Path) -> None:
    brief = trip("A very long title " * 20)
    (job,) = plan_exports(brief, ExportRequest(person="Bob", pocket=True), None, tmp_path)
    assert job.path.name.endswith(" v3 itinerary Bob pocket card.pdf")


def test_people_with_one_file_name_get_numbered_files(tmp_path: Path) -> None:
    brief = trip(people=("Bob", "Bob.", "Bob?"))
    jobs = plan_exports(brief, ExportRequest(all_people=True), None, tmp_path)
    assert [job.path.name for job in jobs] == [
        "2025-06-12 Visit to Italy v3 itinerary Bob.pdf",
        "2025-06-12 Visit to Italy v3 itinerary Bob (2).pdf",
        "2025-06-12 Visit to Italy v3 itinerary Bob (3).pdf",
    ]
    assert [job.person for job in jobs] == ["Bob", "Bob.", "Bob?"]
    # The same again gives the same names.
    again = plan_exports(brief, ExportRequest(all_people=True), None, tmp_path)
    assert [job.path for job in again] == [job.path for job in jobs]


def test_editions_with_one_file_name_and_long_titles(tmp_path: Path) -> None:
    jobs = plan_exports(trip("T" * 500), ExportRequest(all_editions=True), None, tmp_path)
    assert len({job.path for job in jobs}) == 3


def test_recipients_sharing_a_name(tmp_path: Path) -> None:
    request = ExportRequest(all_people=True, copies=recipient_copies(["Ann", "Ann"]))
    jobs = plan_exports(trip(people=("Bob", "Bob.")), request, tmp_path / "x.pdf", tmp_path)
    assert len({job.path for job in jobs}) == 4


def test_unique_paths_ignores_case() -> None:
    assert unique_paths([Path("a/X.pdf"), Path("a/x.pdf"), Path("a/x (2).pdf")]) == [
        Path("a/X.pdf"),
        Path("a/x (3).pdf"),
        Path("a/x (2).pdf"),
    ]


@pytest.mark.parametrize("request_", KINDS[:6], ids=range(6))
def test_o_means_the_same_for_every_kind(tmp_path: Path, request_: ExportRequest) -> None:
    brief = trip()
    # A path ending in / is a folder, created when missing; the default names go there.
    new = tmp_path / "new" / "deeper"
    jobs = plan_exports(brief, request_, f"{new}/", tmp_path)
    assert new.is_dir() and all(job.path.parent == new for job in jobs)
    assert jobs[0].path.name.startswith("2025-06-12 Visit to Italy v3")
    # An existing folder is a folder, without the slash too.
    jobs = plan_exports(brief, request_, new, tmp_path)
    assert all(job.path.parent == new for job in jobs)
    # A file: exactly that file.
    jobs = plan_exports(brief, request_, tmp_path / "mine.pdf", tmp_path)
    assert [job.path for job in jobs] == [tmp_path / "mine.pdf"]
    # A file in a missing folder: refused.
    with pytest.raises(FileAccessError, match="no such folder"):
        plan_exports(brief, request_, tmp_path / "missing" / "mine.pdf", tmp_path)


def test_destination_refuses_a_file_as_a_folder(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"%PDF-1.4")
    with pytest.raises(FileAccessError, match="not a folder"):
        destination(f"{tmp_path / 'f'}/", tmp_path)


@pytest.mark.parametrize("name", ["B.brief.yaml", "B.brief.yaml~", "other.BRIEF.YAML"])
def test_never_onto_a_brief(tmp_path: Path, name: str) -> None:
    brief = trip()
    brief.source = tmp_path / "B.brief.yaml"
    brief.source.write_text("briefbook: 1\n", encoding="utf-8")
    with pytest.raises(FileAccessError, match="is a brief file"):
        plan_exports(brief, ExportRequest(), tmp_path / name, tmp_path)
    assert brief.source.read_text(encoding="utf-8") == "briefbook: 1\n"


def test_never_onto_a_link_to_the_brief_or_a_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    source = tmp_path / "B.brief.yaml"
    source.write_text("briefbook: 1\n", encoding="utf-8")
    (tmp_path / "link.pdf").symlink_to(source)
    with pytest.raises(FileAccessError, match="is a brief file"):
        check_targets([tmp_path / "link.pdf"], source)
    notes = tmp_path / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    with pytest.raises(FileAccessError, match="not a PDF"):
        check_targets([notes])
    old = tmp_path / "old.pdf"
    old.write_bytes(b"%PDF-1.7\n")
    check_targets([old, tmp_path / "new.pdf"], source)
