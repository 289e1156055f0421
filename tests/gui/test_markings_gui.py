"""Markings in the app: the block, item, row and entry selectors, the section tree, the
preview and the export dialog's count of what an edition leaves out."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from briefbook.core import model as m
from briefbook.gui.dialogs.export import ExportDialog
from briefbook.gui.editors.lists import ListEditor
from briefbook.gui.editors.schedule import ScheduleEditor
from briefbook.gui.editors.table import TableEditor
from briefbook.gui.window.mainwindow import MainWindow
from briefbook.gui.window.sections import MARKING_ROLE
from briefbook.gui.workers import wait_for_workers
from gui.helpers import select_title, wait_render
from tests.gui.conftest import open_ready

MARKED = Path(__file__).parents[1] / "data" / "marked.brief.yaml"


@pytest.fixture
def marked_window(qtbot, tmp_path: Path, no_prompts: list[str]) -> Iterator[MainWindow]:
    shutil.copy(MARKED, tmp_path / "harbour.brief.yaml")
    win = open_ready(qtbot, tmp_path / "harbour.brief.yaml")
    yield win
    win.document.undo_stack.setClean()
    win.close()
    wait_for_workers()


def choose(combo, marking: str) -> None:
    """Pick ``marking`` as a user does (activated, not only shown)."""
    index = combo.findData(marking)
    assert index >= 0, marking
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_block_and_title_markings_are_undoable_steps(qtbot, marked_window: MainWindow) -> None:
    pane = select_title(marked_window, "Position")
    section = pane.section
    first = pane.cards[0]
    assert first.marking is not None and first.marking.currentData() == ""
    choose(first.marking, "CONFIDENTIAL")
    assert section.blocks[0].marking == "CONFIDENTIAL"
    choose(pane.title_marking, "CONFIDENTIAL")
    assert section.title_marking == "CONFIDENTIAL"
    stack = marked_window.document.undo_stack
    stack.undo()
    assert section.title_marking == "UNCLASSIFIED"
    assert pane.title_marking.currentData() == "UNCLASSIFIED"
    stack.undo()
    assert section.blocks[0].marking == ""
    assert select_title(marked_window, "Position").cards[0].marking.currentData() == ""


def test_list_items_rows_and_entries_take_their_own_marking(
    qtbot, marked_window: MainWindow
) -> None:
    pane = select_title(marked_window, "Position")
    lists = [card.editor for card in pane.cards if isinstance(card.editor, ListEditor)]
    editor = lists[0]
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0))
    assert editor.item_marking.isEnabled()
    choose(editor.item_marking, "CONFIDENTIAL")
    assert pane.section.blocks[1].items[0].marking == "CONFIDENTIAL"
    assert editor.tree.topLevelItem(0).text(1) == "CONFIDENTIAL"
    editor.tree.setCurrentItem(editor.tree.topLevelItem(2))
    assert editor.item_marking.currentData() == "SECRET//NOFORN"

    pane = select_title(marked_window, "Contacts")
    table = next(card.editor for card in pane.cards if isinstance(card.editor, TableEditor))
    table.view.setCurrentIndex(table.view.grid.index(0, 0))
    choose(table.row_marking, "CUI")
    block = pane.section.blocks[0]
    assert block.row_markings == ["CUI", "SECRET//NOFORN"]
    assert table.view.grid.headerData(0, Qt.Orientation.Vertical) == "1 (CUI)"
    table.add_row()  # below the first row: the markings move with their rows
    assert block.row_markings == ["CUI", "", "SECRET//NOFORN"]

    pane = select_title(marked_window, "Programme")
    schedule = next(card.editor for card in pane.cards if isinstance(card.editor, ScheduleEditor))
    column = [f.name for f in schedule.columns].index("marking")
    assert schedule.cell(1, column) == "SECRET//NOFORN"
    schedule.set_values({(0, schedule.columns[column]): "CONFIDENTIAL"}, "Change marking")
    assert pane.section.blocks[0].entries[0].marking == "CONFIDENTIAL"
    stack = marked_window.document.undo_stack
    for _ in range(4):
        stack.undo()
    assert pane.section.blocks[0].entries[0].marking == ""
    assert select_title(marked_window, "Position").section.blocks[1].items[0].marking == ""


def test_the_tree_shows_each_sections_marking(marked_window: MainWindow) -> None:
    model = marked_window.tree.model()
    found = [model.index_of((i,)).data(MARKING_ROLE) for i in range(4)]
    assert found == [
        ("UNCLASSIFIED", False, "(U)"),
        ("SECRET//REL TO USA, GBR", True, "(S//REL TO USA, GBR)"),
        ("UNCLASSIFIED", True, "(U)"),
        ("SECRET//NOFORN", True, "(S//NF)"),
    ]
    assert "marked SECRET//NOFORN" in model.index_of((3,)).data(Qt.ItemDataRole.ToolTipRole)


def test_the_preview_shows_the_marks_as_printed(qtbot, marked_window: MainWindow) -> None:
    pane = select_title(marked_window, "Position")
    choose(pane.cards[0].marking, "CONFIDENTIAL")
    wait_render(qtbot, marked_window)
    shown = marked_window.preview.document
    assert shown is not None
    text = " ".join(" ".join(shown.getAllText(i).text().split()) for i in range(shown.pageCount()))
    assert "(C) The partners share our aim" in text
    assert "(S//NF) Our fallback is a phased timetable" in text


def test_the_export_dialog_says_what_an_edition_leaves_out(
    qtbot, marked_window: MainWindow
) -> None:
    dialog = ExportDialog(marked_window.document, marked_window.settings, marked_window)
    qtbot.addWidget(dialog)
    assert dialog.edition.cut.text() == ""
    dialog.edition.setCurrentIndex(dialog.edition.findData("allies"))
    assert (
        dialog.edition.cut.text() == "This edition leaves out 1 section, 1 paragraph and 3 items."
    )
    dialog.edition.setCurrentIndex(dialog.edition.findData("public"))
    assert "leaves out 2 sections" in dialog.edition.cut.text()
    dialog.edition.setCurrentIndex(0)
    assert dialog.edition.cut.text() == ""


def test_a_new_block_starts_unmarked(marked_window: MainWindow) -> None:
    pane = select_title(marked_window, "Contacts")
    pane.add_block("text", len(pane.section.blocks))
    assert isinstance(pane.section.blocks[-1], m.TextBlock)
    assert pane.cards[-1].marking.currentData() == ""


def test_the_editions_grid_edits_the_controls_an_edition_leaves_out(
    marked_window: MainWindow,
) -> None:
    marked_window.tree.select_path(None)
    editions = marked_window.editor.editions
    assert editions.cell(0, 4) == "NOFORN"
    editions.set_cells({(1, 4): "orcon, noforn", (1, 1): "secret//noforn"}, "Edit cell")
    edition = marked_window.document.brief.editions[1]
    assert edition.exclude_controls == ["ORCON", "NOFORN"]
    assert edition.ceiling == "SECRET//NOFORN"  # as the scheme spells it
    marked_window.document.undo_stack.undo()
    assert marked_window.document.brief.editions[1].exclude_controls == []


def test_the_cover_form_edits_the_scheme_and_the_authority_block(
    qtbot, marked_window: MainWindow
) -> None:
    marked_window.tree.select_path(None)
    cover = marked_window.editor
    cover.scheme.setText("uk; OFFICIAL-SENSITIVE//COMMERCIAL (OS-C)")
    cover.scheme.editingFinished.emit()
    meta = marked_window.document.brief.meta
    assert meta.marking_preset == "uk"
    assert meta.markings == [m.MarkingLevel("OFFICIAL-SENSITIVE//COMMERCIAL", "OS-C")]
    field = cover.authority["reason"]
    field.setFocus()
    qtbot.keyClicks(field, "1.4(d)")
    assert meta.classification_block.reason == "1.4(d)"
    stack = marked_window.document.undo_stack
    stack.undo()
    stack.undo()
    meta = marked_window.document.brief.meta
    assert meta.marking_preset == "us" and meta.classification_block.reason == ""
    assert cover.scheme.text().startswith("us; SECRET//NOFORN (S//NF)")
