"""Schedule entries compared between two versions: added, cancelled, re-timed, moved, changed."""

from __future__ import annotations

import datetime as dt

from briefbook.core import model as m
from briefbook.core.compare.changes import (
    SCHEDULE_GROUP,
    Change,
    labelled,
    now_was,
    quoted,
    title_key,
)
from briefbook.core.compare.words import Segment, word_diff
from briefbook.core.distribution.itinerary import schedule_entries
from briefbook.core.text import clip, one_line
from briefbook.core.wording import ENGLISH, Wording


def _when(entry: m.ScheduleEntry, words: Wording = ENGLISH) -> str:
    """``Thu 12 Jun 09:00–09:45`` (the parts that are known), in the brief's language."""
    times = words.time_range(words.time(entry.time), words.time(entry.end))
    day = words.short_date(entry.date) if entry.date is not None else ""
    return " ".join(part for part in (day, times) if part) or words("time_to_be_confirmed")


def _entry_title(entry: m.ScheduleEntry, words: Wording = ENGLISH) -> str:
    return clip(entry.title, 90) or words("untitled_entry")


def _pair_entries(
    old: list[m.ScheduleEntry], new: list[m.ScheduleEntry]
) -> tuple[
    list[tuple[m.ScheduleEntry, m.ScheduleEntry]], list[m.ScheduleEntry], list[m.ScheduleEntry]
]:
    """Pair entries: identical slots first, then by title (same day preferred)."""
    left = list(old)
    right = list(new)
    pairs: list[tuple[m.ScheduleEntry, m.ScheduleEntry]] = []

    def slot(e: m.ScheduleEntry) -> tuple[object, ...]:
        return (e.date, e.time, e.end, title_key(e.title), title_key(e.place))

    for matcher in (slot, lambda e: (title_key(e.title), e.date), lambda e: title_key(e.title)):
        waiting: dict[object, list[m.ScheduleEntry]] = {}
        for entry in left:
            waiting.setdefault(matcher(entry), []).append(entry)
        unmatched: list[m.ScheduleEntry] = []
        for entry in right:
            candidates = waiting.get(matcher(entry))
            if candidates:
                pairs.append((candidates.pop(0), entry))
            else:
                unmatched.append(entry)
        paired = {id(o) for o, _ in pairs}
        left = [entry for entry in left if id(entry) not in paired]
        right = unmatched
    order = {id(e): i for i, e in enumerate(new)}
    pairs.sort(key=lambda pair: order[id(pair[1])])
    return pairs, left, right


def schedule_changes(old: m.Brief, new: m.Brief, words: Wording | None = None) -> list[Change]:
    """Entry changes in the order of the programme (by day and time), worded in
    ``words`` (by default the new brief's language)."""
    pairs, cancelled, added = _pair_entries(schedule_entries(old), schedule_entries(new))
    words = words if words is not None else Wording.of(new.meta)
    found: list[tuple[tuple[dt.date, dt.time], int, Change]] = []
    for entry in added:
        place = f", {clip(entry.place, 60)}" if entry.place.strip() else ""
        found.append(
            (
                _slot(entry),
                len(found),
                Change(
                    "entry_added",
                    SCHEDULE_GROUP,
                    f"{_when(entry, words)} {_entry_title(entry, words)}{place}",
                ),
            )
        )
    for entry in cancelled:
        found.append(
            (
                _slot(entry),
                len(found),
                Change(
                    "entry_cancelled",
                    SCHEDULE_GROUP,
                    f"{_when(entry, words)} {_entry_title(entry, words)}",
                ),
            )
        )
    for before, after in pairs:
        found += [
            (_slot(after), len(found), change) for change in _entry_changes(before, after, words)
        ]
    return [change for _, _, change in sorted(found, key=lambda item: item[:2])]


def _slot(entry: m.ScheduleEntry) -> tuple[dt.date, dt.time]:
    return (entry.date or dt.date.max, entry.time or entry.end or dt.time.max)


def _entry_changes(
    before: m.ScheduleEntry, after: m.ScheduleEntry, words: Wording = ENGLISH
) -> list[Change]:
    title = _entry_title(after, words)
    found: list[Change] = []
    moved: list[str] = []
    if before.date != after.date:
        moved.append(words("change_now_was", now=_when(after, words), was=_when(before, words)))
    elif (before.time, before.end) != (after.time, after.end):
        new_times = _when(m.ScheduleEntry(time=after.time, end=after.end), words)
        found.append(
            Change(
                "entry_retimed",
                SCHEDULE_GROUP,
                labelled(
                    title,
                    words("change_now_was", now=new_times, was=_when(before, words)),
                    words,
                ),
            )
        )
    if title_key(before.place) != title_key(after.place):
        no_place = words("change_no_place")
        moved.append(
            words(
                "change_now_at",
                now=clip(after.place, 60) or f"({no_place})",
                was=clip(before.place, 60) or no_place,
            )
        )
    if moved:
        found.append(
            Change("entry_moved", SCHEDULE_GROUP, labelled(title, "; ".join(moved), words))
        )
    details: list[str] = []
    gone = [
        p
        for p in before.participants
        if title_key(p) not in {title_key(q) for q in after.participants}
    ]
    came = [
        p
        for p in after.participants
        if title_key(p) not in {title_key(q) for q in before.participants}
    ]
    if came or gone:
        if came:
            details.append(words("change_now_with", names=", ".join(one_line(p) for p in came)))
        if gone:
            details.append(
                words("change_no_longer_with", names=", ".join(one_line(p) for p in gone))
            )
    if before.press != after.press:
        details.append(now_was(words("change_press"), after.press, before.press, words))
    if before.timezone.strip() != after.timezone.strip():
        own = words("change_brief_zone")
        details.append(
            now_was(
                words("change_time_zone"),
                after.timezone.strip() or own,
                before.timezone.strip() or own,
                words,
            )
        )
    if title_key(before.title) != title_key(after.title):
        details.append(words("change_title_was", title=quoted(_entry_title(before, words), words)))
    segments: tuple[Segment, ...] = ()
    if one_line(before.notes) != one_line(after.notes):
        details.append(words("change_notes"))
        segments = word_diff(before.notes, after.notes)
    if details:
        found.append(
            Change(
                "entry_changed",
                SCHEDULE_GROUP,
                labelled(f"{title} ({_when(after, words)})", "; ".join(details), words),
                segments,
            )
        )
    return found
