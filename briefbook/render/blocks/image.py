"""Pictures: the image block, a picture as the render embeds it, and the placeholder
that stands in (naming the file) for one that cannot be used."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.platypus import Flowable, Image, KeepTogether, Table

from briefbook.core import model as m
from briefbook.render.blocks.context import BlockContext, paragraph, plain_paragraph
from briefbook.render.blocks.table import table_style
from briefbook.render.pictures.loading import ImageFailure, LoadedImage
from briefbook.render.tagging.roles import Role, figure, role_of, set_role
from briefbook.render.tagging.tables import tag_layout


def picture(loaded: LoadedImage, width: float, height: float, ctx: BlockContext) -> Image:
    """The picture printed ``width`` x ``height`` points, as the render's profile embeds it."""
    return Image(io.BytesIO(ctx.picture_data(loaded, width, height)), width=width, height=height)


def placeholder(path: str, reason: str, width: float, height: float, ctx: BlockContext) -> Flowable:
    """A visible box standing in for a picture that could not be used, naming the file."""
    t = ctx.theme
    label = plain_paragraph(
        ctx.words("image_missing", path=path or ctx.words("image_no_file"), reason=reason),
        t.styles["placeholder"],
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
    return tag_layout(table, Role("Div"))


def image_block(block: m.ImageBlock, ctx: BlockContext) -> list[Flowable]:
    """A picture scaled to fit the frame, with its caption; a placeholder if it fails."""
    t = ctx.theme
    loaded = ctx.image(block.path)
    found: list[Flowable] = []
    role: Role | None = None
    if isinstance(loaded, ImageFailure):
        ctx.warn(f"image {block.path!r} left out: {loaded.reason}")
        found.append(
            placeholder(block.path, loaded.reason, ctx.frame_width, t.placeholder_height, ctx)
        )
    else:
        width, height = loaded.natural_size(t.image_dpi)
        max_h = ctx.frame_height * 0.8
        scale = min(1.0, ctx.frame_width / width, max_h / height)
        image = picture(loaded, width * scale, height * scale, ctx)
        image.hAlign = "CENTER"
        found.append(figure(image, block.alt or block.caption or "Picture"))
        role = role_of(image)
    if block.caption.strip():
        caption = ctx.marks.prefix(ctx.marks.current) + block.caption
        found.append(
            set_role(
                paragraph(caption, t.styles["image_caption"], ctx), Role("Caption", within=role)
            )
        )
    return [KeepTogether(found)] if len(found) > 1 else found
