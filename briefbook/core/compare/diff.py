"""What changed between two versions of a brief, as plain data.

:func:`diff_briefs` compares an earlier brief with a later one and lists the
changes a reader of the new version wants to know about:

* the cover's facts (title, dates, place, marking, status, time zones);
* sections added, removed, renamed and moved (matched by title);
* schedule entries added, cancelled, re-timed (same day, other hours), moved
  (another day or another place) or otherwise changed (participants, press, notes);
* table rows added, removed and changed (rows matched by their first cell);
* text changed, added or removed (paragraphs, list items, notes, people,
  contacts, recommendations), with the changed words shown compactly.

Nothing here renders: the command line prints the result, ``render/dossier/changes.py``
lays it out as a page of the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefbook.core import model as m
from briefbook.core.compare.changes import (
    COVER_GROUP,
    SCHEDULE_GROUP,
    SECTIONS_GROUP,
    TAGS,
    BriefDiff,
    Change,
    ChangeKind,
    now_was,
    quoted,
    title_key,
)
from briefbook.core.compare.schedule import schedule_changes
from briefbook.core.compare.tables import table_changes
from briefbook.core.compare.text_changes import text_changes, text_lines
from briefbook.core.compare.words import similarity
from briefbook.core.text import clip, one_line
from briefbook.core.wording import Wording

__all__ = [
    "COVER_GROUP",
    "SCHEDULE_GROUP",
    "SECTIONS_GROUP",
    "TAGS",
    "BriefDiff",
    "Change",
    "ChangeKind",
    "diff_briefs",
    "matched_sections",
]


def diff_briefs(old: m.Brief, new: m.Brief, words: Wording | None = None) -> BriefDiff:
    """Every change from ``old`` to ``new``, in reading order, its summaries worded in
    ``words`` (by default the new brief's language)."""
    words = words if words is not None else Wording.of(new.meta)
    changes: list[Change] = []
    changes += _meta_changes(old.meta, new.meta, words)
    pairs, section_changes = _match_sections(old, new, words)
    changes += section_changes
    changes += schedule_changes(old, new, words)
    for old_section, new_section, group in pairs:
        changes += _section_content(old_section, new_section, group, words)
    return BriefDiff(
        old.meta.version,
        new.meta.version,
        tuple(changes),
        old.source.name if old.source is not None else "",
    )


def matched_sections(old: m.Brief, new: m.Brief) -> list[tuple[m.Section, m.Section]]:
    """The sections (and subsections) of ``old`` and ``new`` that are the same section,
    as :func:`diff_briefs` pairs them (renamed ones included)."""
    pairs, _ = _match_sections(old, new, Wording.of(new.meta))
    return [(old_section, new_section) for old_section, new_section, _ in pairs]


# --- meta ---------------------------------------------------------------------------

#: The cover's fields compared, each named by the label key ``change_field_<name>``.
_META_FIELDS = (
    "title",
    "subtitle",
    "location",
    "organisation",
    "prepared_by",
    "marking",
    "status",
    "timezone",
    "home_timezone",
)


def _meta_changes(old: m.Meta, new: m.Meta, words: Wording) -> list[Change]:
    found: list[Change] = []
    if (old.dates.start, old.dates.end) != (new.dates.start, new.dates.end):
        found.append(
            Change(
                "meta_changed",
                COVER_GROUP,
                words("change_dates", now=_dates(new.dates, words), was=_dates(old.dates, words)),
            )
        )
    for name in _META_FIELDS:
        before, after = one_line(getattr(old, name)), one_line(getattr(new, name))
        if before != after:
            label = words(f"change_field_{name}")
            found.append(
                Change(
                    "meta_changed",
                    COVER_GROUP,
                    now_was(label, clip(after, 80), clip(before, 80), words),
                )
            )
    return found


def _dates(dates: m.DateRange, words: Wording) -> str:
    if dates.start is None:
        return words("change_no_dates")
    if dates.end is None or dates.end == dates.start:
        return dates.start.isoformat()
    return words("change_date_range", start=dates.start.isoformat(), end=dates.end.isoformat())


# --- sections -----------------------------------------------------------------------


@dataclass
class _Placed:
    """A section with its key (title, occurrence), parent key and position."""

    key: tuple[str, int]
    section: m.Section
    parent: tuple[str, int] | None
    position: int
    title: str


def _display(title: str, words: Wording) -> str:
    return clip(title, 80) or words("untitled_section")


def _quoted(title: str, words: Wording) -> str:
    """A section title as a change names it: ``“Key points”``."""
    return quoted(_display(title, words), words)


def _placed(brief: m.Brief) -> list[_Placed]:
    """Every section in document order, keyed by title and occurrence of that title."""
    seen: dict[str, int] = {}
    found: list[_Placed] = []

    def key_of(section: m.Section) -> tuple[str, int]:
        title = title_key(section.title)
        seen[title] = seen.get(title, 0) + 1
        return title, seen[title]

    for section in brief.sections:
        top = _Placed(key_of(section), section, None, len(found), one_line(section.title))
        found.append(top)
        for sub in section.subsections:
            found.append(_Placed(key_of(sub), sub, top.key, len(found), one_line(sub.title)))
    return found


def _section_text(section: m.Section) -> str:
    return " ".join(line for _, line in text_lines(section))


def _match_sections(
    old: m.Brief, new: m.Brief, words: Wording
) -> tuple[list[tuple[m.Section, m.Section, str]], list[Change]]:
    """Pair the sections of both briefs; report those added, removed, renamed and moved."""
    before, after = _placed(old), _placed(new)
    _rekey_duplicates(before, after)
    old_by_key = {p.key: p for p in before}
    new_by_key = {p.key: p for p in after}
    pairs: dict[tuple[str, int], tuple[_Placed, _Placed]] = {
        p.key: (old_by_key[p.key], p) for p in after if p.key in old_by_key
    }
    removed = [p for p in before if p.key not in new_by_key]
    added = [p for p in after if p.key not in old_by_key]
    changes: list[Change] = []
    # A removed and an added section with much the same content: a renamed section.
    renamed: dict[tuple[str, int], _Placed] = {}  # new key -> old placed
    for new_p in added:
        text = _section_text(new_p.section)
        best, best_score = None, 0.6
        for old_p in removed:
            if old_p in renamed.values():
                continue
            score = similarity(_section_text(old_p.section), text, 0.6) if text else 0.0
            if score > best_score:
                best, best_score = old_p, score
        if best is not None:
            renamed[new_p.key] = best
    renamed_old = {id(p) for p in renamed.values()}
    added_keys = {p.key for p in added if p.key not in renamed}
    gone_keys = {p.key for p in removed if id(p) not in renamed_old}
    for new_p in after:
        if new_p.key in renamed:
            old_p = renamed[new_p.key]
            changes.append(
                Change(
                    "section_renamed",
                    SECTIONS_GROUP,
                    words(
                        "change_is_now",
                        old=_quoted(old_p.title, words),
                        new=_quoted(new_p.title, words),
                    ),
                )
            )
            pairs[new_p.key] = (old_p, new_p)
        elif new_p.key in added_keys and new_p.parent not in added_keys:
            # (the subsections of an added section come with it, unmentioned)
            changes.append(
                Change("section_added", SECTIONS_GROUP, _added_summary(new_p, new, words))
            )
    for old_p in removed:
        if old_p.key in gone_keys and old_p.parent not in gone_keys:
            title = _quoted(old_p.title, words)
            summary = (
                words(
                    "change_was_under",
                    title=title,
                    parent=_quoted(_title_of(before, old_p.parent), words),
                )
                if old_p.parent
                else title
            )
            changes.append(Change("section_removed", SECTIONS_GROUP, summary))
    changes += _moves(before, after, pairs, words)
    changes += _section_settings(pairs, words)
    ordered = [
        (pairs[p.key][0].section, p.section, _display(p.title, words))
        for p in after
        if p.key in pairs
    ]
    return ordered, changes


def _rekey_duplicates(before: list[_Placed], after: list[_Placed]) -> None:
    """Among sections sharing a title, pair those with the same content first (a
    reordered "Background" stays itself), then the rest in order: renumber ``after``."""
    titles: dict[str, list[_Placed]] = {}
    for p in after:
        titles.setdefault(p.key[0], []).append(p)
    old_titles: dict[str, list[_Placed]] = {}
    for p in before:
        old_titles.setdefault(p.key[0], []).append(p)
    renumbered: dict[tuple[str, int], tuple[str, int]] = {}
    for title, group in titles.items():
        olds = old_titles.get(title, [])
        if len(group) < 2 and len(olds) < 2:
            continue
        free: dict[str, list[int]] = {}
        for p in olds:
            free.setdefault(repr(p.section.blocks), []).append(p.key[1])
        numbers: list[int | None] = []
        for p in group:
            same = free.get(repr(p.section.blocks))
            numbers.append(same.pop(0) if same else None)
        rest = iter(n for n in range(1, len(olds) + len(group) + 1) if n not in numbers)
        for p, number in zip(group, numbers, strict=True):
            renumbered[p.key] = (title, number if number is not None else next(rest))
    for p in after:
        p.key = renumbered.get(p.key, p.key)
        if p.parent is not None:
            p.parent = renumbered.get(p.parent, p.parent)


def _title_of(placed: list[_Placed], key: tuple[str, int] | None) -> str:
    return next((p.title for p in placed if p.key == key), "")


def _added_summary(placed: _Placed, brief: m.Brief, words: Wording) -> str:
    title = _quoted(placed.title, words)
    if placed.parent is not None:
        parent = _quoted(_title_of(_placed(brief), placed.parent), words)
        return words("change_under", title=title, parent=parent)
    return title


def _moves(
    before: list[_Placed],
    after: list[_Placed],
    pairs: dict[tuple[str, int], tuple[_Placed, _Placed]],
    words: Wording,
) -> list[Change]:
    """Sections that changed parent, or whose order among their kept siblings changed."""
    old_of = {id(new_p): old_p for old_p, new_p in pairs.values()}
    found: list[Change] = []
    scopes: dict[tuple[str, int] | None, list[_Placed]] = {}
    for new_p in after:
        scopes.setdefault(new_p.parent, []).append(new_p)
    new_by_key = {p.key: p for p in after}
    for parent_key, children in scopes.items():
        parent = new_by_key.get(parent_key) if parent_key else None
        old_parent = old_of.get(id(parent)) if parent is not None else None
        expected = old_parent.key if old_parent is not None else None
        stayed: list[_Placed] = []
        for new_p in children:
            old_p = old_of.get(id(new_p))
            if old_p is None:
                continue
            if old_p.parent == expected and (parent is None) == (old_p.parent is None):
                stayed.append(new_p)
            elif parent is not None:
                found.append(
                    Change(
                        "section_moved",
                        SECTIONS_GROUP,
                        words(
                            "change_now_under",
                            title=_quoted(new_p.title, words),
                            parent=_quoted(parent.title, words),
                        ),
                    )
                )
            else:
                found.append(
                    Change(
                        "section_moved",
                        SECTIONS_GROUP,
                        words("change_now_own_section", title=_quoted(new_p.title, words)),
                    )
                )
        old_positions = [old_of[id(p)].position for p in stayed]
        steady = _increasing(old_positions)
        for index, new_p in enumerate(stayed):
            if index in steady:
                continue
            siblings = [p for p in children if p.position < new_p.position]
            title = _quoted(new_p.title, words)
            where = (
                words("change_now_after", title=title, sibling=_quoted(siblings[-1].title, words))
                if siblings
                else words("change_now_first", title=title)
                if parent is None
                else words(
                    "change_now_first_under", title=title, parent=_quoted(parent.title, words)
                )
            )
            found.append(Change("section_moved", SECTIONS_GROUP, where))
    return found


def _increasing(values: list[int]) -> set[int]:
    """The indexes of a longest increasing run of ``values`` (those that did not move)."""
    best: list[int] = [1] * len(values)
    back: list[int] = [-1] * len(values)
    for i in range(len(values)):
        for j in range(i):
            if values[j] < values[i] and best[j] + 1 > best[i]:
                best[i], back[i] = best[j] + 1, j
    if not values:
        return set()
    i = max(range(len(values)), key=lambda k: (best[k], -k))
    kept: set[int] = set()
    while i >= 0:
        kept.add(i)
        i = back[i]
    return kept


def _section_settings(
    pairs: dict[tuple[str, int], tuple[_Placed, _Placed]], words: Wording
) -> list[Change]:
    found: list[Change] = []
    for old_p, new_p in pairs.values():
        before, after = old_p.section, new_p.section
        if one_line(before.marking) != one_line(after.marking):
            found.append(
                Change(
                    "section_changed",
                    SECTIONS_GROUP,
                    now_was(
                        words("change_marking_of", title=_quoted(new_p.title, words)),
                        one_line(after.marking),
                        one_line(before.marking),
                        words,
                    ),
                )
            )
    return found


# --- what a section holds -----------------------------------------------------------


def _section_content(old: m.Section, new: m.Section, group: str, words: Wording) -> list[Change]:
    return table_changes(old, new, group, words) + text_changes(old, new, group, words)
