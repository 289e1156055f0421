"""From the model to stable, readable YAML text.

Keys come in a fixed order, collections in block style, Unicode as typed,
multi-line text as literal blocks (``|``), no aliases, and fields left at their
default are omitted, so an unchanged brief always saves to the same bytes and a
small edit makes a small diff.

The model is first turned into plain data (dicts, lists, text, numbers, dates).
``dumps`` hands that data to the emitter as YAML events; it makes exactly the
events PyYAML's representer and serializer would make from it (the same tags,
styles and implicit flags, decided by the same resolver), without building the
node graph in Python first, which took three quarters of the time of a save.
``dumps_with_representer`` is the plain ``yaml.dump`` of the same data: the
reference the tests compare against, and the path for any value the event
writer does not know.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from briefbook.core import model as m
from briefbook.core.kinds import kind_of
from briefbook.core.kinds.fields import YamlTime, empty

try:
    _BaseDumper: type = yaml.CSafeDumper
except AttributeError:  # PyYAML built without libyaml
    _BaseDumper = yaml.SafeDumper

#: How the brief is dumped (``yaml.dump``'s options; the event writer uses the same).
_OPTIONS: dict[str, Any] = {
    "allow_unicode": True,
    "default_flow_style": False,
    "width": 88,
    "indent": 2,
}


class _Dumper(_BaseDumper):  # type: ignore[misc]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_time(dumper: yaml.SafeDumper, value: YamlTime) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(YamlTime, _represent_time)


def brief_data(brief: m.Brief) -> dict[str, Any]:
    """The brief as plain data, in the order and shape the file has."""
    data: dict[str, Any] = {"briefbook": m.FORMAT_VERSION, "meta": _meta(brief.meta)}
    if brief.editions:
        data["editions"] = [_edition(edition) for edition in brief.editions]
    data["sections"] = [_section(section) for section in brief.sections]
    return data


def dumps(brief: m.Brief) -> str:
    """The brief as YAML text, ready to be written to a ``.brief.yaml`` file."""
    data = brief_data(brief)
    try:
        return _EventWriter().write(data)
    except _Unknown:
        return _dump(data)


def dumps_with_representer(brief: m.Brief) -> str:
    """``dumps`` through PyYAML's representer: the same text, more slowly."""
    return _dump(brief_data(brief))


def _dump(data: dict[str, Any]) -> str:
    text: str = yaml.dump(data, Dumper=_Dumper, sort_keys=False, **_OPTIONS)
    return text


class _Unknown(Exception):
    """A value the event writer has no rule for (the representer decides instead)."""


_STR = "tag:yaml.org,2002:str"
_MAP_START = MappingStartEvent(None, None, True, flow_style=False)
_MAP_END = MappingEndEvent()
_SEQ_START = SequenceStartEvent(None, None, True, flow_style=False)
_SEQ_END = SequenceEndEvent()


class _EventWriter:
    """Emits plain data as the events ``_Dumper``'s serializer makes for it."""

    def __init__(self) -> None:
        self.stream = io.StringIO()
        self.dumper = _Dumper(self.stream, **_OPTIONS)
        self.emit: Callable[[Event], None] = self.dumper.emit
        if self.dumper.yaml_path_resolvers or None in self.dumper.yaml_implicit_resolvers:
            raise _Unknown("a resolver this writer does not follow")
        #: The resolver's rules by first character, as ``Resolver.resolve`` reads them; text
        #: starting with any other character (most text) is plain text to every reader.
        self.rules: dict[str, list[tuple[str, Any]]] = self.dumper.yaml_implicit_resolvers
        #: Scalar events already made, by their text (keys, names, markings repeat a lot).
        self.texts: dict[str, ScalarEvent] = {}

    def write(self, data: Any) -> str:
        emit = self.emit
        emit(StreamStartEvent())
        emit(DocumentStartEvent(explicit=False))
        self.node(data)
        emit(DocumentEndEvent(explicit=False))
        emit(StreamEndEvent())
        return self.stream.getvalue()

    def node(self, value: Any) -> None:
        emit, texts, node = self.emit, self.texts, self.node
        kind = type(value)
        if kind is dict:
            emit(_MAP_START)
            for key, item in value.items():
                if type(key) is not str:
                    raise _Unknown(key)
                emit(texts.get(key) or self.text(key))
                if type(item) is str:
                    emit(texts.get(item) or self.text(item))
                else:
                    node(item)
            emit(_MAP_END)
        elif kind is list:
            emit(_SEQ_START)
            for item in value:
                if type(item) is str:
                    emit(texts.get(item) or self.text(item))
                else:
                    node(item)
            emit(_SEQ_END)
        elif kind is str:
            emit(texts.get(value) or self.text(value))
        elif kind is YamlTime:
            emit(self.scalar(_STR, str(value), '"'))
        elif kind is int:
            emit(self.scalar("tag:yaml.org,2002:int", str(value)))
        elif kind is bool:
            emit(self.scalar("tag:yaml.org,2002:bool", "true" if value else "false"))
        elif kind is dt.date:
            emit(self.scalar("tag:yaml.org,2002:timestamp", value.isoformat()))
        elif value is None:
            emit(self.scalar("tag:yaml.org,2002:null", "null"))
        else:
            raise _Unknown(value)

    def text(self, value: str) -> ScalarEvent:
        """The event for text (written plain, quoted or as a literal block by the emitter)."""
        event = self.scalar(_STR, value, "|" if "\n" in value else None)
        self.texts[value] = event
        return event

    def scalar(self, tag: str, value: str, style: str | None = None) -> ScalarEvent:
        """A scalar with the implicit flags the serializer works out for it: whether its
        tag goes without saying when written plain, and when quoted (``Resolver.resolve``
        with ``(True, False)`` and ``(False, True)``)."""
        resolved = _STR
        for rule_tag, pattern in self.rules.get(value[0] if value else "", ()):
            if pattern.match(value):
                resolved = rule_tag
                break
        return ScalarEvent(None, tag, (resolved == tag, tag == _STR), value, style=style)


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    """Set ``key`` unless the value is empty (empty text, list or None)."""
    if not empty(value):
        data[key] = value


