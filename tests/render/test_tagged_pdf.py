"""Tagged PDF (PDF/UA-1): the structure tree read back in reading order, page furniture
as artifacts, no text outside marked content, the catalog and metadata entries, the
pdfua checker's verdict, and the archival PDF/A-2b export."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pdfua import validate
from support.tagged_reading import page_marks, structure

from briefbook.core import model as m
from briefbook.core.fileformat import load
from briefbook.render.api import render_pdf
from briefbook.render.options import RenderOptions
from tests.render.conftest import make_brief, rich_sections

EXAMPLE = Path(__file__).parents[2] / "assets" / "templates" / "example.brief.yaml"


def _photo(folder: Path, name: str) -> str:
    from PIL import Image

    Image.new("RGB", (120, 150), (40, 80, 120)).save(folder / name)
    return name


def every_kind(folder: Path) -> m.Brief:
    """A brief with every block kind, a logo, a photo and a picture with a caption."""
    sections = rich_sections()
    sections[0].blocks.append(
        m.ImageBlock(_photo(folder, "map.png"), "The harbour", alt="Map of the harbour")
    )
    sections[0].blocks.append(m.PageBreakBlock())
    people = sections[4].blocks[0]
    assert isinstance(people, m.PeopleBlock)
    people.people[0].photo = _photo(folder, "rossi.png")
    brief = make_brief(sections, logo=_photo(folder, "logo.png"), language="it")
    brief.source = folder / "every.brief.yaml"
    return brief


def _render(brief: m.Brief, **options: object) -> bytes:
    return render_pdf(brief, RenderOptions(reproducible=True, **options)).pdf  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def example_pdf() -> bytes:
    return _render(load(EXAMPLE))


@pytest.fixture
def every_pdf(tmp_path: Path) -> bytes:
    return _render(every_kind(tmp_path))


def _checked(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "checked.pdf"
    path.write_bytes(data)
    return [f"{f.rule_id}: {f.message}" for f in validate(str(path)).findings]


def _struct_text(data: bytes, tmp_path: Path) -> str:
    """The structure tree with its text, as poppler's ``pdfinfo -struct-text`` prints it."""
    if shutil.which("pdfinfo") is None:
        pytest.skip("needs poppler's pdfinfo")
    path = tmp_path / "structure.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True
    ).stdout


def test_the_checker_finds_nothing_in_the_example(example_pdf: bytes, tmp_path: Path) -> None:
    assert _checked(example_pdf, tmp_path) == []


def test_the_checker_finds_nothing_with_every_block_kind(every_pdf: bytes, tmp_path: Path) -> None:
    assert _checked(every_pdf, tmp_path) == []


def test_every_text_is_marked_and_furniture_is_an_artifact(
    example_pdf: bytes, every_pdf: bytes
) -> None:
    for data in (example_pdf, every_pdf):
        for number, marks in enumerate(page_marks(data), start=1):
            assert marks.text_outside == 0, number
            assert marks.furniture_outside == 0, number
            assert marks.furniture_inside == 0, number
            assert marks.nested == 0, number


def test_roles_come_in_reading_order(every_pdf: bytes) -> None:
    nodes = structure(every_pdf)
    assert nodes[0].role == "Document"
    roles = [n.role for n in nodes]
    headings = [n for n in nodes if n.role in ("H1", "H2", "H3")]
    assert [h.role for h in headings] == ["H1", "H1", "H1", "H1", "H2", "H2", "H1", "H1", "H1"]
    # The cover, then the contents, then the sections.
    assert roles.index("Div") < roles.index("TOC") < roles.index("Sect")
    toc = next(n for n in nodes if n.role == "TOC")
    assert set(toc.kids) == {"TOCI"} and len(toc.kids) == 8
    assert "Note" in roles and "L" in roles and "Table" in roles


