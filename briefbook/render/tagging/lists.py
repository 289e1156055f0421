"""Lists tagged as they are drawn: ``L > LI > Lbl + LBody``, nested lists inside
their item's ``LBody``. The items of a list split over pages go on in the same
``L`` (and an item split over pages in the same ``LI``)."""

from __future__ import annotations

from typing import Any, ClassVar

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, ListFlowable
from reportlab.platypus.flowables import LIIndenter

from briefbook.render.tagging.drawing import share_role, tagged
from briefbook.render.tagging.recorder import recorder_of


class TaggedList(ListFlowable):
    """A ListFlowable whose items are tagged (lays out exactly as ListFlowable)."""

    bb_tags_itself = True

    def _makeLIIndenter(self, flowable: Flowable, bullet: Any, params: Any = None) -> Any:
        plain = super()._makeLIIndenter(flowable, bullet, params)  # type: ignore[misc]
        return TaggedItem(self, plain)


class TaggedItem(LIIndenter):
    """One piece of a list item: the first piece carries the bullet and starts the ``LI``."""

    bb_tags_itself = True
    _IndenterAttrs: ClassVar[list[str]] = [*LIIndenter._IndenterAttrs, "_bb_list"]  # type: ignore[attr-defined]
    _flowable: Any
    _bullet: Any
    _leftIndent: float
    _rightIndent: float

    def __init__(self, owner: object, plain: Any) -> None:
        self._bb_list = owner
        self.__dict__.update({k: v for k, v in plain.__dict__.items() if k != "_bb_list"})

    def split(self, aW: float, aH: float) -> list[Any]:
        inner = self._flowable
        parts: list[Any] = super().split(aW, aH)
        share_role(inner, [p._flowable for p in parts])
        return [TaggedItem(self._bb_list, p) for p in parts]

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        rec = recorder_of(canv)
        if rec is None:
            super().drawOn(canv, x, y, _sW)  # type: ignore[call-arg]  # stubs: no _sW
            return
        depth = rec.depth
        rec.open("L", ident=self._bb_list)
        if self._bullet:
            rec.open("LI")
            with rec.element("Lbl"):
                self._bullet.drawOn(self, canv, x, y, 0)
        else:
            rec.open("LI", go_on=True)
        rec.open("LBody", go_on=not self._bullet)
        inner = self._flowable
        try:
            with tagged(canv, inner):
                inner.drawOn(
                    canv,
                    x + self._leftIndent,
                    y,
                    max(0, _sW - self._leftIndent - self._rightIndent),
                )
        finally:
            rec.close_to(depth)
