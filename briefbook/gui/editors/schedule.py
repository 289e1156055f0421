"""The schedule editor: a grid of entries kept in day-and-time order, clashes highlighted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor

from briefbook.core import model as m
from briefbook.gui.editors.records import Field, RecordsEditor

CLASH_COLOUR = QColor("#f9d6d5")
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
        for j, b in timed[a_pos + 1:]:
            if a.date != b.date:
                continue
            a_end, b_end = _until(a), _until(b)
            overlap = a.time == b.time or (a.time < b_end and b.time < a_end)  # type: ignore[operator]
            if overlap:
                found.setdefault(i, []).append(j)
                found.setdefault(j, []).append(i)
    return found


class ScheduleEditor(RecordsEditor):
    label = "Schedule"
    block: m.ScheduleBlock
    list_attr = "entries"
    record_type = m.ScheduleEntry
    noun = "entry"
    ordered_by_user = False
    fields = (
        Field("date", "Day", "date", width=10),
        Field("time", "Start", "time", width=5),
        Field("end", "End", "time", width=5),
        Field("title", "Activity", stretch=True),
        Field("place", "Place", width=16),
        Field("press", "Press", "choice", m.PRESS_VALUES, width=7),
        Field("timezone", "Time zone", "zone", width=13),
        Field("marking", "Marking", "marking", width=12),
        Field("participants", "Participants", "list", width=40, detail=True),
        Field("notes", "Notes", width=40, detail=True),
    )

    def refresh(self) -> None:
        self._clashes = clashes(self.block.entries)
        super().refresh()
        self._show_clash_summary()

    def set_values(self, values: dict, text: str, merge_key: object = None) -> None:
        self._clashes = clashes(self.block.entries)  # until the edit is in
        super().set_values(values, text, merge_key)
        self._clashes = clashes(self.block.entries)
        self.view.viewport().update()
        self._show_clash_summary()

    def show_problems(self, problems: list[str]) -> None:
        super().show_problems(problems)
        self._show_clash_summary()

    def _show_clash_summary(self) -> None:
        if self.message.isVisible() and self.message.text().startswith("Not changed"):
            return
        if self._clashes:
            count = len(self._clashes)
            self.message.setText(f"{count} entries overlap in time (highlighted).")
            self.message.setStyleSheet("color: #8a1c1c;")
            self.message.show()
        else:
            self.message.hide()

    def new_record(self, after: m.ScheduleEntry | None) -> m.ScheduleEntry:
        """A new entry starting when the one before ends (or at 09:00 on the first day)."""
        if after is None:
            return m.ScheduleEntry(date=self.default_date(), time=dt.time(9, 0),
                                   end=dt.time(10, 0))
        start = after.end or after.time or dt.time(9, 0)
        base = dt.datetime.combine(dt.date(2000, 1, 1), start)
        end = (base + dt.timedelta(hours=1)).time() if start < dt.time(23, 0) else None
        return m.ScheduleEntry(date=after.date or self.default_date(), time=start, end=end)

    def record_title(self, row: int) -> str:
        entry = self.block.entries[row]
        return f"{_span(entry)} {entry.title}".strip()

    def arrange(self, new: m.ScheduleBlock, row: int) -> int | None:
        where = sort_entries(new.entries)
        return where[row] if 0 <= row < len(where) else row

    def cell_hint(self, row: int, column: int) -> tuple[QColor | None, str]:
        others = getattr(self, "_clashes", {}).get(row)
        if not others:
            return None, ""
        entries = self.block.entries
        names = "; ".join(
            f"“{entries[j].title or 'untitled'}” ({_span(entries[j])})" for j in others)
        return CLASH_COLOUR, f"Overlaps with {names}"


def _until(entry: m.ScheduleEntry) -> dt.time:
    """When an entry stops counting for clashes on its day: its end, midnight for one
    that ends the next day, its start for a moment."""
    assert entry.time is not None
    if entry.end is None or entry.end == entry.time:
        return entry.time
    return entry.end if entry.end > entry.time else _LATE


def _span(entry: m.ScheduleEntry) -> str:
    start = entry.time.strftime("%H:%M") if entry.time else "?"
    if not entry.end:
        return start
    later = " (+1)" if entry.time is not None and entry.end < entry.time else ""
    return f"{start}–{entry.end.strftime('%H:%M')}{later}"