def test_heading_levels_skip_none(example_pdf: bytes, every_pdf: bytes) -> None:
    for data in (example_pdf, every_pdf):
        level = 0
        for node in structure(data):
            if node.role in ("H1", "H2", "H3", "H4"):
                new = int(node.role[1])
                assert new <= level + 1
                level = new


def test_sections_nest_their_subsections(every_pdf: bytes) -> None:
    nodes = structure(every_pdf)
    h2 = [i for i, n in enumerate(nodes) if n.role == "H2"]
    for i in h2:
        parent = next(n for n in reversed(nodes[:i]) if n.depth == nodes[i].depth - 1)
        assert parent.role == "Sect" and parent.depth >= 2


def test_lists_are_labelled_items_and_nest(every_pdf: bytes) -> None:
    nodes = structure(every_pdf)
    items = [n for n in nodes if n.role == "LI"]
    assert items and all(n.kids[:2] == ("Lbl", "LBody") for n in items)
    bodies = [n for n in nodes if n.role == "LBody"]
    assert any("L" in n.kids for n in bodies)  # the nested list sits in its item's body


def test_tables_have_column_headers(every_pdf: bytes) -> None:
    nodes = structure(every_pdf)
    tables = [i for i, n in enumerate(nodes) if n.role == "Table"]
    assert len(tables) >= 5  # cover facts, schedule x2, table, recommendations, contacts
    heads = [n for n in nodes if n.role == "TH" and n.scope == "Column"]
    texts = {"Time", "Activity", "Initiative", "Recommendation", "Name"}
    assert len(heads) >= len(texts)
    assert all(n.role != "TH" or n.scope in ("Column", "Row") for n in nodes)


def test_figures_carry_their_alternative_text(every_pdf: bytes) -> None:
    alts = [n.alt for n in structure(every_pdf) if n.role == "Figure"]
    assert alts == [
        "Office of the Secretary General",
        "Map of the harbour",
        "Giulia Rossi, Minister",
    ]
    figure = next(n for n in structure(every_pdf) if n.alt == "Map of the harbour")
    assert figure.kids == ("Caption",)


def test_repeated_header_rows_are_artifacts(tmp_path: Path) -> None:
    rows = [[f"Row {i}", "x " * 30, "y"] for i in range(120)]
    brief = make_brief([m.Section("Long", [m.TableBlock(["A", "B", "C"], rows)])])
    data = _render(brief)
    nodes = structure(data)
    assert len(pikepdf.open(io.BytesIO(data)).pages) >= 5
    assert [n.role for n in nodes].count("Table") == 2  # the cover's facts and this one
    assert [n.role for n in nodes].count("THead") == 1
    body_rows = [n for n in nodes if n.role == "TR"]
    assert len(body_rows) == 120 + 1 + 6  # data rows, one header row, the cover's facts


def test_catalog_metadata_and_language(every_pdf: bytes) -> None:
    pdf = pikepdf.open(io.BytesIO(every_pdf))
    root = pdf.Root
    assert bool(root.MarkInfo.Marked)
    assert str(root.Lang) == "it"
    assert bool(root.ViewerPreferences.DisplayDocTitle)
    assert all(page.obj.Tabs == pikepdf.Name.S for page in pdf.pages)
    with pdf.open_metadata() as meta:
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == "Visit to Italy"
    assert str(pdf.docinfo.Title) == "Visit to Italy"
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            assert "/StructParent" in annot and str(annot.Contents).strip()


def test_links_are_link_elements(every_pdf: bytes) -> None:
    nodes = structure(every_pdf)
    links = [n for n in nodes if n.role == "Link"]
    assert len(links) == 8 + 1  # the contents' entries and the contact's e-mail


def test_reproducible_output_is_the_same_bytes(tmp_path: Path) -> None:
    brief = every_kind(tmp_path)
    assert _render(brief) == _render(brief)


