"""The schedule editor: a grid of entries kept in day-and-time order, clashes highlighted."""

from __future__ import annotations

from PySide6.QtGui import QColor

from briefbook.core import model as m
from briefbook.core.editing.schedule import clashes, next_entry, sort_entries, span
from briefbook.gui.editors.records import Field, RecordsEditor

CLASH_COLOUR = QColor("#f9d6d5")


class ScheduleEditor(RecordsEditor[m.ScheduleBlock]):
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
        Field("tbc", "TBC", "flag", width=4),
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
        return next_entry(after, self.default_date())

    def record_title(self, row: int) -> str:
        entry = self.block.entries[row]
        return f"{span(entry)} {entry.title}".strip()

    def arrange(self, new: m.ScheduleBlock, row: int) -> int | None:
        where = sort_entries(new.entries)
        return where[row] if 0 <= row < len(where) else row

    def cell_hint(self, row: int, column: int) -> tuple[QColor | None, str]:
        others = getattr(self, "_clashes", {}).get(row)
        if not others:
            return None, ""
        entries = self.block.entries
        names = "; ".join(
            f"“{entries[j].title or 'untitled'}” ({span(entries[j])})" for j in others
        )
        return CLASH_COLOUR, f"Overlaps with {names}"
