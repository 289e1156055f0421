"""The contacts block: whom to call, with role, phone, email and notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefbook.core.kinds.fields import Field, Record, record_list_kind


@dataclass
class Contact:
    name: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""


@dataclass
class ContactsBlock:
    contacts: list[Contact] = field(default_factory=list)
    marking: str = ""


#: The fields of a contact, in the file's order; the editor's labels.
RECORD = Record(
    Contact,
    "contact",
    (
        Field("name", "the name", label="Name", write="always"),
        Field("role", "the role", label="Role"),
        Field("phone", "the phone", label="Phone"),
        Field("email", "the email", label="Email"),
        Field("notes", "the notes", label="Notes"),
    ),
    required="name",
    shorthand="name",
    shorthand_what="contact",
)


KIND = record_list_kind(
    "contacts",
    ContactsBlock,
    "contacts",
    "a list of contacts",
    RECORD,
    ("name", "role", "phone", "email", "notes"),
)
