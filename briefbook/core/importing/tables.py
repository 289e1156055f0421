"""Tables written as text: pipe rows, tab-separated rows and columns aligned with spaces.

Each finder looks at the lines from a start index and returns the table with
the index of the first line after it, or None. Ragged rows are padded with empty
cells, never cut: a row longer than the header widens the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefbook.core.model import TableBlock

#: The widest table we build; a "row" with more cells than this is text, not a table row.
MAX_COLUMNS = 64
_SEPARATOR_CHARS = frozenset("-=:+| \t")


def make_table(rows: list[list[str]], header: bool, unbold: bool = False) -> TableBlock:
    """A :class:`TableBlock` from rows of cells; the first row is the header when ``header``.

    ``unbold`` removes the bold marks a reader put around whole header cells (the
    header prints bold anyway); marks typed in plain text are the writer's and stay.
    """
    width = max((len(row) for row in rows), default=0)
    padded = [row + [""] * (width - len(row)) for row in rows]
    if header and padded:
        columns = [_unbold(cell) for cell in padded[0]] if unbold else padded[0]
        return TableBlock(columns=columns, rows=padded[1:])
    return TableBlock(columns=[""] * width, rows=padded)


def _unbold(cell: str) -> str:
    """A header cell without the bold marks around it: the header prints bold anyway."""
    inner = cell[2:-2]
    if len(cell) > 4 and cell.startswith("**") and cell.endswith("**") and "**" not in inner:
        return inner.strip()
    return cell


def looks_like_header(rows: Sequence[Sequence[str]]) -> bool:
    """Whether the first row reads as column titles above the others.

    Column titles are all present, short, not numbers, not sentences, and the
    body has at least one row.
    """
    if len(rows) < 2:
        return False
    first = rows[0]
    if not first or any(not cell.strip() for cell in first):
        return False
    for cell in first:
        text = cell.strip()
        if len(text) > 40 or len(text.split()) > 5 or text.endswith((".", ";", ",")):
            return False
        if any(ch.isdigit() for ch in text) and not any(ch.isalpha() for ch in text):
            return False
    return True


# --- pipe tables ---------------------------------------------------------------


def split_pipe_row(line: str) -> list[str] | None:
    """The cells of ``A | B | C`` (outer pipes optional; ``\\|`` is a literal pipe), or None."""
    if "|" not in line:
        return None
    cells: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "\\" and i + 1 < len(line) and line[i + 1] == "|":
            current.append("|")
            i += 2
            continue
        if ch == "|":
            cells.append("".join(current).strip())
            current = []
            if len(cells) > MAX_COLUMNS + 1:
                return None
        else:
            current.append(ch)
        i += 1
    cells.append("".join(current).strip())
    stripped = line.strip()
    if stripped.startswith("|") and cells and cells[0] == "":
        cells.pop(0)
    if stripped.endswith("|") and not stripped.endswith("\\|") and cells and cells[-1] == "":
        cells.pop()
    if len(cells) < 2 and not (stripped.startswith("|") and stripped.endswith("|") and cells):
        return None
    return cells


def is_separator_row(line: str) -> bool:
    """``---|---|---``, ``|:--|--:|``, ``+----+====+``: a rule between table rows."""
    stripped = line.strip()
    if len(stripped) < 3 or len(stripped) > 10_000:
        return False
    if not ("-" in stripped or "=" in stripped):
        return False
    if not ("|" in stripped or "+" in stripped or stripped.count("-") >= 3):
        return False
    return all(ch in _SEPARATOR_CHARS for ch in stripped)


def find_pipe_table(lines: Sequence[str], start: int) -> tuple[TableBlock, int] | None:
    """A pipe table starting at ``lines[start]`` (an ASCII grid border may come first)."""
    i = start
    leading_border = False
    if i < len(lines) and is_separator_row(lines[i]) and ("+" in lines[i] or "|" in lines[i]):
        leading_border = True
        i += 1
    first = split_pipe_row(lines[i]) if i < len(lines) else None
    if first is None or is_separator_row(lines[i]):
        return None
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    has_separator = is_separator_row(nxt) and ("|" in nxt or "+" in nxt or "-" in nxt)
    if not has_separator and split_pipe_row(nxt) is None:
        return None
    if not has_separator and leading_border is False and not _consistent_pipe_rows(lines, i):
        return None
    rows: list[list[str]] = [first]
    header = has_separator
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if not line.strip():
            break
        if is_separator_row(line):
            j += 1
            continue
        cells = split_pipe_row(line)
        if cells is None:
            break
        rows.append(cells)
        j += 1
    if not header:
        header = looks_like_header(rows)
    return make_table(rows, header), j


def _consistent_pipe_rows(lines: Sequence[str], i: int) -> bool:
    """Two pipe rows in a row without a separator: a table if both have 2+ cells."""
    a = split_pipe_row(lines[i])
    b = split_pipe_row(lines[i + 1]) if i + 1 < len(lines) else None
    return a is not None and b is not None and len(a) >= 2 and len(b) >= 2


# --- tab-separated rows ---------------------------------------------------------


def split_tab_row(line: str) -> list[str] | None:
    """The cells of a tab-separated row (at least two, one may be empty), or None."""
    body = line.strip(" \r\n").rstrip("\t")
    body = body.lstrip("\t") if body.startswith("\t") and "\t" in body.lstrip("\t") else body
    if "\t" not in body:
        return None
    cells = [cell.strip() for cell in body.split("\t")]
    if len(cells) > MAX_COLUMNS:
        return None
    if sum(1 for cell in cells if cell) < 2:
        return None
    return cells


def find_tab_table(lines: Sequence[str], start: int) -> tuple[TableBlock, int] | None:
    """Two or more consecutive tab-separated rows."""
    rows: list[list[str]] = []
    j = start
    while j < len(lines):
        cells = split_tab_row(lines[j])
        if cells is None:
            break
        rows.append(cells)
        j += 1
    if len(rows) < 2:
        return None
    rows = _collapse_alignment_tabs(rows, lines[start:j])
    return make_table(rows, looks_like_header(rows)), j


def _collapse_alignment_tabs(rows: list[list[str]], lines: Sequence[str]) -> list[list[str]]:
    """Rows split on single tabs, unless runs of tabs were only there to align columns."""
    widths = {len(row) for row in rows}
    if len(widths) == 1:
        return rows
    collapsed = [[cell for cell in row if cell] for row in rows]
    if len({len(row) for row in collapsed}) < len(widths):
        return collapsed
    return rows


# --- columns aligned with spaces ---------------------------------------------------


def _has_gap(line: str) -> bool:
    """Text, then a run of two or more spaces, then text again."""
    body = line.strip()
    return "  " in body and not body.startswith(("|", "#"))


def find_space_table(lines: Sequence[str], start: int) -> tuple[TableBlock, int] | None:
    """Two or more lines whose words line up in columns separated by 2+ spaces."""
    j = start
    while (
        j < len(lines)
        and lines[j].strip()
        and "\t" not in lines[j]
        and (_has_gap(lines[j]) or (j > start and is_separator_row(lines[j])))
    ):
        if len(lines[j]) > 2000:
            break
        j += 1
    if j - start < 2:
        return None
    block = [line for line in lines[start:j] if not is_separator_row(line)]
    header_rule = len(block) < j - start and is_separator_row(lines[start + 1])
    if len(block) < 2:
        return None
    spans = _column_spans(block)
    if spans is None or len(spans) < 2 or len(spans) > MAX_COLUMNS:
        return None
    rows = [[line[a:b].strip() for a, b in spans] for line in block]
    filled = [sum(1 for cell in row if cell) for row in rows]
    if sum(1 for n in filled if n >= 2) < max(2, len(rows) // 2 + 1):
        return None
    return make_table(rows, header_rule or looks_like_header(rows)), j


def _column_spans(block: Sequence[str]) -> list[tuple[int, int]] | None:
    """Column (start, end) spans separated by gutters: 2+ columns blank in every line."""
    width = max(len(line) for line in block)
    blank = [True] * width
    for line in block:
        for k, ch in enumerate(line):
            if ch != " ":
                blank[k] = False
    indent = min(len(line) - len(line.lstrip(" ")) for line in block)
    spans: list[tuple[int, int]] = []
    k = indent
    cell_start = indent
    while k < width:
        if blank[k]:
            run = k
            while run < width and blank[run]:
                run += 1
            if run - k >= 2 and k > cell_start:
                spans.append((cell_start, k))
                cell_start = run
            k = run
        else:
            k += 1
    if cell_start < width:
        spans.append((cell_start, width))
    if len(spans) >= 2:
        last_start = spans[-1][0]
        spans[-1] = (last_start, max(len(line) for line in block) + 1)
    return spans
