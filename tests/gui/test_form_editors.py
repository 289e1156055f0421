"""The editors of the forms (memo header, scenario, points to make, if asked), used as a
user would, each edit undone again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from briefbook.core import model as m
from briefbook.gui.editors import BLOCK_LABELS
from briefbook.gui.editors.if_asked import IfAskedEditor
from briefbook.gui.editors.memo import MemoEditor
from briefbook.gui.editors.scenario import ScenarioEditor
from briefbook.gui.editors.talking_points import TalkingPointsEditor
from briefbook.gui.window.mainwindow import MainWindow
from gui.helpers import section_editor, select_title


def _added(window: MainWindow, kind: str) -> object:
    editor = select_title(window, "Concluding remarks")
    editor.add_block(kind, len(editor.section.blocks))
    return section_editor(window).cards[-1].editor


def _undo_all(window: MainWindow) -> None:
    stack = window.document.undo_stack
    while stack.canUndo():
        stack.undo()


def test_add_block_offers_the_forms() -> None:
    for kind in ("memo", "scenario", "talking_points", "if_asked"):
        assert kind in BLOCK_LABELS


def test_memo_header_lines_are_typed_and_undone(qtbot, window: MainWindow) -> None:
    memo = _added(window, "memo")
    assert isinstance(memo, MemoEditor)
    block = memo.block
    qtbot.keyClicks(memo.lines["sender"], "Under Secretary")
    qtbot.keyClicks(memo.lines["subject"], "Visit")
    memo.attendees.setPlainText("Minister Rossi\nMs Smith")
    assert (block.sender, block.subject) == ("Under Secretary", "Visit")
    assert block.attendees == ["Minister Rossi", "Ms Smith"]
    window.undo_action.trigger()
    assert block.attendees == []
    window.undo_action.trigger()
    assert block.subject == "" and memo.lines["subject"].text() == ""
    assert block.sender == "Under Secretary"


def test_scenario_start_time_steps_and_points(qtbot, window: MainWindow) -> None:
    editor = _added(window, "scenario")
    assert isinstance(editor, ScenarioEditor)
    block = editor.block
    assert isinstance(block, m.ScenarioBlock)
    qtbot.keyClicks(editor.start, "1130")
    assert block.time == dt.time(11, 30)
    qtbot.keyClick(editor.start, Qt.Key.Key_Return)
    assert editor.start.text() == "11:30"  # shown as it is kept
    title, minutes, press = (editor.fields[i] for i in (0, 1, 3))
    editor.set_values(
        {(0, title): "Arrival", (0, minutes): "5 mins", (0, press): "pool; photo spray"},
        "Edit step",
    )
    assert (block.steps[0].title, block.steps[0].duration) == ("Arrival", 5)
    assert editor.summary.text() == "1 step, 5 min"  # the total follows the grid
    assert block.steps[0].press == ["pool", "photo spray"]
    editor.set_values({(0, press): "loud"}, "Edit step")
    assert block.steps[0].press == ["pool", "photo spray"]  # refused, with a message
    assert "Press must be some of" in editor.message.text()
    editor.view.setCurrentIndex(editor.view.grid.index(0, 0))
    points = editor.detail_widgets["points"]
    points.setPlainText("Welcome\nThank")
    assert [p.text for p in block.steps[0].points] == ["Welcome", "Thank"]
    editor.add_row()
    assert len(block.steps) == 2
    assert editor.record_title(1) == "11:35"
    _undo_all(window)
    assert not any(
        isinstance(b, m.ScenarioBlock)
        for _, section in window.document.brief.walk_sections()
        for b in section.blocks
    )


def test_points_to_make_and_if_asked_edit_with_undo(qtbot, window: MainWindow) -> None:
    points = _added(window, "talking_points")
    assert isinstance(points, TalkingPointsEditor)
    points.tree.topLevelItem(0).setText(0, "Thank the Minister")
    assert points.block.items[0].text == "Thank the Minister"
    asked = _added(window, "if_asked")
    assert isinstance(asked, IfAskedEditor)
    question = asked.fields[0]
    asked.set_values({(0, question): "the ports deal"}, "Edit line")
    asked.view.setCurrentIndex(asked.view.grid.index(0, 0))
    asked.detail_widgets["answer"].setPlainText("We are studying it.")
    block = asked.block
    assert (block.items[0].question, block.items[0].answer) == (
        "the ports deal",
        "We are studying it.",
    )
    window.undo_action.trigger()
    assert block.items[0].answer == ""


def test_the_new_menu_names_each_template_with_its_line(qtbot, window: MainWindow) -> None:
    menu = window.files.template_menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    menu.hide()
    texts = [act.text() for act in menu.actions()]
    assert (
        "Read-ahead memo — one page: the memo header, the purpose, points to make, "
        "if asked" in texts
    )
    assert any(t.startswith("Issue brief — ") for t in texts)
    assert any(t.startswith("Scenario — ") for t in texts)
    assert any(t.startswith("Visit book — ") for t in texts)
