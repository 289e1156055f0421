"""The layout fields in the app: the cover form's pages, numbering and page numbers, a
section's label and new page, an edition's only tags and a schedule entry's TBC, each
an undo step."""

from __future__ import annotations

import pytest

from briefbook.gui.editors.cover import CoverEditor
from briefbook.gui.editors.schedule import ScheduleEditor
from briefbook.gui.window.mainwindow import MainWindow
from gui.helpers import editors_of, select_title


def test_cover_form_sets_pages_numbering_and_page_numbers(qtbot, window: MainWindow) -> None:
    window.tree.select_path(None)
    cover = window.editor
    assert isinstance(cover, CoverEditor)
    stack = window.document.undo_stack
    cover.cover.click()
    cover.contents.click()
    cover.numbering.setCurrentIndex(cover.numbering.findData("none"))
    cover.page_number_top.setCurrentIndex(cover.page_number_top.findData("top"))
    cover.page_number.setFocus()
    qtbot.keyClicks(cover.page_number, "-{page")
    meta = window.document.brief.meta
    assert meta.page_number_format == "-"  # "-{page" is not a format yet: not taken
    assert "not readable" in cover.page_number.toolTip()
    qtbot.keyClicks(cover.page_number, "}-")
    meta = window.document.brief.meta
    assert (meta.cover, meta.contents, meta.numbering) == (False, False, "none")
    assert (meta.page_number_format, meta.page_number_position) == ("-{page}-", "top")
    assert stack.count() == 5
    while stack.canUndo():
        stack.undo()
    meta = window.document.brief.meta
    assert (
        meta.cover,
        meta.contents,
        meta.numbering,
        meta.page_number_format,
        meta.page_number_position,
    ) == (True, True, "decimal", "", "bottom")
    assert cover.cover.isChecked() and cover.page_number.text() == ""


def test_section_label_and_new_page(qtbot, window: MainWindow) -> None:
    editor = select_title(window, "Contacts")
    section = editor.section
    assert editor.new_page.isChecked()  # a top-level section starts a page
    editor.label_edit.setFocus()
    qtbot.keyClicks(editor.label_edit, "TAB A")
    assert section.label == "TAB A"
    editor.new_page.click()
    assert section.new_page is False
    editor.new_page.click()
    assert section.new_page is None  # back to the default, nothing written
    stack = window.document.undo_stack
    assert stack.count() == 3
    while stack.canUndo():
        stack.undo()
    assert (section.label, section.new_page) == ("", None)
    assert editor.label_edit.text() == ""


def test_edition_only_tags_column(qtbot, window: MainWindow) -> None:
    window.tree.select_path(None)
    editions = window.editor.editions
    editions.add_edition()
    editions.set_cells({(0, 5): "press, q&a"}, "Edit cell")
    (edition,) = window.document.brief.editions
    assert edition.only_tags == ["press", "q&a"] and edition.include_tags == []
    assert editions.cell(0, 5) == "press, q&a"
    window.undo_action.trigger()
    assert window.document.brief.editions[0].only_tags == []


def test_schedule_entry_tbc_column(qtbot, window: MainWindow) -> None:
    select_title(window, "Schedule")
    editor = next(e for e in editors_of(window, "Schedule") if isinstance(e, ScheduleEditor))
    column = next(f for f in editor.columns if f.name == "tbc")
    editor.set_values({(0, column): "yes"}, "Edit cell")
    assert editor.block.entries[0].tbc is True
    window.undo_action.trigger()
    assert editor.block.entries[0].tbc is False


def test_a_layout_change_is_previewed_whole(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefbook.gui.preview import scheduling as previewing

    monkeypatch.setattr(previewing, "SECTION_FIRST_SECONDS", 0.0)  # as if the brief were long
    qtbot.waitUntil(lambda: window.previewer.is_settled, timeout=60_000)
    pages = window.preview.result.page_count
    window.tree.select_path(None)
    cover = window.editor
    assert isinstance(cover, CoverEditor)
    partial: list[object] = []
    window.preview.section_shown.connect(partial.append)
    cover.cover.click()  # no cover: every page moves, so no part is laid out alone
    qtbot.waitUntil(lambda: window.previewer.is_settled, timeout=60_000)
    assert partial == []
    assert window.preview.result.page_count == pages - 1
    editor = select_title(window, "Concluding remarks")
    editor.new_page.click()  # runs on: its pages are no longer its own
    qtbot.waitUntil(lambda: window.previewer.is_settled, timeout=60_000)
    assert partial == []


def test_the_section_tree_shows_a_label_before_the_title(qtbot, window: MainWindow) -> None:
    editor = select_title(window, "Contacts")
    editor.label_edit.setFocus()
    qtbot.keyClicks(editor.label_edit, "Annex D")
    path = next(p for p, s in window.document.brief.walk_sections() if s.title == "Contacts")
    assert window.tree.model().index_of(path).data() == "Annex D  Contacts"
