"""Find: a bar under the editor that looks for text through the cover and every section."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from briefbook.core.kinds import section_strings
from briefbook.core.model import Brief, Section
from briefbook.gui.dialogs.plain import plain_label
from briefbook.gui.editing.document import SectionPath
from briefbook.gui.editors.widgets import LineEdit


def strings_in(value: Any) -> Iterator[str]:
    """Every string inside a dataclass value (recursively through lists and dataclasses)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            if item.name != "subsections":
                yield from strings_in(getattr(value, item.name))


def section_contains(section: Section, needle: str) -> bool:
    key = needle.casefold()
    return any(key in text.casefold() for text in section_strings(section))


def find_next(
    brief: Brief, needle: str, after: SectionPath | None, backwards: bool = False
) -> SectionPath | bool | None:
    """The next place holding ``needle`` after ``after`` (None is the cover), wrapping.

    Returns a section path, None for the cover, or False when nothing matches.
    """
    places: list[SectionPath | None] = [None] + [path for path, _ in brief.walk_sections()]
    start = places.index(after) if after in places else 0
    order = places[start + 1 :] + places[: start + 1]
    if backwards:
        order = list(reversed(places[:start])) + list(reversed(places[start:]))
    key = needle.casefold()
    for place in order:
        if place is None:
            if any(key in text.casefold() for text in strings_in(brief.meta)):
                return None
        elif section_contains(brief.section_at(place), needle):
            return place
    return False


class FindBar(QWidget):
    """Type, then Enter (next) or Shift+Enter (previous); Escape closes."""

    #: (text, backwards)
    find_requested = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = LineEdit()
        self.field.setPlaceholderText("Find in the brief")
        self.field.setClearButtonEnabled(True)
        self.message = plain_label(QLabel(""))
        self.message.setEnabled(False)
        previous = QPushButton("Previous")
        following = QPushButton("Next")
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.field, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.field.returnPressed.connect(lambda: self._request(False))
        following.clicked.connect(lambda: self._request(False))
        previous.clicked.connect(lambda: self._request(True))
        close.clicked.connect(self.hide)
        back = QShortcut(QKeySequence("Shift+Return"), self.field)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(lambda: self._request(True))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.hide)

    def open(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def _request(self, backwards: bool) -> None:
        text = self.field.text()
        if text:
            self.find_requested.emit(text, backwards)

    def set_message(self, text: str) -> None:
        self.message.setText(text)
