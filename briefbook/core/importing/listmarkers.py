"""List markers in plain text (``-``, ``*``, ``•``, ``–``, ``1.``, ``1)``, ``a)``...) and nesting.

A marker is read by a scanner, not a regular expression: at most a few
characters are looked at, whatever the length of the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from briefbook.core.model import ListItem

#: Characters that start a bullet item when a space follows them.
BULLETS = frozenset("-*+•–—·▪◦‣●○■□➢►➤✓✔")
#: Word's bullets for the second and third levels, as they come out in plain text.
WORD_LEVEL_BULLETS = {"o": 1, "§": 2}
#: Nested lists deeper than this are kept at this depth (the text is kept, the depth is not).
MAX_DEPTH = 5
_ROMAN = frozenset("ivxlc")

Kind = Literal["bullet", "number"]


@dataclass(frozen=True)
class Marker:
    """A list marker found at the start of a line.

    ``indent`` is the column of the marker, ``content`` the column where the
    item's text starts (both with tabs counted as four columns).
    ``style`` is ``bullet``, ``decimal``, ``alpha`` or ``roman``.
    """

    kind: Kind
    style: str
    indent: int
    content: int
    text: str
    label: str = ""  # the marker as typed: "•", "o", "1.", "a)"


def leading_columns(line: str) -> tuple[int, int]:
    """(columns, characters) of the leading blanks of ``line``; a tab counts as four columns."""
    cols = 0
    i = 0
    while i < len(line) and line[i] in " \t":
        cols += 4 - cols % 4 if line[i] == "\t" else 1
        i += 1
    return cols, i


@lru_cache(maxsize=4096)
def parse_marker(line: str) -> Marker | None:
    """The list marker that starts ``line``, or None.

    >>> parse_marker("  - Expansion").text
    'Expansion'
    """
    indent, i = leading_columns(line)
    if i >= len(line):
        return None
    ch = line[i]
    kind: Kind
    if ch in BULLETS:
        kind, style, j = "bullet", "bullet", i + 1
    elif ch in "o§" and i + 1 < len(line) and line[i + 1] == "\t":
        kind, style, j = "bullet", "bullet", i + 1  # Word's 2nd/3rd-level bullets, copied as text
    else:
        found = _enumerator(line, i)
        if found is None:
            return None
        style, j = found
        kind = "number"
    if j >= len(line) or line[j] not in " \t":
        return None
    k = j
    while k < len(line) and line[k] in " \t":
        k += 1
    text = line[k:].rstrip()
    if not text:
        return None
    if (
        kind == "bullet"
        and ch in "-*+_=–—"
        and all(c in "-*+_=–— \t" for c in text[:80])
        and (len(text) <= 80)
    ):
        return None  # "* * *", "- - -": a rule, not an item
    content = indent + len(line[i:k].expandtabs(4))
    return Marker(kind, style, indent, content, text, line[i:j])


def _enumerator(line: str, i: int) -> tuple[str, int] | None:
    """``1.``, ``1)``, ``(1)``, ``a)``, ``a.``, ``(a)``, ``iv)``, ``A)`` at ``i``: (style, end)."""
    if line.find(")", i, i + 7) < 0 and line.find(".", i, i + 6) < 0:
        return None  # no closing mark near the start: the common case, decided quickly
    opened = i < len(line) and line[i] == "("
    j = i + 1 if opened else i
    start = j
    while j < len(line) and j - start < 4 and "0" <= line[j] <= "9":
        j += 1
    if j > start:
        if j - start > 3:
            return None
        style = "decimal"
    else:
        while j < len(line) and j - start < 6 and line[j].isascii() and line[j].isalpha():
            j += 1
        letters = line[start:j]
        if not letters or len(letters) > 4:
            return None
        if len(letters) == 1 and letters.islower():
            style = "alpha"
        elif all(c in _ROMAN for c in letters):
            style = "roman"
        elif len(letters) == 1 and letters.isupper():
            style = "alpha"
            if j < len(line) and line[j] == ".":
                return None  # "A. Smith said": an initial, not an item
        else:
            return None
    if j >= len(line):
        return None
    if line[j] == ")":
        return style, j + 1
    if line[j] == "." and not opened:
        return style, j + 1
    return None


@dataclass
class _Level:
    indent: int
    items: list[ListItem] = field(default_factory=list)


class ListBuilder:
    """Builds nested :class:`ListItem` trees from markers met one after the other.

    Deeper indentation opens a nested list under the last item; shallower closes
    lists back to the matching level. Depth is capped at :data:`MAX_DEPTH`.
    """

    def __init__(self, first: Marker) -> None:
        self.kind: Kind = first.kind
        self.base_indent = first.indent
        self.top: list[ListItem] = []
        self._stack: list[_Level] = [_Level(first.indent, self.top)]
        self._last: ListItem | None = None
        self._last_style = first.style
        self.add(first)

    def add(self, marker: Marker, nest_hint: bool = False) -> None:
        """Add an item; ``nest_hint`` nests it one level even at the same indentation."""
        indent = marker.indent
        if nest_hint and self._last is not None and indent <= self._stack[-1].indent:
            indent = self._stack[-1].indent + 1
        while len(self._stack) > 1 and indent < self._stack[-1].indent:
            self._stack.pop()
        level = self._stack[-1]
        if indent > level.indent and self._last is not None and len(self._stack) < MAX_DEPTH:
            self._stack.append(_Level(indent, self._last.items))
            level = self._stack[-1]
        item = ListItem(text=marker.text)
        level.items.append(item)
        self._last = item
        self._last_style = marker.style

    def continue_item(self, text: str) -> None:
        """Append a wrapped continuation line to the last item."""
        if self._last is not None:
            self._last.text = f"{self._last.text} {text}" if self._last.text else text

    @property
    def depth(self) -> int:
        """How many lists are open (1 at the top level)."""
        return len(self._stack)

    @property
    def last_style(self) -> str:
        return self._last_style

    @property
    def current_indent(self) -> int:
        return self._stack[-1].indent
