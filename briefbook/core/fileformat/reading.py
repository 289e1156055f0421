"""From a YAML node tree to the typed model, collecting every problem with its place.

Each reader takes a :class:`Node` and returns a value, recording problems in a
:class:`Reader` instead of stopping at the first one, so ``briefbook validate``
can report them all at once.
"""

from __future__ import annotations

from briefbook.core import model as m
from briefbook.core.fileformat.reader import Reader
from briefbook.core.fileformat.reading_layout import (
    LAYOUT_KEYS,
    SECTION_LAYOUT_KEYS,
    read_layout,
    read_section_layout,
)
from briefbook.core.fileformat.reading_marks import check_markings, read_classification, read_scheme
from briefbook.core.fileformat.yamlnodes import Node
from briefbook.core.kinds import KINDS
from briefbook.errors import Problem

# --- the brief ----------------------------------------------------------------

META_KEYS = (
    "title",
    "subtitle",
    "dates",
    "location",
    "organisation",
    "prepared_by",
    "marking",
    "version",
    "status",
    "page_size",
    "timezone",
    "home_timezone",
    "logo",
    "keywords",
    "markings",
    "portion_marks",
    "classification_block",
    "language",
    "labels",
    "time_format",
    *LAYOUT_KEYS,
)
SECTION_KEYS = (
    "title",
    "marking",
    "title_marking",
    "tags",
    "guidance",
    "blocks",
    "sections",
    *SECTION_LAYOUT_KEYS,
)
EDITION_KEYS = (
    "name",
    "ceiling",
    "include_tags",
    "only_tags",
    "exclude_tags",
    "exclude_controls",
    "description",
)
BRIEF_KEYS = ("briefbook", "meta", "editions", "sections")


def empty_sections(reader: Reader) -> list[Problem]:
    """A warning for each section that prints nothing, at its line."""
    from briefbook.core.emptiness import section_is_empty

    return [
        Problem(
            f"section {section.title.strip() or 'untitled'!r} is empty and will not print",
            reader.path,
            node.line,
            node.column,
        )
        for node, section in sorted(reader.sections, key=lambda pair: pair[0].line or 0)
        if section_is_empty(section)
    ]


def read_brief(reader: Reader, root: Node | None) -> m.Brief:
    """Turn the whole node tree into a :class:`Brief`, recording every problem."""
    brief = m.Brief()
    if root is None:
        reader.problems.append(
            Problem("the file is empty; a brief starts with 'briefbook: 1'", reader.path, 1, 1)
        )
        return brief
    found = reader.fields(root, "the brief", BRIEF_KEYS, required=("briefbook",))
    if found is None:
        return brief
    if "briefbook" in found:
        version = found["briefbook"]
        if version.kind != "scalar" or version.text.strip() != str(m.FORMAT_VERSION):
            reader.problem(
                version,
                f"this file is format version {version.text!r}; this "
                f"briefbook reads version {m.FORMAT_VERSION}",
            )
    if "meta" in found:
        brief.meta = _read_meta(reader, found["meta"])
    if "sections" in found:
        brief.sections = reader.items(
            found["sections"], "'sections'", lambda node: _read_section(reader, node, top=True)
        )
    if "editions" in found:
        brief.editions = reader.items(
            found["editions"], "'editions'", lambda node: _read_edition(reader, node)
        )
        seen: set[str] = set()
        for edition, item in zip(brief.editions, found["editions"].items, strict=False):
            if edition.name in seen:
                reader.problem(item, f"there are two editions named {edition.name!r}")
            seen.add(edition.name)
    check_markings(reader, brief)
    return brief


def _read_edition(reader: Reader, node: Node) -> m.Edition | None:
    found = reader.fields(node, "an edition", EDITION_KEYS, required=("name",))
    if found is None:
        return None
    edition = m.Edition()
    if "name" in found:
        edition.name = reader.text(found["name"], "the edition name").strip()
    if "ceiling" in found:
        edition.ceiling = reader.marking(found["ceiling"], "the edition ceiling")
    if "include_tags" in found:
        edition.include_tags = reader.text_list(found["include_tags"], "'include_tags'")
    if "only_tags" in found:
        edition.only_tags = reader.text_list(found["only_tags"], "'only_tags'")
    if "exclude_tags" in found:
        edition.exclude_tags = reader.text_list(found["exclude_tags"], "'exclude_tags'")
    if "exclude_controls" in found:
        edition.exclude_controls = [
            value.strip().upper()
            for value in reader.text_list(found["exclude_controls"], "'exclude_controls'")
            if value.strip()
        ]
    if "description" in found:
        edition.description = reader.text(found["description"], "the description")
    return edition


def _read_meta(reader: Reader, node: Node) -> m.Meta:
    meta = m.Meta()
    found = reader.fields(node, "'meta'", META_KEYS)
    if not found:
        return meta
    for name in (
        "title",
        "subtitle",
        "location",
        "organisation",
        "prepared_by",
        "timezone",
        "home_timezone",
        "logo",
        "version",
    ):
        if name in found:
            setattr(meta, name, reader.text(found[name], f"meta '{name}'"))
    if "marking" in found:
        meta.marking = reader.marking(found["marking"], "the marking")
    if "markings" in found:
        read_scheme(reader, found["markings"], meta)
    if "classification_block" in found:
        meta.classification_block = read_classification(reader, found["classification_block"])
    if "portion_marks" in found:
        meta.portion_marks = reader.boolean(found["portion_marks"], "'portion_marks'")
        reader.portion_marks_node = found["portion_marks"]
    if "dates" in found:
        meta.dates = _read_dates(reader, found["dates"])
    if "status" in found:
        meta.status = reader.choice(found["status"], "the status", m.STATUSES, "draft")  # type: ignore[assignment]
    if "page_size" in found:
        meta.page_size = reader.choice(found["page_size"], "the page size", m.PAGE_SIZES, "A4")  # type: ignore[assignment]
    if "keywords" in found:
        meta.keywords = reader.text_list(found["keywords"], "'keywords'")
    if "language" in found:
        meta.language = _read_language(reader, found["language"])
    if "labels" in found:
        meta.labels = _read_labels(reader, found["labels"])
    read_layout(reader, found, meta)
    if "time_format" in found:
        meta.time_format = reader.choice(
            found["time_format"], "meta 'time_format'", ("", "24h", "12h"), ""
        )
    return meta