def test_pdfa_declares_pdfa_2b_with_an_output_intent(tmp_path: Path) -> None:
    data = _render(every_kind(tmp_path), pdfa=True)
    pdf = pikepdf.open(io.BytesIO(data))
    intent = pdf.Root.OutputIntents[0]
    assert intent.S == pikepdf.Name.GTS_PDFA1
    assert intent.DestOutputProfile.N == 3 and len(intent.DestOutputProfile.read_bytes()) > 400
    with pdf.open_metadata() as meta:
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert meta["pdfuaid:part"] == "1"
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            assert int(annot.F) & 4
    assert _checked(data, tmp_path) == []


def test_an_untagged_render_lays_out_the_same_pages(tmp_path: Path) -> None:
    brief = every_kind(tmp_path)
    tagged = render_pdf(brief, RenderOptions(reproducible=True))
    plain = render_pdf(brief, RenderOptions(reproducible=True, tagged=False))
    assert tagged.page_count == plain.page_count
    assert "/StructTreeRoot" not in pikepdf.open(io.BytesIO(plain.pdf)).Root


def test_pocket_cards_and_itineraries_are_tagged(tmp_path: Path) -> None:
    from briefbook.core.distribution.itinerary import itinerary_for
    from briefbook.render.pocket.card import render_pocket_card

    brief = load(EXAMPLE)
    cards = render_pocket_card(brief).pdf
    assert _checked(cards, tmp_path) == []
    assert all(p.text_outside == 0 and p.nested == 0 for p in page_marks(cards))
    roles = [n.role for n in structure(cards)]
    assert "Table" in roles and "TH" in roles
    person = itinerary_for(brief, "Secretary General")
    trip = _render(person)
    assert _checked(trip, tmp_path) == []
    assert "Table" in [n.role for n in structure(trip)]


def test_the_tree_holds_no_furniture_text(example_pdf: bytes, tmp_path: Path) -> None:
    text = _struct_text(example_pdf, tmp_path)
    assert "Page 3 of" not in text and "DRAFT" in text  # the cover's status, not the mark
    assert text.count("RESTRICTED") == 1  # the cover's facts; never the banners
    assert "Visit to Italy" in text


def test_the_changes_page_is_tagged(tmp_path: Path) -> None:
    from briefbook.cli import main

    changes = Path(__file__).parents[1] / "data" / "changes"
    out = tmp_path / "changes.pdf"
    assert (
        main(
            [
                "export",
                str(changes / "harbour-v3.brief.yaml"),
                "--changes-since",
                str(changes / "harbour-v2.brief.yaml"),
                "-o",
                str(out),
            ]
        )
        == 0
    )
    data = out.read_bytes()
    assert _checked(data, tmp_path) == []
    nodes = structure(data)
    assert [n.role for n in nodes].count("TOCI") == 6  # the changes page's entry first
    assert "H2" in [n.role for n in nodes[:80]]  # its groups


DATA = Path(__file__).parents[1] / "data"


@pytest.mark.parametrize("name", ["forms/forms.brief.yaml", "layout.brief.yaml"])
def test_the_forms_and_layouts_pass_the_checker(name: str, tmp_path: Path) -> None:
    """Memo, scenario, talking points and if-asked lines; no cover, labels, run-on
    sections, a page number at the top."""
    data = _render(load(DATA / name))
    assert _checked(data, tmp_path) == []
    assert all(
        marks.text_outside == 0 and marks.furniture_outside == 0 for marks in page_marks(data)
    )


def test_an_annex_passes_the_checker_and_says_readers_skip_it(tmp_path: Path) -> None:
    from support.annexpdfs import annex_pdf

    (tmp_path / "annexes").mkdir()
    annex_pdf(tmp_path / "annexes" / "paper.pdf", 3, wide=(2,))
    brief = make_brief(
        [
            m.Section("Intro", [m.TextBlock("Hello.")]),
            m.Section("Paper", [m.PdfBlock("annexes/paper.pdf")], label="Annex A"),
        ]
    )
    brief.source = tmp_path / "a.brief.yaml"
    result = render_pdf(brief, RenderOptions(reproducible=True))
    assert _checked(result.pdf, tmp_path) == []
    assert all(
        marks.text_outside == 0 and marks.furniture_outside == 0 for marks in page_marks(result.pdf)
    )
    assert any("screen readers skip" in str(w) for w in result.warnings)
    preview = render_pdf(brief, RenderOptions(reproducible=True, tagged=False))
    assert not any("screen readers skip" in str(w) for w in preview.warnings)


