"""The table block: a header row, rows of cells (a row may be marked on its own) and
a caption.

In the file a row is a list of cells, or ``{cells: [...], marking: ...}`` when it
carries a marking of its own; the model keeps the rows' markings beside the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

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


@dataclass
class TableBlock:
    """A table with a header row; rows may be shorter than the header (padded on output)."""

    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    caption: str = ""
    marking: str = ""
    #: Each row's own marking, by row index ("" or missing = the table's); never ends
    #: with "" (see :func:`briefbook.core.markings.set_row_marking`).
    row_markings: list[str] = field(default_factory=list)


def _read_rows(reader: Reading, node: Node, table: TableBlock) -> None:
    """The rows and their markings (a trailing run of unmarked rows keeps none)."""
    marks: list[str] = []

    def read_row(row: Node) -> list[str] | None:
        if row.kind != "map":
            marks.append("")
            return reader.text_list(row, "a table row")
        cells = reader.fields(row, "a table row", ("cells", "marking"), required=("cells",))
        if cells is None:
            return None
        marks.append(
            reader.marking(cells["marking"], "the row marking") if "marking" in cells else ""
        )
        return reader.text_list(cells["cells"], "the row's cells") if "cells" in cells else []

    table.rows = reader.items(node, "the table rows", read_row)
    while marks and not marks[-1]:
        marks.pop()
    table.row_markings = marks


def _write_rows(table: TableBlock) -> list[Any]:
    """Rows as lists of cells; a marked row as ``{cells: [...], marking: ...}``."""
    out: list[Any] = []
    for index, row in enumerate(table.rows):
        mark = table.row_markings[index] if index < len(table.row_markings) else ""
        out.append({"cells": list(row), "marking": mark} if mark else list(row))
    return out


RECORD = Record(
    TableBlock,
    "a table",
    (
        Field("columns", "the table columns", "texts", label="Columns", write="always"),
        Field(
            "rows",
            "the table rows",
            "custom",
            label="Rows",
            write="always",
            read_hook=_read_rows,
            write_hook=_write_rows,
        ),
        Field("caption", "the table caption", label="Caption"),
    ),
    required="columns",
)


def read(reader: Reading, node: Node) -> TableBlock | None:
    block: TableBlock | None = read_record(reader, node, RECORD)
    return block


def write(block: TableBlock) -> dict[str, Any]:
    return write_record(block, RECORD)


def words(block: TableBlock) -> list[Words]:
    """The header, each row (with its own marking) and the caption."""
    marks = block.row_markings
    found = [Words("columns", tuple(block.columns))]
    found += [
        Words("row", tuple(row), marks[index] if index < len(marks) else "")
        for index, row in enumerate(block.rows)
    ]
    if block.caption:
        found.append(Words("caption", (block.caption,)))
    return found


KIND = Kind("table", TableBlock, read, write, words, RECORD.fields)
