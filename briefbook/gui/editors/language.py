"""The brief's language and clock, as the cover editor and the export dialog offer them.

The language box lists the languages briefbook has its words in ("Français (fr)")
and takes any other BCP 47 tag typed into it; the clock box follows the language or
forces a 24-hour or 12-hour clock. Each choice is an undo command on the brief's
meta, so the preview follows it at once and Undo takes it back.
"""

from __future__ import annotations

import copy
from functools import cache

from PySide6.QtWidgets import QComboBox, QWidget

from briefbook.core.labels import languages
from briefbook.core.language import language_problem
from briefbook.gui.editing import commands
from briefbook.gui.editing.document import Document

#: The clock choices: (meta.time_format, what the box shows).
CLOCKS = (
    ("", "As the language writes it"),
    ("24h", "24-hour (14:30)"),
    ("12h", "12-hour (2:30 PM)"),
)


@cache
def language_name(tag: str) -> str:
    """``Français (fr)``: the language in its own words, with its tag."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(tag, sep="-").get_display_name() or tag
    except (UnknownLocaleError, ValueError, TypeError):
        return tag
    return f"{name[:1].upper()}{name[1:]} ({tag})"


def _push_meta(document: Document, name: str, value: str, text: str) -> None:
    if getattr(document.brief.meta, name) == value:
        return
    new = copy.deepcopy(document.brief.meta)
    setattr(new, name, value)
    document.undo_stack.push(commands.EditMeta(document, new, text))


class LanguageBox(QComboBox):
    """The brief's ``meta.language``: a listed language or any tag typed in."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setEditable(True)
        self.setToolTip(
            "The language of every word briefbook prints (contents, page "
            "numbers, dates...).\nPick one or type a language tag such as "
            "“pt-BR”; the brief's own text is not translated."
        )
        for tag in languages():
            self.addItem(language_name(tag), tag)
        self.activated.connect(lambda _index: self._chosen())
        if (line := self.lineEdit()) is not None:
            line.editingFinished.connect(self._chosen)
        document.meta_changed.connect(self.refresh)
        self.refresh()

    def tag(self) -> str:
        """The tag chosen or typed ("fr"; "" when the text is not a tag)."""
        text = self.currentText().strip()
        for index in range(self.count()):
            if self.itemText(index) == text:
                return str(self.itemData(index))
        if text.endswith(")") and "(" in text:  # "Name (tag)" typed back
            text = text[text.rindex("(") + 1 : -1].strip()
        return text if text and not language_problem(text) else ""

    def refresh(self) -> None:
        tag = self.document.brief.meta.language.strip() or "en"
        index = self.findData(tag)
        shown = self.itemText(index) if index >= 0 else tag
        if self.currentText() != shown:
            blocked = self.blockSignals(True)
            if index >= 0:
                self.setCurrentIndex(index)
            self.setEditText(shown)
            self.blockSignals(blocked)

    def _chosen(self) -> None:
        tag = self.tag()
        if not tag:
            self.setToolTip(language_problem(self.currentText()) or self.toolTip())
            self.refresh()
            return
        _push_meta(self.document, "language", tag, "Change language")


class ClockBox(QComboBox):
    """The brief's ``meta.time_format``: the language's habit, 24-hour or 12-hour."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        for value, text in CLOCKS:
            self.addItem(text, value)
        self.activated.connect(
            lambda _index: _push_meta(
                document, "time_format", str(self.currentData()), "Change clock"
            )
        )
        document.meta_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        index = max(0, self.findData(self.document.brief.meta.time_format))
        if index != self.currentIndex():
            blocked = self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(blocked)
