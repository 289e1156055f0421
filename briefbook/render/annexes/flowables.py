"""The placeholder page of one annex page: it takes a whole page of the dossier (whose
furniture ReportLab draws as on every page) and notes where the annex page goes."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from briefbook.render.annexes.plan import AnnexPlan
from briefbook.render.tagging.recorder import recorder_of


class AnnexPage(Flowable):
    """Reserves the frame of a fresh page for one annex page (``full``: the whole page)."""

    #: No element of its own: a tagged annex's structure goes where the page is drawn.
    bb_tags_itself = True

    def __init__(self, plan: AnnexPlan, source: int, page: int, full: bool) -> None:
        super().__init__()
        self.plan = plan
        self.source = source
        self.page = page
        self.full = full

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, availHeight
        return availWidth, availHeight

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return []  # never in pieces: on the next page, whole

    def draw(self) -> None:
        canv = self.canv
        if self.full:
            width, height = canv._pagesize  # type: ignore[attr-defined]  # not in the stubs
            box = (0.0, 0.0, float(width), float(height))
        else:
            x, y = canv.absolutePosition(0, 0)
            box = (float(x), float(y), float(self.width), float(self.height))
        self.plan.place(self.source, self.page, canv.getPageNumber(), box)
        rec = recorder_of(canv)
        if rec is not None and self.source not in self.plan.anchors:
            self.plan.anchors[self.source] = (rec.current, len(rec.current.kids))
