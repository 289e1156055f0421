"""What changed in a section's tables: tables added and removed, columns and captions
changed, rows added, removed and changed (matched by their first cell), each changed
row with its changed cells word by word.

Part of :func:`briefbook.core.compare.diff.diff_briefs`; plain data, nothing renders.
"""

from __future__ import annotations

from briefbook.core import model as m
from briefbook.core.compare.changes import Change, labelled, now_was, quoted, title_key
from briefbook.core.compare.words import Segment, word_diff
from briefbook.core.text import clip, one_line
from briefbook.core.wording import ENGLISH, Wording


def _tables(section: m.Section) -> list[m.TableBlock]:
    return [b for b in section.blocks if isinstance(b, m.TableBlock)]


def _table_name(table: m.TableBlock, words: Wording = ENGLISH) -> str:
    if table.caption.strip():
        return quoted(clip(table.caption, 60), words)
    columns = ", ".join(one_line(c) for c in table.columns if c.strip())
    return f"({clip(columns, 60)})" if columns else words("change_untitled_table")


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


def table_changes(
    old: m.Section, new: m.Section, group: str, words: Wording = ENGLISH
) -> list[Change]:
    """The tables added to and removed from a section, and the rows and cells changed in
    the tables it kept (paired by caption, then by columns, then in order)."""
    pairs, removed, added = _pair_tables(_tables(old), _tables(new))
    found = [
        Change(
            "table_added",
            group,
            words(
                "change_table_rows",
                table=_table_name(t, words),
                rows=words.counted("change_rows", len(t.rows)),
            ),
        )
        for t in added
    ]
    found += [
        Change("table_removed", group, words("change_table", table=_table_name(t, words)))
        for t in removed
    ]
    for before, after in pairs:
        found += _row_changes(before, after, group, words)
    return found


def _row_key(row: list[str]) -> str:
    return title_key(row[0]) if row else ""


def _row_text(row: list[str]) -> str:
    return clip(" | ".join(one_line(cell) for cell in row), 160)


def _row_changes(
    before: m.TableBlock, after: m.TableBlock, group: str, words: Wording
) -> list[Change]:
    found: list[Change] = []
    name = _table_name(after, words)
    old_columns = [one_line(c) for c in before.columns]
    new_columns = [one_line(c) for c in after.columns]
    if old_columns != new_columns:
        found.append(
            Change(
                "table_changed",
                group,
                now_was(
                    words("change_table_columns", table=name),
                    ", ".join(new_columns),
                    ", ".join(old_columns),
                    words,
                ),
            )
        )
    if one_line(before.caption) != one_line(after.caption):
        found.append(
            Change(
                "table_changed",
                group,
                now_was(words("change_table_caption"), name, _table_name(before, words), words),
            )
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
        found.append(Change("row_added", group, _row_in(name, row, words)))
    for row in left:
        found.append(Change("row_removed", group, _row_in(name, row, words)))
    for old_row, new_row in pairs:
        cells = _cell_changes(old_row, new_row, new_columns, words)
        if cells:
            label = clip(new_row[0], 60) if new_row else ""
            found.append(
                Change(
                    "row_changed",
                    group,
                    words("change_row_named", row=quoted(label, words), table=name),
                    _joined([words for _, words in cells]),
                )
            )
    return found


def _row_in(table: str, row: list[str], words: Wording) -> str:
    return words("change_row_in", table=table, row=_row_text(row))


def _cell_changes(
    old_row: list[str], new_row: list[str], columns: list[str], words: Wording
) -> list[tuple[str, tuple[Segment, ...]]]:
    found = []
    width = max(len(old_row), len(new_row))
    for i in range(width):
        before = one_line(old_row[i]) if i < len(old_row) else ""
        after = one_line(new_row[i]) if i < len(new_row) else ""
        if before != after:
            column = (
                columns[i]
                if i < len(columns) and columns[i]
                else words("change_column", number=i + 1)
            )
            head = labelled(column, "", words)
            found.append((column, (Segment("same", head), *word_diff(before, after))))
    return found


def _joined(parts: list[tuple[Segment, ...]]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for index, part in enumerate(parts):
        if index:
            out.append(Segment("same", "; "))
        out.extend(part)
    return tuple(out)
