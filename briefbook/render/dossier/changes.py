"""The "Changes since version N" page of the dossier.

Lays out a :class:`briefbook.core.compare.diff.BriefDiff`: a short introduction, then
one group per part of the brief (the cover facts, the sections, the schedule,
each section's content), each change on a line with a coloured tag (ADDED,
REMOVED, CANCELLED, MOVED, RE-TIMED, RENAMED, CHANGED). Changed words are
shown compactly: removed words struck through, added words underlined.

Every string comes from the brief and is escaped here before ReportLab sees it.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from briefbook.core.compare.diff import BriefDiff, Change
from briefbook.core.compare.words import Segment
from briefbook.core.text import counted, one_line
from briefbook.render.blocks.context import BlockContext
from briefbook.render.dossier.pagenumbers import PageNumbers
from briefbook.render.dossier.tags import tag
from briefbook.render.flowables import Heading, Lead, TextParagraph, TocEntry
from briefbook.render.tagging.roles import Role, set_role
from briefbook.render.tagging.tables import tag_table
from briefbook.render.text import markup as tx
from briefbook.render.theme import Theme

#: The outline and contents key of the changes page.
CHANGES_KEY = "changes"
_TAG_WIDTH = 58.0


def _hex(color: Color) -> str:
    return color.hexval().replace("0x", "#")


def tag_color(tag: str, theme: Theme) -> Color:
    """The colour of a change's tag: green added, red gone, amber moved, navy changed."""
    p = theme.palette
    return {
        "ADDED": p.press_open,
        "REMOVED": p.high,
        "CANCELLED": p.high,
        "MOVED": p.medium,
        "RE-TIMED": p.medium,
        "RENAMED": p.medium,
    }.get(tag, p.navy)


class ChangeTag(Flowable):
    """A small coloured label such as RE-TIMED."""

    def __init__(self, text: str, color: Color, font: str, size: float = 6.6) -> None:
        super().__init__()
        self.text, self.color, self.font, self.size = text, color, font, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = min(availWidth, stringWidth(self.text, self.font, self.size) + 8)
        self.height = self.size + 5
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.color)
        canv.roundRect(0, 0, self.width, self.height, 2, stroke=0, fill=1)
        canv.setFillColor(white)
        canv.setFont(self.font, self.size)
        canv.drawCentredString(self.width / 2, 2.9, self.text)
        canv.restoreState()


def words_markup(segments: tuple[Segment, ...], theme: Theme) -> str:
    """Segments as paragraph markup: removed words struck out in red, added ones
    underlined in green, gaps as an ellipsis."""
    removed, added = _hex(theme.palette.high), _hex(theme.palette.press_open)
    out: list[str] = []
    previous = ""
    for segment in segments:
        text = tx.plain(segment.text)
        if segment.kind == "added" and previous == "removed":
            out.append(" ")  # struck-out and new words side by side stay apart
        if segment.kind == "removed":
            out.append(f'<font color="{removed}"><strike>{text}</strike></font>')
        elif segment.kind == "added":
            out.append(f'<font color="{added}"><u>{text}</u></font>')
        elif segment.kind == "gap":
            out.append(f'<font color="{_hex(theme.palette.grey)}">…</font>')
        else:
            out.append(text)
        previous = segment.kind
    return "".join(out)


def _styles(theme: Theme) -> dict[str, ParagraphStyle]:
    st = theme.styles
    return {
        "intro": ParagraphStyle("changes_intro", parent=st["body"], spaceAfter=8),
        "group": ParagraphStyle("changes_group", parent=st["h3"], spaceBefore=10, spaceAfter=3),
        "line": ParagraphStyle("changes_line", parent=st["cell"]),
        "words": ParagraphStyle("changes_words", parent=st["cell"], leftIndent=0,
                                textColor=theme.palette.ink, spaceBefore=1),
        "empty": ParagraphStyle("changes_empty", parent=st["body"],
                                textColor=theme.palette.grey),
    }


def introduction(diff: BriefDiff) -> str:
    """The sentence under the heading (plain text): what was compared, how much changed."""
    version = one_line(diff.old_version)
    if diff.old_name:
        source = f"“{diff.old_name}”"
        against = f"{source} (version {version})" if version else source
    else:  # an edition's page: named by its version only (see core/compare/edition_changes.py)
        against = f"version {version}" if version else "the earlier version"
    if not diff:
        return f"Compared with {against}: nothing has changed."
    parts = []
    for label, prefixes in (("to the sections", ("section_",)),
                            ("to the schedule", ("entry_",)),
                            ("to tables", ("table_", "row_")),
                            ("to the text", ("text_",)),
                            ("to the cover", ("meta_",))):
        count = diff.count(*prefixes)
        if count:
            parts.append(f"{count} {label}")
    total = len(diff.changes)
    return (f"Compared with {against}: {counted(total, 'change')} "
            f"({', '.join(parts)}).")


def _line(change: Change, styles: dict[str, ParagraphStyle], theme: Theme) -> list[Flowable]:
    found: list[Flowable] = [TextParagraph(tx.plain(change.summary), styles["line"])]
    if change.words:
        found.append(TextParagraph(words_markup(change.words, theme), styles["words"]))
    return found


def changes_flowables(diff: BriefDiff, theme: Theme, width: float,
                      frame_height: float) -> list[Flowable]:
    """The page's content below its heading: the introduction and every change."""
    styles = _styles(theme)
    found: list[Flowable] = [TextParagraph(tx.plain(introduction(diff)), styles["intro"])]
    p = theme.palette
    for group, changes in diff.groups():
        title = Lead(TextParagraph(tx.plain(group), styles["group"]), frame_height)
        rows: list[list[Any]] = []
        for change in changes:
            tag = ChangeTag(change.tag, tag_color(change.tag, theme), theme.fonts.sans_bold)
            rows.append([tag, _line(change, styles, theme)])
        table = Table(rows, colWidths=[_TAG_WIDTH, width - _TAG_WIDTH], splitByRow=1,
                      splitInRow=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), theme.fonts.sans, theme.table_size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (1, 0), (1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, p.rule),
        ]))
        title.follow = table
        set_role(title, Role("H2"))
        found += [title, tag_table(table, row_headers=True)]
    return found


def changes_section(diff: BriefDiff, ctx: BlockContext, numbers: PageNumbers,
                    marking: str = "") -> list[Flowable]:
    """The changes page as the dossier lays it out: on a new page, with a heading that
    is in the outline and the contents (key :data:`CHANGES_KEY`)."""
    t = ctx.theme
    heading = Heading(TextParagraph(tx.plain(diff.title), t.styles["h1"]), ctx.frame_height,
                      key=CHANGES_KEY, outline_title=diff.title, level=0, numbers=numbers)
    found: list[Flowable] = [PageBreakIfNotEmpty(), heading,
                             *changes_flowables(diff, t, ctx.frame_width, ctx.frame_height)]
    heading.follow = found[2]
    for flowable in found:
        tag(flowable, where="the changes page", mark=marking)
    return found


def changes_toc_entry(diff: BriefDiff, ctx: BlockContext, numbers: PageNumbers) -> Flowable:
    """The contents line of the changes page (unnumbered, linked, with its page)."""
    t = ctx.theme
    style = ParagraphStyle("toc_changes", parent=t.styles["toc1"], leftIndent=t.toc_label_width)
    return TocEntry(TextParagraph(tx.plain(diff.title), style), CHANGES_KEY, label="",
                    label_x=0, number_width=t.toc_number_width,
                    leader_color=t.palette.rule, numbers=numbers)
