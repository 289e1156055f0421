"""The Problems panel: what was wrong in a brief file that opened anyway.

Each line is ``FILE:LINE:COLUMN: message``; double-clicking one selects the section
it lies in (or the cover). Before a save would leave out what could not be read,
the user is asked (``ask_save_without_unread``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from briefbook.core.text import counted, plural
from briefbook.gui.dialogs.plain import confirm
from briefbook.gui.editing.document import Document

if TYPE_CHECKING:
    from briefbook.gui.window.services import WindowServices

_PLACE_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsPanel(QDockWidget):
    """A dock under the window listing the open brief's problems from its file."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__("Problems", window.window())
        self.window_ = window
        self.setObjectName("problemsPanel")
        self.setAllowedAreas(
            Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea
        )
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 2, 6, 6)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.setToolTip("Double-click a problem to go to its section")
        self.list.itemActivated.connect(self._go)
        self.list.itemDoubleClicked.connect(self._go)
        layout.addWidget(self.list)
        layout.addStretch(1)
        self.setWidget(body)
        self.hide()

    def show_document(self, document: Document) -> None:
        """List ``document``'s problems from its file (hidden when there are none)."""
        self.list.clear()
        problems = document.load_problems
        if not problems:
            self.hide()
            return
        count = len(problems)
        name = document.display_name()
        self.summary.setText(
            f"{name} opened with {counted(count, 'problem')}: what is listed "
            "here could not be read and is not in the brief. Correct it here, or in the file; "
            "Save asks before it leaves it out."
        )
        for problem, place in zip(problems, document.problem_places, strict=False):
            item = QListWidgetItem(str(problem))
            item.setData(_PLACE_ROLE, place)
            item.setToolTip(_place_name(document, place))
            self.list.addItem(item)
        self.show()
        self.raise_()
        # As high as its lines (up to eight), so the editor and the pages keep the room.
        row = max(self.list.sizeHintForRow(0), self.list.fontMetrics().lineSpacing() + 2)
        lines = min(count, 8) * row + 2 * self.list.frameWidth() + 6
        self.list.setMaximumHeight(lines)
        height = lines + self.summary.sizeHint().height() + 2 * row + 16
        # Once the window is laid out (it may not be shown yet when a brief opens at start).
        QTimer.singleShot(0, self, lambda: self._fit_dock(height))

    def _fit_dock(self, height: int) -> None:
        main = self.window_.window()
        if isinstance(main, QMainWindow):
            main.resizeDocks([self], [height], Qt.Orientation.Vertical)

    def _go(self, item: QListWidgetItem) -> None:
        place = item.data(_PLACE_ROLE)
        path = tuple(place) if place is not None else None
        window = self.window_
        try:
            if path is not None:
                window.document.brief.section_at(path)
        except IndexError:
            path = None
        window.tree.select_path(path)
        window.statusBar().showMessage(f"{item.text()}", 8000)


def _place_name(document: Document, place: object) -> str:
    if place is None:
        return "On the cover, or outside the sections"
    try:
        section = document.brief.section_at(tuple(place))  # type: ignore[arg-type]
    except (IndexError, TypeError):
        return ""
    return f"In the section “{section.title}”"


def ask_save_without_unread(parent: QWidget, document: Document) -> bool:
    """Whether to save although the parts of the file that could not be read will be
    left out (True), or to keep editing (False)."""
    count = len(document.load_problems)
    # The brief's name comes from its file: plain text, so that none can reword this.
    return confirm(
        parent,
        "Save without what could not be read?",
        f"When “{document.display_name()}” was opened, {count} "
        f"{plural(count, 'problem')} kept part of it from being read "
        "(see the Problems panel).",
        "Saving now writes the brief without those parts (an unknown key, a value that is "
        f"not of its kind). The file as it was is kept beside it as "
        f"{document.display_name()}~.\n\n"
        "To keep them, correct them in the brief first, or fix the file in a text editor "
        "and open it again.",
        "Save Without Them",
        "Keep Editing",
    )
