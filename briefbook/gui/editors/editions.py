"""The editions grid on the cover form: named versions of the dossier for different readers.

An edition leaves out everything marked above its ceiling or carrying a control
marking it leaves out (NOFORN...), and sections by tag; the export dialog builds
one edition at a time.
"""

from __future__ import annotations

import copy

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from briefbook.core.distribution.editions import marking_scheme
from briefbook.core.model import Edition
from briefbook.gui.dialogs.plain import plain_label
from briefbook.gui.editing import commands
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.grid import Cells, GridView
from briefbook.gui.editors.widgets import small_button

COLUMNS = (
    "Name",
    "Ceiling",
    "Keep tags",
    "Leave out tags",
    "Leave out controls",
    "Only tags",
    "Description",
)
#: What each column says on hover.
TIPS = (
    "",
    "Everything marked above this is left out",
    "Keep only sections with one of these tags, and untagged ones",
    "Leave out sections with one of these tags",
    "Leave out portions carrying one of these control markings (NOFORN…)",
    "Keep only sections with one of these tags (untagged ones are left out)",
    "",
)


def _tags(text: str) -> list[str]:
    return [tag.strip() for tag in text.split(",") if tag.strip()]


class EditionsEditor(QWidget):
    """One edition per row; every change is one undo command on the brief."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._pushing = False
        self._grow_rows = 0
        self.view = GridView(self, self)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        char = self.fontMetrics().averageCharWidth()
        for column, width in enumerate((14, 12, 12, 14, 14, 12)):
            self.view.setColumnWidth(column, width * char + 18)
        self.message = plain_label(QLabel(""))
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a61b1b;")
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(small_button("Add Edition", "Add an edition", self.add_edition))
        buttons.addWidget(small_button("Remove", "Remove the selected editions", self.remove))
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        document.meta_changed.connect(self._changed)
        self.view.reload()

    @property
    def editions(self) -> list[Edition]:
        return self.document.brief.editions

    # --- GridSource ----------------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.editions)

    def column_count(self) -> int:
        return len(COLUMNS)

    def header(self, column: int) -> str:
        return COLUMNS[column]

    def cell(self, row: int, column: int) -> str:
        edition = self.editions[row]
        return (
            edition.name,
            edition.ceiling,
            ", ".join(edition.include_tags),
            ", ".join(edition.exclude_tags),
            ", ".join(edition.exclude_controls),
            ", ".join(edition.only_tags),
            edition.description,
        )[column]

    def cell_hint(self, row: int, column: int) -> tuple[QColor | None, str]:
        return None, TIPS[column]

    def ensure_size(self, rows: int, columns: int) -> bool:
        self._grow_rows = rows
        return columns <= len(COLUMNS)

    def set_cells(self, cells: Cells, text: str) -> None:
        editions = copy.deepcopy(self.editions)
        while len(editions) < self._grow_rows:
            editions.append(Edition())
        self._grow_rows = 0
        problems = []
        scheme = marking_scheme(self.document.brief)
        for (row, column), value in sorted(cells.items()):
            while len(editions) <= row:
                editions.append(Edition())
            edition = editions[row]
            if column == 0:
                edition.name = value.strip()
            elif column == 1:
                value = value.strip()
                value = next((name for name in scheme if name.upper() == value.upper()), value)
                if value and value not in scheme:
                    problems.append(f"{value!r} is not in the marking scheme ({', '.join(scheme)})")
                else:
                    edition.ceiling = value
            elif column == 2:
                edition.include_tags = _tags(value)
            elif column == 3:
                edition.exclude_tags = _tags(value)
            elif column == 4:  # control markings such as NOFORN, as the file has them
                edition.exclude_controls = [tag.upper() for tag in _tags(value)]
            elif column == 5:
                edition.only_tags = _tags(value)
            elif column == 6:
                edition.description = value
        self.message.setText("Not changed: " + "; ".join(problems))
        self.message.setVisible(bool(problems))
        self._push(editions, text)

    # --- rows ---------------------------------------------------------------------------------

    def add_edition(self) -> None:
        editions = copy.deepcopy(self.editions)
        editions.append(Edition(name=f"Edition {len(editions) + 1}"))
        self._push(editions, "Add edition")
        self.view.setCurrentIndex(self.view.grid.index(len(editions) - 1, 0))

    def remove(self) -> None:
        rows = sorted({index.row() for index in self.view.selectedIndexes()}, reverse=True)
        if not rows:
            return
        editions = copy.deepcopy(self.editions)
        for row in rows:
            del editions[row]
        self._push(editions, "Remove edition")

    def _push(self, editions: list[Edition], text: str) -> None:
        if editions == self.editions:
            return
        self._pushing = True
        try:
            self.document.undo_stack.push(
                commands.EditBriefField(self.document, "editions", editions, text)
            )
        finally:
            self._pushing = False
        self.view.reload()

    def _changed(self) -> None:
        if not self._pushing:
            self.view.reload()
