"""What changed in a section's text: paragraphs, list items, notes and records changed,
added or removed, each changed line with its changed words.

Part of :func:`briefbook.core.compare.diff.diff_briefs`; plain data, nothing renders.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from briefbook.core import model as m
from briefbook.core.compare.changes import Change, labelled
from briefbook.core.compare.words import similarity, word_diff
from briefbook.core.kinds import words as portions
from briefbook.core.text import clip, one_line
from briefbook.core.wording import Wording

#: Kinds compared by rules of their own (rows by first cell, entries by day and hour).
_OWN_RULES = (m.TableBlock, m.ScheduleBlock)


def text_lines(section: m.Section) -> Iterator[tuple[str, str]]:
    """The section's words as comparable (label, line) pairs: paragraphs, list items,
    notes and records, from each kind's ``words()``; a portion with a marking of its
    own shows it first, "[SECRET]", so that a change of marking is a change of the line."""
    for block in section.blocks:
        if isinstance(block, _OWN_RULES):
            continue
        mark = _mark(getattr(block, "marking", ""))
        for portion in portions(block):
            line = _joined_fields(*portion.texts)
            if line:
                yield portion.label, mark + _mark(portion.marking) + line


def _mark(marking: str) -> str:
    """A portion's own marking as the changes page shows it before its text."""
    return f"[{one_line(marking)}] " if marking.strip() else ""


def _joined_fields(*parts: str) -> str:
    return " — ".join(one_line(p) for p in parts if p.strip())


def _part(label: str, words: Wording) -> str:
    """A portion's label (``paragraph``, ``list item``) in the language, by the label key
    ``change_part_<label>``; a label without a key prints as it is."""
    key = "change_part_" + label.replace(" ", "_").replace("-", "_")
    try:
        return words(key)
    except KeyError:
        return label


def text_changes(old: m.Section, new: m.Section, group: str, words: Wording) -> list[Change]:
    before = [pair for pair in text_lines(old) if pair[1]]
    after = [pair for pair in text_lines(new) if pair[1]]
    matcher = difflib.SequenceMatcher(
        None, [line for _, line in before], [line for _, line in after], autojunk=False
    )
    found: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        gone, came = before[i1:i2], after[j1:j2]
        while gone and came and len(gone) * len(came) <= 400:
            # Pair a removed line with the most similar added one, if alike enough.
            score, a, b = max(
                (similarity(x[1], y[1], 0.4), a, b)
                for a, x in enumerate(gone)
                for b, y in enumerate(came)
            )
            if score < 0.4:
                break
            (_, old_line), (label, new_line) = gone.pop(a), came.pop(b)
            found.append(
                Change("text_changed", group, _part(label, words), word_diff(old_line, new_line))
            )
        found += [
            Change("text_removed", group, labelled(_part(label, words), clip(line), words))
            for label, line in gone
        ]
        found += [
            Change("text_added", group, labelled(_part(label, words), clip(line), words))
            for label, line in came
        ]
    return found