def _read_language(reader: Reader, node: Node) -> str:
    from briefbook.core.labels import has_language, no_words_message
    from briefbook.core.language import language_problem

    value = reader.text(node, "meta 'language'").strip()
    problem = language_problem(value)
    if problem:
        reader.problem(node, problem)
        return "en"
    if value and not has_language(value):
        reader.warnings.append(
            Problem(no_words_message(value), reader.path, node.line, node.column)
        )
    return value or "en"


def _read_labels(reader: Reader, node: Node) -> dict[str, str]:
    if node.kind != "map":
        reader.problem(
            node,
            "meta 'labels' must be a mapping of label names to words, e.g. 'contents: Sommaire'",
        )
        return {}
    labels: dict[str, str] = {}
    from briefbook.core.labels import override_problem

    for key_node, value_node in node.pairs:
        key = key_node.text.strip()
        labels[key] = reader.text(value_node, f"the label {key!r}")
        problem = override_problem(key, labels[key])
        if problem:
            reader.problem(key_node, problem)
    return labels


def _read_dates(reader: Reader, node: Node) -> m.DateRange:
    if node.kind == "scalar":  # a single day: `dates: 2025-06-12`
        return m.DateRange(start=reader.date(node, "the date"))
    found = reader.fields(node, "'dates'", ("start", "end"))
    if not found:
        return m.DateRange()
    start = reader.date(found["start"], "the start date") if "start" in found else None
    end = reader.date(found["end"], "the end date") if "end" in found else None
    if start and end and end < start:
        reader.problem(found["end"], f"the end date {end} is before the start date {start}")
    return m.DateRange(start, end)


def _read_section(reader: Reader, node: Node, top: bool) -> m.Section | None:
    found = reader.fields(node, "a section", SECTION_KEYS, required=("title",))
    if found is None:
        return None
    section = m.Section()
    if "title" in found:
        section.title = reader.text(found["title"], "the section title")
    where = f"section {section.title!r}" if section.title else "a section"
    if "marking" in found:
        section.marking = reader.marking(found["marking"], "the section marking")
    if "title_marking" in found:
        section.title_marking = reader.marking(found["title_marking"], "the title marking")
    if "tags" in found:
        section.tags = reader.text_list(found["tags"], "'tags'")
    if "guidance" in found:
        section.guidance = reader.text(found["guidance"], "the guidance")
    read_section_layout(reader, found, section)
    if "blocks" in found:
        section.blocks = reader.items(
            found["blocks"], f"the blocks of {where}", lambda item: _read_block(reader, item)
        )
    if "sections" in found:
        if top:
            section.subsections = reader.items(
                found["sections"],
                f"the subsections of {where}",
                lambda item: _read_section(reader, item, top=False),
            )
        else:
            reader.problem(
                found["sections"],
                f"{where} is already a subsection; subsections cannot hold sections of their own",
            )
    reader.sections.append((node, section))
    return section


# --- blocks -------------------------------------------------------------------


def _read_block(reader: Reader, node: Node) -> m.Block | None:
    kinds = tuple(KINDS)
    if node.kind == "scalar" and node.text in ("page_break",):
        return m.PageBreakBlock()
    marking: Node | None = None
    if node.kind == "map":
        kinds_here = [
            (k, v) for k, v in node.pairs if not (k.kind == "scalar" and k.text == "marking")
        ]
        marks = [v for k, v in node.pairs if k.kind == "scalar" and k.text == "marking"]
        if marks and kinds_here:
            if len(marks) > 1:
                reader.problem(marks[1], "the key 'marking' appears twice in a block")
            marking = marks[0]
            node = Node("map", node.line, node.column, pairs=kinds_here)
    if node.kind != "map" or len(node.pairs) != 1:
        if node.kind == "map" and not node.pairs:
            reader.problem(node, "an empty block; a block is one of: " + ", ".join(kinds))
        elif node.kind == "map":
            names = ", ".join(repr(key.text) for key, _ in node.pairs)
            reader.problem(
                node,
                f"a block has one kind, not several ({names}); start each block with its own '- '",
            )
        else:
            reader.problem(
                node, f"a block should be a mapping such as 'text: ...', not {node.kind_name}"
            )
        return None
    key, value = node.pairs[0]
    name = key.text if key.kind == "scalar" else ""
    kind = KINDS.get(name)
    if kind is None:
        reader.problem(key, f"unknown block kind {name!r}{reader._hint(name, kinds)}")
        return None
    block: m.Block | None = kind.read(reader, value)
    if isinstance(block, m.PdfBlock):
        reader.annexes.append((key, block))
    if marking is not None and block is not None:
        if isinstance(block, m.PageBreakBlock):
            reader.problem(marking, "a page break prints nothing, so it has no marking")
        else:
            block.marking = reader.marking(marking, "the block marking")
    return block
