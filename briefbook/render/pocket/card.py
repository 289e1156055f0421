"""The pocket card: the day-by-day schedule and the key points on A6 cards.

A small ReportLab document of its own (A6 portrait, 105 × 148 mm, one card per
page) sharing the dossier's fonts, colours and text escaping. Each day of the
schedule starts a new card and flows onto as many cards as it needs; the key
points and the contacts follow on cards of their own. Every card carries the
marking at the top and the bottom, the title, and "Card X of Y".

The key points are the sections titled "Key points" or "Talking points" (in any
case), and any section tagged ``pocket``: their lists, tables and notes print,
and their text when they hold no list.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A6
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from briefbook.core import model as m
from briefbook.core.distribution.editions import highest
from briefbook.core.markings import effective, scheme_of, section_marking, section_markings
from briefbook.core.safety.atomic import write_atomic
from briefbook.core.safety.filemodes import export_limit
from briefbook.core.text import clip
from briefbook.core.timezones import ZonePair, fallback_date, schedule_zones
from briefbook.errors import BriefbookError, Problem, RenderError
from briefbook.render.api import ExportResult, RenderResult
from briefbook.render.blocks.schedule_times import day_zones, time_flowables, zones_note
from briefbook.render.dossier.pages import draw_banner
from briefbook.render.dossier.story import one_line as _one_line
from briefbook.render.flowables import TextParagraph
from briefbook.render.formatting import format_date, format_range
from briefbook.render.text import markup as tx
from briefbook.render.text.canvas import draw_text, text_width
from briefbook.render.text.scripts import missing_message, report_missing
from briefbook.render.theme import DEFAULT_THEME, Theme, register_fonts
from briefbook.render.version import creator

#: The card's page: A6 portrait, in points.
CARD_SIZE: tuple[float, float] = A6

_PRESS = {"open": "press open", "closed": "closed to press", "pool": "press pool"}
_KEY_TITLES = ("key point", "talking point")


@dataclass(frozen=True)
class CardLook:
    """Every measure of the card, in points: type stays readable on the move (≥ 7 pt)."""

    margin_x: float = 7.5 * mm
    margin_top: float = 15 * mm
    margin_bottom: float = 13 * mm
    marking_inset: float = 4.2 * mm
    header_inset: float = 9.5 * mm
    #: The banner: never smaller than the card's text (``text_size``).
    marking_size: float = 9.0
    running_size: float = 7.0
    day_size: float = 10.5
    time_size: float = 9.0
    title_size: float = 9.0
    text_size: float = 8.5
    small_size: float = 7.5
    time_width: float = 21 * mm
    #: Longer titles, names and notes are cut on the card (an entry never outgrows a card).
    max_title: int = 160
    max_notes: int = 280
    #: ... and so are key points: a list item, a text block, a table cell, a table's rows.
    max_point: int = 400
    max_text: int = 1200
    max_cell: int = 160
    max_rows: int = 40
    #: Wider tables print each row as one line.
    max_columns: int = 4
    #: Room a heading needs below it (so it never ends a card alone).
    day_start: float = 22 * mm


@dataclass
class PocketOptions:
    """How to make the card. ``home_times=None``: as the brief says (home zone set)."""

    reproducible: bool = False
    home_times: bool | None = None
    #: Write over a read-only file (the user said so).
    replace_read_only: bool = False


@dataclass(frozen=True)
class _Running:
    title: str
    dates: str
    footer: str
    marking: str


def _styles(theme: Theme, look: CardLook) -> dict[str, ParagraphStyle]:
    f, p = theme.fonts, theme.palette
    base = ParagraphStyle(
        "card",
        fontName=f.sans,
        fontSize=look.text_size,
        leading=look.text_size * 1.28,
        textColor=p.ink,
        splitLongWords=1,
    )

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    small = look.small_size
    return {
        "text": base,
        "day": style(
            "day",
            fontName=f.sans_bold,
            fontSize=look.day_size,
            leading=look.day_size * 1.25,
            textColor=p.navy,
            spaceBefore=2,
            spaceAfter=3,
        ),
        "heading": style(
            "heading",
            fontName=f.sans_bold,
            fontSize=look.day_size,
            leading=look.day_size * 1.25,
            textColor=p.navy,
            spaceAfter=3,
        ),
        "time": style(
            "time", fontName=f.sans_bold, fontSize=look.time_size, leading=look.time_size * 1.2
        ),
        "home": style("home", fontSize=small, leading=small * 1.2, textColor=p.grey),
        "title": style(
            "title", fontName=f.sans_bold, fontSize=look.title_size, leading=look.title_size * 1.2
        ),
        "place": style("place", fontSize=small + 0.5, leading=(small + 0.5) * 1.25),
        "small": style("small", fontSize=small, leading=small * 1.25, textColor=p.grey),
        "note": style(
            "note", fontName=f.sans_italic, fontSize=small, leading=small * 1.25, textColor=p.grey
        ),
        "bullet": style("bullet", leftIndent=9, bulletIndent=0, spaceAfter=2.5),
        "bullet2": style("bullet2", leftIndent=18, bulletIndent=9, spaceAfter=2),
        "cell": style("cell", fontSize=small, leading=small * 1.22),
        "cell_head": style(
            "cell_head",
            fontName=f.sans_bold,
            fontSize=small,
            leading=small * 1.22,
            textColor=p.navy,
        ),
        "caption": style(
            "caption",
            fontName=f.sans_italic,
            fontSize=small,
            leading=small * 1.25,
            textColor=p.grey,
            spaceBefore=3,
            spaceAfter=2,
        ),
    }


# --- what the card holds --------------------------------------------------------------


def is_key_points(section: m.Section) -> bool:
    """Whether a section's content belongs on the card's key-points side."""
    title = section.title.casefold()
    return any(word in title for word in _KEY_TITLES) or "pocket" in (
        tag.strip().casefold() for tag in section.tags
    )


def _days(brief: m.Brief) -> list[tuple[dt.date | None, list[m.ScheduleEntry]]]:
    """Every schedule entry grouped by day, days in order (undated ones last), each
    day's entries by time (entries with no time at the end of their day)."""
    groups: dict[dt.date | None, list[m.ScheduleEntry]] = {}
    for _, section in brief.walk_sections():
        for block in section.blocks:
            if isinstance(block, m.ScheduleBlock):
                for entry in block.entries:
                    groups.setdefault(entry.date, []).append(entry)
    for entries in groups.values():
        entries.sort(key=lambda e: e.time or e.end or dt.time.max)
    found: list[tuple[dt.date | None, list[m.ScheduleEntry]]] = [
        (day, groups[day]) for day in sorted(d for d in groups if d is not None)]
    if None in groups:
        found.append((None, groups[None]))
    return found


