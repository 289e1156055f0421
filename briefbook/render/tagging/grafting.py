"""One section's recorded structure put into the tree of the whole document, for a
layout that reuses the other sections' pages (see :mod:`briefbook.render.reuse`).

Marked content is numbered per page, so a page drawn by the section's own layout
keeps its numbers in the whole document; only the page numbers move.
"""

from __future__ import annotations

from briefbook.render.tagging.recorder import Annotation, Element, Marked


def graft(whole: Element, part: Element, first: int, last: int) -> Element | None:
    """A document tree: ``whole`` with its top-level elements drawn on pages
    ``first``..``last`` replaced by those of ``part`` (laid out alone, its pages
    numbered from 1); None when an element runs over the edge of those pages."""
    inside: list[int] = []
    for index, kid in enumerate(whole.kids):
        if not isinstance(kid, Element):
            return None  # content of the document itself: not expected
        low, high = _page_span(kid)
        if low == 0:
            continue  # nothing drawn: kept where it is
        if first <= low and high <= last:
            inside.append(index)
        elif not (high < first or low > last):
            return None
    if not inside or inside != list(range(inside[0], inside[-1] + 1)):
        return None
    root = Element(whole.role, None, [], whole.alt, dict(whole.table), "", whole.lang, whole.ident)
    moved = [kid for kid in part.kids if isinstance(kid, Element)]
    for kid in moved:
        _move_pages(kid, first - 1)
    kept = whole.kids[: inside[0]] + moved + whole.kids[inside[-1] + 1 :]
    for kid in kept:
        assert isinstance(kid, Element)
        kid.parent = root
    root.kids = list(kept)
    notes = 0
    for element in root.elements():  # numbered in reading order, as a whole layout does
        if element.role == "Note":
            notes += 1
            element.identifier = f"note{notes}"
    return root


def _page_span(element: Element) -> tuple[int, int]:
    """The first and last page ``element`` draws on ((0, 0): none)."""
    low, high = 0, 0
    for kid in element.kids:
        if isinstance(kid, Element):
            kid_low, kid_high = _page_span(kid)
        elif isinstance(kid, Marked | Annotation):
            kid_low = kid_high = kid.page
        else:
            continue
        if kid_low:
            low = kid_low if not low else min(low, kid_low)
            high = max(high, kid_high)
    return low, high


def _move_pages(element: Element, offset: int) -> None:
    kids = element.kids
    for index, kid in enumerate(kids):
        if isinstance(kid, Element):
            _move_pages(kid, offset)
        elif isinstance(kid, Marked | Annotation):
            kids[index] = kid._replace(page=kid.page + offset)


__all__ = ["graft"]
