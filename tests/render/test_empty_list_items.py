"""An empty list item (one just added in the editor) prints nothing; saving keeps it harmlessly."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from briefbook.core import model as m
from briefbook.core.fileformat import load, save
from briefbook.render.api import render_pdf


def _brief(block: m.Block) -> m.Brief:
    brief = m.Brief()
    brief.meta.title = "Lists"
    brief.sections = [m.Section(title="Points", blocks=[block])]
    return brief


def _text(brief: m.Brief) -> str:
    reader = PdfReader(io.BytesIO(render_pdf(brief).pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def test_empty_bullets_print_no_bullet() -> None:
    items = [m.ListItem("Alpha"), m.ListItem(""), m.ListItem("  "), m.ListItem("Beta")]
    text = _text(_brief(m.BulletsBlock(items)))
    assert "Alpha" in text and "Beta" in text
    assert text.count("•") == 2


def test_empty_numbered_items_do_not_take_a_number() -> None:
    items = [m.ListItem("Alpha"), m.ListItem(""), m.ListItem("Beta")]
    text = _text(_brief(m.NumberedBlock(items)))
    body = "".join(text.split())
    assert "1.Alpha2.Beta" in body
    assert "3." not in body


def test_an_empty_item_with_sub_items_keeps_them() -> None:
    items = [m.ListItem("", [m.ListItem("Gamma")])]
    assert "Gamma" in _text(_brief(m.BulletsBlock(items)))


def test_saving_keeps_empty_items_harmlessly(tmp_path: Path) -> None:
    brief = _brief(m.BulletsBlock([m.ListItem("Alpha"), m.ListItem("")]))
    path = tmp_path / "lists.brief.yaml"
    save(brief, path)
    again = load(path)  # it loads without a problem, the empty item as it was
    block = again.sections[0].blocks[0]
    assert isinstance(block, m.BulletsBlock)
    assert [item.text for item in block.items] == ["Alpha", ""]
