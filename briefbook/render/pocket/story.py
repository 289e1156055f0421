"""The pocket card's flowables: a card per day of the schedule, then the key points
(lists, tables, notes, and text where a section holds no list) and the contacts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from briefbook.core import model as m
from briefbook.core.text import clip
from briefbook.core.timezones import ZonePair, fallback_date
from briefbook.core.wording import Wording
from briefbook.render.blocks.if_asked import asked_line
from briefbook.render.blocks.schedule_times import (
    day_zones,
    time_flowables,
    undated_heading,
    zones_note,
)
from briefbook.render.flowables import TextParagraph
from briefbook.render.pocket.content import is_key_points, portion_prefixes, schedule_days
from briefbook.render.pocket.look import CardLook, card_styles, one_line
from briefbook.render.tagging.tables import tag_table
from briefbook.render.text import markup as tx
from briefbook.render.theme import Theme

_PRESS = {"open": "pocket_press_open", "closed": "pocket_press_closed", "pool": "pocket_press_pool"}


class CardStory:
    """Builds the card's flowables for one brief."""

    def __init__(
        self, brief: m.Brief, zones: ZonePair | None, theme: Theme, look: CardLook, width: float
    ) -> None:
        self.brief = brief
        self.zones = zones
        self.theme = theme
        self.look = look
        self.width = width
        self.st = card_styles(theme, look)
        self.fallback = fallback_date(brief)
        self.portions = portion_prefixes(brief)
        self.dated = True
        self.words = Wording.of(brief.meta)

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
        days = schedule_days(self.brief)
        self.dated = any(day is not None for day, _entries in days)
        zone = ""
        for index, (day, entries) in enumerate(days):
            if story:
                story.append(PageBreak())
            where, zone = day_zones(entries, self.zones, zone, self.fallback, self.words)
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
            story.append(self.para(self.words("pocket_empty"), "small"))
        return story

    # --- the schedule -------------------------------------------------------------------

    def day(
        self, day: dt.date | None, entries: list[m.ScheduleEntry], first: bool, where: str = ""
    ) -> list[Flowable]:
        """The day's entries under the day's name (and its time zone where that changes),
        which repeats on each card the day flows onto."""
        words = self.words
        title = (
            words.date(day, weekday=True)
            if day is not None
            else undated_heading(self.dated, words("date_to_be_confirmed"))
        )
        title = " · ".join(part for part in (title, where) if part)
        found: list[Flowable] = []
        if first and self.zones is not None:
            found += [self.para(zones_note(self.zones, words), "small"), Spacer(1, 4)]
        head = [[self.para(title, "day"), ""]] if title else []
        rows = [*head, *(self.entry_row(e) for e in entries)]
        table = Table(
            rows,
            colWidths=[self.look.time_width, self.width - self.look.time_width],
            repeatRows=len(head),
            splitByRow=1,
            splitInRow=0,
            hAlign="LEFT",
        )
        p = self.theme.palette
        h = len(head)  # the first entry's row
        style: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), self.theme.fonts.sans, self.look.text_size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (1, h), (1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, h), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, h), (-1, -1), 4),
            ("LINEBELOW", (0, h), (-1, -2), 0.4, p.rule),
        ]
        if head:
            style += [
                ("SPAN", (0, 0), (1, 0)),
                ("TOPPADDING", (0, 0), (-1, 0), 0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 1),
                ("LINEBELOW", (0, 0), (-1, 0), 0.9, p.navy),
            ]
        table.setStyle(TableStyle(style))
        return [*found, tag_table(table, header_rows=1 if head else 0)]

    def entry_row(self, entry: m.ScheduleEntry) -> list[Any]:
        time = time_flowables(
            entry,
            self.zones,
            self.st["time"],
            self.st["home"],
            self.fallback,
            self.words,
            self.words("time_to_be_confirmed"),
        )
        look = self.look
        title = self.portions.get(id(entry), "") + (clip(entry.title, look.max_title) or "—")
        what: list[Flowable] = [self.para(title, "title")]
        place = [clip(entry.place, look.max_title)] if entry.place.strip() else []
        if entry.press in _PRESS:
            place.append(self.words(_PRESS[entry.press]))
        if place:
            what.append(self.para(" · ".join(place), "place"))
        if entry.participants:
            names = ", ".join(one_line(n) for n in entry.participants if n.strip())
            what.append(
                TextParagraph(
                    f"<b>{tx.escape(self.words('pocket_with'))}</b> "
                    + tx.plain(clip(names, look.max_title)),
                    self.st["small"],
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
            heading = self.para(
                one_line(section.title) or self.words("pocket_key_points"), "heading"
            )
            found += [CondPageBreak(self.look.day_start), heading, *body, Spacer(1, 6)]
        return found

    def section_points(self, section: m.Section) -> list[Flowable]:
        lists = m.BulletsBlock | m.NumberedBlock | m.TalkingPointsBlock | m.IfAskedBlock
        has_list = any(isinstance(b, lists) for b in section.blocks)
        found: list[Flowable] = []
        for block in section.blocks:
            if isinstance(block, m.BulletsBlock | m.NumberedBlock):
                found += self.items(block.items, isinstance(block, m.NumberedBlock), 0)
            elif isinstance(block, m.TalkingPointsBlock):
                found.append(self.para(self.say("points_to_make"), "label"))
                found += self.items(block.items, False, 0)
            elif isinstance(block, m.IfAskedBlock):
                found += self.if_asked(block)
            elif isinstance(block, m.TableBlock):
                found += self.table(block)
            elif isinstance(block, m.NoteBlock):
                text = f"**{block.title}** {block.text}" if block.title.strip() else block.text
                found += self.marked(clip(text, self.look.max_text), "text")
            elif isinstance(block, m.TextBlock) and not has_list:
                found += self.marked(clip(block.text, self.look.max_text), "text")
        return found

    def say(self, key: str, **values: object) -> str:
        """One of briefbook's printed words in the brief's language."""
        return self.words(key, **values)

    def if_asked(self, block: m.IfAskedBlock) -> list[Flowable]:
        """Each defensive line: "If asked about …:" in bold, its answer beneath."""
        found: list[Flowable] = []
        for line in block.items:
            if not line.question.strip():
                continue
            lead = self.portions.get(id(line), "") + asked_line(line.question, self.say)
            lines: list[Flowable] = [self.para(lead, "asked")]
            lines += self.marked(clip(line.answer, self.look.max_point), "text")
            found.append(KeepTogether([*lines, Spacer(1, 2)]))
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
                found.append(self.para(self.words("pocket_more_rows", count=more), "small"))
            return found
        rows: list[list[Any]] = []
        if any(c.strip() for c in block.columns):
            rows.append(
                [
                    self.para(clip(c, look.max_cell), "cell_head")
                    for c in [*block.columns, *[""] * n][:n]
                ]
            )
        for row in shown:
            rows.append(
                [self.marked(clip(c, look.max_cell), "cell") or "" for c in [*row, *[""] * n][:n]]
            )
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
        found.append(
            tag_table(table, header_rows=1 if any(c.strip() for c in block.columns) else 0)
        )
        if more:
            found.append(self.para(self.words("pocket_more_rows", count=more), "small"))
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
        found: list[Flowable] = [self.para(self.words("pocket_contacts"), "heading")]
        for contact in people:
            line = "<b>" + tx.plain(one_line(contact.name)) + "</b>"
            if contact.role.strip():
                line += " · " + tx.plain(one_line(contact.role))
            lines: list[Paragraph] = [TextParagraph(line, self.st["text"])]
            reach = [one_line(x) for x in (contact.phone, contact.email) if x.strip()]
            if reach:
                lines.append(self.para(" · ".join(reach), "place"))
            found.append(KeepTogether([*lines, Spacer(1, 3)]))
        return found
