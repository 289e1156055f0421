"""The cover page: organisation, logo, title, subtitle and the facts of the event."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepInFrame, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from briefbook.core.model import Meta
from briefbook.render.blocks.context import BlockContext, plain_paragraph
from briefbook.render.blocks.image import picture
from briefbook.render.blocks.table import table_style
from briefbook.render.flowables import PriorityTag
from briefbook.render.formatting import format_range
from briefbook.render.pictures.loading import ImageFailure
from briefbook.render.tagging.drawing import TagWrap
from briefbook.render.tagging.roles import figure
from briefbook.render.tagging.tables import tag_table


def cover_flowables(
    meta: Meta, ctx: BlockContext, marking: str = "", edition: str = ""
) -> list[Flowable]:
    """The cover page as one flowable that always fits one page.

    ``marking`` is the highest marking in the dossier; ``edition`` the name of
    the edition being printed ("" for the full brief).
    """
    t = ctx.theme
    st = t.styles
    p = t.palette
    head: list[Flowable] = []
    top = ctx.frame_height * 0.06
    logo = _logo(meta.logo, ctx, meta.organisation.strip()) if meta.logo.strip() else None
    if logo is not None:
        head.append(logo)
        top = max(0.0, top - logo.drawHeight - 8)
        head.append(Spacer(1, 8))
    if meta.organisation.strip():
        head.append(plain_paragraph(meta.organisation.upper(), st["cover_org"]))
    found: list[Flowable] = []
    found.append(HRFlowable(width="100%", thickness=2.2, color=p.navy, spaceAfter=16))
    words = ctx.words
    title = meta.title.strip() or words("untitled_brief")
    title_style = st["cover_title"]
    if len(title) > 70:
        title_style = ParagraphStyle(
            "cover_title_long", parent=title_style, fontSize=21, leading=26
        )
    found.append(plain_paragraph(title, title_style))
    if meta.subtitle.strip():
        found.append(Spacer(1, 8))
        found.append(plain_paragraph(meta.subtitle, st["cover_subtitle"]))
    found.append(Spacer(1, 16))
    found.append(HRFlowable(width="100%", thickness=0.6, color=p.rule, spaceAfter=18))
    found.append(_facts(meta, ctx, marking, edition))
    return [_one_page(head, ctx.frame_height * 0.22 + top, found, ctx)]


def _one_page(
    head: list[Flowable], gap: float, rest: list[Flowable], ctx: BlockContext
) -> Flowable:
    """The cover on one page whatever it holds: the gap above the title gives way
    first, then everything shrinks together (a very long title, a tall logo and
    Letter paper's shorter page)."""
    used = _height(head, ctx) + _height(rest, ctx)
    room = ctx.frame_height - used - 2  # a little slack for rounding
    content = [*head, Spacer(1, max(0.0, min(gap, room))), *rest]
    return KeepInFrame(
        ctx.frame_width, ctx.frame_height - 1, [TagWrap(f) for f in content], mode="shrink"
    )


def _height(flowables: list[Flowable], ctx: BlockContext) -> float:
    total = 0.0
    for flowable in flowables:
        _w, height = flowable.wrap(ctx.frame_width, ctx.frame_height)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _facts(meta: Meta, ctx: BlockContext, marking: str, edition: str) -> Flowable:
    """Label/value rows: date, place, prepared by, version, edition, status, marking."""
    t = ctx.theme
    st = t.styles
    p = t.palette
    rows: list[list[Any]] = []
    words = ctx.words

    def add(key: str, value: str) -> None:
        if value.strip():
            rows.append(
                [
                    plain_paragraph(words.upper(words(key)), st["cover_label"]),
                    plain_paragraph(value, st["cover_value"]),
                ]
            )

    add("cover_date", format_range(meta.dates, words))
    add("cover_place", meta.location)
    add("cover_prepared_by", meta.prepared_by)
    add("cover_version", meta.version)
    add("cover_edition", edition)
    draft = meta.status != "final"
    status = PriorityTag(
        words("status_draft" if draft else "status_final"),
        p.high if draft else p.navy,
        t.fonts.sans_bold,
        8.5,
    )
    rows.append([plain_paragraph(words.upper(words("cover_status")), st["cover_label"]), status])
    add("cover_marking", marking)
    label_w = t.cover_label_width
    table = tag_table(
        Table(rows, colWidths=[label_w, ctx.frame_width - label_w], hAlign="LEFT"), row_headers=True
    )
    table.setStyle(
        table_style(
            t,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (0, -1), 4),
            ],
        )
    )
    return table


def _logo(path: str, ctx: BlockContext, alt: str = "") -> Any:
    loaded = ctx.image(path)
    if isinstance(loaded, ImageFailure):
        ctx.warn(f"logo {path!r} left out: {loaded.reason}")
        return None
    width, height = loaded.natural_size(ctx.theme.image_dpi)
    scale = min(1.0, ctx.theme.cover_logo_height / height, (ctx.frame_width * 0.5) / width)
    image = picture(loaded, width * scale, height * scale, ctx)
    image.hAlign = "LEFT"
    return figure(image, alt or "Logo")
