"""Reading the marking scheme and the classification authority block of ``meta``, and
checking every marking the brief uses against the scheme (see :mod:`.reading`)."""

from __future__ import annotations

from typing import Protocol

from briefbook.core import model as m
from briefbook.core.fileformat.yamlnodes import Node
from briefbook.core.kinds.fields import Reading
from briefbook.core.markings import (
    PRESETS,
    scheme_entries,
    scheme_of,
    scheme_problems,
    section_markings,
    suggestion,
)


class Reader(Reading, Protocol):
    """What the marking checks need of the brief's reader (``fileformat.reader.Reader``),
    stated here so that the two modules do not import each other."""

    portion_marks_node: Node | None
    markings: list[tuple[Node, str]]

    def _hint(self, value: str, options: tuple[str, ...]) -> str: ...


CLASSIFICATION_KEYS = ("classified_by", "derived_from", "reason", "declassify_on")


def check_markings(reader: Reader, brief: m.Brief) -> None:
    """Every marking used must be one of the scheme's (spelt as the scheme spells it), and
    with portion marks on, every portion must have one (its own or inherited)."""
    node = reader.portion_marks_node
    if brief.meta.portion_marks and node is not None and not brief.meta.marking:
        bare = [
            section.title for section in brief.sections if "" in section_markings(brief, section)
        ]
        if bare:
            many = len(bare) != 1
            reader.problem(
                node,
                f"with portion marks, every portion needs a marking, but "
                f"{len(bare)} section{'s' if many else ''} (first {bare[0]!r}) "
                f"print{'' if many else 's'} something unmarked; give meta a "
                "'marking' (what everything unmarked is marked) or mark them",
            )
    scheme = scheme_of(brief).names
    for node, value in reader.markings:
        if value not in scheme:
            listed = " < ".join(scheme)
            declared = brief.meta.markings or brief.meta.marking_preset
            advice = "" if declared else "; declare your own under meta 'markings'"
            near = suggestion(value, scheme)
            hint = f" (did you mean {near!r}?)" if near else reader._hint(value, scheme)
            reader.problem(
                node, f"the marking {value!r} is not in the marking scheme ({listed}){hint}{advice}"
            )


def read_scheme(reader: Reader, node: Node, meta: m.Meta) -> None:
    """``markings``: a preset's name, or a list of names and {name, portion} mappings
    (the first entry may be a preset); then the scheme's own problems at their entries."""
    if node.is_null:
        return
    if node.kind == "scalar":
        entries = [node]
    elif node.kind == "seq":
        entries = list(node.items)
    else:
        reader.problem(
            node,
            f"'markings' should be a preset ({', '.join(PRESETS)}) or a list "
            f"of markings, lowest first, not {node.kind_name}",
        )
        return
    where: list[Node] = []
    for index, entry in enumerate(entries):
        if entry.kind == "scalar" and entry.text.strip() in PRESETS:
            if index == 0:
                meta.marking_preset = entry.text.strip()
                where += [entry] * len(PRESETS[meta.marking_preset])
            else:
                reader.problem(
                    entry,
                    f"the preset {entry.text.strip()!r} can only be the first entry of 'markings'",
                )
            continue
        if entry.kind == "map":
            found = reader.fields(entry, "a marking", ("name", "portion"), required=("name",))
            if found is None:
                continue
            name = reader.text(found["name"], "the marking name").strip() if "name" in found else ""
            portion = (
                reader.text(found["portion"], "the portion mark").strip()
                if "portion" in found
                else ""
            )
            if portion.startswith("(") and portion.endswith(")"):
                portion = portion[1:-1].strip()
        else:
            name, portion = reader.text(entry, "a marking").strip(), ""
        if name:
            meta.markings.append(m.MarkingLevel(name, portion))
            where.append(entry)
    if node.kind == "scalar" and not meta.marking_preset:
        name = node.text.strip()
        hint = reader._hint(name, tuple(PRESETS))
        reader.problem(
            node,
            f"'markings' {name!r} is not a preset{hint}; the presets are "
            f"{', '.join(PRESETS)}, or list the markings, lowest first",
        )
        meta.markings = []
        return
    for index, message in scheme_problems(scheme_entries(meta)):
        reader.problem(where[index] if index < len(where) else node, message)


def read_classification(reader: Reader, node: Node) -> m.ClassificationBlock:
    block = m.ClassificationBlock()
    found = reader.fields(node, "'classification_block'", CLASSIFICATION_KEYS)
    for name, value in (found or {}).items():
        setattr(block, name, reader.text(value, f"'{name}'"))
    return block
