"""Cells of a table and rows of records: pasted cells, rows and columns added,
removed and moved, each as an edit on a block the caller then records.

Cells are addressed ``(row, column)`` from the top left; a table's rows may be
shorter than its header in a file, and are padded before columns change.
"""

from __future__ import annotations

from typing import Any

from briefbook.core.markings import set_row_marking
from briefbook.core.model import TableBlock

Cells = dict[tuple[int, int], str]


def parse_cells(text: str) -> list[list[str]]:
    """Cells copied from a spreadsheet: rows on lines, cells separated by tabs.

    Quoted cells (as Excel and LibreOffice write them when a cell holds a tab,
    a newline or a quote) are read back whole.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, quoted, at_start = 0, False, True
    while i < len(text):
        char = text[i]
        if quoted:
            if char == '"' and text[i + 1 : i + 2] == '"':
                cell.append('"')
                i += 1
            elif char == '"':
                quoted = False
            else:
                cell.append(char)
        elif char == '"' and at_start:
            quoted = True
        elif char == "\t":
            row.append("".join(cell))
            cell, at_start = [], True
            i += 1
            continue
        elif char == "\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_start = [], [], True
            i += 1
            continue
        else:
            cell.append(char)
        at_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


def format_cells(rows: list[list[str]]) -> str:
    """Cells as tab-separated lines for the clipboard (quoted where a spreadsheet needs it)."""

    def quote(cell: str) -> str:
        if any(c in cell for c in '\t\n"'):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    return "\n".join("\t".join(quote(cell) for cell in row) for row in rows)


def padded(table: TableBlock) -> None:
    """Give every row as many cells as there are columns (ragged rows are allowed in files)."""
    width = len(table.columns)
    for row in table.rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))


def set_cells(table: TableBlock, cells: Cells, rows: int = 0, columns: int = 0) -> None:
    """Write ``cells``, first growing the table to ``rows`` by ``columns`` (new columns
    are called "Column N") and to whatever the cells reach."""
    while len(table.columns) < columns:
        table.columns.append(f"Column {len(table.columns) + 1}")
    while len(table.rows) < rows:
        table.rows.append([])
    for (row, column), value in cells.items():
        while len(table.rows) <= row:
            table.rows.append([])
        cells_row = table.rows[row]
        while len(cells_row) <= column:
            cells_row.append("")
        cells_row[column] = value
    padded(table)


def insert_row(table: TableBlock, at: int) -> None:
    """An empty row at ``at`` (the table gets a first column when it has none)."""
    table.rows.insert(at, [""] * max(1, len(table.columns)))
    if at < len(table.row_markings):
        table.row_markings.insert(at, "")
    if not table.columns:
        table.columns.append("Column 1")


def remove_rows(table: TableBlock, rows: list[int]) -> None:
    """Remove the rows (ascending indexes) with their own markings."""
    for row in reversed(rows):
        if row < len(table.rows):
            del table.rows[row]
            if row < len(table.row_markings):
                del table.row_markings[row]


def mark_rows(table: TableBlock, rows: list[int], marking: str) -> None:
    """Give the rows their own marking ("" = the table's)."""
    for row in rows:
        if row < len(table.rows):
            set_row_marking(table, row, marking)


def insert_column(table: TableBlock, at: int) -> None:
    """An empty column at ``at``, called "Column N" for the new count."""
    padded(table)
    table.columns.insert(at, f"Column {len(table.columns) + 1}")
    for row in table.rows:
        row.insert(at, "")


def remove_columns(table: TableBlock, columns: list[int]) -> bool:
    """Remove the columns (ascending indexes); False, changing nothing, when that
    would leave none (a table keeps at least one column)."""
    if not columns or len(columns) >= len(table.columns):
        return False
    padded(table)
    for column in reversed(columns):
        del table.columns[column]
        for row in table.rows:
            del row[column]
    return True


def remove_records(records: list[Any], rows: list[int]) -> None:
    """Remove the records at ``rows`` (ascending indexes)."""
    for row in reversed(rows):
        if row < len(records):
            del records[row]


def move_record(records: list[Any], row: int, step: int) -> int | None:
    """Move a record up (-1) or down (+1); its new index, or None at either end."""
    target = row + step
    if not 0 <= target < len(records):
        return None
    records.insert(target, records.pop(row))
    return target
