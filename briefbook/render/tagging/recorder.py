"""The structure tree of one render, recorded as the pages are drawn.

Drawing code says which element its drawing belongs to (:meth:`Recorder.open`,
:meth:`Recorder.content`) or that it is page furniture (:meth:`Recorder.artifact`);
the recorder writes the marked-content operators into the canvas's stream around
it (``/P <</MCID 3>> BDC ... EMC``, ``/Artifact BMC ... EMC``) and notes each
marked sequence, page and link annotation in a tree of :class:`Element`. At most
one sequence is open in the stream at a time: a nested one closes the outer, which
goes on under a new MCID afterwards, so real content and artifacts never nest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from reportlab.pdfgen.canvas import Canvas

_RECORDER = "_bb_recorder"


class Marked(NamedTuple):
    """A marked-content sequence: its page (1-based) and its MCID on that page."""

    page: int
    mcid: int


class Annotation(NamedTuple):
    """A link annotation: its page and its place in that page's annotations."""

    page: int
    position: int
    description: str = ""


@dataclass(eq=False, slots=True)
class Element:
    """A structure element: its role (``P``, ``H1``, ``Table``...), attributes and kids
    (elements, marked sequences and annotations, in reading order)."""

    role: str
    parent: Element | None = None
    kids: list[Element | Marked | Annotation] = field(default_factory=list)
    alt: str = ""
    #: Attributes of the standard Layout/Table owners, e.g. {"Scope": "Column"}.
    table: dict[str, str] = field(default_factory=dict)
    identifier: str = ""
    lang: str = ""
    #: What identifies the element across the pieces of one flowable (see Recorder.open).
    ident: object = None

    def elements(self) -> Iterator[Element]:
        """This element and every element under it, parent first."""
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.elements()


class _Sequence:
    """A marked sequence open in the stream (``start`` -1: suspended by a nested one)."""

    __slots__ = ("annotations", "element", "marked", "page", "start")

    def __init__(
        self,
        element: Element | None,
        start: int,
        annotations: int,
        page: int,
        marked: Marked | None = None,
    ) -> None:
        self.element = element  # None: an artifact
        self.start = start  # index after the BDC/BMC operator in the stream
        self.annotations = annotations  # the page's annotations when it began
        self.page = page
        self.marked = marked


