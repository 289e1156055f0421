"""A layout after one section's edit that reuses the other pages gives the pages a whole
layout gives: text and its positions on every page, outline, links."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

from pdfua import validate
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


def structure_of(pdf: bytes) -> list[tuple[int, str, tuple[Any, ...]]]:
    """The structure tree in reading order: each element's depth, role and what it holds
    (marked content as (page, MCID), link annotations as (page, their rectangle))."""
    import pikepdf

    found: list[tuple[int, str, tuple[Any, ...]]] = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        pages = {page.objgen: number for number, page in enumerate(doc.pages)}

        def walk(element: Any, depth: int, page: int | None) -> None:
            page = pages[element.Pg.objgen] if "/Pg" in element else page
            kids = element.get("/K")
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            held: list[Any] = []
            nested = []
            for kid in kids:
                if isinstance(kid, int):
                    held.append((page, kid))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    held.append((pages[kid.Pg.objgen], int(kid.MCID)))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                    held.append((pages[kid.Pg.objgen], [round(float(v), 2) for v in kid.Obj.Rect]))
                elif isinstance(kid, pikepdf.Dictionary):
                    nested.append(kid)
            attributes = (str(element.get("/Alt", "")), str(element.get("/ID", "")))
            found.append((depth, str(element.S), (*attributes, *held)))
            for kid in nested:
                walk(kid, depth + 1, page)

        walk(doc.Root.StructTreeRoot.K, 0, None)
        assert int(doc.Root.StructTreeRoot.ParentTreeNextKey) > 0
    return found


def test_a_tagged_render_reuses_pages_and_writes_the_same_structure(tmp_path: Path) -> None:
    """A tagged PDF (what an export makes) after an edit of one section: the pages of the
    others are reused, and text, links, outline and the structure tree (roles, order,
    marked content, link annotations) are those of a whole layout."""
    brief = sample()
    brief.sections[2].blocks.append(m.NoteBlock("A note that becomes the second of the book."))
    brief.sections[4].blocks.append(m.NoteBlock("Another note, later in the book."))
    options = RenderOptions(reproducible=True)
    reuse = SectionReuse()
    reuse.render(brief, options)
    after = edited(brief, 3, "Accents (a new glyph: ß, longer words here)", replacing="Accents")
    after.sections[3].blocks.append(m.NoteBlock("A note added in the edited section."))
    result = reuse.render(after, options)
    assert reuse.last_way == "reused"
    whole = build_pdf(after, options)
    assert read_back(result.pdf) == read_back(whole.pdf)
    assert structure_of(result.pdf) == structure_of(whole.pdf)
    assert "A note added" in " ".join(t for p in read_back(result.pdf)["placed"] for t, _, _ in p)
    checked = tmp_path / "reused.pdf"
    checked.write_bytes(result.pdf)
    assert not validate(str(checked)).findings
    # and once more on the reused result: its own layout is kept for the next edit
    again = edited(after, 1, "Accents (changed once more)", replacing="Accents")
    result = reuse.render(again, options)
    assert reuse.last_way == "reused"
    assert structure_of(result.pdf) == structure_of(build_pdf(again, options).pdf)
