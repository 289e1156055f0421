"""The people block: who the delegation meets, with title, organisation, how to say
their name, a photo and a biography."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefbook.core.kinds.fields import Field, Record, record_list_kind


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
RECORD = Record(
    Person,
    "person",
    (
        Field("name", "the name", label="Name", write="always"),
        Field("title", "the title", label="Title"),
        Field("organisation", "the organisation", label="Organisation"),
        Field("pronunciation", "the pronunciation", label="Pronunciation"),
        Field("photo", "the photo", label="Photo"),
        Field("bio", "the bio", label="Biography"),
    ),
    required="name",
    shorthand="name",
    shorthand_what="person",
)


KIND = record_list_kind(
    "people",
    PeopleBlock,
    "people",
    "a list of persons",
    RECORD,
    ("name", "title", "organisation", "pronunciation", "bio"),
)
