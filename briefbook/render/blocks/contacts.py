"""The contact sheet: a table of names, roles, phones, e-mail links and notes;
columns nobody filled in are left out."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from briefbook.core import model as m
from briefbook.render.blocks.context import BlockContext, plain_paragraph, safe_paragraph
from briefbook.render.blocks.table import fitted_widths, grid, rich_cell
from briefbook.render.text import markup as tx


def contacts_block(block: m.ContactsBlock, ctx: BlockContext) -> list[Flowable]:
    """The contact sheet as a table; columns nobody filled in are left out."""
    if not block.contacts:
        return []
    t = ctx.theme
    st = t.styles
    fields = [
        (ctx.words(f"contact_{attr}"), attr) for attr in ("name", "role", "phone", "email", "notes")
    ]
    used = [
        (label, attr)
        for label, attr in fields
        if attr == "name" or any(getattr(c, attr).strip() for c in block.contacts)
    ]
    rows = [[getattr(c, attr) for _, attr in used] for c in block.contacts]
    widths = fitted_widths(
        [label for label, _ in used],
        rows,
        ctx,
        nowrap=frozenset(k for k, (_, attr) in enumerate(used) if attr in ("phone", "email")),
    )
    head = [plain_paragraph(label, st["cell_head"]) for label, _ in used]
    body = []
    for c in block.contacts:
        row: list[Any] = []
        for _, attr in used:
            value = getattr(c, attr)
            if attr == "email" and _looks_like_email(value):
                address = tx.escape(tx.clean(value.strip()))
                link = ctx.theme.palette.link.hexval().replace("0x", "#")
                markup = f'<a href="mailto:{address}" color="{link}"><u>{address}</u></a>'
                row.append(safe_paragraph(markup, st["cell"]))
            elif attr == "phone":
                row.append(plain_paragraph(value.strip().replace(" ", "\u00a0"), st["cell"]))
            elif attr == "name":
                portion = ctx.marks.prefix(ctx.marks.current)
                row.append(plain_paragraph(portion + value, st["cell_bold"]))
            elif attr == "notes":
                row.append(rich_cell(value, st["cell"], ctx))
            else:
                row.append(plain_paragraph(value, st["cell"]))
        body.append(row)
    return [grid(head, body, widths, t)]


def _looks_like_email(value: str) -> bool:
    value = value.strip()
    return (
        value.count("@") == 1
        and not any(ch in value for ch in " []()<>\"'")
        and "." in value.split("@")[1]
    )
