"""Annexes: an existing PDF's pages placed in the dossier, read back page by page."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from support.annexpdfs import annex_pdf, protected_pdf, scripted_pdf

from briefbook.core import model as m
from briefbook.core.distribution.editions import apply_edition
from briefbook.core.fileformat import dumps, save, validate
from briefbook.render.api import render_pdf
from briefbook.render.options import RenderOptions

from .conftest import flat_outline, links, page_index, page_texts


def _brief(folder: Path, *blocks: m.PdfBlock, tags: tuple[str, ...] = ()) -> m.Brief:
    brief = m.Brief(
        m.Meta(title="Visit to Rome", marking="RESTRICTED"),
        [
            m.Section("Purpose", [m.TextBlock("Why we go.")]),
            m.Section("Annex A", list(blocks), tags=list(tags)),
            m.Section("Closing", [m.TextBlock("The end.")]),
        ],
    )
    save(brief, folder / "visit.brief.yaml", backup=False)
    return brief


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "annexes").mkdir()
    annex_pdf(tmp_path / "annexes" / "paper.pdf", 4, wide=(3,))
    return tmp_path


def _render(brief: m.Brief, **options: object) -> tuple[bytes, PdfReader, list[str]]:
    result = render_pdf(brief, RenderOptions(**options))  # type: ignore[arg-type]
    # Every placed annex also says that screen readers skip it (test_tagged_pdf.py).
    warnings = [str(w) for w in result.warnings if "screen readers skip" not in str(w)]
    return result.pdf, PdfReader(io.BytesIO(result.pdf)), warnings


def test_annex_pages_run_in_the_dossier_numbered_and_marked(folder: Path) -> None:
    brief = _brief(folder, m.PdfBlock("annexes/paper.pdf", title="The paper"))
    _, reader, warnings = _render(brief)
    assert warnings == []
    texts = page_texts(reader)
    total = len(texts)
    annex_pages = [i for i, text in enumerate(texts) if "ANNEX page" in text]
    assert [texts[i].count("ANNEX page") for i in annex_pages] == [1, 1, 1, 1]
    for number, index in enumerate(annex_pages, start=1):
        assert f"ANNEX page {number}" in texts[index]
        assert f"Page {index + 1} of {total}" in texts[index]
        assert texts[index].count("RESTRICTED") == 2  # banner top and bottom
        assert "Visit to Rome" in texts[index]  # the running header
    heading = next(i for i, text in enumerate(texts) if "Annex A" in text and i > 1)
    assert annex_pages == list(range(heading + 1, heading + 5))
    contents = texts[1].split("Contents", 1)[1]
    assert str(heading + 1) in contents.split("Annex A")[0].split("Purpose")[1]  # its number
    assert "Closing" in texts[annex_pages[-1] + 1]
    wide = reader.pages[annex_pages[2]].mediabox
    assert wide.width > wide.height  # the landscape page stays landscape
    tall = reader.pages[annex_pages[0]].mediabox
    assert tall.height > tall.width


def test_outline_nests_the_annex_bookmarks_under_its_section(folder: Path) -> None:
    brief = _brief(folder, m.PdfBlock("annexes/paper.pdf", title="The paper"))
    _, reader, _ = _render(brief)
    outline = flat_outline(reader)
    titles = [(title, level) for title, level, _ in outline]
    start = titles.index(("2 Annex A", 0))
    assert titles[start + 1 : start + 6] == [
        ("The paper", 1),
        ("ANNEX bookmark 1", 2),
        ("ANNEX bookmark 2", 2),
        ("ANNEX bookmark 3", 2),
        ("ANNEX bookmark 4", 3),
    ]
    pages = [page for _, _, page in outline[start + 2 : start + 6]]
    texts = page_texts(reader)
    for number, page in enumerate(pages, start=1):
        assert f"ANNEX page {number}" in texts[page]


def test_links_are_kept_and_point_into_the_dossier(folder: Path) -> None:
    brief = _brief(folder, m.PdfBlock("annexes/paper.pdf"))
    _, reader, _ = _render(brief)
    texts = page_texts(reader)
    first = next(i for i, text in enumerate(texts) if "ANNEX page 1" in text)
    last = next(i for i, text in enumerate(texts) if "ANNEX page 4" in text)
    found = [annot for page, annot in links(reader) if page == first]
    uris = [annot["/A"]["/URI"] for annot in found if "/A" in annot]
    assert uris == ["https://example.org/annex"]
    internal = [annot for annot in found if "/Dest" in annot]
    assert len(internal) == 1
    assert page_index(reader, internal[0]["/Dest"][0]) == last


def test_a_page_range_and_full_pages(folder: Path) -> None:
    brief = _brief(folder, m.PdfBlock("annexes/paper.pdf", pages="4,1-2", scale="full"))
    _, reader, _ = _render(brief)
    texts = page_texts(reader)
    order = [n for text in texts for n in range(1, 5) if f"ANNEX page {n}" in text]
    assert order == [4, 1, 2]
    page = next(i for i, text in enumerate(texts) if "ANNEX page 4" in text)
    assert "RESTRICTED" in texts[page] and f"Page {page + 1} of {len(texts)}" in texts[page]


def _all_bytes(pdf: bytes) -> bytes:
    """The file's bytes with every stream decompressed, for looking for text."""
    found = [pdf]
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    found.append(obj.read_bytes())
                except pikepdf.PdfError:
                    found.append(obj.read_raw_bytes())
            found.append(repr(obj).encode("utf-8", "replace"))
    return b"\n".join(found)


