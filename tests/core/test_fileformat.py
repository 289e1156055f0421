"""Loading, validating and saving brief files: every problem named with its place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefbook.core import fileformat as ff
from briefbook.core import model as m
from briefbook.core.templates import example_path
from briefbook.errors import BriefFormatError, FileAccessError


def write(tmp_path: Path, text: str, name: str = "t.brief.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(tmp_path: Path, text: str) -> list[str]:
    return [str(problem) for problem in ff.validate(write(tmp_path, text))]


def test_example_loads_with_every_part() -> None:
    brief = ff.load(example_path())
    assert brief.meta.title == "Visit to Italy"
    assert brief.meta.dates.start == dt.date(2025, 6, 12)
    assert brief.meta.version == "3"
    kinds = {m.block_kind(b) for _, s in brief.walk_sections() for b in s.blocks}
    assert {
        "text",
        "bullets",
        "numbered",
        "table",
        "schedule",
        "recommendations",
        "note",
        "contacts",
    } <= kinds
    schedule = next(
        b for _, s in brief.walk_sections() for b in s.blocks if isinstance(b, m.ScheduleBlock)
    )
    assert schedule.entries[1].time == dt.time(9, 0)
    assert schedule.entries[1].end == dt.time(9, 45)
    assert any(s.subsections for s in brief.sections)


def test_every_problem_is_reported_with_line_and_column(tmp_path: Path) -> None:
    found = messages(
        tmp_path,
        (
            "briefbook: 1\n"
            "meta:\n"
            "  titel: X\n"
            "  status: drafty\n"
            "sections:\n"
            "- title: A\n"
            "  blocks:\n"
            "  - tabel: {}\n"
            "  - schedule:\n"
            "    - {time: '25:99', title: x, date: 2025-13-01}\n"
            "- blocks: []\n"
        ),
    )
    path = tmp_path / "t.brief.yaml"
    assert found == [
        f"{path}:3:3: unknown key 'titel' in 'meta' (did you mean 'title'?)",
        f"{path}:4:11: the status 'drafty' is not one of 'draft', 'final' (did you mean 'draft'?)",
        f"{path}:8:5: unknown block kind 'tabel' (did you mean 'table'?)",
        f"{path}:10:14: the time '25:99' is not a time; write it as HH:MM, from 00:00 to 23:59",
        f"{path}:10:39: the date '2025-13-01' is not a date; write it as YYYY-MM-DD, e.g. "
        "2025-06-12",
        f"{path}:11:3: a section needs 'title'",
    ]


def test_load_raises_with_all_problems(tmp_path: Path) -> None:
    path = write(tmp_path, "briefbook: 1\nmeta: {title: [1]}\nsections: 3\n")
    with pytest.raises(BriefFormatError) as caught:
        ff.load(path)
    assert len(caught.value.problems) == 2
    assert caught.value.line == 2
    assert "should be text" in str(caught.value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "the file is empty"),
        ("briefbook: 2\n", "format version '2'"),
        ("meta: {title: x}\n", "the brief needs 'briefbook'"),
        ("a: [\n", "not valid YAML"),
        ("briefbook: 1\n---\nbriefbook: 1\n", "one YAML document"),
        (
            "briefbook: 1\nmeta: !!python/object/apply:os.system ['echo hi']\n",
            "'!!python/object/apply:os.system' is not allowed",
        ),
        ("briefbook: 1\nmeta: &a {title: x}\nsections: *a\n", "anchors"),
        ("briefbook: 1\nbriefbook: 1\n", "appears twice"),
        (
            "briefbook: 1\nsections:\n- title: a\n  sections:\n  - title: b\n    sections: []\n",
            "cannot hold sections of their own",
        ),
        (
            "briefbook: 1\nsections:\n- title: a\n  blocks:\n  - {text: a, bullets: []}\n",
            "a block has one kind, not several",
        ),
        (
            "briefbook: 1\nsections:\n- title: a\n  blocks:\n  - schedule:\n"
            "    - {title: x, time: '10:00', timezone: Europe/Paaris}\n",
            "did you mean 'Europe/Paris'",
        ),
    ],
)
def test_bad_files_are_named(tmp_path: Path, text: str, expected: str) -> None:
    found = messages(tmp_path, text)
    assert found, text
    assert expected in found[0]
    assert str(tmp_path / "t.brief.yaml") in found[0]


def test_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = write(
        tmp_path,
        f"briefbook: 1\nmeta:\n  title: !!python/object/apply:os.system ['touch {marker}']\n",
    )
    with pytest.raises(BriefFormatError):
        ff.load(path)
    assert not marker.exists()


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["briefbook: 1", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    problems = ff.validate(write(tmp_path, "\n".join(lines) + "\n"))
    assert problems
    assert any("aliases" in p.message for p in problems)
    assert len(problems) <= 201


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    depth = 100_000
    problems = ff.validate(write(tmp_path, "briefbook: 1\nmeta: " + "[" * depth + "]" * depth))
    assert len(problems) == 1
    assert "nested more than" in problems[0].message


def test_huge_file_is_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ff, "MAX_FILE_BYTES", 1000)
    path = write(tmp_path, "briefbook: 1\n# " + "x" * 2000 + "\n")
    with pytest.raises(FileAccessError, match="at most"):
        ff.load(path)


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.brief.yaml"
    path.write_bytes(b"briefbook: 1\nmeta:\n  title: Caf\xe9\n")
    with pytest.raises(BriefFormatError) as caught:
        ff.load(path)
    assert caught.value.line == 3
    assert "UTF-8" in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="no such file"):
        ff.load(tmp_path / "nope.brief.yaml")
    with pytest.raises(FileAccessError, match="folder"):
        ff.load(tmp_path)


def test_plain_scalars_stay_text(tmp_path: Path) -> None:
    brief = ff.load(
        write(
            tmp_path,
            (
                "briefbook: 1\nmeta:\n  title: 2025\n  subtitle: yes\n  version: 3.10\n"
                "sections:\n- title: null ideas\n  blocks:\n  - schedule:\n"
                "    - {time: 9:30, end: 10.15, title: on}\n"
            ),
        )
    )
    assert brief.meta.title == "2025"
    assert brief.meta.subtitle == "yes"
    assert brief.meta.version == "3.10"
    entry = brief.sections[0].blocks[0].entries[0]  # type: ignore[union-attr]
    assert (entry.time, entry.end, entry.title) == (dt.time(9, 30), dt.time(10, 15), "on")


def test_validate_reports_missing_images(tmp_path: Path) -> None:
    found = messages(
        tmp_path,
        (
            "briefbook: 1\nmeta: {title: x, logo: logo.png}\nsections:\n- title: Maps\n"
            "  blocks:\n  - image: {path: map.png, caption: Route}\n"
        ),
    )
    assert any("the logo 'logo.png' does not exist" in text for text in found)
    assert any("section 'Maps', block 1" in text and "map.png" in text for text in found)


def test_save_is_atomic_and_stable(tmp_path: Path) -> None:
    brief = ff.load(example_path())
    target = tmp_path / "visit.brief.yaml"
    ff.save(brief, target)
    first = target.read_bytes()
    assert brief.source == target
    ff.save(ff.load(target), target)
    assert target.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["visit.brief.yaml"]


def test_save_into_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    brief = m.Brief(m.Meta(title="x"))
    with pytest.raises(FileAccessError) as caught:
        ff.save(brief, tmp_path / "missing" / "x.brief.yaml")
    assert "missing" in str(caught.value)
    assert brief.source is None


def test_saved_text_is_readable_yaml() -> None:
    text = ff.dumps(ff.load(example_path()))
    assert text.startswith("briefbook: 1\nmeta:\n  title: Visit to Italy\n")
    assert 'time: "09:00"' in text
    assert "alliance’s" in text  # Unicode as typed, not escaped
    assert "&" not in text.split("Increase frequency")[0].split("\n")[-1]  # no anchors
    assert "{" not in text  # block style throughout


def test_validate_names_an_unknown_time_zone(tmp_path: Path) -> None:
    path = tmp_path / "trip.brief.yaml"
    path.write_text(
        "briefbook: 1\nmeta:\n  title: Trip\n  timezone: Europe/Rome\n"
        "  home_timezone: Europe/Bruxelles\nsections: []\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in ff.validate(path)]
    assert problems == [
        f"{path}: meta 'home_timezone': unknown time zone 'Europe/Bruxelles' "
        "(did you mean 'Europe/Brussels'?)"
    ]
