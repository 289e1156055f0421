"""The earlier brief as one edition's reader may see it, for that edition's changes page.

An edition's "Changes since version N" page must not name what the edition leaves
out. Filtering the earlier brief by its own tags and markings is not enough: a
section tagged out or marked higher *since* would be listed as REMOVED, with its
title. So the earlier brief is seen through the edition as the *new* brief
defines it (the earlier file may not define it, or define it differently), with
the new brief's marking scheme, and a section whose counterpart in the new brief
is left out (the same section, matched as the comparison matches them, renamed
ones included) is left out of the earlier brief too. Likewise a block the edition
leaves out of a section it keeps takes its counterpart in the earlier section with
it (the same text, or the most alike block of its kind). The edition's own filter
(:func:`briefbook.core.distribution.editions.apply_edition`) does the filtering, so whatever
it leaves out of a section is left out of the earlier one as well.

The earlier file's name is not kept: the page names it by its version, since a
file name ("visit - with the annex on X") can say what the edition leaves out.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
from typing import Any

from briefbook.core import model as m
from briefbook.core.compare.diff import matched_sections
from briefbook.core.compare.words import similarity
from briefbook.core.distribution.editions import apply_edition

_NUMBER, _BLOCK = "_bb_section_number", "_bb_block_number"
#: How alike an earlier block must be to a left-out one to be taken for it.
_ALIKE = 0.5


@dataclasses.dataclass
class _Kept:
    """What the edition keeps of a brief: its sections, and the blocks it leaves out of
    the sections it keeps (all by ``id`` of the brief's own objects)."""

    sections: set[int]
    left_out_blocks: dict[int, list[Any]]


def _kept(brief: m.Brief, edition: m.Edition) -> _Kept:
    originals = [section for _, section in brief.walk_sections()]
    probe = copy.copy(brief)
    probe.sections = []
    for section in brief.sections:  # shallow copies that say which original they are
        top = copy.copy(section)
        top.subsections = [copy.copy(sub) for sub in section.subsections]
        probe.sections.append(top)
    for number, (_, section) in enumerate(probe.walk_sections()):
        # Attributes the edition's deep copy keeps (a frozen class would refuse them:
        # then each section is asked about on its own, below).
        with contextlib.suppress(AttributeError, TypeError):
            setattr(section, _NUMBER, number)
        section.blocks = [copy.copy(block) for block in section.blocks]
        for index, block in enumerate(section.blocks):
            with contextlib.suppress(AttributeError, TypeError):
                setattr(block, _BLOCK, index)
    kept = [section for _, section in apply_edition(probe, edition).walk_sections()]
    if any(getattr(section, _NUMBER, None) is None for section in kept):
        # The filter made new sections: ask it about each section on its own.
        return _Kept(_kept_one_by_one(brief, edition), {})
    found = _Kept(set(), {})
    for section in kept:
        original = originals[getattr(section, _NUMBER)]
        found.sections.add(id(original))
        indices = {getattr(block, _BLOCK, None) for block in section.blocks}
        if None not in indices and len(indices) < len(original.blocks):
            found.left_out_blocks[id(original)] = [
                block for index, block in enumerate(original.blocks) if index not in indices
            ]
    return found


def _kept_one_by_one(brief: m.Brief, edition: m.Edition) -> set[int]:
    """The sections ``edition`` keeps, asking about each on its own (under its parent,
    for a subsection)."""
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


def _words(value: object) -> str:
    """Every piece of text in a block (any kind), in order."""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(_words(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return " ".join(
            _words(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "marking"
        )
    return ""


def _counterparts(left_out: list[Any], earlier: list[Any]) -> set[int]:
    """The ``id`` of the earlier blocks that are the left-out ones: the same text, else
    the most alike block of the same kind."""
    found: set[int] = set()
    for block in left_out:
        text = _words(block)
        best, best_score = None, _ALIKE
        for candidate in earlier:
            if type(candidate) is not type(block) or id(candidate) in found:
                continue
            score = (
                1.0 if _words(candidate) == text else similarity(_words(candidate), text, _ALIKE)
            )
            if score >= best_score:
                best, best_score = candidate, score
        if best is not None:
            found.add(id(best))
    return found


def earlier_through_edition(old: m.Brief, new: m.Brief, edition: m.Edition) -> m.Brief:
    """``old`` as ``edition`` (as ``new`` defines it) shows it, for comparing with
    ``apply_edition(new, edition)``: nothing in it that the edition leaves out of ``new``."""
    kept = _kept(new, edition)
    dropped: set[int] = set()
    for old_section, new_section in matched_sections(old, new):
        if id(new_section) not in kept.sections:
            dropped.add(id(old_section))
        elif id(new_section) in kept.left_out_blocks:
            dropped |= _counterparts(kept.left_out_blocks[id(new_section)], old_section.blocks)
    view = copy.copy(old)
    view.meta = copy.copy(old.meta)
    # Ranked as the new brief ranks them: its levels and its preset.
    view.meta.markings = list(new.meta.markings)
    view.meta.marking_preset = new.meta.marking_preset
    view.editions = [edition]
    view.sections = []

    def trimmed(section: m.Section) -> m.Section:
        section = copy.copy(section)
        section.blocks = [block for block in section.blocks if id(block) not in dropped]
        return section

    for section in old.sections:
        if id(section) in dropped:
            continue
        top = trimmed(section)
        top.subsections = [trimmed(sub) for sub in section.subsections if id(sub) not in dropped]
        view.sections.append(top)
    # ``newer``: a portion the new brief now marks above the ceiling goes too, even where
    # the earlier brief marked it lower (items, rows and entries included).
    result = apply_edition(view, edition, newer=new)
    result.source = None  # the page names the earlier brief by its version, not its file
    return result
