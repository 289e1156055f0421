"""Annexes: an existing PDF's pages, each on a page of its own in the run of the
dossier (see :mod:`briefbook.render.annexes`), or a placeholder page naming the
problem when the file cannot be used."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, NextPageTemplate, Table
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from briefbook.core import model as m
from briefbook.core.annexes import AnnexError
from briefbook.render.annexes import BODY, LANDSCAPE
from briefbook.render.annexes.flowables import AnnexPage
from briefbook.render.blocks.context import BlockContext, plain_paragraph
from briefbook.render.blocks.table import table_style


def pdf_block(block: m.PdfBlock, ctx: BlockContext) -> list[Flowable]:
    """One placeholder page per annex page, each in its page's orientation."""
    plan = ctx.annexes
    if plan is None:
        return []
    try:
        number = plan.load(block, ctx.base_dir, ctx.image_policy, ctx.section_key)
    except AnnexError as exc:
        ctx.warn(f"annex {block.path!r} left out: {exc.reason}")
        text = ctx.words("annex_not_available", path=block.path or "–", reason=exc.reason)
        return [PageBreakIfNotEmpty(), _placeholder(text, ctx)]
    source = plan.sources[number]
    if source.stripped:
        ctx.warn(f"annex {block.path!r}: left out of the dossier: {', '.join(source.stripped)}")
    if plan.tagged and not source.tagged:
        ctx.warn(
            f"annex {block.path!r}: screen readers skip its pages (it is not a tagged PDF, "
            "so it has no structure to carry into the dossier's)"
        )
    found: list[Flowable] = []
    for page, (width, height) in zip(source.pages, source.sizes, strict=True):
        found.append(NextPageTemplate(LANDSCAPE if width > height else BODY))
        found.append(PageBreakIfNotEmpty())
        found.append(AnnexPage(plan, number, page, block.scale == "full"))
    found.append(NextPageTemplate(BODY))
    return found


def _placeholder(text: str, ctx: BlockContext) -> Flowable:
    """A visible box standing in for an annex that cannot be used, naming the problem."""
    t = ctx.theme
    box = Table(
        [[plain_paragraph(text, t.styles["placeholder"])]],
        colWidths=[ctx.frame_width],
        rowHeights=[t.placeholder_height * 2],
        hAlign="LEFT",
    )
    box.setStyle(
        table_style(
            t,
            [
                ("BOX", (0, 0), (-1, -1), 0.8, t.palette.placeholder, None, (3, 2)),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fbf3f3")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ],
        )
    )
    return box
