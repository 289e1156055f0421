"""Biographies: photo (if any), name, title, organisation, pronunciation, bio."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer, Table

from briefbook.core import model as m
from briefbook.render.blocks.context import (
    BlockContext,
    paragraphs,
    plain_paragraph,
    safe_paragraph,
)
from briefbook.render.blocks.image import picture, placeholder
from briefbook.render.blocks.table import table_style
from briefbook.render.pictures.loading import ImageFailure
from briefbook.render.tagging.drawing import TagWrap
from briefbook.render.tagging.roles import Role, figure
from briefbook.render.tagging.tables import tag_layout
from briefbook.render.text import markup as tx


def people_block(block: m.PeopleBlock, ctx: BlockContext) -> list[Flowable]:
    """Biographies: photo (if any), name, title, organisation, pronunciation, bio."""
    t = ctx.theme
    st = t.styles
    with_photos = any(person.photo.strip() for person in block.people)
    photo_w = t.photo_width
    gap = t.photo_gap
    text_w = ctx.frame_width - (photo_w + gap if with_photos else 0)
    found: list[Flowable] = []
    for person in block.people:
        portion = ctx.marks.prefix(ctx.marks.current)
        cells: list[Flowable] = [plain_paragraph(portion + (person.name or "—"), st["person_name"])]
        role = ", ".join(x for x in (person.title.strip(), person.organisation.strip()) if x)
        if role:
            cells.append(plain_paragraph(role, st["person_line"]))
        if person.pronunciation.strip():
            cells.append(
                safe_paragraph(
                    f"<i>{tx.escape(ctx.words('person_pronounced'))}</i> "
                    + tx.plain(person.pronunciation),
                    st["person_line"],
                )
            )
        if person.bio.strip():
            cells.append(Spacer(1, 3))
            cells.extend(paragraphs(person.bio, st["body"], ctx, portion=portion))
        row: list[Any] = [cells]
        widths = [text_w]
        if with_photos:
            alt = ", ".join(x.strip() for x in (person.name, person.title) if x.strip())
            row.insert(
                0,
                TagWrap(figure(_photo(person.photo, photo_w, ctx), alt))
                if person.photo.strip()
                else "",
            )
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
        found.append(tag_layout(table, Role("Div")))
    return found


def _photo(path: str, width: float, ctx: BlockContext) -> Flowable:
    loaded = ctx.image(path)
    if isinstance(loaded, ImageFailure):
        ctx.warn(f"photo {path!r} left out: {loaded.reason}")
        return placeholder(path, loaded.reason, width, width * 1.2, ctx)
    height = width * loaded.height / loaded.width
    return picture(loaded, width, min(height, width * 1.6), ctx)
