"""The main window driven as a user would: open, edit, reorder, undo, save, export, close."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox

from briefbook.core.fileformat import load
from briefbook.gui.dialogs.export import ExportDialog
from briefbook.gui.editors.cover import CoverEditor
from briefbook.gui.editors.table import TableEditor
from briefbook.gui.window.mainwindow import MainWindow
from gui.helpers import Questions, editors_of, pdf_text, select_title, wait_render


def titles(window: MainWindow) -> list[str]:
    return [section.title for section in window.document.brief.sections]


def test_first_start_shows_the_example_with_its_pages(window: MainWindow) -> None:
    assert "Visit to Italy" in window.windowTitle()
    assert window.document.path is None  # the bundled example opens untitled
    assert window.tree.model().rowCount(window.tree.model().root_index()) == len(titles(window))
    assert window.preview.page_count >= 5
    assert not window.isWindowModified()


def test_add_a_section_from_a_template_then_undo_and_redo(qtbot, window: MainWindow) -> None:
    select_title(window, "Schedule")
    before = titles(window)
    menu = window.sections.add_menu
    assert not menu.actions()  # filled when first opened, not at start-up
    menu.popup(window.mapToGlobal(window.rect().center()))
    menu.hide()
    labels = [act.text() for act in menu.actions()]
    assert "Press lines" in labels or len(labels) >= 5
    act = menu.actions()[0]
    act.trigger()
    after = titles(window)
    assert len(after) == len(before) + 1
    assert after[3] == act.text()  # inserted after "Schedule" (index 2)
    assert window.tree.current_path() == (3,)
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert titles(window) == before
    window.redo_action.trigger()
    assert titles(window) == after


def test_type_into_a_table_cell(qtbot, window: MainWindow) -> None:
    select_title(window, "Key points")
    (editor,) = editors_of(window, "Table")
    assert isinstance(editor, TableEditor)
    view = editor.view
    index = view.model().index(0, 0)
    view.setCurrentIndex(index)
    view.setFocus()
    view.edit(index)
    (field,) = view.viewport().findChildren(QLineEdit)
    field.selectAll()
    qtbot.keyClicks(field, "Joint Naval Drills")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the view commits on its next turn
    block = editor.block
    qtbot.waitUntil(lambda: block.rows[0][0] == "Joint Naval Drills")
    assert view.model().index(0, 0).data() == "Joint Naval Drills"
    window.undo_action.trigger()
    assert block.rows[0][0] == "Joint Naval Exercises"
    assert view.model().index(0, 0).data() == "Joint Naval Exercises"


def test_paste_a_block_of_cells_grows_the_table(qtbot, window: MainWindow) -> None:
    select_title(window, "Key points")
    (editor,) = editors_of(window, "Table")
    view = editor.view
    view.setCurrentIndex(view.model().index(2, 1))
    view.paste_cells("a\tb\tc\nd\te\tf\n")
    block = editor.block
    assert len(block.columns) == 4
    assert block.rows[2][1:] == ["a", "b", "c"]
    assert block.rows[3][1:] == ["d", "e", "f"]
    assert all(len(row) == 4 for row in block.rows)
    window.undo_action.trigger()
    assert len(block.columns) == 3 and len(block.rows) == 3


def test_table_rows_columns_and_headers(qtbot, window: MainWindow) -> None:
    select_title(window, "Key points")
    (editor,) = editors_of(window, "Table")
    view = editor.view
    view.setCurrentIndex(view.model().index(0, 2))
    editor.add_column()
    qtbot.keyClicks(editor._header_edit, "Owner")
    qtbot.keyClick(editor._header_edit, Qt.Key.Key_Return)
    assert editor.block.columns == ["Initiative", "Objective", "Timeline", "Owner"]
    view.setCurrentIndex(view.model().index(1, 0))
    editor.add_row()
    assert len(editor.block.rows) == 4 and editor.block.rows[2] == ["", "", "", ""]
    editor.remove_rows()
    editor.remove_columns()
    assert len(editor.block.rows) == 3
    stack = window.document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert editor.block.columns == ["Initiative", "Objective", "Timeline"]


def test_reorder_sections_with_the_keyboard(qtbot, window: MainWindow) -> None:
    before = titles(window)
    select_title(window, "Schedule")
    window.tree.setFocus()
    qtbot.keyClick(
        window.tree,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    after = titles(window)
    assert after[2:4] == [before[3], before[2]]
    assert window.tree.current_path() == (3,)
    qtbot.keyClick(
        window.tree,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [s.title for s in window.document.brief.sections[2].subsections] == ["Schedule"]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert titles(window) == before


def test_reorder_sections_by_drag_and_drop(qtbot, window: MainWindow) -> None:
    before = titles(window)
    model = window.tree.model()
    source = model.index_of((0,))
    data = model.mimeData([source])
    root = model.root_index()
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 3, 0, root)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, root)
    qtbot.waitUntil(lambda: titles(window) != before)
    assert titles(window) == [before[1], before[2], before[0], *before[3:]]
    # Dropping onto a section makes it a subsection.
    data = model.mimeData([model.index_of((0,))])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of((1,)))
    qtbot.waitUntil(lambda: len(window.document.brief.sections) == len(before) - 1)
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert titles(window) == before


def test_delete_and_rename_are_undoable(qtbot, window: MainWindow) -> None:
    before = [s.title for _, s in window.document.brief.walk_sections()]
    select_title(window, "Key points")
    kept = window.document.brief.sections[3]
    window.sections.delete.trigger()
    assert "Key points" not in titles(window)
    window.tree.select_path((0,))
    model = window.tree.model()
    assert model.setData(model.index_of((0,)), "Read me first")
    assert titles(window)[0] == "Read me first"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert [s.title for _, s in window.document.brief.walk_sections()] == before
    assert window.document.brief.sections[3] is kept
    assert window.tree.current_path() == (3,)


def test_edit_text_then_the_preview_shows_it(qtbot, window: MainWindow) -> None:
    editor = select_title(window, "Concluding remarks")
    (text_editor,) = [card.editor for card in editor.cards if card.editor.label == "Text"]
    text_editor.edit.setFocus()
    text_editor.edit.moveCursor(text_editor.edit.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.previewer.settled, timeout=60_000):
        qtbot.keyClicks(text_editor.edit, " Zanzibar flamingo.")
    assert "Zanzibar flamingo." in text_editor.block.text
    assert window.preview.page_count >= 5
    assert "Zanzibar flamingo" in pdf_text(window.preview.result.pdf)
    # A burst of typing is one undo step.
    window.undo_action.trigger()
    assert "Zanzibar" not in text_editor.block.text
    assert "Zanzibar" not in text_editor.edit.toPlainText()


def test_save_then_reopen_gives_the_same_brief(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    select_title(window, "Key points")
    (editor,) = editors_of(window, "Table")
    editor.view.setCurrentIndex(editor.view.model().index(0, 0))
    editor.view.paste_cells("Saved cell")
    target = tmp_path / "visit"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.files.save_action.trigger()
    saved = tmp_path / "visit.brief.yaml"
    assert saved.is_file()
    assert window.document.path == saved
    assert not window.isWindowModified()
    assert "visit.brief.yaml" in window.windowTitle()
    assert load(saved) == window.document.brief
    with qtbot.waitSignal(window.document_opened, timeout=60_000):
        window.files.open_path(saved)
    assert window.document.path == saved
    assert window.document.brief.sections[3].blocks[2].rows[0][0] == "Saved cell"
    assert str(saved.resolve()) == window.settings.recent_files[0]


def test_export_writes_a_pdf_with_the_new_content(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    select_title(window, "Key points")
    (editor,) = editors_of(window, "Table")
    editor.view.setCurrentIndex(editor.view.model().index(1, 0))
    editor.view.paste_cells("Quokka Readiness Initiative")
    dialog = ExportDialog(window.document, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.open_button.isVisible()
    assert dialog.destination.text().endswith("2025-06-12 Visit to Italy v3.pdf")
    target = tmp_path / "out.pdf"
    dialog.destination.setText(str(target))
    dialog.open_after.setChecked(False)
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000):
        dialog.export_button.click()
    assert target.is_file()
    assert "Quokka Readiness Initiative" in pdf_text(target.read_bytes())
    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
    assert f"{dialog.result.page_count} pages" in dialog.status.text()
    dialog.close()


def test_closing_with_unsaved_changes_asks(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.sections.add_blank.trigger()
    window.tree.closePersistentEditor(window.tree.currentIndex())
    questions = Questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible() and questions.asked and "Untitled" in questions.asked[0]
    questions.answer = QMessageBox.StandardButton.Discard
    assert window.close()
    assert len(questions.asked) == 2


def test_a_render_error_shows_in_the_preview(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefbook.errors import RenderError

    def broken(*args: object, **kwargs: object) -> None:
        raise RenderError("the table is too wide", where='section "Key points"')

    # The render process answers with the renderer's error (tests/render/test_service.py).
    monkeypatch.setattr(window.previewer.service, "render", broken)
    with qtbot.waitSignal(window.previewer.failed, timeout=60_000):
        window.previewer.rerender()
    assert window.preview.banner.isVisibleTo(window)
    assert "the table is too wide" in window.preview.banner.text()
    assert window.preview.page_count > 0  # the last good pages stay
    monkeypatch.undo()
    wait_render(qtbot, window)
    assert not window.preview.banner.isVisibleTo(window)


def test_a_broken_file_is_reported_and_the_work_stays(
    qtbot, window: MainWindow, tmp_path: Path, no_prompts: list[str]
) -> None:
    broken = tmp_path / "broken.brief.yaml"
    broken.write_text("briefbook: 1\nmeta: [unclosed\n", encoding="utf-8")
    before = window.document
    with qtbot.waitSignal(window.opening_failed, timeout=60_000):
        window.files.open_path(broken)
    assert window.document is before
    assert no_prompts and "broken.brief.yaml" in no_prompts[-1]


def test_twenty_thousand_void_qt_calls(qtbot) -> None:
    """PySide6 6.12.0 aborts after ~5,300 of these on Python 3.11; the pinned version must not."""
    label = QLabel()
    qtbot.addWidget(label)
    for number in range(20_000):
        label.setText(str(number))
    assert label.text() == "19999"


def test_export_an_edition_without_a_tagged_section(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    editor = select_title(window, "Contacts")
    editor.tags_edit.setText("contacts")
    editor.tags_edit.textEdited.emit("contacts")
    window.tree.select_path(None)
    editions = window.editor.editions
    editions.add_edition()
    editions.set_cells({(0, 0): "Press", (0, 3): "contacts", (0, 1): "TOP SECRET"}, "Edit cell")
    assert "not in the marking scheme" in editions.message.text()
    (edition,) = window.document.brief.editions
    assert (edition.name, edition.exclude_tags, edition.ceiling) == ("Press", ["contacts"], "")
    dialog = ExportDialog(window.document, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.edition.setCurrentIndex(1)
    assert dialog.destination.text().endswith("2025-06-12 Visit to Italy v3 Press.pdf")
    target = tmp_path / "press.pdf"
    dialog.destination.setText(str(target))
    dialog.open_after.setChecked(False)
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000):
        dialog.export_button.click()
    text = pdf_text(target.read_bytes())
    assert "press@example.org" not in text and "Concluding remarks" in text
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.document.brief.editions == []


def test_a_long_brief_shows_the_edited_section_first(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefbook.gui.preview import scheduling as previewing

    monkeypatch.setattr(previewing, "SECTION_FIRST_SECONDS", 0.0)  # as if the brief were long
    editor = select_title(window, "Concluding remarks")
    first_page = window.preview.section_pages[(6,)]
    (text_editor,) = [card.editor for card in editor.cards if card.editor.label == "Text"]
    with qtbot.waitSignal(window.preview.section_shown, timeout=60_000) as shown:
        text_editor.edit.appendPlainText("Section first.")
    assert shown.args == [(6,)]
    partial = window.preview.view.document()
    assert partial is not window.preview.document and partial.pageCount() >= 1
    assert "Section first." in pdf_text_of(partial)
    assert window.preview.current_page() == first_page - 1  # numbered as in the whole brief
    qtbot.waitUntil(lambda: window.previewer.is_settled, timeout=60_000)
    assert window.preview.view.document() is window.preview.document
    assert "Section first." in pdf_text(window.preview.result.pdf)
    # The whole document takes over where the section's page was: its top in view, as before.
    assert window.preview.current_page() == first_page - 1
    offset = window.preview._offset_from(first_page - 1)
    assert offset is not None and -window.preview.view.viewport().height() < offset <= 2


def test_the_edited_section_needs_only_a_short_pause(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefbook.gui.preview import scheduling as previewing

    monkeypatch.setattr(previewing, "SECTION_FIRST_SECONDS", 0.0)  # as if the brief were long
    window.previewer.set_delay(600_000)  # the whole document waits for a pause of ten minutes
    assert window.previewer.section_timer.interval() == previewing.SECTION_PAUSE_MS
    editor = select_title(window, "Concluding remarks")
    (text_editor,) = [card.editor for card in editor.cards if card.editor.label == "Text"]
    with qtbot.waitSignal(window.preview.section_shown, timeout=60_000) as shown:
        text_editor.edit.appendPlainText("After a short pause.")
    assert shown.args == [(6,)]
    assert "After a short pause." in pdf_text_of(window.preview.view.document())
    assert window.previewer.timer.isActive() and not window.previewer.is_settled
    window.previewer.render_now()  # as when the long pause is over
    qtbot.waitUntil(lambda: window.previewer.is_settled, timeout=60_000)
    assert window.preview.view.document() is window.preview.document
    assert "After a short pause." in pdf_text(window.preview.result.pdf)


def test_a_cover_edit_shows_the_cover_first(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefbook.gui.preview import scheduling as previewing

    monkeypatch.setattr(previewing, "SECTION_FIRST_SECONDS", 0.0)  # as if the brief were long
    window.previewer.set_delay(600_000)  # the whole document waits for a pause of ten minutes
    window.tree.select_path(None)
    cover = window.editor
    title = cover.fields["title"]
    title.setFocus()
    title.selectAll()
    with qtbot.waitSignal(window.preview.section_shown, timeout=60_000) as shown:
        qtbot.keyClicks(title, "Visit to Malta")
    assert shown.args == [None]
    partial = window.preview.view.document()
    assert partial is not window.preview.document and partial.pageCount() == 1
    assert "Visit to Malta" in pdf_text_of(partial)
    assert window.preview.current_page() == 0
    window.previewer.render_now()  # as when the long pause is over
    qtbot.waitUntil(lambda: window.previewer.is_settled, timeout=60_000)
    assert window.preview.view.document() is window.preview.document
    assert pdf_text(window.preview.result.pdf).count("Visit to Malta") > 2  # running header
    # A section edit next is shown section first again, not as the cover.
    editor = select_title(window, "Concluding remarks")
    (text_editor,) = [card.editor for card in editor.cards if card.editor.label == "Text"]
    with qtbot.waitSignal(window.preview.section_shown, timeout=60_000) as shown:
        text_editor.edit.appendPlainText("Then a section.")
    assert shown.args == [(6,)]


def pdf_text_of(document: object) -> str:
    """The text of a loaded QPdfDocument's pages."""
    return " ".join(
        " ".join(document.getAllText(page).text().split())  # type: ignore[attr-defined]
        for page in range(document.pageCount())
    )  # type: ignore[attr-defined]


