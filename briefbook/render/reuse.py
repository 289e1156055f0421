"""A whole-document layout after an edit of one section: the other sections' pages kept.

:class:`SectionReuse` remembers the last whole document it laid out (the brief,
the options that change the layout, the PDF). When the next brief differs
from it only inside the blocks of one top-level section, that section alone
is laid out, numbered as in the whole document (``RenderOptions.only_section``,
a few per cent of a whole layout), and its pages take the place of the old
ones in the finished PDF: the page objects stay, their drawing, resources
and links are the new layout's, and the outline entries and contents links
that point into the section get the new positions of its headings. The
section's pages carry their own font subsets, so no other page changes.

A tagged render keeps its file as ReportLab wrote it and its recorded structure
(:class:`~.tagging.writing.TaggedLayout`): the pages are spliced there, the
section's structure takes the place of the old one in the tree
(:func:`~.tagging.grafting.graft`; marked content is numbered per page, so it
stays valid), and the structure is written again.

Anything else is laid out whole, as before: a change of the section's page
count or of a heading's page (every later number would move), of a title,
marking or tag (the contents and the banners), of anything outside the
section, a render with warnings or annexes, or a layout that does not match up.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import pikepdf

from briefbook.core.annexes import has_annexes
from briefbook.core.model import Brief, Section
from briefbook.render.dossier.document import build_pdf
from briefbook.render.options import RenderOptions, RenderResult
from briefbook.render.tagging.grafting import graft
from briefbook.render.tagging.writing import TaggedLayout, write_tags


@dataclass
class _Layout:
    brief: Brief
    options: RenderOptions
    result: RenderResult


class SectionReuse:
    """Lays whole documents out, reusing the last one's pages where it can."""

    def __init__(self) -> None:
        self._last: _Layout | None = None
        #: How the last render was made: "whole" or "reused" (for tests and benchmarks).
        self.last_way = ""

    def render(self, brief: Brief, options: RenderOptions) -> RenderResult:
        """The whole document, as :func:`build_pdf` lays it out (the same pages)."""
        if options.only_section is not None or options.only_cover or not reusable(brief, options):
            self.last_way, self._last = "whole", None
            return build_pdf(brief, options)
        key = layout_options(options)
        result = None
        last = self._last
        if last is not None and last.options == key:
            section = only_changed_section(last.brief, brief)
            if section is not None:
                result = splice_section(last.result, brief, options, section)
        self.last_way = "whole" if result is None else "reused"
        if result is None:
            result = build_pdf(brief, options)
        self._last = _Layout(copy.deepcopy(brief), key, result)
        return result


def reusable(brief: Brief, options: RenderOptions) -> bool:
    """Whether a render may reuse pages: not one with annexes (placed into the finished
    file after the layout)."""
    return not has_annexes(brief)


def layout_options(options: RenderOptions) -> RenderOptions:
    """The options with what does not change the layout left out."""
    return replace(options, progress=None, password="", replace_read_only=False)


def only_changed_section(old: Brief, new: Brief) -> int | None:
    """The one top-level section whose blocks alone differ between the briefs, or None."""
    if len(old.sections) != len(new.sections) or replace(new, sections=old.sections) != old:
        return None
    changed = [i for i, (a, b) in enumerate(zip(old.sections, new.sections, strict=True)) if a != b]
    if len(changed) != 1 or _skeleton(old.sections[changed[0]]) != _skeleton(
        new.sections[changed[0]]
    ):
        return None
    return changed[0]


def _skeleton(section: Section) -> tuple[Any, ...]:
    """What of a section shows outside its own pages: titles, markings, tags."""
    return (
        section.title,
        section.marking,
        section.title_marking,
        tuple(section.tags),
        tuple(sorted({getattr(block, "marking", "") for block in section.blocks})),
        tuple(_skeleton(sub) for sub in section.subsections),
    )


