"""The record editors for recommendations, people and contacts: which fields, in which place."""

from __future__ import annotations

from briefbook.core import model as m
from briefbook.gui.editors.records import Field, RecordsEditor


class RecommendationsEditor(RecordsEditor):
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


class PeopleEditor(RecordsEditor):
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


class ContactsEditor(RecordsEditor):
    label = "Contacts"
    list_attr = "contacts"
    record_type = m.Contact
    noun = "contact"
    fields = (
        Field("name", "Name", width=16),
        Field("role", "Role", stretch=True),
        Field("phone", "Phone", width=14),
        Field("email", "Email", width=18),
        Field("notes", "Notes", width=40, detail=True),
    )