class Recorder:
    """Records one render's structure; ``canv`` is the canvas being drawn on."""

    def __init__(self, canv: Canvas, lang: str = "en") -> None:
        self.canv = canv
        self.root = Element("Document", lang=lang)
        self._stack: list[Element] = [self.root]
        self._created: list[bool] = [False]
        self._open: list[_Sequence] = []
        self._mcids: dict[int, int] = {}
        self.link_descriptions: list[str] = []
        self._notes = 0
        setattr(canv, _RECORDER, self)

    # --- elements -----------------------------------------------------------------

    @property
    def current(self) -> Element:
        return self._stack[-1]

    def open(
        self,
        role: str,
        *,
        ident: object = None,
        alt: str = "",
        table: dict[str, str] | None = None,
        go_on: bool = False,
    ) -> Element:
        """Make the next drawing belong to a new child element of the current one (or,
        when the current element's last child has the same ``ident``, to that child:
        the pieces of a paragraph or table split over pages are one element; with
        ``go_on``, to the last child of that role whatever its ident)."""
        if self._open:
            self._suspend()
        parent = self._stack[-1]
        last = None
        if ident is not None or go_on:
            for kid in reversed(parent.kids):
                if isinstance(kid, Element):
                    if (go_on and kid.role == role) or (ident is not None and kid.ident == ident):
                        last = kid
                    break
        if last is not None:
            element, created = last, False
        else:
            element = Element(role, parent, [], alt, table or {}, "", "", ident)
            if role == "Note":
                self._notes += 1
                element.identifier = f"note{self._notes}"
            parent.kids.append(element)
            created = True
        self._stack.append(element)
        self._created.append(created)
        return element

    def close(self) -> None:
        """End the current element (one that got no content is dropped)."""
        if self._open:
            self._suspend()
        element = self._stack.pop()
        created = self._created.pop()
        if created and not element.kids and element.parent is not None:
            element.parent.kids.remove(element)
        if self._open:
            self._resume()

    def open_cell(self, role: str, table: dict[str, str] | None = None) -> None:
        """:meth:`open` a table cell and begin its content (end both with :meth:`close_cell`)."""
        self.open(role, table=table)
        if self._open:
            self._suspend()
        self._open.append(self._begin(self._stack[-1]))

    def close_cell(self) -> None:
        self._end(self._open.pop())
        self.close()

    def close_to(self, depth: int) -> None:
        """Close elements until ``depth`` remain open (the Document is depth 1)."""
        while len(self._stack) > max(1, depth):
            self.close()

    @property
    def depth(self) -> int:
        return len(self._stack)

    @contextmanager
    def element(self, role: str, **kwargs: Any) -> Iterator[Element]:
        """:meth:`open` an element, draw its content inside, close it."""
        element = self.open(role, **kwargs)
        try:
            with self.content():
                yield element
        finally:
            self.close()

    # --- marked content -----------------------------------------------------------

    @contextmanager
    def content(self) -> Iterator[None]:
        """Drawing inside belongs to the current element."""
        self._push(self.current)
        try:
            yield
        finally:
            self._pop()

    @contextmanager
    def artifact(self) -> Iterator[None]:
        """Drawing inside is page furniture, not content."""
        self._push(None)
        try:
            yield
        finally:
            self._pop()

    def push_content(self) -> None:
        """Begin drawing that belongs to the current element (end it with :meth:`pop`)."""
        self._push(self.current)

    def push_artifact(self) -> None:
        """Begin drawing that is page furniture (end it with :meth:`pop`)."""
        self._push(None)

    def pop(self) -> None:
        """End what the last push began."""
        self._pop()

    def describe_link(self, text: str) -> None:
        """The description (``/Contents``) of the next link annotation drawn."""
        self.link_descriptions.append(text)

    def _push(self, element: Element | None) -> None:
        self._suspend()
        self._open.append(self._begin(element))

    def _pop(self) -> None:
        self._end(self._open.pop())
        if self._open:
            top = self._open[-1]
            if top.start >= 0:
                self._end(top)
            self._open[-1] = self._begin(top.element)

    def _suspend(self) -> None:
        """Close the sequence open in the stream; it goes on after the nested one."""
        if self._open:
            top = self._open[-1]
            if top.start >= 0:
                self._end(top)
                self._open[-1] = _Sequence(top.element, -1, 0, 0)

    def _resume(self) -> None:
        """Go on with the sequence a nested element suspended."""
        if self._open and self._open[-1].start < 0:
            self._open[-1] = self._begin(self._open[-1].element)

    def _begin(self, element: Element | None) -> _Sequence:
        canv = self.canv
        code: list[str] = canv._code  # type: ignore[attr-defined]  # ReportLab's stream
        page: int = canv._pageNumber  # type: ignore[attr-defined]
        annotations = len(canv._annotationrefs)  # type: ignore[attr-defined]
        if element is None:
            code.append("/Artifact BMC")
            return _Sequence(None, len(code), annotations, page)
        mcid = self._mcids.get(page, 0)
        self._mcids[page] = mcid + 1
        code.append(f"/{element.role} <</MCID {mcid}>> BDC")
        marked = Marked(page, mcid)
        element.kids.append(marked)
        return _Sequence(element, len(code), annotations, page, marked)

    def _end(self, seq: _Sequence) -> None:
        if seq.start < 0:
            return
        canv = self.canv
        code: list[str] = canv._code  # type: ignore[attr-defined]
        refs = canv._annotationrefs  # type: ignore[attr-defined]
        same_page = canv._pageNumber == seq.page  # type: ignore[attr-defined]
        if same_page and _nothing_drawn(code, seq.start):
            del code[seq.start - 1]  # nothing drawn: no sequence
            if seq.element is not None and seq.marked is not None:
                kids = seq.element.kids
                if kids and kids[-1] is seq.marked:
                    kids.pop()
                else:
                    kids.remove(seq.marked)
                if self._mcids.get(seq.page) == seq.marked.mcid + 1:
                    self._mcids[seq.page] = seq.marked.mcid
        else:
            code.append("EMC")
        if seq.element is not None and same_page and len(refs) > seq.annotations:
            for index in range(seq.annotations, len(refs)):
                link = Element("Link", seq.element)
                description = self.link_descriptions[-1] if self.link_descriptions else ""
                link.kids.append(Annotation(seq.page, index, description))
                seq.element.kids.append(link)
        if self.link_descriptions and seq.element is not None:
            self.link_descriptions.clear()


#: Operators that draw nothing: a sequence holding only these is left out.
_QUIET = re.compile(r"(?:q|Q|(?:-?[\d.]+ ){6}cm|)")


def _nothing_drawn(code: list[str], start: int) -> bool:
    """Whether the stream after ``start`` draws nothing (a few state changes at most)."""
    return len(code) - start <= 4 and all(_QUIET.fullmatch(op) for op in code[start:])


def recorder_of(canv: Any) -> Recorder | None:
    """The recorder drawing on ``canv``, or None when the render is not tagged."""
    found = getattr(canv, _RECORDER, None)
    return found if isinstance(found, Recorder) else None