def _version(value: str) -> Any:
    """A version such as ``3`` is written as a number, anything else as text."""
    if value.isdigit() and value.isascii() and str(int(value)) == value:
        return int(value)
    return value


def _meta(meta: m.Meta) -> dict[str, Any]:
    data: dict[str, Any] = {"title": meta.title}
    _put(data, "subtitle", meta.subtitle)
    dates: dict[str, Any] = {}
    _put(dates, "start", meta.dates.start)
    _put(dates, "end", meta.dates.end)
    _put(data, "dates", dates)
    for name in ("location", "organisation", "prepared_by", "marking"):
        _put(data, name, getattr(meta, name))
    _put(data, "version", _version(meta.version))
    data["status"] = meta.status
    data["page_size"] = meta.page_size
    _put(data, "timezone", meta.timezone)
    _put(data, "home_timezone", meta.home_timezone)
    _put(data, "logo", meta.logo)
    _put(data, "keywords", list(meta.keywords))
    _put(data, "markings", _scheme(meta))
    if meta.portion_marks:
        data["portion_marks"] = True
    authority: dict[str, Any] = {}
    for name in ("classified_by", "derived_from", "reason", "declassify_on"):
        _put(authority, name, getattr(meta.classification_block, name))
    _put(data, "classification_block", authority)
    if meta.language.strip() and meta.language.strip() != "en":
        data["language"] = meta.language.strip()
    _put(data, "labels", dict(meta.labels))
    for name in ("cover", "contents"):
        if not getattr(meta, name):
            data[name] = False
    if meta.numbering != "decimal":
        data["numbering"] = meta.numbering
    _put(data, "page_number_format", meta.page_number_format)
    if meta.page_number_position != "bottom":
        data["page_number_position"] = meta.page_number_position
    _put(data, "time_format", meta.time_format)
    return data


def _scheme(meta: m.Meta) -> Any:
    """A preset alone as its name; else the list, a name without a portion mark as text."""
    entries: list[Any] = [meta.marking_preset] if meta.marking_preset else []
    for level in meta.markings:
        entries.append(
            {"name": level.name, "portion": level.portion} if level.portion else level.name
        )
    return entries[0] if entries == [meta.marking_preset] and entries[0] else entries


def _edition(edition: m.Edition) -> dict[str, Any]:
    data: dict[str, Any] = {"name": edition.name}
    _put(data, "description", edition.description)
    _put(data, "ceiling", edition.ceiling)
    _put(data, "include_tags", list(edition.include_tags))
    _put(data, "only_tags", list(edition.only_tags))
    _put(data, "exclude_tags", list(edition.exclude_tags))
    _put(data, "exclude_controls", list(edition.exclude_controls))
    return data


def _section(section: m.Section) -> dict[str, Any]:
    data: dict[str, Any] = {"title": section.title}
    _put(data, "label", section.label)
    if section.new_page is not None:
        data["new_page"] = section.new_page
    _put(data, "marking", section.marking)
    _put(data, "title_marking", section.title_marking)
    _put(data, "tags", list(section.tags))
    _put(data, "guidance", section.guidance)
    _put(data, "blocks", [_block(block) for block in section.blocks])
    _put(data, "sections", [_section(sub) for sub in section.subsections])
    return data


def _block(block: m.Block) -> dict[str, Any]:
    """``{kind: value}``, the value as the kind writes it, and the block's marking."""
    kind = kind_of(block)
    data = {kind.name: kind.write(block)}
    _put(data, "marking", getattr(block, "marking", ""))
    return data
