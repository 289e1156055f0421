"""Tables: column widths that fit the content, ruled and striped grids of wrapped
cells that repeat their header and split inside rows, and the table block.

The grid helpers here are shared by the schedule, recommendations, contacts,
people, note and image builders and the cover."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any, cast

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from briefbook.core import model as m
from briefbook.core.markings import row_marking
from briefbook.render.blocks.context import (
    BlockContext,
    paragraphs,
    plain_paragraph,
)
from briefbook.render.flowables import Lead
from briefbook.render.tagging.tables import tag_table
from briefbook.render.theme import Theme

#: Rows measured when sizing table columns (enough to see the content's shape).
_MEASURE_ROWS = 200


def column_widths(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    available: float,
    font: str,
    head_font: str,
    size: float,
    padding: float,
    nowrap: frozenset[int] = frozenset(),
) -> list[float]:
    """Column widths that fit the content and fill ``available`` points.

    Each column wants the width of its longest line and needs at least the width
    of its longest word (bounded); the space is shared in proportion to the
    content, as a browser's automatic table layout does. Columns in ``nowrap``
    (phone numbers...) need their whole line where the width allows.
    """
    n = max(len(columns), max((len(r) for r in rows[:_MEASURE_ROWS]), default=0))
    if n == 0:
        return []
    floor = min(1.6 * 28.35, available / n)
    cap = available * 0.45
    want = [0.0] * n
    need = [0.0] * n
    for i, head in enumerate(columns):
        _measure(head, head_font, size, i, want, need)
    for row in rows[:_MEASURE_ROWS]:
        for i, cell in enumerate(row):
            _measure(cell, font, size, i, want, need)
    for i in nowrap:
        if i < n:
            need[i] = want[i]
    pad = 2 * padding + 1
    need = [min(max(x + pad, floor), cap) for x in need]
    want = [max(w + pad, need[i]) for i, w in enumerate(want)]
    sum_need, sum_want = sum(need), sum(want)
    if sum_want <= available:
        return [w * available / sum_want for w in want]
    if sum_need >= available:
        return [x * available / sum_need for x in need]
    spare = available - sum_need
    span = sum_want - sum_need
    return [need[i] + spare * (want[i] - need[i]) / span for i in range(n)]


def _measure(
    text: str, font: str, size: float, i: int, want: list[float], need: list[float]
) -> None:
    text = text[:2000]
    for line in text.splitlines() or [""]:
        w = stringWidth(line, font, size)
        if w > want[i]:
            want[i] = w
        for word in line.split()[:200]:
            ww = stringWidth(word, font, size) if len(word) > 3 else 0.0
            if ww > need[i]:
                need[i] = ww


def table_style(t: Theme, commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle whose default cell font is ours (ReportLab's default is Helvetica,
    which it would otherwise reference even when every cell holds a Paragraph)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), t.fonts.sans, t.table_size), *commands])


def _grid_style(t: Theme, header: bool, zebra_from: int) -> list[tuple[Any, ...]]:
    p = t.palette
    pad = t.cell_padding
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad + 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad + 1),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad + 1),
        ("LINEBELOW", (0, zebra_from), (-1, -1), 0.4, p.rule),
        ("ROWBACKGROUNDS", (0, zebra_from), (-1, -1), [colors.white, p.grey_light]),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), p.navy),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, p.navy),
        ]
    else:
        commands.append(("LINEABOVE", (0, 0), (-1, 0), 0.8, p.navy))
    return commands


def grid(
    head: list[Any] | None,
    body: list[list[Any]],
    widths: list[float],
    t: Theme,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled, zebra-striped table of flowable cells that splits between and inside rows."""
    data = ([head] if head is not None else []) + body
    table = Table(
        data,
        colWidths=widths,
        repeatRows=1 if head is not None else 0,
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(table_style(t, [*_grid_style(t, head is not None, 1 if head else 0), *extra]))
    return tag_table(table, header_rows=1 if head is not None else 0)


def rich_cell(text: str, style: ParagraphStyle, ctx: BlockContext, portion: str = "") -> Any:
    found = paragraphs(text, style, ctx, portion=portion)
    if not found:
        return plain_paragraph(portion, style) if portion else ""
    return found[0] if len(found) == 1 else found


def noted_row(cells: list[Any], marking: str, ctx: BlockContext) -> list[Any]:
    """A row whose every cell notes ``marking`` on the page(s) it is drawn on (unless
    its block notes that marking already)."""
    notes = ctx.marks.notes(marking)
    if not notes:
        return cells
    out: list[Any] = []
    for cell in cells:
        content = cell if isinstance(cell, list) else ([cell] if cell != "" else [])
        out.append([*ctx.marks.notes(marking), *content, *ctx.marks.notes(marking)])
    return out


def tallest_row(rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> float:
    """The height of the tallest row's content (each cell's flowables stacked): whether
    rows can stay whole on a page (``splitInRow=0``) or must split inside."""
    tallest = 0.0
    canvas = Canvas(io.BytesIO())  # lists lay out on a canvas; this one is never drawn on
    for row in rows:
        for cell, width in zip(row, widths, strict=False):
            parts = cell if isinstance(cell, list) else [cell] if isinstance(cell, Flowable) else []
            height = sum(
                part.wrapOn(canvas, width, 1e6)[1] + part.getSpaceAfter() for part in parts
            )
            tallest = max(tallest, height)
    return tallest


def fitted_widths(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    ctx: BlockContext,
    nowrap: frozenset[int] = frozenset(),
) -> list[float]:
    """:func:`column_widths` for the frame, in the theme's table font and cell padding."""
    t = ctx.theme
    return column_widths(
        columns,
        rows,
        ctx.frame_width,
        t.fonts.sans,
        t.fonts.sans_bold,
        t.table_size,
        t.cell_padding + 1,
        nowrap,
    )


#: The narrowest column a table is given: 1.4 cm holds a figure like "12,345" or a
#: short word a line in the 9-point table type, so A4 holds 11 columns. A table
#: with more columns is printed in column groups, one under the other, each
#: repeating the first column (the row's name) and captioned with the columns it
#: holds. 60 columns at their share of A4 would be 8 points wide, narrower than the
#: cell padding (ReportLab then failed the whole export), and smaller type or a
#: landscape page would still leave them unreadable.
MIN_COLUMN_WIDTH = 1.4 * 28.35


def columns_per_group(frame_width: float, padding: float) -> int:
    """How many columns one group of a wide table holds (the repeated first one included)."""
    narrowest = max(MIN_COLUMN_WIDTH, 2 * (padding + 1) + 6)
    return max(2, int(frame_width // narrowest))


def column_groups(n: int, per_group: int) -> list[list[int]]:
    """The column indexes of each group: all of them when they fit, else the first
    column followed by the next ``per_group - 1``."""
    if n <= per_group:
        return [list(range(n))]
    step = per_group - 1
    return [[0, *range(start, min(start + step, n))] for start in range(1, n, step)]


def table_block(block: m.TableBlock, ctx: BlockContext) -> list[Flowable]:
    """A table with a repeated header, wrapped cells and widths that fit the content;
    a table too wide for the page is printed in column groups (see
    :data:`MIN_COLUMN_WIDTH`)."""
    n = max(len(block.columns), max((len(r) for r in block.rows), default=0))
    if n == 0:
        return []
    columns = [*block.columns, *[""] * (n - len(block.columns))]
    rows = [[*r, *[""] * (n - len(r))] for r in block.rows]
    groups = column_groups(n, columns_per_group(ctx.frame_width, ctx.theme.cell_padding + 1))
    if len(groups) == 1:
        return _table(columns, rows, block.caption, block, ctx)
    found: list[Flowable] = []
    for group in groups:
        first, last = group[1] + 1, group[-1] + 1
        words = ctx.words
        part = (
            words("table_columns_one", first=first)
            if first == last
            else words("table_columns_range", first=first, last=last)
        )
        caption = (
            words("table_part", caption=block.caption.strip(), part=part, count=n)
            if block.caption.strip()
            else words("table_part_untitled", part=part, count=n)
        )
        found += _table(
            [columns[i] for i in group],
            [[row[i] for i in group] for row in rows],
            caption,
            block,
            ctx,
        )
    return found


def _table(
    columns: list[str],
    rows: list[list[str]],
    caption_text: str,
    block: m.TableBlock,
    ctx: BlockContext,
) -> list[Flowable]:
    """One grid of the table (all its columns, or one group of them); ``block`` gives
    the rows' markings."""
    t = ctx.theme
    n = len(columns)
    has_head = any(c.strip() for c in columns)
    widths = fitted_widths(columns if has_head else [], rows, ctx)
    cell, head_style = t.styles["cell"], t.styles["cell_head"]
    head = [plain_paragraph(c, head_style) for c in columns] if has_head else None
    marks = ctx.marks
    body = []
    for index, row in enumerate(rows):
        mark = marks.of(row_marking(block, index))
        cells = [
            rich_cell(c, cell, ctx, marks.prefix(mark) if k == 0 else "") for k, c in enumerate(row)
        ]
        body.append(noted_row(cells, mark, ctx))
    if not body:
        body = [[""] * n]
    found: list[Flowable] = []
    if caption_text.strip():
        text = marks.prefix(marks.current) + caption_text
        caption = Lead(plain_paragraph(text, t.styles["table_caption"]), ctx.frame_height)
        found.append(caption)
    table = grid(head, body, widths, t)
    if found:
        cast(Lead, found[0]).follow = table
    found.append(table)
    return found
