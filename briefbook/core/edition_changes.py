"""The earlier brief as one edition's reader may see it, for that edition's changes page.

An edition's "Changes since version N" page must not name what the edition leaves
out. Filtering the earlier brief by its own tags and markings is not enough: a
section tagged out or marked higher *since* would be listed as REMOVED, with its
title. So the earlier brief is seen through the edition as the *new* brief
defines it (the earlier file may not define it, or define it differently), with
the new brief's marking scheme, and a section whose counterpart in the new brief
is left out (the same section, matched as the comparison matches them, renamed
ones included) is left out of the earlier brief too. The edition's own filter
(:func:`briefbook.core.editions.apply_edition`) does the filtering, so whatever
it leaves out of a section is left out of the earlier one as well.

The earlier file's name is not kept: the page names it by its version, since a
file name ("visit - with the annex on X") can say what the edition leaves out.
"""

from __future__ import annotations

import copy

from briefbook.core import model as m
from briefbook.core.diff import matched_sections
from briefbook.core.editions import apply_edition

_NUMBER = "_bb_section_number"


def _kept_ids(brief: m.Brief, edition: m.Edition) -> set[int]:
    """The ``id`` of each section of ``brief`` (not of a copy) that ``edition`` keeps."""
    originals = [section for _, section in brief.walk_sections()]
    probe = copy.copy(brief)
    probe.sections = []
    for section in brief.sections:  # shallow copies that say which original they are
        top = copy.copy(section)
        top.subsections = [copy.copy(sub) for sub in section.subsections]
        probe.sections.append(top)
    for number, (_, section) in enumerate(probe.walk_sections()):
        setattr(section, _NUMBER, number)  # an attribute the edition's deep copy keeps
    kept = [getattr(section, _NUMBER, None)
            for _, section in apply_edition(probe, edition).walk_sections()]
    if None not in kept:
        return {id(originals[number]) for number in kept if number is not None}
    return _kept_one_by_one(brief, edition)  # the filter made new sections: ask per section


def _kept_one_by_one(brief: m.Brief, edition: m.Edition) -> set[int]:
    """As :func:`_kept_ids`, asking the edition about each section on its own (under its
    parent, for a subsection)."""
    found: set[int] = set()
    for section in brief.sections:
        alone = copy.copy(section)
        alone.subsections = []
        probe = copy.copy(brief)
        probe.sections = [alone]
        if not apply_edition(probe, edition).sections:
            continue
        found.add(id(section))
        for sub in section.subsections:
            parent = copy.copy(section)
            parent.subsections = [sub]
            probe.sections = [parent]
            kept = apply_edition(probe, edition).sections
            if kept and kept[0].subsections:
                found.add(id(sub))
    return found


def earlier_through_edition(old: m.Brief, new: m.Brief, edition: m.Edition) -> m.Brief:
    """``old`` as ``edition`` (as ``new`` defines it) shows it, for comparing with
    ``apply_edition(new, edition)``: nothing in it that the edition leaves out of ``new``."""
    new_kept = _kept_ids(new, edition)
    dropped = {id(old_section) for old_section, new_section in matched_sections(old, new)
               if id(new_section) not in new_kept}
    view = copy.copy(old)
    view.meta = copy.copy(old.meta)
    view.meta.markings = list(new.meta.markings)  # ranks as the new brief ranks them
    view.editions = [edition]
    view.sections = []
    for section in old.sections:
        if id(section) in dropped:
            continue
        top = copy.copy(section)
        top.subsections = [sub for sub in section.subsections if id(sub) not in dropped]
        view.sections.append(top)
    result = apply_edition(view, edition)
    result.source = None  # the page names the earlier brief by its version, not its file
    return result
