"""The pdf block: an existing PDF (an annex from another desk) placed page by page in
the run of the dossier.

``pages`` picks pages as people write them ("1-3,7"; empty = all); ``scale`` says
whether a page is scaled into the area between the running header and footer
(``fit``) or fills the page under the dossier's furniture (``full``). Whether the file
exists, lies inside the brief's folder and can be read is checked by ``briefbook
validate`` and at export (see :mod:`briefbook.core.annexes`), not on reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from briefbook.core.kinds.fields import (
    Field,
    Kind,
    Reading,
    Record,
    Words,
    read_record,
    write_record,
)

if TYPE_CHECKING:
    from briefbook.core.fileformat.yamlnodes import Node

AnnexScale = Literal["fit", "full"]
ANNEX_SCALES: tuple[str, ...] = ("fit", "full")

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d*)\s*)?$")


@dataclass
class PdfBlock:
    """An existing PDF's pages, placed in the dossier."""

    path: str = ""
    pages: str = ""
    title: str = ""
    scale: AnnexScale = "fit"
    marking: str = ""


class PageRangeError(ValueError):
    """A page range that cannot be read, or that names a page the file does not have."""


#: A range may place at most this many pages (a page may be named more than once).
MAX_PLACED = 20_000


def page_parts(pages: str) -> list[tuple[int, int | None]]:
    """The parts of a page range as (first, last) pages, 1-based; ``None`` as the last
    means "to the end". Raises :class:`PageRangeError` naming the part that is wrong."""
    found: list[tuple[int, int | None]] = []
    for part in pages.split(","):
        if not part.strip():
            continue
        match = _RANGE.match(part)
        if match is None:
            raise PageRangeError(f"{part.strip()!r} is not a page or a range such as 1-3")
        first = int(match.group(1))
        last = (
            first if match.group(2) is None else (int(match.group(2)) if match.group(2) else None)
        )
        if first < 1 or (last is not None and last < first):
            raise PageRangeError(f"{part.strip()!r} is not a range of pages from 1 up")
        found.append((first, last))
    if pages.strip() and not found:
        raise PageRangeError("the page range picks no page")
    return found


def page_numbers(pages: str, count: int) -> list[int]:
    """The 0-based page indexes a range picks from a file of ``count`` pages, in the
    order written (``"1-3,7"`` → 0, 1, 2, 6; ``"5-"`` → 5 to the last; empty → all).

    Raises :class:`PageRangeError` naming the part that is wrong.
    """
    if not pages.strip():
        return list(range(count))
    found: list[int] = []
    for first, last in page_parts(pages):
        end = count if last is None else last
        if max(first, end) > count:
            raise PageRangeError(
                f"{first}-{end} goes past the last page ({count})"
                if first != end
                else f"{first} is past the last page ({count})"
            )
        found.extend(range(first - 1, end))
        if len(found) > MAX_PLACED:
            raise PageRangeError(f"the range places more than {MAX_PLACED} pages")
    return found


def range_problem(pages: str) -> str:
    """What is wrong with how a page range is written ("" when nothing is)."""
    try:
        page_parts(pages)
    except PageRangeError as exc:
        return str(exc)
    return ""


def _read_pages(reader: Reading, node: Node, block: Any) -> None:
    value = reader.text(node, "the page range")
    problem = range_problem(value)
    if problem:
        reader.problem(node, f"the page range: {problem}")
    block.pages = value


RECORD = Record(
    PdfBlock,
    "a PDF annex",
    (
        Field("path", "the PDF path", label="PDF file", write="always"),
        Field(
            "pages",
            "the page range",
            "custom",
            label="Pages",
            read_hook=_read_pages,
            write_hook=lambda block: block.pages,
        ),
        Field("title", "the annex title", label="Title"),
        Field(
            "scale",
            "the annex scale",
            "choice",
            label="Scale",
            choices=ANNEX_SCALES,
            default="fit",
            write="changed",
        ),
    ),
    required="path",
    shorthand="path",
    shorthand_what="the PDF path",
)


def read(reader: Reading, node: Node) -> PdfBlock | None:
    block: PdfBlock | None = read_record(reader, node, RECORD)
    return block


def write(block: PdfBlock) -> dict[str, Any]:
    return write_record(block, RECORD)


def words(block: PdfBlock) -> list[Words]:
    """The annex's file, pages and title (the changes page shows a new annex)."""
    return [Words("annex", (block.path, block.pages, block.title))]


KIND = Kind("pdf", PdfBlock, read, write, words, RECORD.fields)
