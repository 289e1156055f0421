"""Small helpers for driving the window like a user."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from briefbook.gui.editors.section import SectionEditor
from briefbook.gui.window.mainwindow import MainWindow


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(text.split())  # line breaks fall anywhere


class Questions:
    """Stands in for ``QMessageBox.question``: keeps each question's text in ``asked``
    and gives ``answer`` (which a test may change between questions)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> None:
        self.asked: list[str] = []
        self.answer = answer
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _question(self, *args: object, **kwargs: object) -> QMessageBox.StandardButton:
        self.asked.append(str(args[2]))
        return self.answer


def section_editor(window: MainWindow) -> SectionEditor:
    editor = window.editor
    assert isinstance(editor, SectionEditor), type(editor)
    return editor


def select_title(window: MainWindow, title: str) -> SectionEditor:
    """Select the section called ``title`` in the tree and return its editor."""
    for path, section in window.document.brief.walk_sections():
        if section.title == title:
            window.tree.select_path(path)
            return section_editor(window)
    raise AssertionError(f"no section {title!r}")


def editors_of(window: MainWindow, label: str) -> list[object]:
    return [card.editor for card in section_editor(window).cards if card.editor.label == label]


def wait_render(qtbot, window: MainWindow) -> None:
    """Render again now and wait until the preview shows the brief as it is."""
    with qtbot.waitSignal(window.previewer.settled, timeout=60_000):
        window.previewer.rerender()