def test_a_tagged_annex_brings_its_structure_into_the_section(tmp_path: Path) -> None:
    """A tagged annex (here a tagged PDF briefbook made) is read out where it stands: its
    elements under a Div in the annex's section, its marked content referenced in the
    form each page is drawn with, and no warning that readers skip it."""
    (tmp_path / "annexes").mkdir()
    annex = make_brief(
        [
            m.Section("Terms of reference", [m.TextBlock("The annex's own paragraph.")]),
            m.Section(
                "Participants",
                [m.BulletsBlock([m.ListItem("First participant"), m.ListItem("Second one")])],
            ),
        ]
    )
    (tmp_path / "annexes" / "terms.pdf").write_bytes(
        render_pdf(annex, RenderOptions(reproducible=True)).pdf
    )
    brief = make_brief(
        [
            m.Section("Intro", [m.TextBlock("Hello.")]),
            m.Section(
                "Terms",
                [m.TextBlock("Before the annex."), m.PdfBlock("annexes/terms.pdf", pages="3-4")],
                label="Annex A",
            ),
            m.Section("Closing", [m.TextBlock("The end.")]),
        ]
    )
    brief.source = tmp_path / "a.brief.yaml"
    result = render_pdf(brief, RenderOptions(reproducible=True))
    assert not any("screen readers skip" in str(w) for w in result.warnings)
    assert _checked(result.pdf, tmp_path) == []
    tree = _struct_text(result.pdf, tmp_path)
    order = [
        "Before the annex.",
        "Terms of reference",
        "The annex's own paragraph.",
        "First participant",
        "The end.",
    ]
    places = [tree.find(text) for text in order]
    assert -1 not in places and places == sorted(places), tree
    with pikepdf.open(io.BytesIO(result.pdf)) as pdf:
        forms = [
            form
            for page in pdf.pages
            for form in page.obj.Resources.get("/XObject", {}).values()
            if "/StructParents" in form
        ]
        assert len(forms) == 2  # the annex's two placed pages
        keys = {int(form.StructParents) for form in forms}
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        assert keys <= {int(nums[i]) for i in range(0, len(nums), 2)}


def test_a_looping_or_endless_annex_tree_is_cut_short(tmp_path: Path) -> None:
    """A hostile annex's structure tree that loops back on itself, or nests thousands of
    levels deep, is copied as far as it makes sense: the export finishes and checks."""
    (tmp_path / "annexes").mkdir()
    annex = make_brief([m.Section("Terms", [m.TextBlock("Looping annex text.")])])
    made = io.BytesIO(render_pdf(annex, RenderOptions(reproducible=True)).pdf)
    with pikepdf.open(made) as pdf:
        document = pdf.Root.StructTreeRoot.K
        kids = document.K if isinstance(document.K, pikepdf.Array) else pikepdf.Array([document.K])
        kids.append(document)  # the document holds itself
        deep = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S="/Div"))
        for _ in range(3000):
            deep = pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.StructElem, S=pikepdf.Name.Div, K=pikepdf.Array([deep])
                )
            )
        kids.append(deep)
        document.K = kids
        pdf.save(tmp_path / "annexes" / "loop.pdf")
    brief = make_brief([m.Section("Annex", [m.PdfBlock("annexes/loop.pdf")])])
    brief.source = tmp_path / "a.brief.yaml"
    result = render_pdf(brief, RenderOptions(reproducible=True))
    assert _checked(result.pdf, tmp_path) == []
    tree = _struct_text(result.pdf, tmp_path)
    assert tree.count("Looping annex text.") == 1
