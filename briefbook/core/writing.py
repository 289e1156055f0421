"""From the model to stable, readable YAML text.

Keys come in a fixed order, collections in block style, Unicode as typed,
multi-line text as literal blocks (``|``), no aliases, and fields left at their
default are omitted, so an unchanged brief always saves to the same bytes and a
small edit makes a small diff.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from briefbook.core import model as m

try:
    _BaseDumper: type = yaml.CSafeDumper
except AttributeError:  # PyYAML built without libyaml
    _BaseDumper = yaml.SafeDumper


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data: Any) -> bool:
        return True


class _Time(str):
    """A time, written quoted as HH:MM so no YAML reader takes it for a number."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_time(dumper: yaml.SafeDumper, value: _Time) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Time, _represent_time)


def dumps(brief: m.Brief) -> str:
    """The brief as YAML text, ready to be written to a ``.brief.yaml`` file."""
    data: dict[str, Any] = {"briefbook": m.FORMAT_VERSION, "meta": _meta(brief.meta)}
    if brief.editions:
        data["editions"] = [_edition(edition) for edition in brief.editions]
    data["sections"] = [_section(section) for section in brief.sections]
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                          default_flow_style=False, width=88, indent=2)
    return text


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    """Set ``key`` unless the value is empty (empty text, list or None)."""
    if value is None or value == "" or value == [] or value == {}:
        return
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
    _put(data, "markings", list(meta.markings))
    if meta.portion_marks:
        data["portion_marks"] = True
    return data


def _edition(edition: m.Edition) -> dict[str, Any]:
    data: dict[str, Any] = {"name": edition.name}
    _put(data, "description", edition.description)
    _put(data, "ceiling", edition.ceiling)
    _put(data, "include_tags", list(edition.include_tags))
    _put(data, "exclude_tags", list(edition.exclude_tags))
    return data


def _section(section: m.Section) -> dict[str, Any]:
    data: dict[str, Any] = {"title": section.title}
    _put(data, "marking", section.marking)
    _put(data, "tags", list(section.tags))
    _put(data, "blocks", [_block(block) for block in section.blocks])
    _put(data, "sections", [_section(sub) for sub in section.subsections])
    return data


def _time(value: dt.time | None) -> _Time | None:
    return _Time(value.strftime("%H:%M")) if value is not None else None


def _list_items(items: list[m.ListItem]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if item.items:
            out.append({"text": item.text, "items": _list_items(item.items)})
        else:
            out.append(item.text)
    return out


def _record(obj: Any, keys: tuple[str, ...], first: str) -> Any:
    """A flat record as a mapping of its non-empty fields (``first`` always written)."""
    data: dict[str, Any] = {first: getattr(obj, first)}
    for key in keys:
        if key != first:
            _put(data, key, getattr(obj, key))
    return data


def _block(block: m.Block) -> dict[str, Any]:
    kind = m.block_kind(block)
    value: Any
    if isinstance(block, m.TextBlock):
        value = block.text
    elif isinstance(block, m.BulletsBlock | m.NumberedBlock):
        value = _list_items(block.items)
    elif isinstance(block, m.TableBlock):
        value = {"columns": list(block.columns), "rows": [list(row) for row in block.rows]}
        _put(value, "caption", block.caption)
    elif isinstance(block, m.ScheduleBlock):
        value = [_entry(entry) for entry in block.entries]
    elif isinstance(block, m.RecommendationsBlock):
        value = [_record(item, ("text", "rationale", "owner", "priority"), "text")
                 for item in block.items]
    elif isinstance(block, m.PeopleBlock):
        keys = ("name", "title", "organisation", "pronunciation", "photo", "bio")
        value = [_record(person, keys, "name") for person in block.people]
    elif isinstance(block, m.ContactsBlock):
        keys = ("name", "role", "phone", "email", "notes")
        value = [_record(contact, keys, "name") for contact in block.contacts]
    elif isinstance(block, m.ImageBlock):
        value = {"path": block.path}
        _put(value, "caption", block.caption)
    elif isinstance(block, m.NoteBlock):
        value = {}
        _put(value, "title", block.title)
        value["text"] = block.text
        if block.style != "info":
            value["style"] = block.style
    else:
        value = None
    return {kind: value}


def _entry(entry: m.ScheduleEntry) -> dict[str, Any]:
    data: dict[str, Any] = {}
    _put(data, "date", entry.date)
    _put(data, "time", _time(entry.time))
    _put(data, "end", _time(entry.end))
    data["title"] = entry.title
    _put(data, "place", entry.place)
    _put(data, "participants", list(entry.participants))
    _put(data, "press", entry.press)
    _put(data, "notes", entry.notes)
    return data
