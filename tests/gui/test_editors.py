"""Each block editor and the cover form, used as a user would, with undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from briefbook.core import model as m
from briefbook.gui.editors.cover import CoverEditor
from briefbook.gui.editors.lists import ListEditor
from briefbook.gui.editors.schedule import CLASH_COLOUR, ScheduleEditor
from briefbook.gui.window.mainwindow import MainWindow
from gui.helpers import editors_of, section_editor, select_title


def undo_all(window: MainWindow) -> None:
    stack = window.document.undo_stack
    while stack.canUndo():
        stack.undo()


def test_cover_form_edits_the_brief_and_the_title_bar(qtbot, window: MainWindow) -> None:
    window.tree.select_path(None)
    cover = window.editor
    assert isinstance(cover, CoverEditor)
    title = cover.fields["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Visit to Malta")
    assert window.document.brief.meta.title == "Visit to Malta"
    assert window.windowTitle().startswith("Visit to Malta")
    assert window.tree.model().index_of(None).data() == "Visit to Malta"
    cover.final.click()
    assert window.document.brief.meta.status == "final"
    cover.page_size.setCurrentText("Letter")
    assert window.document.brief.meta.page_size == "Letter"
    cover.end.set_value(None)
    cover.end.setText(dt.date.today().isoformat())
    cover.end.read_text()
    assert window.document.brief.meta.dates.end == dt.date.today()
    # Typing is one step; each choice is one step.
    assert window.document.undo_stack.count() == 4
    undo_all(window)
    meta = window.document.brief.meta
    assert (meta.title, meta.status, meta.page_size, meta.dates.end) == (
        "Visit to Italy",
        "draft",
        "A4",
        None,
    )
    assert cover.fields["title"].text() == "Visit to Italy"
    assert cover.draft.isChecked()


def test_time_zone_fields_offer_the_zone_names_once_focused(qtbot, window: MainWindow) -> None:
    window.tree.select_path(None)
    cover = window.editor
    assert isinstance(cover, CoverEditor)
    field = cover.fields["home_timezone"]
    field.setFocus()
    qtbot.waitUntil(lambda: cover.zone_names.rowCount() > 0)
    names = cover.zone_names.stringList()
    assert "Europe/Rome" in names
    assert field.completer().model() is cover.zone_names


def test_schedule_keeps_day_and_time_order_and_shows_clashes(qtbot, window: MainWindow) -> None:
    select_title(window, "Schedule")
    (editor,) = editors_of(window, "Schedule")
    assert isinstance(editor, ScheduleEditor)
    entries = editor.block.entries
    titles = [e.title for e in entries]
    last = len(entries) - 1
    # Move the departure (17:30) to 09:15: it sorts up and clashes with the 09:00 meeting.
    editor.set_cells({(last, 1): "09:15"}, "Edit cell")
    entries = editor.block.entries  # the block's lists are replaced by each edit
    assert [e.title for e in entries][2] == "Departure"
    assert entries[2].time == dt.time(9, 15)
    colour, tip = editor.cell_hint(2, 3)
    assert colour == CLASH_COLOUR and "Meeting with the Minister of Defence" in tip
    assert editor.message.isVisibleTo(editor) and "overlap" in editor.message.text()
    window.undo_action.trigger()
    assert [e.title for e in editor.block.entries] == titles
    assert editor.cell_hint(2, 3) == (None, "")
    # A time that is not one is refused and said so; nothing changes.
    editor.set_cells({(0, 1): "soonish"}, "Edit cell")
    assert editor.block.entries[0].time == dt.time(8, 15)
    assert "not a time" in editor.message.text()


def test_schedule_time_picker(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QTimeEdit

    select_title(window, "Schedule")
    (editor,) = editors_of(window, "Schedule")
    view = editor.view
    index = view.model().index(0, 2)  # the end of the first entry
    view.setCurrentIndex(index)
    view.edit(index)
    (picker,) = view.viewport().findChildren(QTimeEdit)
    assert picker.time().toString("HH:mm") == "08:45"
    picker.setTime(picker.time().addSecs(15 * 60))
    view.commitData(picker)
    assert editor.block.entries[0].end == dt.time(9, 0)


def test_schedule_details_below_the_grid(qtbot, window: MainWindow) -> None:
    select_title(window, "Schedule")
    (editor,) = editors_of(window, "Schedule")
    editor.view.setCurrentIndex(editor.view.model().index(1, 3))
    participants = editor.detail_widgets["participants"]
    assert participants.toPlainText().splitlines()[0] == "Secretary General"
    participants.moveCursor(participants.textCursor().MoveOperation.End)
    qtbot.keyClick(participants, Qt.Key.Key_Return)
    qtbot.keyClicks(participants, "Interpreter")
    assert editor.block.entries[1].participants[-1] == "Interpreter"
    assert participants.toPlainText().endswith("\nInterpreter")
    window.undo_action.trigger()
    assert "Interpreter" not in editor.block.entries[1].participants


def test_add_an_entry_starts_when_the_previous_ends(qtbot, window: MainWindow) -> None:
    select_title(window, "Schedule")
    (editor,) = editors_of(window, "Schedule")
    editor.view.setCurrentIndex(editor.view.model().index(0, 0))
    editor.add_row()
    new = editor.block.entries[1]
    assert (new.time, new.end) == (dt.time(8, 45), dt.time(9, 45))
    assert new.date == dt.date(2025, 6, 12)


def test_bullet_list_items_indent_outdent_and_reorder(qtbot, window: MainWindow) -> None:
    select_title(window, "Key points")
    (editor,) = editors_of(window, "Bullet list")
    assert isinstance(editor, ListEditor)
    first = [item.text for item in editor.block.items]
    editor.tree.setCurrentItem(editor.tree.topLevelItem(1))
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Tab)
    assert [i.text for i in editor.block.items[0].items] == [first[1]]
    assert editor.current_path() == (0, 0)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Backtab)
    assert [i.text for i in editor.block.items] == first
    editor.tree.setCurrentItem(editor.tree.topLevelItem(3))
    editor.down_button.click()  # already last: nothing happens
    editor.up_button.click()
    assert [i.text for i in editor.block.items][2] == first[3]
    editor.add_item()
    assert len(editor.block.items) == 5
    item = editor.tree.currentItem()
    item.setText(0, "A new point")
    assert editor.block.items[3].text == "A new point"
    undo_all(window)
    assert [i.text for i in editor.block.items] == first


def test_blocks_are_added_moved_and_deleted(qtbot, window: MainWindow) -> None:
    editor = select_title(window, "Concluding remarks")
    section = editor.section
    editor.add_block("note", 1)
    assert isinstance(section.blocks[1], m.NoteBlock)
    editor = section_editor(window)
    note = editor.cards[1].editor
    note.title.setText("Heads up")
    note.title.textEdited.emit("Heads up")
    assert section.blocks[1].title == "Heads up"
    editor.move_block(1, 0)
    assert isinstance(section.blocks[0], m.NoteBlock)
    editor.remove_block(0)
    assert [type(b) for b in section.blocks] == [m.TextBlock]
    undo_all(window)
    assert [type(b) for b in section.blocks] == [m.TextBlock]
    window.document.undo_stack.redo()
    assert isinstance(section.blocks[1], m.NoteBlock)


def test_every_block_kind_has_an_editor(qtbot, window: MainWindow) -> None:
    from briefbook.gui.editors import BLOCK_LABELS

    editor = select_title(window, "Concluding remarks")
    for kind in BLOCK_LABELS:
        editor.add_block(kind, len(editor.section.blocks))
    labels = [card.editor.label for card in section_editor(window).cards]
    assert labels == ["Text", *BLOCK_LABELS.values()]


def test_image_block_shows_a_thumbnail(qtbot, window: MainWindow, tmp_path: Path) -> None:
    picture = tmp_path / "map.png"
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    assert image.save(str(picture))
    editor = select_title(window, "Concluding remarks")
    editor.add_block("image", 1)
    image_editor = section_editor(window).cards[1].editor
    image_editor.picker.path_edit.setText(str(picture))
    image_editor.picker.path_edit.editingFinished.emit()
    assert editor.section.blocks[1].path == str(picture)
    assert image_editor.picker.preview.pixmap().width() > 0
    assert "400 × 200" in image_editor.picker.info.text()
    image_editor.picker.path_edit.setText(str(tmp_path / "missing.png"))
    image_editor.picker.path_edit.editingFinished.emit()
    assert "Not found" in image_editor.picker.info.text()
    qtbot.keyClicks(image_editor.alt, "A map")
    assert editor.section.blocks[1].alt == "A map"
    window.undo_action.trigger()
    assert editor.section.blocks[1].alt == ""


def test_section_title_typing_is_one_undo_step(qtbot, window: MainWindow) -> None:
    editor = select_title(window, "Contacts")
    editor.title_edit.setFocus()
    editor.title_edit.selectAll()
    qtbot.keyClicks(editor.title_edit, "Who to call")
    assert window.document.brief.sections[-1].title == "Who to call"
    assert window.tree.model().index_of((7,)).data() == "Who to call"
    assert window.document.undo_stack.count() == 1
    window.undo_action.trigger()
    assert window.document.brief.sections[-1].title == "Contacts"
    assert editor.title_edit.text() == "Contacts"


def test_move_a_block_with_the_keyboard(qtbot, window: MainWindow) -> None:
    editor = select_title(window, "Key points")
    kinds = [type(block) for block in editor.section.blocks]
    bullets = editor.cards[1].editor
    bullets.tree.setFocus()
    qtbot.keyClick(
        bullets.tree,
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert [type(block) for block in editor.section.blocks] == [kinds[1], kinds[0], kinds[2]]
    window.undo_action.trigger()
    assert [type(block) for block in editor.section.blocks] == kinds


def test_schedule_time_zone_column(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QLineEdit

    select_title(window, "Schedule")
    (editor,) = editors_of(window, "Schedule")
    column = [field.name for field in editor.columns].index("timezone")
    assert editor.header(column) == "Time zone"
    editor.set_cells({(0, column): "Europe/Paris"}, "Edit cell")
    assert editor.block.entries[0].timezone == "Europe/Paris"
    assert editor.cell(0, column) == "Europe/Paris"
    editor.set_cells({(0, column): "Europe/Pariss"}, "Edit cell")
    assert editor.block.entries[0].timezone == "Europe/Paris"
    assert "did you mean 'Europe/Paris'" in editor.message.text()
    index = editor.view.model().index(1, column)
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    (line,) = editor.view.viewport().findChildren(QLineEdit)
    assert line.completer() is not None and line.placeholderText()
    window.undo_action.trigger()
    assert editor.block.entries[0].timezone == ""


def test_schedule_after_midnight_is_not_a_clash() -> None:
    from briefbook.gui.editors.schedule import clashes

    day = dt.date(2025, 9, 15)
    late = m.ScheduleEntry(date=day, time=dt.time(23, 30), end=dt.time(1, 15), title="Train")
    early = m.ScheduleEntry(date=day, time=dt.time(9, 0), end=dt.time(10, 0), title="Talks")
    later = m.ScheduleEntry(date=day, time=dt.time(23, 45), title="Arrive")
    assert clashes([early, late]) == {}
    assert clashes([early, late, later]) == {1: [2], 2: [1]}


def test_guidance_shows_as_a_hint_in_the_editor(qtbot, tmp_path: Path) -> None:
    from briefbook.core.fileformat import save
    from briefbook.core.templates import new_brief
    from briefbook.gui.workers import wait_for_workers
    from tests.gui.conftest import open_ready

    path = tmp_path / "visit.brief.yaml"
    save(new_brief("visit"), path)
    win = open_ready(qtbot, path)
    try:
        editor = select_title(win, "Press lines")
        assert editor.guidance_hint.isVisibleTo(editor)
        assert editor.guidance_hint.text() == (
            "Lines to take with the media, and the questions to expect."
        )
        (card,) = editor.cards
        from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

        fields = [*card.findChildren(QPlainTextEdit), *card.findChildren(QTextEdit)]
        assert any(f.placeholderText() == editor.guidance_hint.text() for f in fields)
        editor = select_title(win, "Schedule")
        assert editor.guidance_hint.text().startswith("The programme, one entry per activity")
    finally:
        win.document.undo_stack.setClean()
        win.close()
        wait_for_workers()
