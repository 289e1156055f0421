"""The people block: who the delegation meets, with title, organisation, how to say
their name, a photo and a biography."""

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
class Person:
    name: str = ""
    title: str = ""
    organisation: str = ""
    pronunciation: str = ""
    photo: str = ""
    bio: str = ""


@dataclass
class PeopleBlock:
    people: list[Person] = field(default_factory=list)
    marking: str = ""


#: The fields of a person, in the file's order; the editor's labels.
RECORD = Record(Person, "person", (
    Field("name", "the name", label="Name", write="always"),
    Field("title", "the title", label="Title"),
    Field("organisation", "the organisation", label="Organisation"),
    Field("pronunciation", "the pronunciation", label="Pronunciation"),
    Field("photo", "the photo", label="Photo"),
    Field("bio", "the bio", label="Biography"),
), required="name", shorthand="name", shorthand_what="person")


def read(reader: Reading, node: Node) -> PeopleBlock:
    return PeopleBlock(read_records(reader, node, "a list of persons", RECORD))


def write(block: PeopleBlock) -> list[Any]:
    return [write_record(person, RECORD) for person in block.people]


def words(block: PeopleBlock) -> list[Words]:
    return [Words("person", (p.name, p.title, p.organisation, p.pronunciation, p.bio))
            for p in block.people]


KIND = Kind("people", PeopleBlock, read, write, words, RECORD.fields)
