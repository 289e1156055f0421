"""The note block editor: a boxed call-out with a title, a style and text."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from briefbook.core.model import NOTE_STYLES, NoteBlock
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.base import BlockEditor
from briefbook.gui.editors.markup import MARKUP_HELP, MarkupBar
from briefbook.gui.editors.text import select_in
from briefbook.gui.editors.widgets import LineEdit, TextEdit, set_line_text

STYLE_LABELS = {"info": "Information", "important": "Important", "warning": "Warning"}


class NoteEditor(BlockEditor[NoteBlock]):
    label = "Note"
    block: NoteBlock

    def __init__(self, document: Document, block: NoteBlock, parent: QWidget | None = None):
        super().__init__(document, block, parent)
        self.title = LineEdit()
        self.title.setPlaceholderText("Optional heading of the box")
        self.style_box = QComboBox()
        for style in NOTE_STYLES:
            self.style_box.addItem(STYLE_LABELS.get(style, style), style)
        self.text = TextEdit(min_lines=2)
        self.text.setPlaceholderText("The note. " + MARKUP_HELP)
        self.bar = MarkupBar(self.text, self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Title", self.title)
        form.addRow("Kind", self.style_box)
        form.addRow(self.bar)
        form.addRow(self.text)
        self.refresh()
        self.title.textEdited.connect(lambda text: self._set("title", text, "title"))
        self.style_box.currentIndexChanged.connect(
            lambda _i: self._set("style", self.style_box.currentData(), None)
        )
        self.text.textChanged.connect(lambda: self._set("text", self.text.toPlainText(), "text"))

    def refresh(self) -> None:
        set_line_text(self.title, self.block.title)
        blocked = self.style_box.blockSignals(True)
        self.style_box.setCurrentIndex(max(0, self.style_box.findData(self.block.style)))
        self.style_box.blockSignals(blocked)
        self.text.set_text_keeping_cursor(self.block.text)

    def _set(self, name: str, value: str, merge: str | None) -> None:
        new = self.copy_block()
        setattr(new, name, value)
        self.push(new, "Edit note", merge)

    def find_text(self, needle: str) -> bool:
        return select_in(self.text, needle)
