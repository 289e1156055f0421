"""The people editor: name, title and organisation in the grid; pronunciation, photo
and biography below it."""

from __future__ import annotations

from briefbook.core import model as m
from briefbook.gui.editors.records import Field, RecordsEditor


class PeopleEditor(RecordsEditor[m.PeopleBlock]):
    label = "People"
    list_attr = "people"
    record_type = m.Person
    noun = "person"
    fields = (
        Field("name", "Name", width=18),
        Field("title", "Title", stretch=True),
        Field("organisation", "Organisation", width=16),
        Field("pronunciation", "Pronunciation", width=16, detail=True),
        Field("photo", "Photo", "path", width=16, detail=True),
        Field("bio", "Biography", width=60, detail=True),
    )
