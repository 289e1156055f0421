"""The layout keys of the file (cover, contents, numbering, page numbers, section labels,
run-on sections), schedule times as staff write them, and editions' ``only_tags``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefbook.core import fileformat as ff
from briefbook.core import model as m
from briefbook.core.distribution.editions import apply_edition
from briefbook.core.editing.values import parse_time
from briefbook.core.typeddates import parse_typed_time
from briefbook.errors import BriefFormatError

LAYOUT = Path(__file__).parents[1] / "data" / "layout.brief.yaml"


def test_the_layout_keys_are_read_and_written_back_byte_for_byte() -> None:
    text = LAYOUT.read_text(encoding="utf-8")
    brief = ff.loads(text)
    meta = brief.meta
    assert (meta.cover, meta.contents, meta.numbering) == (False, False, "none")
    assert (meta.page_number_format, meta.page_number_position) == ("-{page}-", "top")
    purpose = brief.sections[0]
    assert (purpose.label, purpose.new_page) == ("TAB A", False)
    assert purpose.subsections[0].new_page is True
    assert brief.sections[1].blocks[0].entries[0].tbc is True  # type: ignore[union-attr]
    assert brief.editions[0].only_tags == ["press"]
    assert ff.dumps(brief) == text


def test_defaults_are_not_written() -> None:
    text = ff.dumps(m.Brief(meta=m.Meta(title="T"), sections=[m.Section("S")]))
    for key in ("cover", "contents", "numbering", "page_number", "label", "new_page", "tbc"):
        assert key not in text


def test_new_page_default_is_top_level_only() -> None:
    section = m.Section("S")
    assert section.starts_page(top=True) and not section.starts_page(top=False)
    assert not m.Section("S", new_page=False).starts_page(top=True)
    assert m.Section("S", new_page=True).starts_page(top=False)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("numbering: roman", "the numbering 'roman' is not one of 'decimal', 'none'"),
        ("page_number_format: 'Page {n}'", "may use only {page} and {pages}"),
        ("page_number_format: 'Page {page'", "is not readable"),
        ("page_number_position: left", "is not one of 'top', 'bottom'"),
        ("cover: maybe", "meta 'cover' should be true or false"),
    ],
)
def test_bad_layout_values_are_reported_at_their_line(value: str, message: str) -> None:
    text = f"briefbook: 1\nmeta:\n  title: T\n  {value}\nsections: []\n"
    with pytest.raises(BriefFormatError) as caught:
        ff.loads(text, Path("x.brief.yaml"))
    problems = caught.value.problems
    assert len(problems) == 1 and message in problems[0].message
    assert problems[0].line == 4


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1130", "11:30"),
        ("11.30", "11:30"),
        ("11h30", "11:30"),
        ("9:30 am", "09:30"),
        ("9.30pm", "21:30"),
        ("0930", "09:30"),
        ("930", "09:30"),
        ("12 am", "00:00"),
        ("14h", "14:00"),
        ("1130 hrs", "11:30"),
        ("9am", "09:00"),
        ("09:30", "09:30"),
    ],
)
def test_schedule_times_as_staff_write_them_round_trip_as_hh_mm(
    written: str, expected: str
) -> None:
    text = (
        "briefbook: 1\nmeta:\n  title: T\nsections:\n- title: S\n  blocks:\n"
        f"  - schedule:\n    - time: {written}\n      title: Step\n"
    )
    brief = ff.loads(text)
    entry = brief.sections[0].blocks[0].entries[0]  # type: ignore[union-attr]
    assert entry.time == dt.time.fromisoformat(expected)
    assert f'time: "{expected}"' in ff.dumps(brief)
    assert parse_time(written) == entry.time  # the app's time cells read the same


@pytest.mark.parametrize("written", ["25:00", "1160", "9:30 xm", "noonish", "11:30-12:00"])
def test_what_is_not_a_time_is_refused(written: str) -> None:
    assert parse_typed_time(written) is None
    with pytest.raises(ValueError):
        parse_time(written)


def _tagged_brief() -> m.Brief:
    return m.Brief(
        sections=[
            m.Section("Press line", [m.TextBlock("line")], tags=["press"]),
            m.Section("Untagged", [m.TextBlock("plain")]),
            m.Section("Secret talks", [m.TextBlock("talks")], tags=["internal"]),
            m.Section(
                "Background",
                [m.TextBlock("own text")],
                subsections=[
                    m.Section("Q and A", [m.TextBlock("qa")], tags=["press"]),
                    m.Section("Other", [m.TextBlock("other")]),
                ],
            ),
        ]
    )


def _titles(brief: m.Brief) -> list[str]:
    return [section.title for _path, section in brief.walk_sections()]


def test_only_tags_keeps_only_tagged_sections() -> None:
    cut = apply_edition(_tagged_brief(), m.Edition("press", only_tags=["press"]))
    assert _titles(cut) == ["Press line", "Background", "Q and A"]
    assert cut.sections[1].blocks == []  # kept as the heading of its tagged subsection


def test_include_tags_still_keeps_untagged_sections() -> None:
    cut = apply_edition(_tagged_brief(), m.Edition("press", include_tags=["press"]))
    assert _titles(cut) == ["Press line", "Untagged", "Background", "Q and A", "Other"]
