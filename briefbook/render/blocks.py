"""One function per block kind, each turning a block of the brief into flowables.

Every string from the brief goes through :mod:`briefbook.render.text` before a
Paragraph sees it. Tables use Paragraph cells (so long cells wrap), repeat their
header row on every page, and may split inside a row (so a row taller than a
page does not stop the layout).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from briefbook.core import model as m
from briefbook.core.timezones import ZonePair
from briefbook.errors import Problem
from briefbook.render import text as tx
from briefbook.render.dualtime import time_flowables, zones_note
from briefbook.render.flowables import Lead, PriorityTag, TextParagraph
from briefbook.render.formatting import format_date
from briefbook.render.images import ImageFailure, LoadedImage, load_image
from briefbook.render.theme import Theme

#: Rows measured when sizing table columns (enough to see the content's shape).
_MEASURE_ROWS = 200


@dataclass
class BlockContext:
    """What block functions need: the theme, the frame's size and a place for warnings."""

    theme: Theme
    frame_width: float
    frame_height: float
    base_dir: Path | None = None
    source: Path | None = None
    warnings: list[Problem] = field(default_factory=list)
    #: The place being rendered, in words (``section "Schedule", block 2 (table)``).
    where: str = ""
    images: dict[str, LoadedImage | ImageFailure] = field(default_factory=dict)
    #: Local and home time zones, when schedules print home times too.
    zones: ZonePair | None = None
    #: The day an undated schedule entry is taken to be on (for its home time).
    fallback_date: dt.date | None = None

    def warn(self, message: str) -> None:
        """Record a warning about the current place."""
        self.warnings.append(Problem(message, path=self.source, where=self.where))

    def image(self, path: str) -> LoadedImage | ImageFailure:
        """Load (once per render) and fully decode a picture of the brief."""
        if path not in self.images:
            self.images[path] = load_image(path, self.base_dir)
        return self.images[path]


# --- text ---------------------------------------------------------------------


def paragraphs(text: str, style: ParagraphStyle, ctx: BlockContext) -> list[Flowable]:
    """User text (with inline markup) as Paragraph flowables, one per paragraph."""
    link = ctx.theme.palette.link.hexval().replace("0x", "#")
    chunks = tx.paragraphs_markup(text, ctx.theme.max_paragraph_chars, link)
    return [safe_paragraph(chunk, style) for chunk in chunks]


def paragraph(text: str, style: ParagraphStyle, ctx: BlockContext) -> Paragraph:
    """User text as a single Paragraph (blank lines become line breaks)."""
    link = ctx.theme.palette.link.hexval().replace("0x", "#")
    chunks = tx.paragraphs_markup(text, ctx.theme.max_paragraph_chars, link)
    return safe_paragraph("<br/><br/>".join(chunks), style)


def plain_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """Text with no markup at all (names, places, numbers) as a Paragraph."""
    return safe_paragraph(tx.plain(text), style)


