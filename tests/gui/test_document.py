"""Document.snapshot: a copy the worker can read, made again only where the brief changed."""

from __future__ import annotations

import copy

from briefbook.core import model as m
from briefbook.gui.editing import commands
from briefbook.gui.editing.document import Document


def brief() -> m.Brief:
    return m.Brief(
        meta=m.Meta(title="Visit to Rome", keywords=["visit"]),
        sections=[
            m.Section(
                f"Section {i}",
                [m.TextBlock(f"Paragraph {i}")],
                subsections=[m.Section(f"Part {i}", [m.TextBlock("Below")])],
            )
            for i in range(4)
        ],
        editions=[m.Edition(name="Press", ceiling="PUBLIC")],
    )


def test_a_snapshot_equals_the_brief_and_shares_nothing_with_it(qtbot) -> None:
    document = Document(brief())
    snapshot = document.snapshot()
    assert snapshot == document.brief
    live = document.brief
    assert snapshot.meta is not live.meta and snapshot.editions is not live.editions
    assert all(a is not b for a, b in zip(snapshot.sections, live.sections, strict=True))
    assert snapshot.sections[0].blocks[0] is not live.sections[0].blocks[0]


def test_after_an_edit_only_the_edited_section_is_copied_again(qtbot) -> None:
    document = Document(brief())
    first = document.snapshot()
    block = document.brief.sections[2].subsections[0].blocks[0]
    new = copy.deepcopy(block)
    new.text = "Edited"
    document.undo_stack.push(commands.EditBlock(document, block, new, "Edit text"))
    second = document.snapshot()
    assert second == document.brief
    assert second.sections[2].subsections[0].blocks[0].text == "Edited"
    assert first.sections[2].subsections[0].blocks[0].text == "Below"  # the old one stays
    assert [a is b for a, b in zip(first.sections, second.sections, strict=True)] == [
        True,
        True,
        False,
        True,
    ]
    assert second.meta is first.meta and second.editions is first.editions


def test_moved_sections_keep_their_copies_and_the_cover_is_copied_when_changed(qtbot) -> None:
    document = Document(brief())
    first = document.snapshot()
    document.undo_stack.push(commands.MoveSection(document, (0,), (3,), "Move section"))
    meta = copy.deepcopy(document.brief.meta)
    meta.title = "Visit to Milan"
    document.undo_stack.push(commands.EditMeta(document, meta, "Change title"))
    second = document.snapshot()
    assert second == document.brief
    assert second.sections == [*first.sections[1:], first.sections[0]]
    assert all(any(s is f for f in first.sections) for s in second.sections)
    assert second.meta is not first.meta and second.meta.title == "Visit to Milan"


def test_a_change_made_behind_the_undo_stack_is_still_seen(qtbot) -> None:
    document = Document(brief())
    document.snapshot()
    document.brief.sections[1].blocks[0].text = "Changed in place"  # no command, no signal
    document.brief.meta.keywords.append("press")
    document.brief.editions[0].ceiling = "INTERNAL"
    snapshot = document.snapshot()
    assert snapshot == document.brief
    assert snapshot.sections[1].blocks[0].text == "Changed in place"
