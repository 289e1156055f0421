"""Drawing flowables tagged with their roles: the frame every dossier page lays its
flowables into, the wrapper for flowables a container draws itself, and the
section headings that open the ``Sect`` elements."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame
from reportlab.platypus.flowables import DDIndenter

from briefbook.render.tagging.recorder import Recorder, recorder_of
from briefbook.render.tagging.roles import (
    ARTIFACT,
    NOTHING,
    SELF,
    explicit_role,
    role_of,
    set_role,
)


def begin_tagged(canv: Any, flowable: object) -> tuple[Recorder, int] | None:
    """Begin drawing ``flowable`` with its role (see :mod:`.roles`); hand what this
    returns to :func:`end_tagged` when it is drawn."""
    rec = recorder_of(canv)
    if rec is None:
        return None
    role = role_of(flowable)
    if role is SELF or role is NOTHING:
        return None
    if role is ARTIFACT:
        rec.push_artifact()
        return rec, -1
    depth = rec.depth
    if role.within is None:
        rec.open(role.name, ident=role, alt=role.alt)
    else:
        for step in role.path():
            rec.open(step.name, ident=step, alt=step.alt)
    rec.push_content()
    return rec, depth


def end_tagged(begun: tuple[Recorder, int] | None) -> None:
    if begun is not None:
        rec, depth = begun
        rec.pop()
        if depth >= 0:
            rec.close_to(depth)


@contextmanager
def tagged(canv: Any, flowable: object) -> Iterator[None]:
    """Drawing inside is ``flowable``'s, tagged with its role (see :mod:`.roles`)."""
    begun = begin_tagged(canv, flowable)
    try:
        yield
    finally:
        end_tagged(begun)


def share_role(whole: object, parts: list[Any]) -> list[Any]:
    """Give the pieces ``whole`` split into its role, so that they are one element."""
    role = explicit_role(whole)
    if role is SELF:  # a table's pieces, say: they tag themselves as it does
        for part in parts:
            if type(part) is type(whole):
                set_role(part, SELF)
        return parts
    if role is None or role is NOTHING or role is ARTIFACT:
        return parts
    for part in parts:
        if explicit_role(part) is None and role_of(part) is not NOTHING:
            set_role(part, role)
    return parts


class TaggedFrame(Frame):
    """A frame that tags each flowable it draws (nothing more on an untagged render)."""

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> Literal[0, 1]:
        begun = begin_tagged(canv, flowable)
        try:
            return super().add(flowable, canv, trySplit)
        finally:
            end_tagged(begun)

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        return share_role(flowable, super().split(flowable, canv))


class TagWrap(DDIndenter):
    """A flowable that a container (a table cell, the cover's frame) draws itself,
    tagged with its role all the same. It lays out exactly as the flowable it holds."""

    bb_tags_itself = True
    _flowable: Any

    def __init__(self, flowable: Flowable) -> None:
        super().__init__(flowable, 0, 0)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        inner = self._flowable
        return [TagWrap(s) for s in share_role(inner, inner.split(aW, aH))]

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        with tagged(canv, self._flowable):
            super().drawOn(canv, x, y, _sW)  # type: ignore[call-arg]  # stubs: no _sW


@contextmanager
def heading(canv: Canvas, level: int, key: str) -> Iterator[None]:
    """A section heading at ``level`` (0: a top section): it starts the section's
    ``Sect`` (closing the sections at its level and below) and is its ``H1``/``H2``."""
    rec = recorder_of(canv)
    if rec is None:
        yield
        return
    rec.close_to(1 + level)
    rec.open("Sect", ident=key)
    with rec.element(f"H{level + 1}", ident=key + "/h"):
        yield


@contextmanager
def furniture(canv: Any) -> Iterator[None]:
    """Drawing inside is page furniture (nothing more on an untagged render)."""
    rec = recorder_of(canv)
    if rec is None:
        yield
        return
    with rec.artifact():
        yield


def describe_link(canv: Any, text: str) -> None:
    """The description of the next link drawn (for a screen reader)."""
    rec = recorder_of(canv)
    if rec is not None:
        rec.describe_link(text)
