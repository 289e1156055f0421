"""Markings and editions: each edition holds exactly the sections its readers may see."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.core import fileformat as ff
from briefbook.core.distribution.editions import (
    apply_edition,
    dossier_marking,
    find_edition,
    portion_mark,
    section_marking,
)
from briefbook.errors import BriefbookError

EDITIONS = Path(__file__).parents[1] / "data" / "editions.brief.yaml"


def titles(brief) -> list[str]:
    return [s.title for _, s in brief.walk_sections()]


def test_the_file_reads_scheme_and_editions() -> None:
    brief = ff.load(EDITIONS)
    assert [level.name for level in brief.meta.markings] == [
        "PUBLIC",
        "INTERNAL",
        "RESTRICTED",
        "CONFIDENTIAL",
    ]
    assert [e.name for e in brief.editions] == ["principal", "delegation", "press"]
    assert brief.meta.portion_marks
    assert ff.loads(ff.dumps(brief)) == brief


@pytest.mark.parametrize(
    "name, expected, marking",
    [
        (
            "principal",
            [
                "Programme",
                "Press lines",
                "Objectives",
                "Negotiating position",
                "Red lines",
                "Annex",
            ],
            "CONFIDENTIAL",
        ),
        (
            "delegation",
            ["Programme", "Press lines", "Objectives", "Negotiating position"],
            "RESTRICTED",
        ),
        ("press", ["Programme"], "PUBLIC"),
    ],
)
def test_editions_keep_the_right_sections(name: str, expected: list[str], marking: str) -> None:
    brief = ff.load(EDITIONS)
    edition = apply_edition(brief, find_edition(brief, name))
    assert titles(edition) == expected
    assert dossier_marking(edition) == marking
    assert titles(brief)[-1] == "Annex"  # the original is untouched


def test_sections_inherit_markings() -> None:
    brief = ff.load(EDITIONS)
    objectives, position = brief.sections[2], brief.sections[3]
    assert section_marking(brief, objectives) == "INTERNAL"
    assert section_marking(brief, position.subsections[0], position) == "CONFIDENTIAL"


def test_unknown_edition_suggests_the_nearest() -> None:
    brief = ff.load(EDITIONS)
    with pytest.raises(BriefbookError, match="did you mean 'press'"):
        find_edition(brief, "pres")


def test_markings_outside_the_scheme_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "b.brief.yaml"
    path.write_text("briefbook: 1\nmeta: {title: x, marking: RESTRICTD}\n", encoding="utf-8")
    problems = ff.validate(path)
    assert len(problems) == 1
    assert "not in the marking scheme" in problems[0].message
    assert "did you mean 'RESTRICTED'" in problems[0].message


def test_portion_marks() -> None:
    brief = ff.load(EDITIONS)
    assert portion_mark(brief, "RESTRICTED") == "(R)"
    assert portion_mark(brief, "CONFIDENTIAL") == "(C)"
    assert portion_mark(brief, "") == ""
