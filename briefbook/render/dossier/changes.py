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

from briefbook.core.compare.changes import COVER_GROUP, SCHEDULE_GROUP, SECTIONS_GROUP
from briefbook.core.compare.diff import BriefDiff, Change
from briefbook.core.compare.words import Segment
from briefbook.core.text import one_line
from briefbook.core.wording import ENGLISH, Wording
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
        "words": ParagraphStyle(
            "changes_words",
            parent=st["cell"],
            leftIndent=0,
            textColor=theme.palette.ink,
            spaceBefore=1,
        ),
        "empty": ParagraphStyle("changes_empty", parent=st["body"], textColor=theme.palette.grey),
    }


#: The tag words' label keys.
_TAG_KEYS = {
    "ADDED": "change_added",
    "REMOVED": "change_removed",
    "CANCELLED": "change_cancelled",
    "MOVED": "change_moved",
    "RE-TIMED": "change_retimed",
    "RENAMED": "change_renamed",
    "CHANGED": "change_changed",
}
_GROUP_KEYS = {
    COVER_GROUP: "changes_group_brief",
    SECTIONS_GROUP: "changes_group_sections",
    SCHEDULE_GROUP: "changes_group_schedule",
}


def changes_title(diff: BriefDiff, words: Wording = ENGLISH) -> str:
    """``Changes since version 2`` (or ``since the earlier version`` without one)."""
    version = one_line(diff.old_version)
    if version:
        return words("changes_since_version", version=version)
    return words("changes_since_earlier")


def tag_word(tag: str, words: Wording = ENGLISH) -> str:
    """A change's tag as printed: ``ADDED``, ``AJOUTÉ``."""
    return words(_TAG_KEYS[tag]) if tag in _TAG_KEYS else tag


def group_title(group: str, words: Wording = ENGLISH) -> str:
    """A group's heading: the three fixed groups in the language, a section by its title."""
    return words(_GROUP_KEYS[group]) if group in _GROUP_KEYS else group


def introduction(diff: BriefDiff, words: Wording = ENGLISH) -> str:
    """The sentence under the heading (plain text): what was compared, how much changed."""
    version = one_line(diff.old_version)
    if diff.old_name:
        against = (
            words("changes_file_version", name=diff.old_name, version=version)
            if version
            else words("changes_file", name=diff.old_name)
        )
    else:  # an edition's page: named by its version only (see core/compare/edition_changes.py)
        against = words("changes_version", version=version) if version else words("changes_earlier")
    if not diff:
        return words("changes_none", against=against)
    parts = []
    for key, prefixes in (
        ("changes_to_sections", ("section_",)),
        ("changes_to_schedule", ("entry_",)),
        ("changes_to_tables", ("table_", "row_")),
        ("changes_to_text", ("text_",)),
        ("changes_to_cover", ("meta_",)),
    ):
        count = diff.count(*prefixes)
        if count:
            parts.append(words(key, count=count))
    total = len(diff.changes)
    return words(
        "changes_summary",
        against=against,
        changes=words.counted("changes_count", total),
        parts=", ".join(parts),
    )


def _line(change: Change, styles: dict[str, ParagraphStyle], theme: Theme) -> list[Flowable]:
    found: list[Flowable] = [TextParagraph(tx.plain(change.summary), styles["line"])]
    if change.words:
        found.append(TextParagraph(words_markup(change.words, theme), styles["words"]))
    return found


def changes_flowables(
    diff: BriefDiff, theme: Theme, width: float, frame_height: float, words: Wording = ENGLISH
) -> list[Flowable]:
    """The page's content below its heading: the introduction and every change."""
    styles = _styles(theme)
    found: list[Flowable] = [TextParagraph(tx.plain(introduction(diff, words)), styles["intro"])]
    p = theme.palette
    font = theme.fonts.sans_bold
    tag_width = max(
        [_TAG_WIDTH, *(stringWidth(tag_word(c.tag, words), font, 6.6) + 10 for c in diff.changes)]
    )
    for group, changes in diff.groups():
        title = Lead(
            TextParagraph(tx.plain(group_title(group, words)), styles["group"]), frame_height
        )
        rows: list[list[Any]] = []
        for change in changes:
            tag = ChangeTag(tag_word(change.tag, words), tag_color(change.tag, theme), font)
            rows.append([tag, _line(change, styles, theme)])
        table = Table(
            rows,
            colWidths=[tag_width, width - tag_width],
            splitByRow=1,
            splitInRow=1,
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), theme.fonts.sans, theme.table_size),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("LEFTPADDING", (1, 0), (1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, p.rule),
                ]
            )
        )
        title.follow = table
        set_role(title, Role("H2"))
        found += [title, tag_table(table, row_headers=True)]
    return found


def changes_section(
    diff: BriefDiff, ctx: BlockContext, numbers: PageNumbers, marking: str = ""
) -> list[Flowable]:
    """The changes page as the dossier lays it out: on a new page, with a heading that
    is in the outline and the contents (key :data:`CHANGES_KEY`)."""
    t = ctx.theme
    title = changes_title(diff, ctx.words)
    heading = Heading(
        TextParagraph(tx.plain(title), t.styles["h1"]),
        ctx.frame_height,
        key=CHANGES_KEY,
        outline_title=title,
        level=0,
        numbers=numbers,
    )
    found: list[Flowable] = [
        PageBreakIfNotEmpty(),
        heading,
        *changes_flowables(diff, t, ctx.frame_width, ctx.frame_height, ctx.words),
    ]
    heading.follow = found[2]
    for flowable in found:
        tag(flowable, where="the changes page", mark=marking)
    return found


def changes_toc_entry(diff: BriefDiff, ctx: BlockContext, numbers: PageNumbers) -> Flowable:
    """The contents line of the changes page (unnumbered, linked, with its page)."""
    t = ctx.theme
    style = ParagraphStyle("toc_changes", parent=t.styles["toc1"], leftIndent=t.toc_label_width)
    return TocEntry(
        TextParagraph(tx.plain(changes_title(diff, ctx.words)), style),
        CHANGES_KEY,
        label="",
        label_x=0,
        number_width=t.toc_number_width,
        leader_color=t.palette.rule,
        numbers=numbers,
    )
