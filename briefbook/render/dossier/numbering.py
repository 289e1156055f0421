"""What each section prints before its title in its heading, the contents and the
outline: its number ("2", "2.1"), its own label ("TAB A", "Annex D", "(ii)"), or
nothing when the brief is not numbered; and the page number's format."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from briefbook.core.labels import label
from briefbook.core.model import Meta, Section
from briefbook.core.text import one_line
from briefbook.render.text.canvas import text_width
from briefbook.render.theme import Theme


class Numbered(Protocol):
    """A section as the contents list it (``template.SectionRef``)."""

    path: tuple[int, ...]
    number: str


def page_number_format(meta: Meta) -> str:
    """The page number as printed, with ``{page}`` and ``{pages}`` to fill in: the
    brief's ``page_number_format``, else the ``page_number`` label in its language."""
    if meta.page_number_format.strip():
        return meta.page_number_format
    return label("page_number", meta.language, meta.labels)


class SectionNumbers:
    """Numbers the sections that print, in order: each ``number(...)`` call is the next
    printed section. A labelled section takes no number: the next unlabelled one gets
    the number it would have had without it; an unlabelled subsection of a labelled
    section is numbered within it ("1", "2")."""

    def __init__(self, numbering: str) -> None:
        self.decimal = numbering != "none"
        self._counts: dict[tuple[int, ...], int] = {}
        self._printed: dict[tuple[int, ...], str] = {}

    def number(self, path: tuple[int, ...], section: Section) -> str:
        """What prints before the section's title ("" for nothing)."""
        own = one_line(section.label)
        if own:
            self._printed[path] = ""
            return own
        parent = path[:-1]
        self._counts[parent] = self._counts.get(parent, 0) + 1
        prefix = self._printed.get(parent, "")
        number = f"{prefix}.{self._counts[parent]}" if prefix else str(self._counts[parent])
        self._printed[path] = number
        return number if self.decimal else ""


def outline_title(number: str, title: str) -> str:
    """The outline entry of a section: its number or label, then its title."""
    return f"{number} {title}" if number else title


def label_widths(
    refs: Sequence[tuple[str, Numbered]], t: Theme, decimal: bool = True
) -> tuple[float, float]:
    """The contents' room for the numbers or labels of top-level sections and of
    subsections: the theme's, or wider for a long label ("Annex D"); none for the top
    level when nothing there prints a number or a label."""
    widest = [0.0, 0.0]
    for _key, ref in refs:
        level = min(len(ref.path) - 1, 1)
        if ref.number:
            style = t.styles["toc1" if level == 0 else "toc2"]
            width = text_width(ref.number, style.fontName, style.fontSize)
            widest[level] = max(widest[level], width + style.fontSize * 0.9)
    first = max(widest[0], t.toc_label_width if decimal else 0.0)
    second = max(widest[1], t.toc_sub_label_width)
    return first, second
