"""Every block kind, one module each, and the registry that names them.

Each kind module holds the kind's dataclass, the declaration of its fields (read,
written and validated from that one declaration, see :mod:`.fields`) and its
``words()``. :data:`KINDS` maps the key that names a kind in the file to its
:class:`~briefbook.core.kinds.fields.Kind`, in the order the editor offers them.
Adding a kind: its module here, a line below, and its builder and editor modules
of the same name in ``render/blocks/`` and ``gui/editors/``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from briefbook.core.kinds import (
    contacts,
    if_asked,
    image,
    lists,
    memo,
    note,
    page_break,
    pdf,
    people,
    recommendations,
    scenario,
    schedule,
    table,
    talking_points,
    text,
)
from briefbook.core.kinds.fields import Field, Kind, Words


class Section(Protocol):
    """What :func:`section_strings` reads of a section (``model.Section``; the model
    imports the kinds, so the kinds do not import it)."""

    @property
    def title(self) -> str: ...
    @property
    def marking(self) -> str: ...
    @property
    def title_marking(self) -> str: ...
    @property
    def tags(self) -> Sequence[str]: ...
    @property
    def guidance(self) -> str: ...
    @property
    def blocks(self) -> Sequence[Any]: ...


__all__ = [
    "KINDS",
    "Field",
    "Kind",
    "Words",
    "flat_words",
    "kind_of",
    "section_strings",
    "words",
]

KINDS: dict[str, Kind] = {
    "text": text.KIND,
    "bullets": lists.BULLETS,
    "numbered": lists.NUMBERED,
    "table": table.KIND,
    "schedule": schedule.KIND,
    "recommendations": recommendations.KIND,
    "people": people.KIND,
    "contacts": contacts.KIND,
    "image": image.KIND,
    "note": note.KIND,
    "memo": memo.KIND,
    "scenario": scenario.KIND,
    "talking_points": talking_points.KIND,
    "if_asked": if_asked.KIND,
    "page_break": page_break.KIND,
    "pdf": pdf.KIND,
}

_BY_CLASS: dict[type, Kind] = {kind.block: kind for kind in KINDS.values()}


def kind_of(block: Any) -> Kind:
    """The kind of a block; a ``TypeError`` for anything that is not one."""
    kind = _BY_CLASS.get(type(block))
    if kind is None:
        raise TypeError(f"not a block: {block!r}")
    return kind


def words(block: Any) -> list[Words]:
    """The block's text in reading order, portion by portion."""
    found: list[Words] = kind_of(block).words(block)
    return found


def flat_words(block: Any) -> list[str]:
    """The block's texts in reading order, one list."""
    return [part for portion in words(block) for part in portion.texts]


def section_strings(section: Section) -> Iterator[str]:
    """Every piece of text a section shows or carries, without its subsections: title,
    markings, tags, guidance and each block's words and markings (what search looks in)."""
    yield section.title
    yield section.marking
    yield section.title_marking
    yield from section.tags
    yield section.guidance
    for block in section.blocks:
        yield getattr(block, "marking", "")
        for portion in words(block):
            yield portion.marking
            yield from portion.texts
