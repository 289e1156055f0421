"""A template's guidance is for the editor, never the PDF; an empty section prints nothing
and `validate` says so as a warning, at its line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefbook.core import model as m
from briefbook.core.fileformat import dumps, load, loads, validate
from briefbook.core.templates import new_brief
from tests.render.conftest import page_texts, render

BRIEF = """briefbook: 1
meta: {title: Visit}
sections:
- title: Purpose
  guidance: Why the visit takes place.
  blocks:
  - text: We go to agree the plan.
- title: Press lines
  guidance: Lines to take with the media.
  blocks:
  - text: ''
  - bullets: []
- title: Issues
  sections:
  - title: Energy
    blocks:
    - table: {columns: [A, B], rows: []}
- title: Annexes
  blocks:
  - text: The communiqué.
"""


def test_guidance_round_trips_and_never_prints(tmp_path: Path) -> None:
    brief = loads(BRIEF)
    assert brief.sections[0].guidance == "Why the visit takes place."
    assert loads(dumps(brief)) == brief
    text = " ".join(page_texts(render(brief)[1]))
    assert "Why the visit takes place" not in text and "Lines to take" not in text
    assert "We go to agree the plan." in text


def test_an_empty_section_prints_nothing_and_the_rest_is_numbered_as_printed() -> None:
    result, reader = render(loads(BRIEF))
    texts = page_texts(reader)
    joined = " ".join(texts)
    assert "Press lines" not in joined and "Energy" not in joined and "Issues" not in joined
    assert result.page_count == 4  # cover, contents, Purpose, Annexes: no blank heading page
    contents = " ".join(texts[1].split())
    assert "1 Purpose" in contents and "2 Annexes" in contents
    assert not result.warnings  # validate says it; the preview and export stay quiet
    assert set(result.section_pages) == {(0,), (3,)}


def test_validate_warns_of_each_empty_section_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "v.brief.yaml"
    path.write_text(BRIEF, encoding="utf-8")
    warnings: list = []  # type: ignore[type-arg]
    assert validate(path, warnings) == []
    assert [(w.line, w.message) for w in warnings] == [
        (8, "section 'Press lines' is empty and will not print"),
        (13, "section 'Issues' is empty and will not print"),
        (15, "section 'Energy' is empty and will not print"),
    ]
    run = subprocess.run(
        [sys.executable, "-m", "briefbook", "validate", str(path)], capture_output=True, text=True
    )
    assert run.returncode == 0
    assert run.stderr.splitlines()[0] == (
        f"{path}:8:3: section 'Press lines' is empty and will not print (warning)"
    )
    assert run.stdout.strip() == f"{path}: no problems found (3 warnings)"


def test_the_visit_template_holds_guidance_not_text_to_print() -> None:
    brief = new_brief("visit")
    guided = [section for _, section in brief.walk_sections() if section.guidance]
    assert len(guided) >= 14
    schedule = next(s for s in brief.sections if s.title == "Schedule")
    assert schedule.guidance.startswith("The programme, one entry per activity")
    texts = [
        b.text for _, s in brief.walk_sections() for b in s.blocks if isinstance(b, m.TextBlock)
    ]
    assert all(not text.strip() for text in texts)
    text = " ".join(page_texts(render(brief)[1]))
    assert "The programme, one entry per activity" not in text
    assert "Untitled" not in text
    assert "Its sections are all empty so far" in text


def test_load_of_a_section_with_guidance_only(tmp_path: Path) -> None:
    path = tmp_path / "g.brief.yaml"
    path.write_text("briefbook: 1\nsections:\n- title: A\n  guidance: Say why.\n", encoding="utf-8")
    assert load(path).sections[0].guidance == "Say why."
