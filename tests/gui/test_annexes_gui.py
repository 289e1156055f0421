"""Annexes in the app: Add Annex (PDF…), dropping a PDF on the section tree, the
editor (page count, range, thumbnails), the preview, and undo for all of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog
from support.annexpdfs import annex_pdf

from briefbook.core import model as m
from briefbook.core.fileformat import save
from briefbook.gui.editors.pdf import PdfEditor
from briefbook.gui.window.mainwindow import MainWindow
from briefbook.gui.workers import wait_for_workers

from .conftest import open_ready
from .helpers import editors_of, select_title, wait_render


@pytest.fixture
def annexed(qtbot, tmp_path: Path, no_prompts: list[str]) -> Iterator[MainWindow]:
    brief = m.Brief(m.Meta(title="Visit"), [m.Section("Purpose", [m.TextBlock("Why.")])])
    (tmp_path / "brief").mkdir()
    save(brief, tmp_path / "brief" / "visit.brief.yaml", backup=False)
    window = open_ready(qtbot, tmp_path / "brief" / "visit.brief.yaml")
    yield window
    window.document.undo_stack.setClean()
    window.close()
    wait_for_workers()


def test_add_annex_copies_the_file_and_previews_its_pages(
    qtbot, annexed: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = annexed
    (tmp_path / "elsewhere").mkdir()
    source = annex_pdf(tmp_path / "elsewhere" / "treaty.pdf", 3, wide=(2,))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    wait_render(qtbot, window)
    before = window.preview.page_count
    window.sections.add_annex.trigger()
    brief = window.document.brief
    assert [s.title for s in brief.sections] == ["Purpose", "Treaty"]
    block = brief.sections[1].blocks[0]
    assert isinstance(block, m.PdfBlock) and block.path == "annexes/treaty.pdf"
    copied = tmp_path / "brief" / "annexes" / "treaty.pdf"
    assert copied.read_bytes() == source.read_bytes()
    editor = select_title(window, "Treaty")
    (pdf_editor,) = editors_of(window, "Annex (PDF)")
    assert isinstance(pdf_editor, PdfEditor)
    assert pdf_editor.info.text().startswith("3 pages")
    assert pdf_editor.thumbs.count() == 3
    pdf_editor.pages.setText("1-2")
    pdf_editor.pages.textEdited.emit("1-2")
    assert brief.sections[1].blocks[0].pages == "1-2"
    assert pdf_editor.thumbs.count() == 2
    assert editor is not None
    window.tree.select_path(None)
    wait_render(qtbot, window)
    assert window.preview.page_count >= before + 3  # the heading page and two annex pages
    window.document.undo_stack.undo()  # the page range
    window.document.undo_stack.undo()  # the annex
    assert [s.title for s in window.document.brief.sections] == ["Purpose"]
    window.document.undo_stack.redo()
    assert window.document.brief.sections[1].title == "Treaty"


def test_dropping_a_pdf_on_the_tree_adds_an_annex(annexed: MainWindow, tmp_path: Path) -> None:
    window = annexed
    (tmp_path / "drop").mkdir()
    source = annex_pdf(tmp_path / "drop" / "cv_of_the_minister.pdf", 1)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(source))])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.tree.dropEvent(event)
    brief = window.document.brief
    assert [s.title for s in brief.sections] == ["Purpose", "Cv of the minister"]
    assert (tmp_path / "brief" / "annexes" / "cv_of_the_minister.pdf").is_file()
    window.document.undo_stack.undo()
    assert len(window.document.brief.sections) == 1
