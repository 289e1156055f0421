"""The recommendations editor: text, owner and priority in the grid, the rationale below it."""

from __future__ import annotations

from briefbook.core import model as m
from briefbook.gui.editors.records import Field, RecordsEditor


class RecommendationsEditor(RecordsEditor[m.RecommendationsBlock]):
    label = "Recommendations"
    list_attr = "items"
    record_type = m.Recommendation
    noun = "recommendation"
    fields = (
        Field("text", "Recommendation", stretch=True),
        Field("owner", "Owner", width=14),
        Field("priority", "Priority", "choice", m.PRIORITIES, width=8),
        Field("rationale", "Rationale", width=40, detail=True),
    )