def test_a_failed_save_says_why_and_keeps_the_work(
    qtbot, window: MainWindow, tmp_path: Path, no_prompts: list[str]
) -> None:
    window.sections.add_blank.trigger()
    target = tmp_path / "no such folder" / "visit.brief.yaml"
    assert not window.files.save_to(target)
    assert no_prompts and "Could not save visit.brief.yaml" in no_prompts[-1]
    assert window.document.path is None
    assert window.isWindowModified()
    assert "New section" in titles(window)


def test_paste_material_as_sections(qtbot, window: MainWindow) -> None:
    select_title(window, "Schedule")
    before = titles(window)
    html = (
        "<h2>Press lines</h2><p>We <b>welcome</b> the visit.</p>"
        "<ul><li>Line one</li><li>Line two</li></ul>"
        "<h2>Logistics</h2><table><tr><th>Item</th><th>Who</th></tr>"
        "<tr><td>Cars</td><td>Embassy</td></tr></table>"
    )
    count = window.sections.paste_as_sections("", html)
    assert count == 2
    assert titles(window)[3:5] == ["Press lines", "Logistics"]
    assert window.tree.current_path() == (3,)
    window.undo_action.trigger()  # the whole paste is one step
    assert titles(window) == before


def test_import_a_file_as_a_new_brief(qtbot, window: MainWindow, tmp_path: Path) -> None:
    source = tmp_path / "notes.md"
    source.write_text(
        "# Visit to Oslo\n\n## Key points\n\n- One\n- Two\n\n## Logistics\n\n"
        "| Item | Who |\n|---|---|\n| Cars | Embassy |\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.document_opened, timeout=60_000):
        window.files.import_path(source)
    assert window.document.path is None
    assert window.document.brief.meta.title == "Visit to Oslo"
    assert titles(window) == ["Key points", "Logistics"]


def test_a_missing_image_is_a_warning_over_the_preview(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    editor = select_title(window, "Concluding remarks")
    with qtbot.waitSignal(window.previewer.settled, timeout=60_000):
        editor.add_block("image", 1)
        image = window.document.brief.sections[6].blocks[1]
        editor = window.editor
        card = editor.cards[1].editor
        card.picker.path_edit.setText(str(tmp_path / "gone.png"))
        card.picker.path_edit.editingFinished.emit()
    assert image.path.endswith("gone.png")
    assert window.preview.result.warnings
    assert window.preview.banner.isVisibleTo(window)
    assert window.preview.banner.text().startswith("Warning:")


def test_deleting_every_section_leaves_the_cover(qtbot, window: MainWindow) -> None:
    count = len(window.document.brief.sections)
    window.tree.select_path((0,))
    for _ in range(count):
        window.sections.delete.trigger()
    assert window.document.brief.sections == []
    assert window.tree.current_path() is None
    assert isinstance(window.editor, CoverEditor)
    for _ in range(count):
        window.undo_action.trigger()
    assert len(window.document.brief.sections) == count
