"""The contacts editor: name, role, phone and email in the grid, notes below it."""

from __future__ import annotations

from briefbook.core import model as m
from briefbook.gui.editors.records import Field, RecordsEditor


class ContactsEditor(RecordsEditor[m.ContactsBlock]):
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
