"""The marking scheme: presets, exact portion marks, marks down to the row, and editions
that leave out everything above their ceiling."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.core import fileformat as ff
from briefbook.core import model as m
from briefbook.core.distribution.editions import apply_edition, edition_cut, find_edition
from briefbook.core.markings import (
    PRESETS,
    Scheme,
    dossier_marking,
    parse_scheme_text,
    scheme_of,
    scheme_problems,
    scheme_text,
)

MARKED = Path(__file__).parents[1] / "data" / "marked.brief.yaml"


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "b.brief.yaml"
    path.write_text(text, encoding="utf-8")
    return [str(problem) for problem in ff.validate(path)]


def test_presets_have_their_own_portion_marks() -> None:
    us = Scheme(PRESETS["us"])
    assert [us.portion(name) for name in us.names] == ["(U)", "(CUI)", "(C)", "(S)", "(TS)"]
    uk = Scheme(PRESETS["uk"])
    assert [uk.portion(name) for name in uk.names] == ["(O)", "(OS)", "(S)", "(TS)"]
    nato = Scheme(PRESETS["nato"])
    assert [nato.portion(name) for name in nato.names] == ["(NU)", "(NR)", "(NC)", "(NS)", "(CTS)"]
    for entries in PRESETS.values():
        assert scheme_problems(list(entries)) == []


def test_control_markings_rank_with_their_level() -> None:
    scheme = Scheme(
        [
            *PRESETS["us"],
            ("SECRET//NOFORN", "S//NF"),
            ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", "U//FOUO"),
        ]
    )
    assert scheme.rank("SECRET//NOFORN") == scheme.rank("SECRET")
    assert scheme.rank("UNCLASSIFIED//FOR OFFICIAL USE ONLY") == scheme.rank("UNCLASSIFIED")
    assert scheme.portion("SECRET//NOFORN") == "(S//NF)"
    assert scheme.portion("UNCLASSIFIED//FOR OFFICIAL USE ONLY") == "(U//FOUO)"
    assert not scheme.above("SECRET//NOFORN", "SECRET")
    assert scheme.above("SECRET//NOFORN", "CONFIDENTIAL")
    # The banner: the highest level's full name; controls win over the bare level.
    assert scheme.highest(["CONFIDENTIAL", "SECRET//NOFORN"]) == "SECRET//NOFORN"
    assert scheme.highest(["SECRET", "SECRET//NOFORN", "UNCLASSIFIED"]) == "SECRET//NOFORN"
    assert scheme.highest(["SECRET//NOFORN", "TOP SECRET"]) == "TOP SECRET"


def test_two_different_controls_at_the_top_level_are_combined() -> None:
    scheme = Scheme([*PRESETS["us"], ("SECRET//NOFORN", "S//NF"), ("SECRET//ORCON", "S//OC")])
    assert scheme.highest(["SECRET//ORCON", "SECRET//NOFORN"]) == "SECRET//NOFORN/ORCON"


def test_noforn_overrides_rel_to_and_rel_to_lists_keep_the_shared_countries() -> None:
    scheme = Scheme(
        [
            *PRESETS["us"],
            ("SECRET//NOFORN", "S//NF"),
            ("SECRET//REL TO USA, GBR", "S//REL"),
            ("SECRET//REL TO USA, GBR, FRA", "S//REL"),
        ]
    )
    assert scheme.highest(["SECRET//REL TO USA, GBR", "SECRET//NOFORN"]) == "SECRET//NOFORN"
    assert (
        scheme.highest(["SECRET//REL TO USA, GBR, FRA", "SECRET//REL TO USA, GBR", "SECRET"])
        == "SECRET//REL TO USA, GBR"
    )
    assert (
        scheme.highest(["SECRET", "SECRET//REL TO USA, GBR, FRA"]) == "SECRET//REL TO USA, GBR, FRA"
    )


def test_a_single_word_gets_its_first_letter_and_nothing_else_is_guessed() -> None:
    scheme = Scheme([("PUBLIC", ""), ("TOP SECRET", ""), ("SECRET//NOFORN", "")])
    assert scheme.portion("PUBLIC") == "(P)"
    # Never a guess: the full name until the scheme says what the portion mark is.
    assert scheme.portion("TOP SECRET") == "(TOP SECRET)"
    assert scheme.portion("SECRET//NOFORN") == "(SECRET//NOFORN)"


def test_validate_asks_for_an_ambiguous_portion_mark_at_its_entry(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        "briefbook: 1\nmeta:\n  title: x\n  markings:\n"
        "    - UNCLASSIFIED\n    - UNCLASSIFIED//FOR OFFICIAL USE ONLY\n"
        "    - {name: SECRET//NOFORN}\n",
    )
    assert len(found) == 2
    assert found[0].startswith(
        f"{tmp_path / 'b.brief.yaml'}:6:7: the marking "
        "'UNCLASSIFIED//FOR OFFICIAL USE ONLY' needs its portion mark"
    )
    assert ":7:7: the marking 'SECRET//NOFORN' needs its portion mark" in found[1]


def test_two_markings_with_one_portion_mark_are_an_error(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path, "briefbook: 1\nmeta:\n  title: x\n  markings: [UNCLASSIFIED, CUI, CONFIDENTIAL]\n"
    )
    assert len(found) == 1
    assert (
        ":4:33: the marking 'CONFIDENTIAL' has the portion mark (C) (its first letter), "
        "as 'CUI' has" in found[0]
    )


def test_unknown_markings_are_named_at_their_place(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        """briefbook: 1
meta: {title: x, markings: us}
sections:
  - title: A
    title_marking: UNCLASIFIED
    blocks:
      - text: Hello
        marking: SECRT
      - bullets:
          - {text: one, marking: TOP SECRET//NF}
      - table:
          columns: [a]
          rows:
            - {cells: [x], marking: CONFIDENTAIL}
      - schedule:
          - {title: Dinner, marking: cui}
""",
    )
    assert [text.split(":", 3)[1:3] for text in found] == [
        ["5", "20"],
        ["8", "18"],
        ["10", "34"],
        ["14", "37"],
        ["16", "38"],
    ]
    assert "'UNCLASIFIED' is not in the marking scheme" in found[0]
    assert "did you mean 'UNCLASSIFIED'?" in found[0]
    assert "did you mean 'SECRET'?" in found[1]
    assert "did you mean 'CONFIDENTIAL'?" in found[3]
    assert "did you mean 'CUI'?" in found[4]


def test_a_misspelt_level_suggests_the_marking_with_that_level(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        "briefbook: 1\nmeta:\n  title: x\n  marking: SECRT\n"
        "  markings: [UNCLASSIFIED, {name: SECRET//NOFORN, "
        "portion: S//NF}]\n",
    )
    assert len(found) == 1 and ":4:12: the marking 'SECRT'" in found[0]
    assert "did you mean 'SECRET//NOFORN'?" in found[0]


def test_an_unknown_preset_is_named(tmp_path: Path) -> None:
    found = problems_of(tmp_path, "briefbook: 1\nmeta: {title: x, markings: usa}\n")
    assert len(found) == 1 and "'usa' is not a preset (did you mean 'us'?)" in found[0]


def test_the_marked_brief_reads_and_round_trips() -> None:
    brief = ff.load(MARKED)
    assert brief.meta.marking_preset == "us"
    assert [level.name for level in brief.meta.markings] == [
        "SECRET//NOFORN",
        "SECRET//REL TO USA, GBR",
    ]
    assert dossier_marking(brief) == "SECRET//NOFORN"
    assert ff.loads(ff.dumps(brief)) == brief
    position = brief.sections[1]
    assert position.title_marking == "UNCLASSIFIED"
    assert position.blocks[1].items[2].marking == "SECRET//NOFORN"


def test_unmarked_items_and_rows_keep_their_short_form() -> None:
    brief = m.Brief(
        sections=[
            m.Section(
                "A",
                [
                    m.BulletsBlock([m.ListItem("plain"), m.ListItem("marked", marking="PUBLIC")]),
                    m.TableBlock(["c"], [["x"], ["y"], ["z"]], row_markings=["", "INTERNAL"]),
                ],
            )
        ]
    )
    text = ff.dumps(brief)
    assert "- plain\n" in text and "- text: marked\n      marking: PUBLIC\n" in text
    assert "- - x\n" in text and "- cells:\n        - y\n        marking: INTERNAL\n" in text
    assert "- - z\n" in text
    assert ff.loads(text) == brief


def test_scheme_as_one_line_for_the_app() -> None:
    meta = ff.load(MARKED).meta
    line = scheme_text(meta)
    assert line == "us; SECRET//NOFORN (S//NF); SECRET//REL TO USA, GBR (S//REL TO USA, GBR)"
    assert parse_scheme_text(line) == (meta.marking_preset, meta.markings)
    assert parse_scheme_text("PUBLIC, INTERNAL") == (
        "",
        [m.MarkingLevel("PUBLIC"), m.MarkingLevel("INTERNAL")],
    )


def texts_of(brief: m.Brief) -> str:
    return ff.dumps(brief)


def test_the_allies_edition_drops_the_noforn_bullet_and_keeps_the_rest() -> None:
    brief = ff.load(MARKED)
    allies = apply_edition(brief, find_edition(brief, "allies"))
    text = texts_of(allies)
    assert "Hold the line on the harbour fees" in text
    assert "Our fallback" not in text  # the NOFORN bullet
    assert "Liaison officer's private number" not in text  # a NOFORN row
    assert "Briefing with the station chief" not in text  # a NOFORN entry
    assert "NOFORN assessment" not in text  # a NOFORN paragraph
    assert dossier_marking(allies) == "SECRET//REL TO USA, GBR"
    cut = edition_cut(brief, find_edition(brief, "allies"))
    assert (cut.sections, cut.paragraphs, cut.items) == (1, 1, 3)
    assert cut.describe() == "leaves out 1 section, 1 paragraph and 3 items"
    assert "Our fallback" in texts_of(brief)  # the original is untouched


def test_a_ceiling_leaves_out_every_portion_above_it() -> None:
    brief = ff.load(MARKED)
    public = apply_edition(brief, find_edition(brief, "public"))
    scheme = scheme_of(public)
    assert dossier_marking(public) == "UNCLASSIFIED"
    for _, section in public.walk_sections():
        for block in section.blocks:
            assert not scheme.above(getattr(block, "marking", ""), "UNCLASSIFIED")
    text = texts_of(public)
    assert "Hold the line" not in text and "Arrival at the airport" in text
    assert "Contacts" in text and "Press desk" in text


@pytest.mark.parametrize("name", ["allies", "public"])
def test_an_edition_of_an_edition_is_the_same(name: str) -> None:
    brief = ff.load(MARKED)
    edition = find_edition(brief, name)
    once = apply_edition(brief, edition)
    assert apply_edition(once, edition) == once
    assert edition_cut(once, edition).describe() == "leaves nothing out"


def test_with_portion_marks_every_portion_needs_a_marking(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        """briefbook: 1
meta: {title: x, markings: us, portion_marks: true}
sections:
  - title: Marked
    marking: SECRET
    blocks: [{text: a}]
  - title: Bare
    blocks: [{text: b}]
""",
    )
    assert len(found) == 1
    assert (
        ":2:47: with portion marks, every portion needs a marking, but 1 section "
        "(first 'Bare') prints something unmarked" in found[0]
    )


def test_a_changes_page_never_prints_what_is_now_above_the_ceiling(tmp_path: Path) -> None:
    from briefbook.core.distribution.exportplan import ExportRequest, plan_exports

    brief = ff.load(MARKED)
    earlier = ff.load(MARKED)
    earlier.meta.version = "1"
    bullet = earlier.sections[1].blocks[1].items[2]
    bullet.marking = "CONFIDENTIAL"  # releasable then, NOFORN now
    bullet.text = "Our fallback is a phased timetable over five years"
    earlier.sections[1].blocks[1].items.append(m.ListItem("An item since dropped"))
    [job] = plan_exports(
        brief,
        ExportRequest(edition="allies", changes_since=earlier),
        tmp_path / "out.pdf",
        tmp_path,
    )
    assert job.changes is not None
    said = " ".join(change.summary for change in job.changes.changes)
    assert "An item since dropped" in said  # a real change is still reported
    assert "phased timetable" not in said


def test_an_edition_filters_an_earlier_version_by_the_newer_ones_markings() -> None:
    brief = ff.load(MARKED)
    earlier = ff.load(MARKED)
    for item in earlier.sections[1].blocks[1].items:
        item.marking = ""
    allies = find_edition(brief, "allies")
    assert "phased timetable" in texts_of(apply_edition(earlier, allies))
    assert "phased timetable" not in texts_of(apply_edition(earlier, allies, newer=brief))
    assert "Agree the joint survey" in texts_of(apply_edition(earlier, allies, newer=brief))


def test_the_changes_list_says_when_a_portions_marking_changed() -> None:
    from briefbook.core.compare.diff import diff_briefs

    before, after = ff.load(MARKED), ff.load(MARKED)
    after.sections[1].blocks[1].items[1].marking = "SECRET"
    changes = diff_briefs(before, after).changes
    assert [(c.kind, c.summary) for c in changes] == [("text_changed", "list item")]
    words = [(s.kind, s.text) for s in changes[0].words]
    assert ("removed", "CONFIDENTIAL") in words and ("added", "SECRET") in words
    assert not diff_briefs(before, ff.load(MARKED)).changes