def test_scripts_actions_files_and_forms_never_reach_the_dossier(folder: Path) -> None:
    scripted_pdf(folder / "annexes" / "scripted.pdf")
    brief = _brief(folder, m.PdfBlock("annexes/scripted.pdf"))
    pdf, reader, warnings = _render(brief)
    assert any("SCRIPTED page 1" in text for text in page_texts(reader))
    assert len(warnings) == 1 and "JavaScript" in warnings[0] and "open action" in warnings[0]
    every = _all_bytes(pdf)
    for forbidden in (
        b"/JavaScript",
        b"/OpenAction",
        b"/JS",
        b"/Launch",
        b"/EmbeddedFile",
        b"/AcroForm",
        b"/XFA",
        b"/Widget",
        b"SECRET ATTACHMENT",
        b"calc.exe",
        b"app.alert",
        b"file:///etc/passwd",
    ):
        assert forbidden not in every, forbidden


def test_a_protected_annex_prints_a_placeholder_page_and_warns(folder: Path) -> None:
    protected_pdf(folder / "annexes" / "locked.pdf")
    brief = _brief(folder, m.PdfBlock("annexes/locked.pdf"))
    _, reader, warnings = _render(brief)
    assert len(warnings) == 1 and "password" in warnings[0] and "locked.pdf" in warnings[0]
    assert any("Annex not available: annexes/locked.pdf" in text for text in page_texts(reader))
    assert not any("LOCKED page" in text for text in page_texts(reader))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.pdf", None, "does not exist"),
        ("damaged.pdf", b"%PDF-1.4\nnot really a pdf", "damaged"),
        ("locked.pdf", "locked", "password"),
    ],
)
def test_validate_names_the_line_and_the_file(
    folder: Path, name: str, content: object, reason: str
) -> None:
    if content == "locked":
        protected_pdf(folder / "annexes" / name)
    elif isinstance(content, bytes):
        (folder / "annexes" / name).write_bytes(content)
    brief = _brief(folder, m.PdfBlock(f"annexes/{name}"))
    path = folder / "visit.brief.yaml"
    line = dumps(brief).splitlines().index("  - pdf:") + 1
    problems = validate(path)
    assert len(problems) == 1, problems
    assert problems[0].line == line
    assert name in problems[0].message and reason in problems[0].message


