"""Defensive lines: "If asked about …:" in bold, the answer beneath, set off by an
amber rule on the left (what to say only when pressed)."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, Table

from briefbook.core import model as m
from briefbook.render.blocks.context import BlockContext, paragraphs, plain_paragraph
from briefbook.render.blocks.table import table_style, tallest_row


def asked_line(question: str, say: Callable[..., str]) -> str:
    """ "If asked about the ports:", or "If asked: Will you …?" for a question as asked;
    ``say`` looks up the printed words (``BlockContext.label``)."""
    question = " ".join(question.split())
    if question.endswith("?"):
        return say("if_asked_question", question=question)
    return say("if_asked", question=question.rstrip(":"))


def if_asked_block(block: m.IfAskedBlock, ctx: BlockContext) -> list[Flowable]:
    """Each line: the question as a bold lead-in, the answer in body text below it."""
    t = ctx.theme
    st = t.styles
    rows: list[list[list[Flowable]]] = []
    for line in block.items:
        if not (line.question.strip() or line.answer.strip()):
            continue
        mark = ctx.marks.of(line.marking)
        portion = ctx.marks.prefix(mark)
        lead = plain_paragraph(portion + asked_line(line.question, ctx.words), st["asked"])
        answer = paragraphs(line.answer, st["answer"], ctx, portion=portion)
        rows.append([[*ctx.marks.notes(mark), lead, *answer, *ctx.marks.notes(mark)]])
    if not rows:
        return []
    # A row per line: a page breaks between lines, inside one only when one is too tall
    # for any page.
    whole = tallest_row(rows, [ctx.frame_width]) < ctx.frame_height * 0.8
    table = Table(
        rows, colWidths=[ctx.frame_width], splitByRow=1, splitInRow=0 if whole else 1, hAlign="LEFT"
    )
    table.setStyle(
        table_style(
            t,
            [
                ("LINEBEFORE", (0, 0), (0, -1), 2, t.palette.important),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ],
        )
    )
    return [table]