def _card_marking(brief: m.Brief) -> str:
    """The highest marking of what the card shows: the schedule and the key points."""
    found = [brief.meta.marking]
    for section in brief.sections:
        parts = [(section, None), *((sub, section) for sub in section.subsections)]
        for part, parent in parts:
            shown = (
                is_key_points(part)
                or (parent is not None and is_key_points(parent))
                or any(isinstance(b, m.ScheduleBlock | m.ContactsBlock) for b in part.blocks)
            )
            if shown:
                found.extend(section_markings(brief, part, parent, subsections=False))
    return highest(brief, found)


def portion_prefixes(brief: m.Brief) -> dict[int, str]:
    """The portion mark printed before each schedule entry and list item of the card
    ("(S) "), by the object's id; empty when the brief prints no portion marks."""
    if not brief.meta.portion_marks:
        return {}
    scheme = scheme_of(brief)
    found: dict[int, str] = {}

    def items(entries: list[m.ListItem], container: str) -> None:
        for item in entries:
            mark = effective(item.marking, container)
            found[id(item)] = scheme.portion(mark) + " " if mark else ""
            items(item.items, mark)

    for section in brief.sections:
        for part, parent in ((section, None), *((sub, section) for sub in section.subsections)):
            section_mark = section_marking(brief, part, parent)
            for block in part.blocks:
                mark = effective(getattr(block, "marking", ""), section_mark)
                if isinstance(block, m.ScheduleBlock):
                    for entry in block.entries:
                        own = effective(entry.marking, mark)
                        found[id(entry)] = scheme.portion(own) + " " if own else ""
                elif isinstance(block, m.BulletsBlock | m.NumberedBlock):
                    items(block.items, mark)
    return found


# --- the story --------------------------------------------------------------------------


