"""The declarative field machinery every block kind is built from.

A :class:`Field` says once what a value of a record is called in the file, how it
is read (text, date, time, choice, list of text, marking), what it is called in
messages and in the editor, and when it is written. A :class:`Record` groups the
fields of one mapping (a schedule entry, a person, a table) with the key that is
required, the field a bare scalar fills, and the order the keys are written in.
:func:`read_record` and :func:`write_record` are the one reader and writer driven
by these declarations; a kind with a special shape (nested list items, table rows
with markings) adds a small hook of its own in its module.

Nothing here imports the file format: the reader is anything with the methods of
:class:`Reading` (``briefbook.core.fileformat.reader.Reader``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

if TYPE_CHECKING:
    from briefbook.core.fileformat.yamlnodes import Node

T = TypeVar("T")

#: How a field's value is read from its node.
ReadAs = Literal["text", "date", "time", "choice", "texts", "marking", "zone", "flag", "custom"]
#: When a field is written: always, only when not empty, only when not its default.
WriteWhen = Literal["always", "nonempty", "changed"]


class Reading(Protocol):
    """What a kind needs of the reader: scalars and collections, each problem recorded
    at its node (see ``briefbook.core.fileformat.reader.Reader``)."""

    def problem(self, node: Node, message: str) -> None: ...
    def text(self, node: Node, what: str) -> str: ...
    def date(self, node: Node, what: str) -> dt.date | None: ...
    def time(self, node: Node, what: str) -> dt.time | None: ...
    def marking(self, node: Node, what: str) -> str: ...
    def zone(self, node: Node, what: str) -> str: ...
    def boolean(self, node: Node, what: str) -> bool: ...
    def choice(self, node: Node, what: str, allowed: tuple[str, ...], default: str) -> str: ...
    def text_list(self, node: Node, what: str) -> list[str]: ...
    def items(self, node: Node, what: str, read: Callable[[Node], T | None]) -> list[T]: ...
    def fields(
        self, node: Node, what: str, known: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict[str, Node] | None: ...


class YamlTime(str):
    """A time as written in the file: quoted ``HH:MM``, so no YAML reader takes it for a
    number (the writer emits it double-quoted)."""


def time_text(value: dt.time | None) -> YamlTime | None:
    return YamlTime(value.strftime("%H:%M")) if value is not None else None


@dataclass(frozen=True)
class Field:
    """One value of a record: its attribute (and YAML key), how it is read and written."""

    name: str
    #: How problems name it: "the end time", "'participants'".
    what: str
    read: ReadAs = "text"
    #: How the editor names it ("" = not shown as a field of its own).
    label: str = ""
    #: The allowed values of a choice, as written.
    choices: tuple[str, ...] = ()
    #: The value a choice falls back to, and that "changed" compares with.
    default: str = ""
    write: WriteWhen = "nonempty"
    #: For ``read="custom"``: sets the value (and any it carries) on the record itself.
    read_hook: Callable[[Reading, Node, Any], None] | None = None
    #: For ``read="custom"``: the value as written.
    write_hook: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class Record:
    """The fields of one mapping, as read and written."""

    cls: type
    #: How problems name the mapping: "a schedule entry".
    what: str
    fields: tuple[Field, ...]
    #: The key that must be there (and non-empty), if any.
    required: str = ""
    #: The field a bare scalar fills (``- Ms Rossi`` for a person), and how its
    #: problems name it; "" = a scalar is not allowed (the reader says so).
    shorthand: str = ""
    shorthand_what: str = ""
    #: The keys in the order they are written, when it differs from ``fields``'.
    write_order: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @cached_property
    def written(self) -> tuple[Field, ...]:
        """The fields in the order they are written."""
        return tuple(self.field(name) for name in self.write_order or self.keys)


def read_value(reader: Reading, spec: Field, node: Node) -> Any:
    """One field's value from its node."""
    if spec.read == "text":
        return reader.text(node, spec.what)
    if spec.read == "marking":
        return reader.marking(node, spec.what)
    if spec.read == "choice":
        return reader.choice(node, spec.what, spec.choices, spec.default)
    if spec.read == "texts":
        return reader.text_list(node, spec.what)
    if spec.read == "date":
        return reader.date(node, spec.what)
    if spec.read == "time":
        return reader.time(node, spec.what)
    if spec.read == "zone":
        return reader.zone(node, spec.what)
    if spec.read == "flag":
        return reader.boolean(node, spec.what)
    raise ValueError(f"a field read as {spec.read!r} needs its own hook")