def test_an_annex_outside_the_brief_folder_is_refused(folder: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "other.pdf"
    annex_pdf(outside, 1, marker="OUTSIDE")
    brief = _brief(folder, m.PdfBlock(str(outside)))
    _, reader, warnings = _render(brief)
    assert warnings and "outside the brief's folder" in warnings[0]
    assert not any("OUTSIDE page" in text for text in page_texts(reader))
    assert "outside the brief's folder" in str(validate(folder / "visit.brief.yaml")[0])


def test_an_edition_leaving_the_annex_out_has_none_of_it(folder: Path) -> None:
    annex_pdf(folder / "annexes" / "secret.pdf", 2, marker="ZQXJ-SECRET-ANNEX")
    brief = _brief(
        folder, m.PdfBlock("annexes/secret.pdf", title="Secret paper"), tags=("internal",)
    )
    brief.editions = [m.Edition("Public", exclude_tags=["internal"])]
    full, _, _ = _render(brief)
    assert b"ZQXJ-SECRET-ANNEX" in _all_bytes(full)
    edition = apply_edition(brief, brief.editions[0])
    pdf, reader, _ = _render(edition, edition="Public")
    every = _all_bytes(pdf)
    assert b"ZQXJ" not in every and b"Secret paper" not in every
    assert not any("Annex A" in text for text in page_texts(reader))


def test_page_ranges() -> None:
    assert m.page_numbers("", 3) == [0, 1, 2]
    assert m.page_numbers("1-3,7", 8) == [0, 1, 2, 6]
    assert m.page_numbers("2-", 4) == [1, 2, 3]
    for bad in ("0", "3-1", "a", "9"):
        with pytest.raises(m.PageRangeError):
            m.page_numbers(bad, 8)


def test_annex_pages_carry_the_copy_stamp_and_the_edition(folder: Path) -> None:
    brief = _brief(folder, m.PdfBlock("annexes/paper.pdf", pages="3"))
    brief.meta.organisation = "Protocol Office"
    _, reader, _ = _render(brief, copy_stamp="Copy 3 of 12 – Ana Costa", edition="Press")
    texts = page_texts(reader)
    page = next(i for i, text in enumerate(texts) if "ANNEX page 3" in text)
    assert "Copy 3 of 12 – Ana Costa" in texts[page] and "Edition: Press" in texts[page]


def test_the_preview_of_an_annex_section_shows_its_pages(folder: Path) -> None:
    brief = _brief(folder, m.PdfBlock("annexes/paper.pdf", title="The paper"))
    _, reader, _ = _render(brief, only_section=1, first_page=4, total_pages=10)
    texts = page_texts(reader)
    assert len(texts) == 5
    assert [n for text in texts for n in range(1, 5) if f"ANNEX page {n}" in text] == [1, 2, 3, 4]
    assert "Page 5 of 10" in texts[1]
    assert [title for title, _, _ in flat_outline(reader)][:2] == ["2 Annex A", "The paper"]


def test_an_edition_leaves_out_an_annex_marked_above_its_ceiling(folder: Path) -> None:
    annex_pdf(folder / "annexes" / "ceiling.pdf", 1, marker="QWKV-ABOVE")
    brief = _brief(folder, m.PdfBlock("annexes/ceiling.pdf", marking="CONFIDENTIAL"))
    brief.sections[1].blocks.insert(0, m.TextBlock("A cover note."))
    edition = m.Edition("Partners", ceiling="RESTRICTED")
    pdf, reader, _ = _render(apply_edition(brief, edition), edition="Partners")
    assert b"QWKV" not in _all_bytes(pdf)
    assert any("A cover note." in text for text in page_texts(reader))


def test_numbered_copies_with_a_landscape_annex_page_are_laid_out_once(
    folder: Path, tmp_path: Path
) -> None:
    """The landscape annex page's furniture has forms of its own: the stamper replaces
    them too, so each copy reads as the copy laid out alone, on every page."""
    from briefbook.core.distribution.copies import recipient_copies
    from briefbook.core.distribution.exportplan import ExportRequest, plan_exports
    from briefbook.core.fileformat import load
    from briefbook.render.exporting import ExportChoices, export_jobs, job_options, same_layout

    _brief(folder, m.PdfBlock("annexes/paper.pdf"))
    brief = load(folder / "visit.brief.yaml")
    request = ExportRequest(copies=recipient_copies(["Ana Costa", "Zoë Ωμέγα"]))
    jobs = plan_exports(brief, request, tmp_path, tmp_path)
    choices = ExportChoices(reproducible=True)
    assert [len(run) for run in same_layout(jobs, choices)] == [2]
    for job, result in zip(jobs, export_jobs(jobs, choices), strict=True):
        stamped = PdfReader(io.BytesIO(result.path.read_bytes()))
        alone = PdfReader(io.BytesIO(render_pdf(job.brief, job_options(job, choices)).pdf))
        texts = page_texts(stamped)
        assert texts == page_texts(alone)
        wide = [
            i for i, page in enumerate(stamped.pages) if page.mediabox.width > page.mediabox.height
        ]
        assert wide and all(job.stamp in texts[i] for i in wide)
