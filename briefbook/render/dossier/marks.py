"""Markings as the pages print them: the portion marks before each portion, and a
zero-size flowable that tells the page which marking it printed.

A banner carries the highest marking printed on its page. Whole flowables report
their marking when they are laid out (see :mod:`.tags` and :mod:`.template`); the
portions inside a list or a table (items, rows, entries) report theirs with a
:class:`PageMark` at their start and their end, which notes the marking on the
page it is drawn on, so a row split over two pages counts on both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from briefbook.core.markings import Scheme, effective


class PageMark(Flowable):
    """Prints nothing; notes ``marking`` in ``sink`` (the page's list) when drawn."""

    _ZEROSIZE = 1

    def __init__(self, marking: str, sink: list[str]) -> None:
        super().__init__()
        self.marking = marking
        self.sink = sink
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.sink.append(self.marking)


@dataclass
class Marks:
    """What block builders need to mark their portions."""

    scheme: Scheme = field(default_factory=lambda: Scheme(()))
    #: Print portion marks ("(S) ") before portions.
    portion_marks: bool = False
    #: The marking of the block being laid out (its own or its section's).
    current: str = ""
    #: The markings printed on the page being laid out (cleared at each page's end).
    page: list[str] = field(default_factory=list)
    #: What the block's flowables note on every page they land on anyway (see
    #: :mod:`.story`): portions so marked need no :class:`PageMark` of their own.
    floor: str = ""

    def of(self, own: str, container: str | None = None) -> str:
        """A portion's marking: its own, else its container's (default: the block's)."""
        return effective(own, self.current if container is None else container)

    def prefix(self, marking: str) -> str:
        """The text printed before a portion so marked: "(S//NF) ", or ""."""
        if not self.portion_marks or not marking.strip():
            return ""
        return self.scheme.portion(marking) + " "

    def notes(self, marking: str) -> list[Flowable]:
        """A flowable noting ``marking`` on the page it lands on; none when the block
        notes that marking already (most rows and items: no cost for them)."""
        return [] if marking == self.floor else [PageMark(marking, self.page)]

    def lowest(self, markings: list[str]) -> str:
        """The lowest of some markings (what a list prints at least, on any page)."""
        present = [mark for mark in markings if mark.strip()]
        if not present:
            return ""
        return min(present, key=self.scheme.rank)
