"""Putting the annex pages into the laid-out dossier (pikepdf, after ReportLab).

Each annex page becomes a form XObject drawn first on its placeholder page, so the
dossier's furniture lies over it. Only the page's content and resources are copied
(never the annex's catalogue, with its scripts, open action, embedded files and
forms); its links are rebuilt: web and e-mail links as they were, links to its own
pages pointed at those pages in the dossier, all others dropped.
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name

from briefbook.core.annexes import uri_of
from briefbook.render.annexes.cleaning import clean_copied
from briefbook.render.annexes.geometry import as_matrix, fit, point, rect, then
from briefbook.render.annexes.outline import nest_outlines, resolve_dest
from briefbook.render.annexes.plan import AnnexPlan, Placed, Placement
from briefbook.render.annexes.structure import ParentEntries, PlacedForm, nest_structure


def place_annexes(pdf: bytes, plan: AnnexPlan) -> bytes:
    """The dossier ``pdf`` with every planned annex page in place; its outline holds the
    annexes' bookmarks under their sections."""
    with pikepdf.open(io.BytesIO(pdf)) as out:
        first_copied = len(out.objects) + 1
        placed: dict[tuple[int, int], Placed] = {}
        forms: dict[int, dict[int, PlacedForm]] = {}
        entries = ParentEntries(out)
        for number, placement in enumerate(plan.placements):
            where = _place(out, plan, placement, number, forms, entries)
            placed.setdefault((placement.source, placement.page), where)
        for source, pages in forms.items():
            annex = plan.sources[source]
            nest_structure(out, annex.pdf, pages, plan.anchor_objects[source], annex.title, entries)
        for placement in plan.placements:
            _links(out, plan, placement, placed)
        nest_outlines(out, plan, placed)
        clean_copied(out, first_copied)
        buffer = io.BytesIO()
        out.save(
            buffer,
            deterministic_id=True,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
    return buffer.getvalue()


def _place(
    out: pikepdf.Pdf,
    plan: AnnexPlan,
    placement: Placement,
    number: int,
    forms: dict[int, dict[int, PlacedForm]],
    entries: ParentEntries,
) -> Placed:
    """Draw the annex page on its dossier page; a tagged annex's page of a tagged
    dossier goes into ``forms`` (its structure is carried over), any other is an
    artifact."""
    source = plan.sources[placement.source]
    form = source.pdf.pages[placement.page].as_form_xobject()
    own = as_matrix([float(v) for v in form.get("/Matrix", [])] or None)
    shown = rect(own, [float(v) for v in form.BBox])
    matrix = fit(shown, placement.box)
    copied = out.copy_foreign(form)
    page = out.pages[placement.target - 1]
    _own_resources(page)
    name = page.add_resource(copied, Name.XObject, Name(f"/BbAnnex{number}"))
    a, b, c, d, e, f = matrix
    drawn = f"q {a:.6f} {b:.6f} {c:.6f} {d:.6f} {e:.4f} {f:.4f} cm {name} Do Q"
    carried = placement.source in plan.anchor_objects and source.tagged
    pages = forms.setdefault(placement.source, {}) if carried else None
    if pages is not None and placement.page not in pages:
        # The paint itself is marked content of the annex's element (its own content,
        # inside the form, belongs to the annex's elements: see structure.py).
        placed_form = pages[placement.page] = PlacedForm(copied, page.obj)
        drawn = f"/Div <</MCID {placed_form.page_mcid(entries)}>> BDC {drawn} EMC"
    else:
        # An artifact: an untagged annex has no structure to carry into the dossier's
        # tree (the builder warns), and content outside both would break the tagged PDF.
        drawn = f"/Artifact BMC {drawn} EMC"
    page.contents_add(f"{drawn}\n".encode("ascii"), prepend=True)
    return Placed(placement.target - 1, then(own, matrix))


def _own_resources(page: pikepdf.Page) -> None:
    """Give ``page`` resource dictionaries of its own (ReportLab may share them)."""
    resources = page.obj.get("/Resources")
    copy = Dictionary(dict(resources.items()) if isinstance(resources, Dictionary) else {})
    xobjects = copy.get("/XObject")
    copy.XObject = (
        Dictionary(dict(xobjects.items())) if isinstance(xobjects, Dictionary) else Dictionary()
    )
    page.obj.Resources = copy


def _links(
    out: pikepdf.Pdf, plan: AnnexPlan, placement: Placement, placed: dict[tuple[int, int], Placed]
) -> None:
    """The annex page's links, on its dossier page."""
    source = plan.sources[placement.source]
    annots = source.pdf.pages[placement.page].obj.get("/Annots")
    if not isinstance(annots, Array):
        return
    here = placed[(placement.source, placement.page)]
    kept: list[Dictionary] = []
    for annot in annots:
        if not isinstance(annot, Dictionary) or annot.get("/Subtype") != Name.Link:
            continue
        try:
            box = rect(here.matrix, [float(v) for v in annot.Rect])
        except (AttributeError, TypeError, ValueError, IndexError):
            continue
        link = Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=Array(box), Border=Array([0, 0, 0]), F=4
        )  # F 4: printed, as PDF/A asks of every annotation
        action = annot.get("/A")
        if isinstance(action, Dictionary) and action.get("/S") == Name.URI:
            uri = uri_of(action)
            if not uri:
                continue
            link.A = Dictionary(S=Name.URI, URI=pikepdf.String(uri))
            link.Contents = pikepdf.String(f"Link to {uri}")
        else:
            dest = _internal(out, source.pdf, annot, placement.source, placed)
            if dest is None:
                continue
            link.Dest = dest
            link.Contents = pikepdf.String("Link to another page of the annex")
        kept.append(link)
    if kept:
        page = out.pages[placement.target - 1]
        existing = page.obj.get("/Annots")
        merged = Array(list(existing) if isinstance(existing, Array) else [])
        for link in kept:
            merged.append(out.make_indirect(link))
        page.obj.Annots = merged


def _internal(
    out: pikepdf.Pdf,
    src: pikepdf.Pdf,
    annot: Dictionary,
    source: int,
    placed: dict[tuple[int, int], Placed],
) -> Array | None:
    """A link to a page of the annex, as a destination in the dossier (None: dropped)."""
    action = annot.get("/A")
    raw: object
    if "/Dest" in annot:
        raw = annot.Dest
    elif isinstance(action, Dictionary) and action.get("/S") == Name.GoTo:
        raw = action.get("/D")
    else:
        return None
    found = resolve_dest(src, raw)
    if found is None:
        return None
    page, top = found
    where = placed.get((source, page))
    if where is None:
        return None
    target = out.pages[where.target].obj
    if top is None:
        return Array([target, Name.Fit])
    _, y = point(where.matrix, 0.0, top)
    return Array([target, Name.XYZ, None, y, None])