def safe_paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph from markup we produced; should ReportLab still refuse it,
    the text is printed fully escaped instead."""
    try:
        return TextParagraph(markup, style)
    except ValueError:
        return TextParagraph(tx.escape(markup), style)


def text_block(block: m.TextBlock, ctx: BlockContext) -> list[Flowable]:
    """Paragraphs of body text."""
    return paragraphs(block.text, ctx.theme.styles["body"], ctx)


# --- lists --------------------------------------------------------------------

_BULLETS = ("•", "–", "·")
_NUMBERS = ("1", "a", "i")


def _list(items: Sequence[m.ListItem], ctx: BlockContext, numbered: bool, depth: int) -> Flowable:
    t = ctx.theme
    style = t.styles["list"]
    entries: list[ListItem] = []
    for item in items:
        content: list[Flowable] = paragraphs(item.text, style, ctx) or [Paragraph("", style)]
        if item.items:
            content.append(_list(item.items, ctx, numbered, depth + 1))
        entries.append(ListItem(content))
    level = min(depth, 2)
    kwargs: dict[str, Any] = {
        "bulletFontName": t.fonts.sans,
        "bulletFontSize": t.body_size - (1 if numbered else 0),
        "bulletColor": t.palette.navy,
        "leftIndent": 16 if numbered else 13,
        "spaceBefore": 2 if depth else 0,
    }
    if numbered:
        kwargs.update(bulletType=_NUMBERS[level], bulletFormat="%s." if level == 0 else "%s)")
    else:
        kwargs.update(bulletType="bullet", start=_BULLETS[level])
    return ListFlowable(entries, **kwargs)


def bullets_block(block: m.BulletsBlock, ctx: BlockContext) -> list[Flowable]:
    """A bullet list, nested as typed."""
    return [_list(block.items, ctx, False, 0)] if block.items else []


def numbered_block(block: m.NumberedBlock, ctx: BlockContext) -> list[Flowable]:
    """A numbered list (1., a), i)), nested as typed."""
    return [_list(block.items, ctx, True, 0)] if block.items else []


# --- tables -------------------------------------------------------------------


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
    return table


def _cell(text: str, style: ParagraphStyle, ctx: BlockContext) -> Any:
    found = paragraphs(text, style, ctx)
    if not found:
        return ""
    return found[0] if len(found) == 1 else found


def table_block(block: m.TableBlock, ctx: BlockContext) -> list[Flowable]:
    """A table with a repeated header, wrapped cells and widths that fit the content."""
    t = ctx.theme
    n = max(len(block.columns), max((len(r) for r in block.rows), default=0))
    if n == 0:
        return []
    columns = [*block.columns, *[""] * (n - len(block.columns))]
    rows = [[*r, *[""] * (n - len(r))] for r in block.rows]
    has_head = any(c.strip() for c in columns)
    widths = column_widths(
        columns if has_head else [],
        rows,
        ctx.frame_width,
        t.fonts.sans,
        t.fonts.sans_bold,
        t.table_size,
        t.cell_padding + 1,
    )
    cell, head_style = t.styles["cell"], t.styles["cell_head"]
    head = [plain_paragraph(c, head_style) for c in columns] if has_head else None
    body = [[_cell(c, cell, ctx) for c in row] for row in rows]
    if not body:
        body = [[""] * n]
    found: list[Flowable] = []
    if block.caption.strip():
        caption = Lead(plain_paragraph(block.caption, t.styles["table_caption"]), ctx.frame_height)
        found.append(caption)
    table = grid(head, body, widths, t)
    if found:
        found[0].follow = table
    found.append(table)
    return found


# --- schedule -------------------------------------------------------------------

_PRESS_LABELS = {"open": "Open", "closed": "Closed", "pool": "Pool"}


def schedule_block(block: m.ScheduleBlock, ctx: BlockContext) -> list[Flowable]:
    """The programme as time tables, one per day, each under a day heading."""
    t = ctx.theme
    groups: dict[Any, list[m.ScheduleEntry]] = {}
    for entry in block.entries:
        groups.setdefault(entry.date, []).append(entry)
    time_w, press_w = 2.35 * 28.35, 1.75 * 28.35
    rest = ctx.frame_width - time_w - press_w
    widths = [time_w, rest * 0.64, rest * 0.36, press_w]
    st = t.styles
    head = [plain_paragraph(h, st["cell_head"]) for h in ("Time", "Activity", "Place", "Press")]
    found: list[Flowable] = []
    if ctx.zones is not None:
        found.append(plain_paragraph(zones_note(ctx.zones), st["caption"]))
    for day, entries in groups.items():
        title = format_date(day, weekday=True) if day is not None else "Date to be confirmed"
        day_title = Lead(plain_paragraph(title, st["day"]), ctx.frame_height)
        found.append(day_title)
        body = []
        for e in entries:
            activity: list[Flowable] = [plain_paragraph(e.title or "—", st["cell_bold"])]
            if e.participants:
                activity.append(
                    safe_paragraph(
                        "<b>With:</b> " + tx.plain(", ".join(e.participants)), st["cell_small"]
                    )
                )
            if e.notes.strip():
                activity.extend(paragraphs(e.notes, st["cell_small"], ctx))
            body.append(
                [
                    time_flowables(
                        e, ctx.zones, st["cell_bold"], st["cell_small"], ctx.fallback_date
                    ),
                    activity,
                    plain_paragraph(e.place, st["cell"]),
                    _press(e.press, ctx),
                ]
            )
        table = grid(head, body, widths, t)
        table.spaceAfter = t.gap_after_box
        day_title.follow = table
        found.append(table)
    return found


def _press(press: str, ctx: BlockContext) -> Any:
    if press not in _PRESS_LABELS:
        return ""
    p = ctx.theme.palette
    color = {"open": p.press_open, "closed": p.press_closed, "pool": p.medium}[press]
    return PriorityTag(_PRESS_LABELS[press].upper(), color, ctx.theme.fonts.sans_bold, 6.8)


# --- recommendations, people, contacts ----------------------------------------------


def recommendations_block(block: m.RecommendationsBlock, ctx: BlockContext) -> list[Flowable]:
    """Numbered recommendations with rationale, owner and a coloured priority tag."""
    if not block.items:
        return []
    t = ctx.theme
    st = t.styles
    p = t.palette
    no_w, prio_w = 0.9 * 28.35, 2.0 * 28.35
    has_owner = any(r.owner.strip() for r in block.items)
    owner_w = (ctx.frame_width - no_w - prio_w) * 0.24 if has_owner else 0.0
    main_w = ctx.frame_width - no_w - prio_w - owner_w
    headers = ["No.", "Recommendation", *(["Owner"] if has_owner else []), "Priority"]
    widths = [no_w, main_w, *([owner_w] if has_owner else []), prio_w]
    head = [plain_paragraph(h, st["cell_head"]) for h in headers]
    body = []
    colors_by_priority = {"high": p.high, "medium": p.medium, "low": p.low}
    for number, rec in enumerate(block.items, start=1):
        main: list[Flowable] = paragraphs(rec.text, st["cell_bold"], ctx) or [
            Paragraph("", st["cell"])
        ]
        if rec.rationale.strip():
            rationale = paragraphs(rec.rationale, st["cell_small"], ctx)
            if rationale:
                first = rationale[0]
                rationale[0] = safe_paragraph("<i>Rationale:</i> " + first.text, st["cell_small"])
            main.extend(rationale)
        tag: Any = ""
        if rec.priority in colors_by_priority:
            tag = PriorityTag(
                rec.priority.upper(), colors_by_priority[rec.priority], t.fonts.sans_bold
            )
        row = [plain_paragraph(f"{number}", st["cell_bold"]), main]
        if has_owner:
            row.append(plain_paragraph(rec.owner, st["cell"]))
        row.append(tag)
        body.append(row)
    return [grid(head, body, widths, t)]


def people_block(block: m.PeopleBlock, ctx: BlockContext) -> list[Flowable]:
    """Biographies: photo (if any), name, title, organisation, pronunciation, bio."""
    t = ctx.theme
    st = t.styles
    with_photos = any(person.photo.strip() for person in block.people)
    photo_w = t.photo_width
    gap = 10.0
    text_w = ctx.frame_width - (photo_w + gap if with_photos else 0)
    found: list[Flowable] = []
    for person in block.people:
        cells: list[Flowable] = [plain_paragraph(person.name or "—", st["person_name"])]
        role = ", ".join(x for x in (person.title.strip(), person.organisation.strip()) if x)
        if role:
            cells.append(plain_paragraph(role, st["person_line"]))
        if person.pronunciation.strip():
            cells.append(
                safe_paragraph(
                    "<i>Pronounced:</i> " + tx.plain(person.pronunciation), st["person_line"]
                )
            )
        if person.bio.strip():
            cells.append(Spacer(1, 3))
            cells.extend(paragraphs(person.bio, st["body"], ctx))
        row: list[Any] = [cells]
        widths = [text_w]
        if with_photos:
            row.insert(0, _photo(person.photo, photo_w, ctx) if person.photo.strip() else "")
            widths.insert(0, photo_w + gap)
        table = Table([row], colWidths=widths, splitByRow=1, splitInRow=1, hAlign="LEFT")
        table.setStyle(
            table_style(
                t,
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 7),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, t.palette.rule),
                ],
            )
        )
        found.append(table)
    return found


def _photo(path: str, width: float, ctx: BlockContext) -> Flowable:
    loaded = ctx.image(path)
    if isinstance(loaded, ImageFailure):
        ctx.warn(f"photo {path!r} left out: {loaded.reason}")
        return placeholder(path, loaded.reason, width, width * 1.2, ctx)
    height = width * loaded.height / loaded.width
    return picture(loaded, width, min(height, width * 1.6))


def contacts_block(block: m.ContactsBlock, ctx: BlockContext) -> list[Flowable]:
    """The contact sheet as a table; columns nobody filled in are left out."""
    if not block.contacts:
        return []
    t = ctx.theme
    st = t.styles
    fields = [
        ("Name", "name"),
        ("Role", "role"),
        ("Phone", "phone"),
        ("Email", "email"),
        ("Notes", "notes"),
    ]
    used = [
        (label, attr)
        for label, attr in fields
        if attr == "name" or any(getattr(c, attr).strip() for c in block.contacts)
    ]
    rows = [[getattr(c, attr) for _, attr in used] for c in block.contacts]
    widths = column_widths(
        [label for label, _ in used],
        rows,
        ctx.frame_width,
        t.fonts.sans,
        t.fonts.sans_bold,
        t.table_size,
        t.cell_padding + 1,
        nowrap=frozenset(k for k, (_, attr) in enumerate(used) if attr in ("phone", "email")),
    )
    head = [plain_paragraph(label, st["cell_head"]) for label, _ in used]
    body = []
    for c in block.contacts:
        row: list[Any] = []
        for _, attr in used:
            value = getattr(c, attr)
            if attr == "email" and _looks_like_email(value):
                address = tx.escape(tx.clean(value.strip()))
                link = ctx.theme.palette.link.hexval().replace("0x", "#")
                markup = f'<a href="mailto:{address}" color="{link}"><u>{address}</u></a>'
                row.append(safe_paragraph(markup, st["cell"]))
            elif attr == "phone":
                row.append(plain_paragraph(value.strip().replace(" ", "\u00a0"), st["cell"]))
            elif attr == "name":
                row.append(plain_paragraph(value, st["cell_bold"]))
            elif attr == "notes":
                row.append(_cell(value, st["cell"], ctx))
            else:
                row.append(plain_paragraph(value, st["cell"]))
        body.append(row)
    return [grid(head, body, widths, t)]


def _looks_like_email(value: str) -> bool:
    value = value.strip()
    return (
        value.count("@") == 1
        and not any(ch in value for ch in " []()<>\"'")
        and "." in value.split("@")[1]
    )


# --- images, notes, page breaks ----------------------------------------------------


def picture(loaded: LoadedImage, width: float, height: float) -> Image:
    import io

    return Image(io.BytesIO(loaded.data), width=width, height=height)


def placeholder(path: str, reason: str, width: float, height: float, ctx: BlockContext) -> Flowable:
    """A visible box standing in for a picture that could not be used, naming the file."""
    t = ctx.theme
    label = plain_paragraph(
        f"Image not available: {path or '(no file)'} — {reason}", t.styles["placeholder"]
    )
    table = Table([[label]], colWidths=[width], rowHeights=[height], hAlign="LEFT")
    table.setStyle(
        table_style(
            t,
            [
                ("BOX", (0, 0), (-1, -1), 0.8, t.palette.placeholder, None, (3, 2)),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fbf3f3")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ],
        )
    )
    return table


def image_block(block: m.ImageBlock, ctx: BlockContext) -> list[Flowable]:
    """A picture scaled to fit the frame, with its caption; a placeholder if it fails."""
    t = ctx.theme
    loaded = ctx.image(block.path)
    found: list[Flowable] = []
    if isinstance(loaded, ImageFailure):
        ctx.warn(f"image {block.path!r} left out: {loaded.reason}")
        found.append(placeholder(block.path, loaded.reason, ctx.frame_width, 3 * 28.35, ctx))
    else:
        width, height = loaded.natural_size(t.image_dpi)
        max_h = ctx.frame_height * 0.8
        scale = min(1.0, ctx.frame_width / width, max_h / height)
        image = picture(loaded, width * scale, height * scale)
        image.hAlign = "CENTER"
        found.append(image)
    if block.caption.strip():
        found.append(paragraph(block.caption, t.styles["image_caption"], ctx))
    return [KeepTogether(found)] if len(found) > 1 else found


_NOTE_LABELS = {"important": "Important", "warning": "Warning"}


def note_block(block: m.NoteBlock, ctx: BlockContext) -> list[Flowable]:
    """A boxed call-out with a coloured bar; its colour says info, important or warning."""
    t = ctx.theme
    p = t.palette
    color = {"important": p.important, "warning": p.warning}.get(block.style, p.info)
    title = block.title.strip() or _NOTE_LABELS.get(block.style, "")
    content: list[Flowable] = []
    if title:
        title_style = ParagraphStyle("note_title_c", parent=t.styles["note_title"], textColor=color)
        content.append(plain_paragraph(title, title_style))
    content.extend(paragraphs(block.text, t.styles["note"], ctx))
    if not content:
        return []
    tint = colors.Color(
        1 - (1 - color.red) * 0.08, 1 - (1 - color.green) * 0.08, 1 - (1 - color.blue) * 0.08
    )
    table = Table(
        [[content]], colWidths=[ctx.frame_width], splitByRow=1, splitInRow=1, hAlign="LEFT"
    )
    table.setStyle(
        table_style(
            t,
            [
                ("BACKGROUND", (0, 0), (-1, -1), tint),
                ("LINEBEFORE", (0, 0), (0, -1), 3, color),
                ("LEFTPADDING", (0, 0), (-1, -1), 11),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ],
        )
    )
    return [table]


def page_break_block(block: m.PageBreakBlock, ctx: BlockContext) -> list[Flowable]:
    """A forced page break."""
    return [PageBreak()]


_BUILDERS: dict[type, Callable[[Any, BlockContext], list[Flowable]]] = {
    m.TextBlock: text_block,
    m.BulletsBlock: bullets_block,
    m.NumberedBlock: numbered_block,
    m.TableBlock: table_block,
    m.ScheduleBlock: schedule_block,
    m.RecommendationsBlock: recommendations_block,
    m.PeopleBlock: people_block,
    m.ContactsBlock: contacts_block,
    m.ImageBlock: image_block,
    m.NoteBlock: note_block,
    m.PageBreakBlock: page_break_block,
}


def block_flowables(block: m.Block, ctx: BlockContext) -> list[Flowable]:
    """The flowables for any block kind (an unknown kind raises ``TypeError``)."""
    try:
        builder = _BUILDERS[type(block)]
    except KeyError:
        raise TypeError(f"unknown block kind {type(block).__name__}") from None
    return builder(block, ctx)
