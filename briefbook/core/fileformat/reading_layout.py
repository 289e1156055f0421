"""Reading the page layout a brief asks for: ``meta``'s cover, contents, numbering and
page number keys, and a section's ``label`` and ``new_page`` (see :mod:`.reading`)."""

from __future__ import annotations

import string

from briefbook.core import model as m
from briefbook.core.fileformat.yamlnodes import Node
from briefbook.core.kinds.fields import Reading

#: The keys of ``meta`` read here.
LAYOUT_KEYS = ("cover", "contents", "numbering", "page_number_format", "page_number_position")
#: The keys of a section read here.
SECTION_LAYOUT_KEYS = ("label", "new_page")
#: The fields a page number format may use.
PAGE_FIELDS = ("page", "pages")


def page_format_problem(text: str) -> str | None:
    """Why ``text`` cannot be a page number format, or None when it can."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        return (
            f"the page number format {text!r} is not readable ({exc}); write braces "
            "only around page or pages, e.g. '-{page}-', and double a literal brace"
        )
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PAGE_FIELDS or spec or conversion:
            return (
                f"the page number format {text!r} uses {{{name}}}; it may use only "
                "{page} and {pages}, e.g. 'Page {page} of {pages}' or '-{page}-'"
            )
    return None


def read_layout(reader: Reading, found: dict[str, Node], meta: m.Meta) -> None:
    """Set ``meta``'s layout from the keys of ``meta`` that are there."""
    if "cover" in found:
        meta.cover = _flag(reader, found["cover"], "meta 'cover'", True)
    if "contents" in found:
        meta.contents = _flag(reader, found["contents"], "meta 'contents'", True)
    if "numbering" in found:
        meta.numbering = reader.choice(
            found["numbering"],
            "the numbering",
            m.NUMBERINGS,  # type: ignore[assignment]
            "decimal",
        )
    if "page_number_format" in found:
        node = found["page_number_format"]
        text = reader.text(node, "meta 'page_number_format'")
        problem = page_format_problem(text)
        if problem:
            reader.problem(node, problem)
        else:
            meta.page_number_format = text
    if "page_number_position" in found:
        meta.page_number_position = reader.choice(  # type: ignore[assignment]
            found["page_number_position"], "the page number position", m.PAGE_POSITIONS, "bottom"
        )


def read_section_layout(reader: Reading, found: dict[str, Node], section: m.Section) -> None:
    """Set a section's ``label`` and ``new_page`` from its keys that are there."""
    if "label" in found:
        section.label = reader.text(found["label"], "the section label")
    if "new_page" in found and not found["new_page"].is_null:
        section.new_page = reader.boolean(found["new_page"], "'new_page'")


def _flag(reader: Reading, node: Node, what: str, default: bool) -> bool:
    """A true/false value; an empty one is ``default``."""
    return default if node.is_null else reader.boolean(node, what)
