"""The scenario editor: the start time above a grid of steps (title, minutes, lead,
press, marking), each step's text and points to make below it; the running start
times and the total shown as the steps change."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from briefbook.core import model as m
from briefbook.core.editing.values import Field, format_time
from briefbook.core.kinds.scenario import parse_start, start_times, total_minutes
from briefbook.core.text import counted
from briefbook.gui.dialogs.plain import plain_label
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.records import RecordsEditor
from briefbook.gui.editors.widgets import LineEdit, set_line_text


class ScenarioEditor(RecordsEditor[m.ScenarioBlock]):
    label = "Scenario"
    block: m.ScenarioBlock
    list_attr = "steps"
    record_type = m.Step
    noun = "step"
    fields = (
        Field("title", "Step", stretch=True),
        Field("duration", "Minutes", "minutes", width=6),
        Field("lead", "Lead", width=12),
        Field("press", "Press", "choices", m.STEP_PRESS, width=14),
        Field("marking", "Marking", "marking", width=12),
        Field("text", "Text", width=60, detail=True),
        Field("points", "Points to make", "points", width=60, detail=True),
    )

    def __init__(
        self, document: Document, block: m.ScenarioBlock, parent: QWidget | None = None
    ) -> None:
        self.start = LineEdit()
        self.start.setPlaceholderText("e.g. 11:30 or 1130")
        self.start.setAccessibleName("Start time")
        self.start.setMaximumWidth(self.start.fontMetrics().averageCharWidth() * 22)
        self.start_problem = plain_label(QLabel(""))
        self.summary = plain_label(QLabel(""))
        self.summary.setEnabled(False)
        super().__init__(document, block, parent)
        row = QHBoxLayout()
        row.addWidget(QLabel("Starts at"))
        row.addWidget(self.start)
        row.addWidget(self.start_problem, 1)
        row.addWidget(self.summary)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, row)
        self.start.textEdited.connect(self._start_edited)
        self.start.editingFinished.connect(self._start_finished)

    def refresh(self) -> None:
        super().refresh()
        self._show_start()

    def show_problems(self, problems: list[str]) -> None:
        super().show_problems(problems)
        self._show_summary()  # after every grid edit: the minutes may have changed

    def show_details(self) -> None:
        super().show_details()
        self._show_summary()

    def _start_finished(self) -> None:
        """Enter or leaving the field: the time as it is kept ("1130" shows as 11:30)."""
        if not self.start_problem.text():
            set_line_text(self.start, format_time(self.block.time))

    def _show_start(self) -> None:
        if not self.start.hasFocus():
            set_line_text(self.start, format_time(self.block.time))
            self.start_problem.setText("")
        self._show_summary()

    def _show_summary(self) -> None:
        total = total_minutes(self.block)
        steps = counted(len(self.block.steps), "step")
        self.summary.setText(f"{steps}, {total} min" if total else "")

    def _start_edited(self, text: str) -> None:
        try:
            start = parse_start(text)
        except ValueError:
            self.start_problem.setText("Not a time yet: type it as 11:30 or 1130")
            self.start_problem.setStyleSheet("color: #a61b1b;")
            return
        self.start_problem.setText("")
        new = self.copy_block()
        new.time = start
        self.push(new, "Change start time", "start")
        self.view.reload()

    def record_title(self, row: int) -> str:
        start = start_times(self.block)[row]
        title = self.block.steps[row].title
        return f"{format_time(start)} {title}".strip()

    def parse(self, record: Any, field: Field, raw: str) -> Any:
        """Points keep their markings and sub-points while their text stays as it was."""
        value = super().parse(record, field, raw)
        if field.name == "points":
            old = {item.text: item for item in record.points}
            value = [copy.deepcopy(old[item.text]) if item.text in old else item for item in value]
        return value