class _Story:
    """Builds the card's flowables for one brief."""

    def __init__(
        self, brief: m.Brief, zones: ZonePair | None, theme: Theme, look: CardLook, width: float
    ) -> None:
        self.brief = brief
        self.zones = zones
        self.theme = theme
        self.look = look
        self.width = width
        self.st = _styles(theme, look)
        self.fallback = fallback_date(brief)
        self.portions = portion_prefixes(brief)

    def para(self, text: str, style: str) -> Paragraph:
        return TextParagraph(tx.plain(text), self.st[style])

    def marked(self, text: str, style: str) -> list[Paragraph]:
        """User text with its inline markup (bold, italic, links), one per paragraph."""
        link = self.theme.palette.link.hexval().replace("0x", "#")
        return [
            TextParagraph(chunk, self.st[style]) for chunk in tx.paragraphs_markup(text, 3000, link)
        ]

    def build(self) -> list[Flowable]:
        story: list[Flowable] = []
        days = _days(self.brief)
        zone = ""
        for index, (day, entries) in enumerate(days):
            if story:
                story.append(PageBreak())
            where, zone = day_zones(entries, self.zones, zone, self.fallback)
            story += self.day(day, entries, first=index == 0, where=where)
        key_points = self.key_points()
        if key_points:
            if story:
                story.append(PageBreak())
            story += key_points
        contacts = self.contacts()
        if contacts:
            if story:
                story.append(CondPageBreak(self.look.day_start * 1.5))
                story.append(Spacer(1, 6))
            story += contacts
        if not story:
            story.append(self.para("This brief has no schedule and no key points yet.", "small"))
        return story

    # --- the schedule -------------------------------------------------------------------

    def day(
        self, day: dt.date | None, entries: list[m.ScheduleEntry], first: bool, where: str = ""
    ) -> list[Flowable]:
        """The day's entries under the day's name (and its time zone where that changes),
        which repeats on each card the day flows onto."""
        title = format_date(day, weekday=True) if day is not None else "Date to be confirmed"
        title = f"{title} · {where}" if where else title
        found: list[Flowable] = []
        if first and self.zones is not None:
            found += [self.para(zones_note(self.zones), "small"), Spacer(1, 4)]
        rows = [[self.para(title, "day"), ""], *(self.entry_row(e) for e in entries)]
        table = Table(
            rows,
            colWidths=[self.look.time_width, self.width - self.look.time_width],
            repeatRows=1,
            splitByRow=1,
            splitInRow=0,
            hAlign="LEFT",
        )
        p = self.theme.palette
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), self.theme.fonts.sans, self.look.text_size),
                    ("SPAN", (0, 0), (1, 0)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("LEFTPADDING", (1, 1), (1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, 0), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, 0), 1),
                    ("TOPPADDING", (0, 1), (-1, -1), 3.5),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.9, p.navy),
                    ("LINEBELOW", (0, 1), (-1, -2), 0.4, p.rule),
                ]
            )
        )
        return [*found, table]

    def entry_row(self, entry: m.ScheduleEntry) -> list[Any]:
        time = time_flowables(entry, self.zones, self.st["time"], self.st["home"], self.fallback)
        look = self.look
        title = self.portions.get(id(entry), "") + (clip(entry.title, look.max_title) or "—")
        what: list[Flowable] = [self.para(title, "title")]
        place = [clip(entry.place, look.max_title)] if entry.place.strip() else []
        if entry.press in _PRESS:
            place.append(_PRESS[entry.press])
        if place:
            what.append(self.para(" · ".join(place), "place"))
        if entry.participants:
            names = ", ".join(_one_line(n) for n in entry.participants if n.strip())
            what.append(
                TextParagraph(
                    "<b>With</b> " + tx.plain(clip(names, look.max_title)), self.st["small"]
                )
            )
        if entry.notes.strip():
            what.extend(self.marked(clip(entry.notes, look.max_notes), "note"))
        return [time, what]

    # --- key points and contacts --------------------------------------------------------

    def key_points(self) -> list[Flowable]:
        found: list[Flowable] = []
        for _, section in self.brief.walk_sections():
            if not is_key_points(section):
                continue
            body = self.section_points(section)
            if not body:
                continue
            heading = self.para(_one_line(section.title) or "Key points", "heading")
            found += [CondPageBreak(self.look.day_start), heading, *body, Spacer(1, 6)]
        return found

    def section_points(self, section: m.Section) -> list[Flowable]:
        has_list = any(isinstance(b, m.BulletsBlock | m.NumberedBlock) for b in section.blocks)
        found: list[Flowable] = []
        for block in section.blocks:
            if isinstance(block, m.BulletsBlock | m.NumberedBlock):
                found += self.items(block.items, isinstance(block, m.NumberedBlock), 0)
            elif isinstance(block, m.TableBlock):
                found += self.table(block)
            elif isinstance(block, m.NoteBlock):
                text = f"**{block.title}** {block.text}" if block.title.strip() else block.text
                found += self.marked(clip(text, self.look.max_text), "text")
            elif isinstance(block, m.TextBlock) and not has_list:
                found += self.marked(clip(block.text, self.look.max_text), "text")
        return found

    def items(self, items: list[m.ListItem], numbered: bool, depth: int) -> list[Flowable]:
        found: list[Flowable] = []
        style = "bullet" if depth == 0 else "bullet2"
        for number, item in enumerate(items, start=1):
            bullet = f"{number}." if numbered and depth == 0 else ("•" if depth == 0 else "–")
            text = self.portions.get(id(item), "") + clip(item.text, self.look.max_point)
            chunks = self.marked(text, style) or [TextParagraph("", self.st[style])]
            first = chunks[0]
            found.append(TextParagraph(first.text, self.st[style], bulletText=bullet))
            found += chunks[1:]
            if item.items and depth < 1:
                found += self.items(item.items, numbered, depth + 1)
        return found

    def table(self, block: m.TableBlock) -> list[Flowable]:
        n = max(len(block.columns), max((len(r) for r in block.rows), default=0))
        if n == 0 or not block.rows:
            return []
        found: list[Flowable] = []
        if block.caption.strip():
            found.append(self.para(block.caption, "caption"))
        look = self.look
        shown = block.rows[: look.max_rows]
        more = len(block.rows) - len(shown)
        if n > look.max_columns:
            for row in shown:
                line = " — ".join(clip(cell, look.max_cell) for cell in row if cell.strip())
                found += self.marked(line, "cell")
            if more:
                found.append(self.para(f"… and {more} more rows in the dossier", "small"))
            return found
        rows: list[list[Any]] = []
        if any(c.strip() for c in block.columns):
            rows.append([self.para(clip(c, look.max_cell), "cell_head")
                         for c in [*block.columns, *[""] * n][:n]])
        for row in shown:
            rows.append([self.marked(clip(c, look.max_cell), "cell") or ""
                         for c in [*row, *[""] * n][:n]])
        table = Table(
            rows,
            colWidths=[self.width / n] * n,
            repeatRows=1 if len(rows) > 1 else 0,
            splitByRow=1,
            splitInRow=1,
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), self.theme.fonts.sans, self.look.small_size),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, self.theme.palette.rule),
                ]
            )
        )
        found.append(table)
        if more:
            found.append(self.para(f"… and {more} more rows in the dossier", "small"))
        found.append(Spacer(1, 4))
        return found

    def contacts(self) -> list[Flowable]:
        people: list[m.Contact] = []
        for _, section in self.brief.walk_sections():
            for block in section.blocks:
                if isinstance(block, m.ContactsBlock):
                    people += [c for c in block.contacts if c.name.strip()]
        if not people:
            return []
        found: list[Flowable] = [self.para("Contacts", "heading")]
        for contact in people:
            line = "<b>" + tx.plain(_one_line(contact.name)) + "</b>"
            if contact.role.strip():
                line += " · " + tx.plain(_one_line(contact.role))
            lines: list[Flowable] = [TextParagraph(line, self.st["text"])]
            reach = [_one_line(x) for x in (contact.phone, contact.email) if x.strip()]
            if reach:
                lines.append(self.para(" · ".join(reach), "place"))
            found.append(KeepTogether([*lines, Spacer(1, 3)]))
        return found


