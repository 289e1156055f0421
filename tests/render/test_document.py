"""The dossier as a whole, read back with pypdf: cover, contents, outline, page furniture."""

from __future__ import annotations

import re

import pytest
from reportlab.lib.pagesizes import A4, LETTER

from briefbook.core import model as m
from briefbook.errors import RenderError
from tests.render.conftest import (
    flat_outline,
    fonts_used,
    links,
    make_brief,
    page_index,
    page_texts,
    placed_text,
    render,
    rich_sections,
)

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip


def long_sections() -> list[m.Section]:
    """Sections long enough that headings land on many different pages."""
    para = "The alliance’s southern flank needs attention. " * 40
    found = []
    for i in range(6):
        subs = [m.Section(f"Part {i}.{j}", [m.TextBlock(para)]) for j in range(3)]
        found.append(m.Section(f"Chapter {i}", [m.TextBlock(para * 2)], subsections=subs))
    return found


def test_cover_shows_the_facts_of_the_event(rich_brief: m.Brief) -> None:
    _, reader = render(rich_brief)
    cover = page_texts(reader)[0]
    for fact in (
        "Visit to Italy",
        "Briefing book",
        "12 June 2025",
        "Rome",
        "OFFICE OF THE SECRETARY GENERAL",
        "Policy Planning Unit",
        "3",
        "DRAFT",
        "RESTRICTED",
    ):
        assert fact in cover


def test_contents_lists_every_section_with_links_to_the_right_pages() -> None:
    brief = make_brief(long_sections())
    result, reader = render(brief)
    texts = page_texts(reader)
    assert "Contents" in texts[1]
    toc_links = [(page, annot) for page, annot in links(reader) if page == 1]
    assert len(toc_links) == len(brief.walk_sections())
    expected_pages = [result.section_pages[path] for path, _ in brief.walk_sections()]
    # Links come in the order of the contents entries, top to bottom.
    toc_links_sorted = sorted(toc_links, key=lambda pa: -float(pa[1]["/Rect"][1]))
    targets = [page_index(reader, a["/Dest"][0]) + 1 for _, a in toc_links_sorted]
    assert targets == expected_pages
    # The printed numbers are right too: on each entry's line, at the right margin.
    placed = placed_text(reader, 1)
    for (path, section), page in zip(brief.walk_sections(), expected_pages, strict=True):
        [y] = [y for text, _, y in placed if text == section.title]
        printed = [text for text, x, ty in placed if abs(ty - y) < 1 and x > 400]
        assert printed == [str(page)], (path, printed)
    # And the section really starts on that page.
    for (_, section), page in zip(brief.walk_sections(), expected_pages, strict=True):
        assert section.title in texts[page - 1]


def test_outline_has_one_entry_per_section_pointing_at_its_page() -> None:
    brief = make_brief(long_sections())
    result, reader = render(brief)
    outline = flat_outline(reader)
    walked = brief.walk_sections()
    assert len(outline) == len(walked)
    assert len({page for _, _, page in outline}) > 5  # not all on one page (NumberedCanvas bug)
    for (title, level, page), (path, section) in zip(outline, walked, strict=True):
        assert title.endswith(section.title)
        assert level == len(path) - 1
        assert page + 1 == result.section_pages[path]


def test_page_x_of_y_and_markings_on_every_page_cover_included() -> None:
    brief = make_brief(long_sections(), marking="NATO RESTRICTED")
    result, reader = render(brief)
    total = len(reader.pages)
    assert total == result.page_count > 8
    for number, text in enumerate(page_texts(reader), start=1):
        # The cover prints no number but counts: page 2 is "Page 2 of N".
        assert (f"Page {number} of {total}" in text) == (number > 1)
        assert text.count("NATO RESTRICTED") >= 2  # top and bottom


def test_running_header_names_title_version_and_date() -> None:
    _, reader = render(make_brief(rich_sections()))
    for text in page_texts(reader)[1:]:
        assert "Visit to Italy" in text
        assert "Version 3" in text and "12 June 2025" in text


def test_no_marking_prints_no_marking_line() -> None:
    _, reader = render(make_brief(rich_sections(), marking=""))
    assert all("RESTRICTED" not in t for t in page_texts(reader))


def test_draft_watermark_on_every_page_and_none_when_final() -> None:
    _, draft = render(make_brief(rich_sections(), status="draft"))
    assert all("DRAFT" in t for t in page_texts(draft))
    _, final = render(make_brief(rich_sections(), status="final"))
    assert all("DRAFT" not in t for t in page_texts(final))
    assert "FINAL" in page_texts(final)[0]


