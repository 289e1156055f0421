"""Markings and editions: which sections each reader's dossier holds, and how it is marked.

An edition is built by filtering the brief *before* it is rendered, so a
left-out section is nowhere in the PDF: not in the text, the contents, the
outline, the metadata or the file's bytes.
"""

from __future__ import annotations

import copy
import difflib

from briefbook.core import model as m
from briefbook.errors import BriefbookError


def marking_scheme(brief: m.Brief) -> tuple[str, ...]:
    """The brief's markings, lowest first."""
    return tuple(brief.meta.markings) or m.DEFAULT_MARKINGS


def marking_rank(brief: m.Brief, marking: str) -> int:
    """The position of a marking in the scheme; -1 for no marking (or one outside it)."""
    scheme = marking_scheme(brief)
    return scheme.index(marking) if marking in scheme else -1


def highest(brief: m.Brief, markings: list[str]) -> str:
    """The highest of some markings ("" when none is marked)."""
    best = ""
    for marking in markings:
        if marking and marking_rank(brief, marking) >= marking_rank(brief, best):
            best = marking
    return best


def section_marking(brief: m.Brief, section: m.Section, parent: m.Section | None = None) -> str:
    """A section's marking: its own, else its parent's, else the brief's default."""
    if section.marking:
        return section.marking
    if parent is not None and parent.marking:
        return parent.marking
    return brief.meta.marking


def dossier_marking(brief: m.Brief) -> str:
    """The highest marking of anything in the brief: what the cover and contents show."""
    found = [brief.meta.marking]
    for section in brief.sections:
        found.append(section_marking(brief, section))
        found.extend(section_marking(brief, sub, section) for sub in section.subsections)
    return highest(brief, found)


def portion_mark(marking: str) -> str:
    """The short form printed before a heading: "(R)" for RESTRICTED, "(TS)" for TOP SECRET."""
    initials = "".join(word[0] for word in marking.replace("-", " ").split() if word)
    return f"({initials.upper()})" if initials else ""


def find_edition(brief: m.Brief, name: str) -> m.Edition:
    """The edition called ``name``; raises a :class:`BriefbookError` naming the known ones."""
    for edition in brief.editions:
        if edition.name == name:
            return edition
    names = [edition.name for edition in brief.editions]
    if not names:
        raise BriefbookError(f"the brief defines no editions, so there is no {name!r}; add "
                             "them under 'editions'")
    close = difflib.get_close_matches(name, names, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise BriefbookError(f"there is no edition {name!r}; {hint}the editions are: "
                         + ", ".join(names))


def _keeps(brief: m.Brief, edition: m.Edition, section: m.Section,
           parent: m.Section | None) -> bool:
    if edition.ceiling:
        ceiling = marking_rank(brief, edition.ceiling)
        if marking_rank(brief, section_marking(brief, section, parent)) > ceiling:
            return False
    tags = set(section.tags) | (set(parent.tags) if parent is not None else set())
    if tags & set(edition.exclude_tags):
        return False
    return not (edition.include_tags and tags and not tags & set(edition.include_tags))


def apply_edition(brief: m.Brief, edition: m.Edition) -> m.Brief:
    """A copy of the brief holding only what ``edition`` may contain.

    The markings of what is left out no longer count: the copy's own marking is
    lowered to the edition's ceiling when it was above it.
    """
    result = copy.deepcopy(brief)
    result.source = brief.source
    kept: list[m.Section] = []
    for section in result.sections:
        if not _keeps(brief, edition, section, None):
            continue
        section.subsections = [sub for sub in section.subsections
                               if _keeps(brief, edition, sub, section)]
        kept.append(section)
    result.sections = kept
    if edition.ceiling and (marking_rank(brief, result.meta.marking)
                            > marking_rank(brief, edition.ceiling)):
        result.meta.marking = edition.ceiling
    return result
