"""The contacts block: whom to call, with role, phone, email and notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefbook.core.kinds.fields import (
    Field,
    Kind,
    Reading,
    Record,
    Words,
    read_records,
    write_record,
)

if TYPE_CHECKING:
    from briefbook.core.fileformat.yamlnodes import Node


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
RECORD = Record(Contact, "contact", (
    Field("name", "the name", label="Name", write="always"),
    Field("role", "the role", label="Role"),
    Field("phone", "the phone", label="Phone"),
    Field("email", "the email", label="Email"),
    Field("notes", "the notes", label="Notes"),
), required="name", shorthand="name", shorthand_what="contact")


def read(reader: Reading, node: Node) -> ContactsBlock:
    return ContactsBlock(read_records(reader, node, "a list of contacts", RECORD))


def write(block: ContactsBlock) -> list[Any]:
    return [write_record(contact, RECORD) for contact in block.contacts]


def words(block: ContactsBlock) -> list[Words]:
    return [Words("contact", (c.name, c.role, c.phone, c.email, c.notes))
            for c in block.contacts]


KIND = Kind("contacts", ContactsBlock, read, write, words, RECORD.fields)