def test_unicode_prints_and_extracts(rich_brief: m.Brief) -> None:
    _, reader = render(rich_brief)
    text = " ".join(page_texts(reader))
    for word in (
        "naïve",
        "café",
        "“curly”",
        "‘single’",
        "–",
        "—",
        "€",
        "ąęłńśźż",
        "ĄĘŁŃŚŹŻ",
        "Αθήνα",
        "καλημέρα",
        "Москва",
        "привет",
    ):
        assert word in text, word


def test_every_font_is_an_embedded_noto_subset(rich_brief: m.Brief) -> None:
    _, reader = render(rich_brief)
    fonts = fonts_used(reader)
    assert fonts
    for base, subtype, embedded in fonts:
        name = base.lstrip("/")
        assert name.split("+")[-1] not in STANDARD_14
        assert re.fullmatch(r"[A-Z]{6}\+Noto(Sans|Serif)-\w+", name), name
        assert subtype == "/TrueType" and embedded


def test_metadata(rich_brief: m.Brief) -> None:
    _, reader = render(rich_brief)
    info = reader.metadata
    assert info is not None
    assert info.title == "Visit to Italy"
    assert "Policy Planning Unit" in (info.author or "")
    assert "Briefing book" in (info.subject or "")
    assert "Italy" in str(info.get("/Keywords")) and "Mediterranean" in str(info.get("/Keywords"))
    assert str(info.creator).startswith("briefbook ")


@pytest.mark.parametrize(("name", "size"), [("A4", A4), ("Letter", LETTER), ("letter", LETTER)])
def test_page_sizes(name: str, size: tuple[float, float]) -> None:
    _, reader = render(make_brief(rich_sections(), page_size="A4"), page_size=name)
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (
            round(size[0]),
            round(size[1]),
        )


def test_page_size_from_the_brief() -> None:
    _, reader = render(make_brief([], page_size="Letter"))
    assert round(float(reader.pages[0].mediabox.width)) == 612


def test_unknown_page_size_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="page size"):
        render(make_brief([]), page_size="A5")


def test_empty_brief_is_a_valid_pdf_with_a_cover() -> None:
    result, reader = render(m.Brief())
    assert result.page_count == len(reader.pages) == 2
    texts = page_texts(reader)
    assert "Untitled brief" in texts[0]
    assert "no sections" in texts[1]
    assert result.section_pages == {}


def test_section_pages_and_progress() -> None:
    calls: list[tuple[int, int]] = []
    brief = make_brief(long_sections())
    result, _ = render(brief, progress=lambda done, total: calls.append((done, total)))
    assert [done for done, _ in calls] == list(range(1, result.page_count + 1))
    assert calls[-1] == (result.page_count, result.page_count)
    assert all(total >= done for done, total in calls)
    assert set(result.section_pages) == {path for path, _ in brief.walk_sections()}
    pages = [result.section_pages[path] for path, _ in brief.walk_sections()]
    assert pages == sorted(pages) and pages[0] == 3


def test_progress_exception_propagates_to_cancel() -> None:
    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        render(make_brief(long_sections()), progress=cancel)


def test_headings_are_not_left_alone_at_the_foot_of_a_page() -> None:
    filler = "Line of text to fill the page. " * 8
    blocks: list[m.Block] = [m.TextBlock(filler) for _ in range(11)]
    subs = [m.Section(f"Subsection {k}", [m.TextBlock(filler * 3)]) for k in range(12)]
    brief = make_brief([m.Section("Long", blocks, subsections=subs)])
    result, reader = render(brief)
    texts = page_texts(reader)
    for j in range(12):
        page = result.section_pages[(0, j)]
        after = texts[page - 1].split(f"Subsection {j}", 1)[1]
        # Some body text follows the heading on the same page.
        assert "Line of text" in after, j


def test_top_level_sections_start_a_new_page() -> None:
    brief = make_brief([m.Section("A", [m.TextBlock("a")]), m.Section("B", [m.TextBlock("b")])])
    result, _ = render(brief)
    assert result.section_pages == {(0,): 3, (1,): 4}


def test_thousand_sections() -> None:
    sections = [m.Section(f"Section {i}", [m.TextBlock(f"Text {i}.")]) for i in range(1000)]
    result, reader = render(make_brief(sections))
    assert result.page_count == len(reader.pages) > 1000
    assert len(flat_outline(reader)) == 1000
    assert result.section_pages[(999,)] == result.page_count
    assert f"Page {result.page_count} of {result.page_count}" in reader.pages[-1].extract_text()


