"""The note block: a boxed call-out whose coloured bar says info, important or warning."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table

from briefbook.core import model as m
from briefbook.render.blocks.context import BlockContext, paragraphs, plain_paragraph
from briefbook.render.blocks.table import table_style
from briefbook.render.tagging.roles import Role
from briefbook.render.tagging.tables import tag_layout

_NOTE_LABELS = {"important": "note_important", "warning": "note_warning"}


def note_block(block: m.NoteBlock, ctx: BlockContext) -> list[Flowable]:
    """A boxed call-out with a coloured bar; its colour says info, important or warning."""
    t = ctx.theme
    p = t.palette
    color = {"important": p.important, "warning": p.warning}.get(block.style, p.info)
    key = _NOTE_LABELS.get(block.style)
    title = block.title.strip() or (ctx.words(key) if key else "")
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
    return [tag_layout(table, Role("Note"))]
