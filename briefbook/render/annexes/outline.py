"""An annex's bookmarks, nested in the dossier's outline under its section's entry, and
the destinations of the annex (its bookmarks' and links') as pages of the annex."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name

from briefbook.render.annexes.geometry import point
from briefbook.render.annexes.plan import AnnexPlan, Placed

#: Bookmarks deeper or more numerous than this are left out (a damaged or hostile tree).
MAX_DEPTH = 12
MAX_ITEMS = 10_000


@dataclass
class Bookmark:
    title: str
    #: The annex page (0-based) and the top of the view on it, if the item has them.
    page: int | None
    top: float | None
    children: list[Bookmark] = field(default_factory=list)


def _page_index(src: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    index: dict[tuple[int, int], int] = getattr(src, "_bb_page_index", None) or {}
    if not index:
        index = {page.obj.objgen: number for number, page in enumerate(src.pages)}
        src._bb_page_index = index  # type: ignore[attr-defined]  # a cache on the open file
    return index


def _named(src: pikepdf.Pdf, raw: Any) -> Any:
    """The destination a name stands for (``None`` when the annex has none by that name)."""
    root = src.Root
    try:
        if isinstance(raw, Name):
            dests = root.get("/Dests")
            return dests.get(raw) if isinstance(dests, Dictionary) else None
        names = root.get("/Names")
        if isinstance(names, Dictionary) and "/Dests" in names:
            tree = pikepdf.NameTree(names.Dests)
            key = str(raw)
            return tree.get(key, None)
    except (pikepdf.PdfError, KeyError, TypeError, ValueError):
        return None
    return None


def resolve_dest(src: pikepdf.Pdf, raw: Any) -> tuple[int, float | None] | None:
    """A destination of the annex as (page index, top of the view or None)."""
    if isinstance(raw, Name | pikepdf.String):
        raw = _named(src, raw)
    if isinstance(raw, Dictionary):
        raw = raw.get("/D")
    if not isinstance(raw, Array) or len(raw) < 2:
        return None
    target = raw[0]
    if not isinstance(target, Dictionary):
        return None
    page = _page_index(src).get(target.objgen)
    if page is None:
        return None
    kind, top = raw[1], None
    try:
        if kind == Name.XYZ and len(raw) > 3 and raw[3] is not None:
            top = float(raw[3])
        elif kind in (Name.FitH, Name.FitBH) and len(raw) > 2 and raw[2] is not None:
            top = float(raw[2])
    except (TypeError, ValueError):
        top = None
    return page, top


def read_bookmarks(src: pikepdf.Pdf) -> list[Bookmark]:
    """The annex's outline, as far as it is sound."""
    outlines = src.Root.get("/Outlines")
    if not isinstance(outlines, Dictionary):
        return []
    seen: set[tuple[int, int]] = set()

    def level(first: Any, depth: int) -> list[Bookmark]:
        found: list[Bookmark] = []
        item = first
        while isinstance(item, Dictionary) and len(seen) < MAX_ITEMS:
            if item.is_indirect:
                if item.objgen in seen:
                    break
                seen.add(item.objgen)
            dest: Any = item.get("/Dest")
            action = item.get("/A")
            if dest is None and isinstance(action, Dictionary) and action.get("/S") == Name.GoTo:
                dest = action.get("/D")
            where = resolve_dest(src, dest) if dest is not None else None
            title = str(item.get("/Title", "")) or "–"
            mark = Bookmark(title, where[0] if where else None, where[1] if where else None)
            if depth < MAX_DEPTH:
                mark.children = level(item.get("/First"), depth + 1)
            found.append(mark)
            item = item.get("/Next")
        return found

    return level(outlines.get("/First"), 1)


def _section_item(out: pikepdf.Pdf, title: str, page: int) -> Dictionary | None:
    """The outline entry of the section titled ``title`` whose heading is on ``page``."""
    outlines = out.Root.get("/Outlines")
    if not isinstance(outlines, Dictionary) or not 0 <= page < len(out.pages):
        return None
    target = out.pages[page].obj.objgen
    stack = [outlines.get("/First")]
    while stack:
        item = stack.pop()
        while isinstance(item, Dictionary):
            dest = item.get("/Dest")
            if (
                str(item.get("/Title", "")) == title
                and isinstance(dest, Array)
                and len(dest)
                and isinstance(dest[0], Dictionary)
                and dest[0].objgen == target
            ):
                return item
            stack.append(item.get("/First"))
            item = item.get("/Next")
    return None


def _items(
    out: pikepdf.Pdf, marks: list[Bookmark], parent: Dictionary, pages: dict[int, Placed]
) -> list[Dictionary]:
    """Outline dictionaries for ``marks`` under ``parent``, linked in order; each closed."""
    made: list[Dictionary] = []
    for mark in marks:
        item = out.make_indirect(Dictionary(Title=pikepdf.String(mark.title), Parent=parent))
        where = pages.get(mark.page) if mark.page is not None else None
        if where is not None:
            target = out.pages[where.target].obj
            if mark.top is None:
                item.Dest = Array([target, Name.Fit])
            else:
                item.Dest = Array(
                    [target, Name.XYZ, None, point(where.matrix, 0, mark.top)[1], None]
                )
        children = _items(out, mark.children, item, pages)
        if where is None and not children:
            continue  # goes nowhere that is in the dossier
        if children:
            item.First, item.Last = children[0], children[-1]
            item.Count = -len(children)
        made.append(item)
    for before, after in itertools.pairwise(made):
        before.Next, after.Prev = after, before
    return made


def nest_outlines(out: pikepdf.Pdf, plan: AnnexPlan, placed: dict[tuple[int, int], Placed]) -> None:
    """Each annex's bookmarks (under its title, when it has one) as children of its
    section's outline entry."""
    for number, source in enumerate(plan.sources):
        pages = {page: where for (src, page), where in placed.items() if src == number}
        if not pages:
            continue
        heading = plan.headings.get(source.section_key)
        parent = _section_item(out, heading[1], heading[0]) if heading is not None else None
        if parent is None:
            continue
        marks = read_bookmarks(source.pdf)
        if source.title.strip():
            marks = [Bookmark(" ".join(source.title.split()), source.pages[0], None, marks)]
        made = _items(out, marks, parent, pages)
        if not made:
            continue
        last = parent.get("/Last")
        if isinstance(last, Dictionary):
            last.Next, made[0].Prev = made[0], last
        else:
            parent.First = made[0]
        parent.Last = made[-1]
        count = int(parent.get("/Count", 0))
        if count > 0:
            parent.Count = count + len(made)
            ancestor = parent.get("/Parent")
            while isinstance(ancestor, Dictionary) and int(ancestor.get("/Count", 0)) > 0:
                ancestor.Count = int(ancestor.Count) + len(made)
                ancestor = ancestor.get("/Parent")
        else:
            parent.Count = count - len(made)