def test_section_marking_is_printed_with_its_heading() -> None:
    brief = make_brief([m.Section("Annex", [m.TextBlock("x")], marking="SECRET")])
    _, reader = render(brief)
    assert "SECRET" in page_texts(reader)[2]


def test_hostile_metadata_and_titles() -> None:
    title = 'AT&T <b>"visit"</b>\x00 \ud800' + "x" * 400
    brief = make_brief([m.Section(title, [m.TextBlock("x")])], title=title, marking="<i>SECRET</i>")
    _, reader = render(brief)
    texts = page_texts(reader)
    assert "<i>SECRET</i>" in texts[0]
    assert "AT&T <b>" in texts[2]
    assert reader.metadata is not None and reader.metadata.title.startswith("AT&T <b>")


def test_renders_in_parallel_threads_match_sequential_renders() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from briefbook.render.api import render_pdf
    from briefbook.render.options import RenderOptions

    briefs = [make_brief(long_sections(), title=f"Brief {i}") for i in range(4)]
    options = RenderOptions(reproducible=True)
    alone = [render_pdf(b, options).pdf for b in briefs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda b: render_pdf(b, options).pdf, briefs))
    assert together == alone


def marked_brief() -> m.Brief:
    """Sections marked at different levels of the default scheme."""
    filler = "Enough text to fill a little of the page. " * 30
    brief = make_brief(
        [
            m.Section("Programme", [m.TextBlock(filler)], marking="PUBLIC"),
            m.Section(
                "Position",
                [m.TextBlock(filler)],
                marking="RESTRICTED",
                subsections=[
                    m.Section("Red lines", [m.TextBlock(filler * 4)], marking="CONFIDENTIAL"),
                ],
            ),
            m.Section("Objectives", [m.TextBlock(filler)]),
        ],
        marking="INTERNAL",
    )
    brief.meta.portion_marks = True
    return brief


def banners(text: str) -> set[str]:
    return {
        word
        for word in ("PUBLIC", "INTERNAL", "RESTRICTED", "CONFIDENTIAL")
        if text.count(word) >= 2
    }


def test_each_page_shows_the_highest_marking_printed_on_it() -> None:
    brief = marked_brief()
    result, reader = render(brief)
    texts = page_texts(reader)
    pages = result.section_pages
    assert "CONFIDENTIAL" in texts[0] and "CONFIDENTIAL" in banners(texts[1])  # cover, contents
    assert banners(texts[pages[(0,)] - 1]) == {"PUBLIC"}
    assert "RESTRICTED" in banners(texts[pages[(1,)] - 1]) or pages[(1, 0)] == pages[(1,)]
    assert "CONFIDENTIAL" in banners(texts[pages[(1, 0)] - 1])
    assert banners(texts[pages[(2,)] - 1]) == {"INTERNAL"}
    # The subsection runs over several pages, every one marked CONFIDENTIAL.
    for page in range(pages[(1, 0)], pages[(2,)]):
        assert "CONFIDENTIAL" in banners(texts[page - 1])


def test_portion_marks_prefix_headings_and_contents() -> None:
    _, reader = render(marked_brief())
    texts = page_texts(reader)
    assert "(P) Programme" in texts[1] and "(C) Red lines" in texts[1]
    assert any("(R) Position" in t for t in texts[2:])


def test_edition_name_on_cover_and_footer(rich_brief: m.Brief) -> None:
    _, reader = render(rich_brief, edition="press")
    texts = page_texts(reader)
    assert "EDITION" in texts[0] and "press" in texts[0]
    assert all("Edition: press" in t for t in texts[1:])


def test_one_section_alone_for_a_fast_preview() -> None:
    brief = make_brief(long_sections())
    full, full_reader = render(brief)
    first = full.section_pages[(3,)]
    part, reader = render(brief, only_section=3, first_page=first, total_pages=full.page_count)
    assert part.section_pages == {p: n for p, n in full.section_pages.items() if p[0] == 3}
    texts = page_texts(reader)
    assert len(texts) == full.section_pages[(4,)] - first
    for offset, text in enumerate(texts):
        assert f"Page {first + offset} of {full.page_count}" in text
        assert (
            text.split("DRAFT")[0] == page_texts(full_reader)[first - 1 + offset].split("DRAFT")[0]
        )
    assert [title for title, _, _ in flat_outline(reader)] == [
        "4 Chapter 3",
        "4.1 Part 3.0",
        "4.2 Part 3.1",
        "4.3 Part 3.2",
    ]


def test_preview_of_a_missing_section_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="no section 9"):
        render(make_brief(long_sections()), only_section=8)
