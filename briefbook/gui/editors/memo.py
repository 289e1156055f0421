"""The memo editor: the header's lines (to, through, from, subject; the meeting's date,
time, place and attendees) as a form, each edit one undo step (typing merges)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget

from briefbook.core.editing.values import parse_list
from briefbook.core.model import MemoBlock
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.base import BlockEditor
from briefbook.gui.editors.text import select_in
from briefbook.gui.editors.widgets import LineEdit, TextEdit, set_line_text

#: The one-line fields: (attribute, label, placeholder).
LINES: tuple[tuple[str, str, str], ...] = (
    ("to", "To", "Who the memo is for"),
    ("through", "Through", "Who it goes through, if anyone"),
    ("sender", "From", "Who sends it"),
    ("subject", "Subject", "What it is about"),
    ("date", "Date", "As it should print: 12 June 2025"),
    ("time", "Time", "As it should print: 1130-1230"),
    ("location", "Location", "Where the meeting takes place"),
)


class MemoEditor(BlockEditor[MemoBlock]):
    label = "Memo header"
    block: MemoBlock

    def __init__(self, document: Document, block: MemoBlock, parent: QWidget | None = None):
        super().__init__(document, block, parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.lines: dict[str, LineEdit] = {}
        for name, label, hint in LINES:
            edit = LineEdit()
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(label)
            edit.textEdited.connect(lambda text, n=name: self._set(n, text))
            self.lines[name] = edit
            form.addRow(label, edit)
        self.attendees = TextEdit(min_lines=2, max_lines=10)
        self.attendees.setPlaceholderText("One per line")
        self.attendees.setAccessibleName("Attendees")
        self.attendees.textChanged.connect(self._attendees_edited)
        form.addRow("Attendees", self.attendees)
        self.refresh()

    def refresh(self) -> None:
        for name, edit in self.lines.items():
            set_line_text(edit, getattr(self.block, name))
        if parse_list(self.attendees.toPlainText()) != self.block.attendees:
            self.attendees.set_text_keeping_cursor("\n".join(self.block.attendees))

    def _set(self, name: str, value: object) -> None:
        new = self.copy_block()
        setattr(new, name, value)
        self.push(new, "Edit memo header", name)

    def _attendees_edited(self) -> None:
        self._set("attendees", parse_list(self.attendees.toPlainText()))

    def find_text(self, needle: str) -> bool:
        key = needle.casefold()
        for edit in self.lines.values():
            start = edit.text().casefold().find(key)
            if start >= 0:
                edit.setFocus()
                edit.setSelection(start, len(needle))
                return True
        return select_in(self.attendees, needle)
