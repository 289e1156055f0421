"""One editor per block kind, the section pane that holds them, and the cover form."""

from __future__ import annotations

import datetime as dt
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from briefbook.core import model as m
from briefbook.gui.editing.document import Document

if TYPE_CHECKING:
    from briefbook.gui.editors.base import BlockEditor

#: What the editor calls each block kind, in the order the "Add block" menu offers them.
BLOCK_LABELS: dict[str, str] = {
    "text": "Text",
    "bullets": "Bullet list",
    "numbered": "Numbered list",
    "table": "Table",
    "schedule": "Schedule",
    "recommendations": "Recommendations",
    "people": "People",
    "contacts": "Contacts",
    "image": "Image",
    "note": "Note",
    "memo": "Memo header",
    "scenario": "Scenario",
    "talking_points": "Points to make",
    "if_asked": "If asked",
    "page_break": "Page break",
    "pdf": "Annex (PDF)",
}

#: block kind -> "module:class" of its editor, imported when first needed. Each kind's
#: editor lives in the module named like the kind (bullets and numbered share ``lists``).
EDITORS: dict[str, str] = {
    "text": "briefbook.gui.editors.text:TextEditor",
    "bullets": "briefbook.gui.editors.lists:ListEditor",
    "numbered": "briefbook.gui.editors.lists:ListEditor",
    "table": "briefbook.gui.editors.table:TableEditor",
    "schedule": "briefbook.gui.editors.schedule:ScheduleEditor",
    "recommendations": "briefbook.gui.editors.recommendations:RecommendationsEditor",
    "people": "briefbook.gui.editors.people:PeopleEditor",
    "contacts": "briefbook.gui.editors.contacts:ContactsEditor",
    "image": "briefbook.gui.editors.image:ImageEditor",
    "note": "briefbook.gui.editors.note:NoteEditor",
    "memo": "briefbook.gui.editors.memo:MemoEditor",
    "scenario": "briefbook.gui.editors.scenario:ScenarioEditor",
    "talking_points": "briefbook.gui.editors.talking_points:TalkingPointsEditor",
    "if_asked": "briefbook.gui.editors.if_asked:IfAskedEditor",
    "page_break": "briefbook.gui.editors.page_break:PageBreakEditor",
    "pdf": "briefbook.gui.editors.pdf:PdfEditor",
}


def editor_for(document: Document, block: m.Block, parent: QWidget | None = None) -> BlockEditor:
    """A new editor widget for ``block``."""
    kind = m.block_kind(block)
    module_name, class_name = EDITORS[kind].split(":")
    module = import_module(module_name)
    editor = getattr(module, class_name)(document, block, parent)
    editor.label = BLOCK_LABELS[kind]
    return editor


def new_block(kind: str, brief: m.Brief) -> m.Block:
    """A fresh block of ``kind`` with one empty row or item to start typing in."""
    if kind == "bullets":
        return m.BulletsBlock([m.ListItem("")])
    if kind == "numbered":
        return m.NumberedBlock([m.ListItem("")])
    if kind == "table":
        return m.TableBlock(["Column 1", "Column 2", "Column 3"], [["", "", ""]])
    if kind == "schedule":
        day = brief.meta.dates.start
        return m.ScheduleBlock([m.ScheduleEntry(date=day, time=dt.time(9, 0), end=dt.time(10, 0))])
    if kind == "recommendations":
        return m.RecommendationsBlock([m.Recommendation()])
    if kind == "people":
        return m.PeopleBlock([m.Person()])
    if kind == "contacts":
        return m.ContactsBlock([m.Contact()])
    if kind == "talking_points":
        return m.TalkingPointsBlock([m.ListItem("")])
    if kind == "if_asked":
        return m.IfAskedBlock([m.IfAsked()])
    if kind == "scenario":
        return m.ScenarioBlock([m.Step()])
    return m.BLOCK_KINDS[kind]()
