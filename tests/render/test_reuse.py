"""A layout after one section's edit that reuses the other pages gives the pages a whole
layout gives: text and its positions on every page, outline, links."""

from __future__ import annotations

import copy
import io
from typing import Any

from pypdf import PdfReader

from briefbook.core import model as m
from briefbook.render.dossier.document import build_pdf
from briefbook.render.options import RenderOptions
from briefbook.render.reuse import SectionReuse
from tests.render.conftest import SPECIMEN, flat_outline, links, make_brief, placed_text


def sample() -> m.Brief:
    sections = []
    for i in range(6):
        blocks: list[Any] = [m.TextBlock(f"Section {i}. " + SPECIMEN * 6) for _ in range(4)]
        subs = [m.Section(f"Part {i}.{j}", [m.TextBlock(SPECIMEN * 5)]) for j in range(2)]
        sections.append(m.Section(f"Topic {i}", blocks, subs))
    return make_brief(sections)


def read_back(pdf: bytes) -> dict[str, Any]:
    reader = PdfReader(io.BytesIO(pdf))
    placed = [
        [(text, round(x, 2), round(y, 2)) for text, x, y in placed_text(reader, i)]
        for i in range(len(reader.pages))
    ]
    found_links = []
    for index, annot in links(reader):
        dest = annot.get("/Dest")
        target = None
        if dest is not None:
            target = (
                reader.get_destination_page_number(reader._build_destination("", dest)),
                round(float(dest[3]), 2),
            )
        found_links.append(
            (
                index,
                [round(float(v), 2) for v in annot["/Rect"]],
                target,
                annot.get("/A", {}).get("/URI"),
            )
        )
    return {
        "pages": len(reader.pages),
        "placed": placed,
        "outline": flat_outline(reader),
        "links": found_links,
        "metadata": reader.metadata,
    }


def edited(brief: m.Brief, section: int, text: str, replacing: str = "") -> m.Brief:
    """The brief with the second block of ``section`` replaced by ``text`` (or with its
    first ``replacing`` replaced by ``text``)."""
    copied = copy.deepcopy(brief)
    block = copied.sections[section].blocks[1]
    assert isinstance(block, m.TextBlock)
    block.text = block.text.replace(replacing, text, 1) if replacing else text
    return copied


def test_an_edit_inside_one_section_reuses_the_rest_and_reads_the_same() -> None:
    brief = sample()
    options = RenderOptions(reproducible=True, tagged=False)  # as the preview renders
    reuse = SectionReuse()
    first = reuse.render(brief, options)
    assert reuse.last_way == "whole"
    assert read_back(first.pdf) == read_back(build_pdf(brief, options).pdf)
    # Words that wrap the paragraph differently, with a glyph the brief had not used yet:
    # what follows in the section moves on its pages, and no heading changes page.
    after = edited(
        brief, 3, "Accents (a new glyph: ß, and a much longer sentence here)", replacing="Accents"
    )
    part = after.sections[3].subsections[0].blocks[0]  # the next heading moves up its page
    assert isinstance(part, m.TextBlock)
    part.text = SPECIMEN * 3
    result = reuse.render(after, options)
    assert reuse.last_way == "reused"
    whole = build_pdf(after, options)
    assert result.page_count == whole.page_count
    assert result.section_pages == whole.section_pages
    assert read_back(result.pdf) == read_back(whole.pdf)
    moved = [link for link in read_back(whole.pdf)["links"] if link[2] is not None]
    assert moved != [link for link in read_back(first.pdf)["links"] if link[2] is not None]
    assert "new glyph: ß" in " ".join(
        t for page in read_back(result.pdf)["placed"] for t, _, _ in page
    )


def test_an_edit_that_moves_pages_is_laid_out_whole() -> None:
    brief = sample()
    options = RenderOptions(reproducible=True, tagged=False)  # as the preview renders
    reuse = SectionReuse()
    reuse.render(brief, options)
    longer = edited(brief, 2, SPECIMEN * 60)
    result = reuse.render(longer, options)
    assert reuse.last_way == "whole"
    assert result.pdf == build_pdf(longer, options).pdf
    renamed = copy.deepcopy(longer)
    renamed.sections[4].title = "Another title"
    reuse.render(renamed, options)
    assert reuse.last_way == "whole"


def test_a_tagged_render_is_laid_out_whole() -> None:
    """A tagged PDF's structure tree numbers the marked content of every page: its pages
    are never spliced."""
    brief = sample()
    options = RenderOptions(reproducible=True)
    reuse = SectionReuse()
    reuse.render(brief, options)
    reuse.render(edited(brief, 1, "Changed."), options)
    assert reuse.last_way == "whole"