def read_record(reader: Reading, node: Node, record: Record) -> Any:
    """A record from a mapping (or a bare scalar, when the record has a shorthand);
    ``None`` when the node cannot be one (the reader has said why)."""
    if record.shorthand and node.kind == "scalar":
        return record.cls(**{record.shorthand: reader.text(node, record.shorthand_what)})
    found = reader.fields(
        node, record.what, record.keys, required=(record.required,) if record.required else ()
    )
    if found is None:
        return None
    obj = record.cls()
    for spec in record.fields:
        if spec.name in found:
            if spec.read_hook is not None:
                spec.read_hook(reader, found[spec.name], obj)
            else:
                setattr(obj, spec.name, read_value(reader, spec, found[spec.name]))
    return obj


def read_records(reader: Reading, node: Node, what: str, record: Record) -> list[Any]:
    """A list of records (``what`` names the list in problems)."""
    return reader.items(node, what, lambda item: read_record(reader, item, record))


def empty(value: Any) -> bool:
    """What the writer leaves out: empty text, list or mapping, or no value."""
    return value is None or value == "" or value == [] or value == {}


def written(spec: Field, obj: Any) -> Any:
    """A field's value as plain data for the writer."""
    if spec.write_hook is not None:
        return spec.write_hook(obj)
    value = getattr(obj, spec.name)
    if spec.read == "time":
        return time_text(value)
    if spec.read == "flag":
        return True if value else None  # written only when set
    if isinstance(value, list):
        return list(value)
    return value


def write_record(obj: Any, record: Record) -> dict[str, Any]:
    """A record as a mapping of its fields, in the written order, empty ones left out
    unless they are always written."""
    data: dict[str, Any] = {}
    for spec in record.written:
        name = spec.name
        value = written(spec, obj)
        if spec.write == "always":
            data[name] = value
        elif spec.write == "changed":
            if value != spec.default:
                data[name] = value
        elif not empty(value):
            data[name] = value
    return data


@dataclass(frozen=True)
class Words:
    """One portion of a block's text, in reading order: a paragraph, a list item, a
    table row, a schedule entry, a person. ``marking`` is the portion's own marking
    ("" = its block's); ``label`` says what it is, as the changes page names it."""

    label: str
    texts: tuple[str, ...]
    marking: str = ""


@dataclass(frozen=True)
class Kind:
    """A block kind: its file key, dataclass, reader, writer and words."""

    name: str
    block: type
    #: The block from the value under its key (``None`` when unreadable: already reported).
    read: Callable[[Reading, Node], Any]
    #: The value written under its key.
    write: Callable[[Any], Any]
    #: Its text in reading order (search, the changes page, import checks).
    words: Callable[[Any], list[Words]]
    #: The record fields an editor shows (recommendations, people, contacts, schedule).
    fields: tuple[Field, ...] = field(default=())


def record_list_kind(
    name: str, block: type, items: str, what: str, record: Record, word_fields: tuple[str, ...]
) -> Kind:
    """A kind whose block is a list of records under attribute ``items`` (recommendations,
    people, contacts): read and written through ``record``; its words are ``word_fields``
    of each record, labelled as the record names itself."""

    def read(reader: Reading, node: Node) -> Any:
        return block(read_records(reader, node, what, record))

    def write(value: Any) -> list[Any]:
        return [write_record(item, record) for item in getattr(value, items)]

    def words(value: Any) -> list[Words]:
        return [
            Words(record.what, tuple(getattr(item, f) for f in word_fields))
            for item in getattr(value, items)
        ]

    return Kind(name, block, read, write, words, record.fields)
