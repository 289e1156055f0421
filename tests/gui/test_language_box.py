"""The cover editor's language and clock boxes: the preview follows at once; undo."""

from __future__ import annotations

from briefbook.gui.editors.cover import CoverEditor
from briefbook.gui.window.mainwindow import MainWindow
from gui.helpers import pdf_text


def test_choosing_a_language_changes_the_preview_and_undoes(qtbot, window: MainWindow) -> None:
    window.tree.select_path(None)
    cover = window.editor
    assert isinstance(cover, CoverEditor)
    box = cover.language
    assert box.findData("fr") >= 0 and box.findData("sv") >= 0
    with qtbot.waitSignal(window.previewer.settled, timeout=60_000):
        box.setCurrentIndex(box.findData("fr"))
        box.activated.emit(box.currentIndex())
    assert window.document.brief.meta.language == "fr"
    assert "Sommaire" in pdf_text(window.preview.result.pdf)
    # a tag typed in, not in the list, is taken as it is
    box.setEditText("fr-CA")
    box._chosen()
    assert window.document.brief.meta.language == "fr-CA"
    # a malformed one is not
    box.setEditText("french!")
    box._chosen()
    assert window.document.brief.meta.language == "fr-CA"
    cover.clock.setCurrentIndex(cover.clock.findData("12h"))
    cover.clock.activated.emit(cover.clock.currentIndex())
    assert window.document.brief.meta.time_format == "12h"
    stack = window.document.undo_stack
    stack.undo()
    stack.undo()
    assert window.document.brief.meta.language == "fr"
    stack.undo()
    assert window.document.brief.meta.language == "en"
    assert box.currentText().endswith("(en)")
