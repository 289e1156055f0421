"""What changed in a section's tables: tables added and removed, columns and captions
changed, rows added, removed and changed (matched by their first cell), each changed
row with its changed cells word by word.

Part of :func:`briefbook.core.compare.diff.diff_briefs`; plain data, nothing renders.
"""

from __future__ import annotations

from briefbook.core import model as m
from briefbook.core.compare.changes import Change, now_was, title_key
from briefbook.core.compare.words import Segment, word_diff
from briefbook.core.text import clip, counted, one_line


def _tables(section: m.Section) -> list[m.TableBlock]:
    return [b for b in section.blocks if isinstance(b, m.TableBlock)]


def _table_name(table: m.TableBlock) -> str:
    if table.caption.strip():
        return f"“{clip(table.caption, 60)}”"
    columns = ", ".join(one_line(c) for c in table.columns if c.strip())
    return f"({clip(columns, 60)})" if columns else "(untitled)"


def _pair_tables(
    old: list[m.TableBlock], new: list[m.TableBlock]
) -> tuple[list[tuple[m.TableBlock, m.TableBlock]], list[m.TableBlock], list[m.TableBlock]]:
    left, right = list(old), list(new)
    pairs = []
    for matcher in (
        lambda t: title_key(t.caption) or None,
        lambda t: tuple(title_key(c) for c in t.columns) or None,
    ):
        for table in list(right):
            target = matcher(table)
            match = next((o for o in left if target and matcher(o) == target), None)
            if match is not None:
                pairs.append((match, table))
                left.remove(match)
                right.remove(table)
    while left and right:  # what remains pairs up in order
        pairs.append((left.pop(0), right.pop(0)))
    return pairs, left, right


def table_changes(old: m.Section, new: m.Section, group: str) -> list[Change]:
    """The tables added to and removed from a section, and the rows and cells changed in
    the tables it kept (paired by caption, then by columns, then in order)."""
    pairs, removed, added = _pair_tables(_tables(old), _tables(new))
    found = [
        Change("table_added", group, f"table {_table_name(t)}, {_rows(len(t.rows))}") for t in added
    ]
    found += [Change("table_removed", group, f"table {_table_name(t)}") for t in removed]
    for before, after in pairs:
        found += _row_changes(before, after, group)
    return found


def _rows(count: int) -> str:
    return counted(count, "row")


def _row_key(row: list[str]) -> str:
    return title_key(row[0]) if row else ""


def _row_text(row: list[str]) -> str:
    return clip(" | ".join(one_line(cell) for cell in row), 160)


def _row_changes(before: m.TableBlock, after: m.TableBlock, group: str) -> list[Change]:
    found: list[Change] = []
    name = _table_name(after)
    old_columns = [one_line(c) for c in before.columns]
    new_columns = [one_line(c) for c in after.columns]
    if old_columns != new_columns:
        found.append(
            Change(
                "table_changed",
                group,
                now_was(f"table {name}: columns", ", ".join(new_columns), ", ".join(old_columns)),
            )
        )
    if one_line(before.caption) != one_line(after.caption):
        found.append(
            Change("table_changed", group, now_was("table caption", name, _table_name(before)))
        )
    left = list(before.rows)
    pairs: list[tuple[list[str], list[str]]] = []
    added: list[list[str]] = []
    for row in after.rows:
        match = next((o for o in left if _row_key(o) == _row_key(row)), None)
        if match is None:
            added.append(row)
        else:
            left.remove(match)
            pairs.append((match, row))
    for row in added:
        found.append(Change("row_added", group, f"row in {name}: {_row_text(row)}"))
    for row in left:
        found.append(Change("row_removed", group, f"row in {name}: {_row_text(row)}"))
    for old_row, new_row in pairs:
        cells = _cell_changes(old_row, new_row, new_columns)
        if cells:
            label = clip(new_row[0], 60) if new_row else ""
            found.append(
                Change(
                    "row_changed",
                    group,
                    f"row “{label}” in {name}",
                    _joined([words for _, words in cells]),
                )
            )
    return found


def _cell_changes(
    old_row: list[str], new_row: list[str], columns: list[str]
) -> list[tuple[str, tuple[Segment, ...]]]:
    found = []
    width = max(len(old_row), len(new_row))
    for i in range(width):
        before = one_line(old_row[i]) if i < len(old_row) else ""
        after = one_line(new_row[i]) if i < len(new_row) else ""
        if before != after:
            column = columns[i] if i < len(columns) and columns[i] else f"column {i + 1}"
            found.append((column, (Segment("same", f"{column}: "), *word_diff(before, after))))
    return found


def _joined(parts: list[tuple[Segment, ...]]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for index, part in enumerate(parts):
        if index:
            out.append(Segment("same", "; "))
        out.extend(part)
    return tuple(out)
