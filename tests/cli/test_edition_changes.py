"""An edition's changes page names nothing the edition leaves out (issue 14).

The earlier brief (tests/data/hostile/editions/) has sections that the new brief has
since tagged out of the press edition, marked higher or renamed and marked higher;
its file name names a secret too. None of it may appear in the press PDF.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefbook.cli import main
from briefbook.core import model as m
from briefbook.core.compare.diff import diff_briefs
from briefbook.core.compare.edition_changes import earlier_through_edition
from briefbook.core.distribution.editions import apply_edition, find_edition
from briefbook.core.fileformat import load
from tests.cli.test_editions_export import every_text

HOSTILE = Path(__file__).parents[1] / "data" / "hostile" / "editions"
OLD_NAME = "talks-with-the-zanzibar-annex.brief.yaml"
LEFT_OUT = [
    "Zanzibar",
    "zanzibar",
    "Fallback on the ferry",
    "tariff",
    "Harbour concession",
    "Trieste",
]


@pytest.fixture
def briefs(tmp_path: Path) -> tuple[Path, Path]:
    for name in (OLD_NAME, "new.brief.yaml"):
        shutil.copy(HOSTILE / name, tmp_path / name)
    return tmp_path / OLD_NAME, tmp_path / "new.brief.yaml"


def test_press_changes_page_leaves_out_what_press_leaves_out(
    briefs: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = briefs
    out = tmp_path / "press.pdf"
    assert (
        main(
            ["export", str(new), "--edition", "press", "--changes-since", str(old), "-o", str(out)]
        )
        == 0
    )
    text = every_text(out)
    for secret in LEFT_OUT:
        assert secret not in text
    page = " ".join(text.split())
    assert "Compared with version 1: 3 changes" in page
    assert "REMOVED “Old logistics”" in page  # really deleted, and the press saw it before
    assert "ADDED “Press conference”" in page


def test_the_full_dossier_still_lists_every_change(
    briefs: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = briefs
    out = tmp_path / "full.pdf"
    assert main(["export", str(new), "--changes-since", str(old), "-o", str(out)]) == 0
    assert "Lines on the Zanzibar clause" in every_text(out)


def test_earlier_brief_without_the_edition_is_seen_through_the_new_definition(
    briefs: tuple[Path, Path],
) -> None:
    old, new = (load(path) for path in briefs)
    old.editions = []  # the earlier file did not define "press" at all
    edition = find_edition(new, "press")
    view = earlier_through_edition(old, new, edition)
    titles = [section.title for _, section in view.walk_sections()]
    assert titles == ["Programme", "Ferry deal", "Old logistics"]
    assert view.source is None
    diff = diff_briefs(view, apply_edition(new, edition))
    assert diff.old_name == ""
    assert not any(
        "Zanzibar" in change.summary or "Fallback" in change.summary for change in diff.changes
    )


def test_earlier_marking_scheme_does_not_rank_a_section_below_the_ceiling() -> None:
    # The earlier brief did not know "SECRET", so by its own scheme the section ranks -1
    # (below every ceiling); the new brief's scheme decides.
    new = m.Brief(
        meta=m.Meta(markings=[m.MarkingLevel("PUBLIC"), m.MarkingLevel("SECRET")]),
        editions=[m.Edition(name="press", ceiling="PUBLIC")],
        sections=[m.Section(title="Programme")],
    )
    old = m.Brief(
        meta=m.Meta(markings=[m.MarkingLevel("PUBLIC")]),
        sections=[
            m.Section(title="Programme"),
            m.Section(title="Envoy's channel", marking="SECRET"),
        ],
    )
    view = earlier_through_edition(old, new, new.editions[0])
    assert [section.title for section in view.sections] == ["Programme"]


def test_an_edition_filter_that_builds_new_sections_decides_the_same(
    briefs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Should apply_edition ever build fresh sections (not copies), each section is asked
    # about on its own and the answer is the same.
    from briefbook.core.compare import edition_changes

    def rebuilt(brief: m.Brief, edition: m.Edition, *, newer: m.Brief | None = None) -> m.Brief:
        kept = apply_edition(brief, edition, newer=newer)
        kept.sections = [
            m.Section(
                s.title, list(s.blocks), [m.Section(u.title, list(u.blocks)) for u in s.subsections]
            )
            for s in kept.sections
        ]
        return kept

    monkeypatch.setattr(edition_changes, "apply_edition", rebuilt)
    old, new = (load(path) for path in briefs)
    view = earlier_through_edition(old, new, find_edition(new, "press"))
    assert [section.title for _, section in view.walk_sections()] == [
        "Programme",
        "Ferry deal",
        "Old logistics",
    ]


def test_a_block_left_out_since_takes_its_earlier_counterpart_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Stands in for an edition filter that leaves out single blocks (marked higher since).
    from briefbook.core.compare import edition_changes

    def without_marked_blocks(
        brief: m.Brief, edition: m.Edition, *, newer: m.Brief | None = None
    ) -> m.Brief:
        kept = apply_edition(brief, edition, newer=newer)
        for _, section in kept.walk_sections():
            section.blocks = [
                block for block in section.blocks if "[SECRET]" not in getattr(block, "text", "")
            ]
        return kept

    monkeypatch.setattr(edition_changes, "apply_edition", without_marked_blocks)
    press = m.Edition(name="press")
    old = m.Brief(
        sections=[
            m.Section(
                "Programme",
                [
                    m.TextBlock("The public programme."),
                    m.TextBlock("Accept a tariff of nine euros if pressed."),
                    m.TextBlock("Cars leave at eight."),
                ],
            )
        ]
    )
    new = m.Brief(
        editions=[press],
        sections=[
            m.Section(
                "Programme",
                [
                    m.TextBlock("The public programme."),
                    m.TextBlock("[SECRET] Accept a tariff of nine euros if pressed."),
                    m.TextBlock("Cars leave at nine."),
                ],
            )
        ],
    )
    view = earlier_through_edition(old, new, press)
    diff = diff_briefs(view, without_marked_blocks(new, press))
    text = " ".join(change.text() for change in diff.changes)
    assert "tariff" not in text
    unfiltered = diff_briefs(apply_edition(old, press), without_marked_blocks(new, press))
    assert "tariff" in " ".join(change.text() for change in unfiltered.changes)
    assert "nine" in text  # the real change is still listed