def splice_section(
    last: RenderResult, brief: Brief, options: RenderOptions, section: int
) -> RenderResult | None:
    """``last`` with the pages of ``section`` laid out again from ``brief``, or None
    when the new layout would move anything outside the section."""
    start = last.section_pages.get((section,))
    if start is None or last.warnings:
        return None
    later = [
        page for path, page in last.section_pages.items() if len(path) == 1 and path[0] > section
    ]
    end = min(later) - 1 if later else last.page_count
    part = build_pdf(
        brief,
        replace(
            options,
            only_section=section,
            first_page=start,
            total_pages=last.page_count,
            progress=None,
        ),
    )
    own = {path: page for path, page in last.section_pages.items() if path[0] == section}
    theirs = {path: page for path, page in part.section_pages.items() if path[0] == section}
    if part.warnings or part.page_count != end - start + 1 or own != theirs:
        return None
    old_tags, new_tags = last.tagging, part.tagging
    if (old_tags is None) != (new_tags is None):
        return None
    old_pdf = old_tags.pdf if old_tags is not None else last.pdf
    new_pdf = new_tags.pdf if new_tags is not None else part.pdf
    with pikepdf.open(io.BytesIO(old_pdf)) as pdf, pikepdf.open(io.BytesIO(new_pdf)) as new:
        if not _replace_pages(pdf, new, start - 1):
            return None
        out = io.BytesIO()
        # A tagged file is written once more, by the tagging: plain objects for it to read.
        mode = (
            pikepdf.ObjectStreamMode.preserve
            if old_tags is None
            else pikepdf.ObjectStreamMode.disable
        )
        pdf.save(out, deterministic_id=True, object_stream_mode=mode)
    spliced, tagging = out.getvalue(), None
    if old_tags is not None and new_tags is not None:
        root = graft(old_tags.root, new_tags.root, start, end)
        if root is None:
            return None
        tagging = TaggedLayout(spliced, root, old_tags.info)
        spliced = write_tags(spliced, root, old_tags.info)
    return RenderResult(
        pdf=spliced,
        page_count=last.page_count,
        warnings=[],
        section_pages=dict(last.section_pages),
        tagging=tagging,
    )


def _replace_pages(pdf: pikepdf.Pdf, new: pikepdf.Pdf, first: int) -> bool:
    """Give pages ``first``... of ``pdf`` the drawing of ``new``'s pages; False when the
    headings' destinations do not match up."""
    olds = [pdf.pages[first + i].obj for i in range(len(new.pages))]
    moved = {page.obj.objgen: old for page, old in zip(new.pages, olds, strict=True)}
    kept = {old.objgen for old in olds}
    before = [item for item in _outline(pdf) if _dest_page(item) in kept]
    after = _outline(new)
    if len(before) != len(after):
        return False
    targets: dict[tuple[tuple[int, int], float], pikepdf.Array] = {}
    for old_item, new_item in zip(before, after, strict=True):
        dest = _moved_dest(new_item.Dest, moved, pdf)
        if dest is None:
            return False
        targets[_dest_key(old_item.Dest)] = dest
        old_item.Dest = dest
    for old, page in zip(olds, new.pages, strict=True):
        old.Contents = pdf.copy_foreign(page.obj.Contents)
        resources = page.obj.Resources
        old.Resources = pdf.copy_foreign(
            resources if resources.is_indirect else new.make_indirect(resources)
        )
        annots = pikepdf.Array()
        for annot in page.obj.get("/Annots", pikepdf.Array()):
            copied = pdf.copy_foreign(annot if annot.is_indirect else new.make_indirect(annot))
            if "/Dest" in annot:
                dest = _moved_dest(annot.Dest, moved, pdf)
                if dest is None:
                    return False
                copied.Dest = dest
            annots.append(copied)
        if len(annots):
            old.Annots = annots
        elif "/Annots" in old:
            del old.Annots
    for page in pdf.pages:  # the contents' links into the section
        if page.obj.objgen in kept:
            continue
        for annot in page.obj.get("/Annots", pikepdf.Array()):
            link = annot.get("/Dest")
            if isinstance(link, pikepdf.Array) and len(link) and link[0].objgen in kept:
                target = targets.get(_dest_key(link))
                if target is None:
                    return False
                annot.Dest = target
    return True


def _outline(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every outline entry with an explicit destination, in document order."""
    found: list[pikepdf.Dictionary] = []

    def walk(item: Any) -> None:
        while item is not None:
            if isinstance(item.get("/Dest"), pikepdf.Array):
                found.append(item)
            walk(item.get("/First"))
            item = item.get("/Next")

    outlines = pdf.Root.get("/Outlines")
    if outlines is not None:
        walk(outlines.get("/First"))
    return found


def _dest_page(item: Any) -> tuple[int, int]:
    objgen: tuple[int, int] = item.Dest[0].objgen
    return objgen


def _dest_key(dest: Any) -> tuple[tuple[int, int], float]:
    return dest[0].objgen, round(float(dest[3]), 2) if len(dest) > 3 else 0.0


def _moved_dest(
    dest: Any, moved: Mapping[tuple[int, int], pikepdf.Object], pdf: pikepdf.Pdf
) -> pikepdf.Array | None:
    """A destination in the part laid out alone, pointing at the whole document's page."""
    if not isinstance(dest, pikepdf.Array) or not len(dest):
        return None
    page = moved.get(dest[0].objgen)
    if page is None:
        return None
    rest = [
        pikepdf.Name(str(value)) if isinstance(value, pikepdf.Name) else value
        for value in list(dest)[1:]
    ]
    return pikepdf.Array([page, *rest])


__all__ = ["SectionReuse", "only_changed_section", "splice_section"]