# --- the document -----------------------------------------------------------------------


def _canvas_class(running: _Running, theme: Theme, look: CardLook) -> type[Canvas]:
    """A canvas that holds its pages back until the end, to print "Card X of Y"."""

    class CardCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pending: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pending.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # private, not in the stubs

        def save(self) -> None:
            total = len(self._pending)
            for number, state in enumerate(self._pending, start=1):
                self.__dict__.update(state)
                _furniture(self, running, theme, look, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return CardCanvas


def _fit(canv: Canvas, text: str, font: str, size: float, width: float) -> str:
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _furniture(
    canv: Canvas, running: _Running, theme: Theme, look: CardLook, number: int, total: int
) -> None:
    """Marking top and bottom, the title and dates, the footer and "Card X of Y"."""
    width, height = CARD_SIZE
    f, p = theme.fonts, theme.palette
    left, right = look.margin_x, width - look.margin_x
    canv.saveState()
    if running.marking:
        for baseline in (height - look.marking_inset - look.marking_size * 0.7,
                         look.marking_inset):
            draw_banner(canv, theme, running.marking, width / 2, baseline, look.marking_size,
                        right - left)
    size = look.running_size
    y = height - look.header_inset - size
    canv.setFillColor(p.navy)
    dates_w = text_width(running.dates, f.sans, size)
    canv.setFont(f.sans_bold, size)
    draw_text(
        canv, left, y, _fit(canv, running.title, f.sans_bold, size, right - left - dates_w - 8)
    )
    canv.setFont(f.sans, size)
    canv.setFillColor(p.grey)
    draw_text(canv, right, y, running.dates, "right")
    canv.setStrokeColor(p.navy)
    canv.setLineWidth(0.6)
    canv.line(left, y - 3.5, right, y - 3.5)
    foot_y = look.margin_bottom - 3.5 * mm - size
    canv.setStrokeColor(p.rule)
    canv.setLineWidth(0.4)
    canv.line(left, foot_y + size + 2.5, right, foot_y + size + 2.5)
    canv.setFont(f.sans, size)
    canv.setFillColor(p.grey)
    card = f"Card {number} of {total}"
    canv.drawRightString(right, foot_y, card)
    draw_text(
        canv,
        left,
        foot_y,
        _fit(
            canv,
            running.footer,
            f.sans,
            size,
            right - left - canv.stringWidth(card, f.sans, size) - 8,
        ),
    )
    canv.restoreState()


def _running(brief: m.Brief) -> _Running:
    meta = brief.meta
    parts = []
    if meta.version.strip():
        parts.append(f"Version {_one_line(meta.version)}")
    if meta.status != "final":
        parts.append("DRAFT")
    if meta.subtitle.startswith("Personal itinerary"):
        parts.append(_one_line(meta.subtitle))
    return _Running(
        title=_one_line(meta.title) or "Untitled brief",
        dates=format_range(meta.dates),
        footer=" · ".join(parts),
        marking=_one_line(_card_marking(brief)),
    )


def render_pocket_card(
    brief: m.Brief,
    options: PocketOptions | None = None,
    theme: Theme = DEFAULT_THEME,
    look: CardLook = CardLook(),
) -> RenderResult:
    """Lay out the pocket cards and return the PDF. Raises :class:`RenderError`
    (or a :class:`BriefbookError` for an unknown time zone)."""
    options = options or PocketOptions()
    register_fonts()
    zones = schedule_zones(brief, options.home_times is not False)
    width, height = CARD_SIZE
    frame_w = width - 2 * look.margin_x
    missing: list[str] = []

    def missing_glyph(ch: str) -> None:
        if ch not in missing:
            missing.append(ch)

    with report_missing(missing_glyph):
        story = _Story(brief, zones, theme, look, frame_w).build()
    reproducible = options.reproducible or bool(os.environ.get("SOURCE_DATE_EPOCH", "").strip())
    buffer = io.BytesIO()
    meta = brief.meta
    doc = BaseDocTemplate(
        buffer,
        pagesize=CARD_SIZE,
        leftMargin=look.margin_x,
        rightMargin=look.margin_x,
        topMargin=look.margin_top,
        bottomMargin=look.margin_bottom,
        invariant=1 if reproducible else 0,
        initialFontName=theme.fonts.sans,
        title=f"{_one_line(meta.title) or 'Untitled brief'} — pocket card",
        author=", ".join(
            x for x in (_one_line(meta.prepared_by), _one_line(meta.organisation)) if x
        ),
        subject="Pocket card: schedule and key points",
        creator=creator(),
    )
    frame = Frame(
        look.margin_x,
        look.margin_bottom,
        frame_w,
        height - look.margin_top - look.margin_bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="card",
    )
    doc.addPageTemplates([PageTemplate(id="card", frames=[frame], pagesize=CARD_SIZE)])
    try:
        with report_missing(missing_glyph):
            doc.build(story, canvasmaker=_canvas_class(_running(brief), theme, look))
    except BriefbookError:
        raise
    except LayoutError as exc:
        raise RenderError(f"the pocket card layout failed: {exc}"[:300]) from None
    except Exception as exc:
        raise RenderError(
            f"the pocket card layout failed ({type(exc).__name__}: {exc})"[:300],
        ) from exc
    warnings = [Problem(missing_message(ch), path=brief.source, where="pocket card")
                for ch in missing]
    return RenderResult(pdf=buffer.getvalue(), page_count=doc.page, warnings=warnings)


def export_pocket_card(
    brief: m.Brief, path: Path | str, options: PocketOptions | None = None
) -> ExportResult:
    """Render the pocket cards and write them atomically to ``path``."""
    result = render_pocket_card(brief, options)
    target = Path(path)
    write_atomic(target, result.pdf, limit=export_limit(brief.source),
                 replace_read_only=options is not None and options.replace_read_only)
    return ExportResult(pdf=result.pdf, page_count=result.page_count,
                        warnings=result.warnings, path=target)
