"""One function per block kind, each turning a block of the brief into flowables.

Every string from the brief goes through :mod:`briefbook.render.text.markup` before a
Paragraph sees it. Tables and the contact sheet live in :mod:`.tables`, the
shared context and paragraph makers in :mod:`.context`; both are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
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
)

from briefbook.core import model as m
from briefbook.render.blocks.context import (
    BlockContext,
    paragraph,
    paragraphs,
    plain_paragraph,
    safe_paragraph,
)
from briefbook.render.blocks.schedule_times import day_zones, time_flowables, zones_note
from briefbook.render.blocks.table import (
    column_widths,
    contacts_block,
    grid,
    noted_row,
    table_block,
    table_style,
)
from briefbook.render.flowables import Lead, PriorityTag
from briefbook.render.formatting import format_date
from briefbook.render.pictures.loading import ImageFailure, LoadedImage
from briefbook.render.text import markup as tx

__all__ = [
    "BlockContext",
    "block_flowables",
    "column_widths",
    "grid",
    "paragraph",
    "paragraphs",
    "picture",
    "placeholder",
    "plain_paragraph",
    "safe_paragraph",
    "table_style",
]


def text_block(block: m.TextBlock, ctx: BlockContext) -> list[Flowable]:
    """Paragraphs of body text, each after the block's portion mark."""
    marks = ctx.marks
    return paragraphs(block.text, ctx.theme.styles["body"], ctx,
                      portion=marks.prefix(marks.current))


# --- lists --------------------------------------------------------------------

_BULLETS = ("•", "–", "·")
_NUMBERS = ("1", "a", "i")


def printed_items(items: Sequence[m.ListItem]) -> list[m.ListItem]:
    """The items that print: an empty item (one just added in the editor, say) prints no
    empty bullet; one that is empty but has sub-items keeps its place for them."""
    return [item for item in items if item.text.strip() or printed_items(item.items)]


def _list(items: Sequence[m.ListItem], ctx: BlockContext, numbered: bool, depth: int,
          container: str) -> Flowable:
    """A list whose items each print their portion mark and note their marking on the
    pages they land on (both ends of an item, as an item may run over a page)."""
    t = ctx.theme
    style = t.styles["list"]
    marks = ctx.marks
    entries: list[ListItem] = []
    for item in printed_items(items):
        mark = marks.of(item.marking, container)
        content: list[Flowable] = paragraphs(item.text, style, ctx, portion=marks.prefix(mark))
        content = content or [Paragraph(tx.escape(marks.prefix(mark)), style)]
        content[:0] = marks.notes(mark)
        if printed_items(item.items):
            content.append(_list(item.items, ctx, numbered, depth + 1, mark))
        content += marks.notes(mark)
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
    # The stubs' ListFlowable takes flowables only; ReportLab takes ListItems too.
    return ListFlowable(entries, **kwargs)  # type: ignore[arg-type]


def bullets_block(block: m.BulletsBlock, ctx: BlockContext) -> list[Flowable]:
    """A bullet list, nested as typed."""
    if not printed_items(block.items):
        return []
    return [_list(block.items, ctx, False, 0, ctx.marks.current)]


def numbered_block(block: m.NumberedBlock, ctx: BlockContext) -> list[Flowable]:
    """A numbered list (1., a), i)), nested as typed."""
    if not printed_items(block.items):
        return []
    return [_list(block.items, ctx, True, 0, ctx.marks.current)]


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
    zone = ""
    for day, entries in groups.items():
        title = format_date(day, weekday=True) if day is not None else "Date to be confirmed"
        where, zone = day_zones(entries, ctx.zones, zone, ctx.fallback_date)
        title = f"{title} · {where}" if where else title
        day_title = Lead(plain_paragraph(title, st["day"]), ctx.frame_height)
        found.append(day_title)
        body = []
        for e in entries:
            mark = ctx.marks.of(e.marking)
            title = ctx.marks.prefix(mark) + (e.title or "—")
            activity: list[Flowable] = [plain_paragraph(title, st["cell_bold"])]
            if e.participants:
                activity.append(
                    safe_paragraph(
                        "<b>With:</b> " + tx.plain(", ".join(e.participants)), st["cell_small"]
                    )
                )
            if e.notes.strip():
                activity.extend(paragraphs(e.notes, st["cell_small"], ctx))
            body.append(noted_row(
                [
                    time_flowables(
                        e, ctx.zones, st["cell_bold"], st["cell_small"], ctx.fallback_date
                    ),
                    activity,
                    plain_paragraph(e.place, st["cell"]),
                    _press(e.press, ctx),
                ], mark, ctx))
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


# --- recommendations, people ------------------------------------------------------


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
        portion = ctx.marks.prefix(ctx.marks.current)
        main: list[Flowable] = paragraphs(rec.text, st["cell_bold"], ctx, portion=portion) or [
            Paragraph(tx.escape(portion), st["cell"])
        ]
        if rec.rationale.strip():
            main.extend(paragraphs(rec.rationale, st["cell_small"], ctx, "<i>Rationale:</i> "))
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
        portion = ctx.marks.prefix(ctx.marks.current)
        cells: list[Flowable] = [plain_paragraph(portion + (person.name or "—"),
                                                 st["person_name"])]
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
            cells.extend(paragraphs(person.bio, st["body"], ctx, portion=portion))
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
    return picture(loaded, width, min(height, width * 1.6), ctx)


# --- images, notes, page breaks ----------------------------------------------------


def picture(loaded: LoadedImage, width: float, height: float, ctx: BlockContext) -> Image:
    """The picture printed ``width`` x ``height`` points, as the render's profile embeds it."""
    import io

    return Image(io.BytesIO(ctx.picture_data(loaded, width, height)), width=width,
                 height=height)


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
        image = picture(loaded, width * scale, height * scale, ctx)
        image.hAlign = "CENTER"
        found.append(image)
    if block.caption.strip():
        caption = ctx.marks.prefix(ctx.marks.current) + block.caption
        found.append(paragraph(caption, t.styles["image_caption"], ctx))
    return [KeepTogether(found)] if len(found) > 1 else found


_NOTE_LABELS = {"important": "Important", "warning": "Warning"}


def note_block(block: m.NoteBlock, ctx: BlockContext) -> list[Flowable]:
    """A boxed call-out with a coloured bar; its colour says info, important or warning."""
    t = ctx.theme
    p = t.palette
    color = {"important": p.important, "warning": p.warning}.get(block.style, p.info)
    title = block.title.strip() or _NOTE_LABELS.get(block.style, "")
    content: list[Flowable] = []
    portion = ctx.marks.prefix(ctx.marks.current)
    if title:
        title_style = ParagraphStyle("note_title_c", parent=t.styles["note_title"], textColor=color)
        content.append(plain_paragraph(portion + title, title_style))
    content.extend(paragraphs(block.text, t.styles["note"], ctx, portion=portion))
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
