"""Schedule entries: their day-and-time order, which ones clash, and the entry after one."""

from __future__ import annotations

import datetime as dt

from briefbook.core import model as m

_LATE = dt.time(23, 59, 59)


def order_key(entry: m.ScheduleEntry) -> tuple[dt.date, dt.time]:
    """Entries sort by day, then start time; undated or untimed ones go last."""
    return (entry.date or dt.date.max, entry.time or _LATE)


def sort_entries(entries: list[m.ScheduleEntry]) -> list[int]:
    """Sort ``entries`` in place (stably); return the new position of each old index."""
    order = sorted(range(len(entries)), key=lambda i: order_key(entries[i]))
    entries[:] = [entries[i] for i in order]
    where = [0] * len(order)
    for new_index, old_index in enumerate(order):
        where[old_index] = new_index
    return where


def clashes(entries: list[m.ScheduleEntry]) -> dict[int, list[int]]:
    """For each entry that overlaps another on the same day, the indexes it overlaps.

    An entry lasts from ``time`` to ``end``; without an end it is a moment, which
    clashes only with an entry running at that moment or starting at the same time.
    """
    found: dict[int, list[int]] = {}
    timed = [(i, e) for i, e in enumerate(entries) if e.date is not None and e.time is not None]
    for a_pos, (i, a) in enumerate(timed):
        for j, b in timed[a_pos + 1 :]:
            if a.date != b.date:
                continue
            a_end, b_end = _until(a), _until(b)
            overlap = a.time == b.time or (a.time < b_end and b.time < a_end)  # type: ignore[operator]
            if overlap:
                found.setdefault(i, []).append(j)
                found.setdefault(j, []).append(i)
    return found


def next_entry(after: m.ScheduleEntry | None, day: dt.date | None) -> m.ScheduleEntry:
    """A new entry starting when ``after`` ends (or at 09:00 on ``day`` when there is none)."""
    if after is None:
        return m.ScheduleEntry(date=day, time=dt.time(9, 0), end=dt.time(10, 0))
    start = after.end or after.time or dt.time(9, 0)
    base = dt.datetime.combine(dt.date(2000, 1, 1), start)
    end = (base + dt.timedelta(hours=1)).time() if start < dt.time(23, 0) else None
    return m.ScheduleEntry(date=after.date or day, time=start, end=end)


def span(entry: m.ScheduleEntry) -> str:
    """``09:00``, ``09:00–10:30``, or ``23:00–01:00 (+1)`` for one that ends the next day."""
    start = entry.time.strftime("%H:%M") if entry.time else "?"
    if not entry.end:
        return start
    later = " (+1)" if entry.time is not None and entry.end < entry.time else ""
    return f"{start}–{entry.end.strftime('%H:%M')}{later}"


def _until(entry: m.ScheduleEntry) -> dt.time:
    """When an entry stops counting for clashes on its day: its end, midnight for one
    that ends the next day, its start for a moment."""
    assert entry.time is not None
    if entry.end is None or entry.end == entry.time:
        return entry.time
    return entry.end if entry.end > entry.time else _LATE
