"""Finding text that cannot be written as UTF-8: lone surrogates.

A lone UTF-16 surrogate (U+D800 to U+DFFF, e.g. from a damaged clipboard) can sit
in a Python string but has no UTF-8 form, so a brief holding one cannot be saved.
:func:`first_unencodable` names the first field holding one, for the message.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from briefbook.core import model as m

_SURROGATE = re.compile("[\ud800-\udfff]")


def first_unencodable(brief: m.Brief) -> str | None:
    """Where the first lone surrogate is ("section 'Talks', block 2, 'text'"), or None."""
    found = _in_value(brief.meta, "meta")
    if found:
        return found
    for index, edition in enumerate(brief.editions, 1):
        found = _in_value(edition, f"edition {index}")
        if found:
            return found
    return _in_sections(brief.sections, "")


def _in_sections(sections: list[m.Section], outer: str) -> str | None:
    for index, section in enumerate(sections, 1):
        name = (
            f"{outer}section {section.title!r}"
            if not _SURROGATE.search(section.title)
            else f"{outer}section {index}"
        )
        for key in ("title", "marking", "tags"):
            found = _in_value(getattr(section, key, ""), f"{name} '{key}'")
            if found:
                return found
        for number, block in enumerate(section.blocks, 1):
            found = _in_value(block, f"{name}, block {number}")
            if found:
                return found
        found = _in_sections(section.subsections, f"{name} > ")
        if found:
            return found
    return None


def _in_value(value: Any, where: str) -> str | None:
    """Depth-first through strings, lists and dataclasses (without recursion limits
    worth worrying about: the model is a few levels deep, list items included)."""
    stack: list[tuple[Any, str]] = [(value, where)]
    while stack:
        item, place = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return place
        elif isinstance(item, list | tuple):
            stack.extend(
                (part, f"{place}, item {n}") for n, part in reversed(list(enumerate(item, 1)))
            )
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(
                (getattr(item, f.name), f"{place} '{f.name}'")
                for f in reversed(dataclasses.fields(item))
                if f.name not in ("subsections", "blocks", "source")
            )
    return None
