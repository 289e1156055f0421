"""Tables tagged as they are drawn: ``Table > THead/TBody > TR > TH/TD``, the header
rows a continuation repeats as artifacts, backgrounds and rules as artifacts; and
layout tables (a boxed note, a person's photo beside the text) as one element.

ReportLab calls a table's ``renderCB`` at each stage of drawing it and hands the
same callback to the pieces the table splits into, so one :class:`TableTags` is
one logical table however many pages it runs over.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table

from briefbook.render.tagging.recorder import Recorder, recorder_of
from briefbook.render.tagging.roles import SELF, Role, set_role

_COLUMN = {"Scope": "Column"}
_ROW = {"Scope": "Row"}


class TableTags:
    """The tagging of one table (``layout``: a layout table, tagged as that one role)."""

    def __init__(
        self, header_rows: int = 0, layout: Role | None = None, row_headers: bool = False
    ) -> None:
        self.header_rows = header_rows
        self.layout = layout
        self.row_headers = row_headers
        self._drawn = False
        self._continued = False
        self._depth = 0
        self._artifact_row = False
        self._steps: dict[str, Any] = {}
        self._rec: Recorder | None = None

    def __call__(self, table: Table, cmd: str, *args: Any) -> None:
        if cmd == "startTable":
            self._rec = recorder_of(table.canv)
        rec = self._rec
        if rec is None:
            return
        step = self._steps.get(cmd)
        if step is None:
            step = self._steps[cmd] = getattr(self, "_" + cmd)
        step(rec, *args)

    def _startTable(self, rec: Recorder) -> None:
        self._continued, self._drawn = self._drawn, True
        self._depth = rec.depth
        if self.layout is None:
            rec.open("Table", ident=self)
        else:
            for step in self.layout.path():
                rec.open(step.name, ident=step, alt=step.alt)
            rec.push_content()

    def _endTable(self, rec: Recorder) -> None:
        if self.layout is not None:
            rec.pop()
        rec.close_to(self._depth)

    def _startBG(self, rec: Recorder) -> None:
        rec.push_artifact()

    def _endBG(self, rec: Recorder) -> None:
        rec.pop()

    _startLines = _startBG
    _endLines = _endBG

    def _startRow(self, rec: Recorder, row: int) -> None:
        if self.layout is not None:
            return
        head = row < self.header_rows
        self._artifact_row = head and self._continued
        if self._artifact_row:
            rec.push_artifact()
            return
        rec.open("THead" if head else "TBody", ident=(self, head))
        rec.open("TR")

    def _endRow(self, rec: Recorder) -> None:
        if self.layout is not None:
            return
        if self._artifact_row:
            rec.pop()
            return
        rec.close_to(self._depth + 1)

    def _startCell(self, rec: Recorder, row: int, col: int, *rest: Any) -> None:
        if self.layout is not None or self._artifact_row:
            return
        if row < self.header_rows:
            rec.open_cell("TH", _COLUMN)
        elif self.row_headers and col == 0:
            rec.open_cell("TH", _ROW)
        else:
            rec.open_cell("TD")

    def _endCell(self, rec: Recorder) -> None:
        if self.layout is not None or self._artifact_row:
            return
        rec.close_cell()


def tag_table(table: Table, header_rows: int = 0, row_headers: bool = False) -> Table:
    """Tag a data table: its first ``header_rows`` rows are its header."""
    table._renderCB = TableTags(header_rows, row_headers=row_headers)  # type: ignore[attr-defined]
    set_role(table, SELF)
    return table


def tag_layout(table: Table, role: Role) -> Table:
    """Tag a table used for layout as one element of ``role`` (its cells' content in
    reading order, its backgrounds and rules as artifacts)."""
    table._renderCB = TableTags(layout=role)  # type: ignore[attr-defined]
    set_role(table, SELF)
    return table
