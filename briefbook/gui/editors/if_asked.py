"""The if-asked editor: each line's question and marking in the grid, its answer below."""

from __future__ import annotations

from briefbook.core import model as m
from briefbook.gui.editors.records import Field, RecordsEditor


class IfAskedEditor(RecordsEditor[m.IfAskedBlock]):
    label = "If asked"
    list_attr = "items"
    record_type = m.IfAsked
    noun = "line"
    fields = (
        Field("question", "If asked about", stretch=True),
        Field("marking", "Marking", "marking", width=12),
        Field("answer", "Answer", width=60, detail=True),
    )
