"""The button row the export dialogs share: Export, then Open and Show in Folder once done."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialogButtonBox, QPushButton


@dataclass
class ResultButtons:
    box: QDialogButtonBox
    export: QPushButton
    open: QPushButton
    folder: QPushButton
    close: QPushButton


def result_buttons(
    start: Callable[[], None],
    open_pdf: Callable[[], None],
    show_folder: Callable[[], None],
    close: Callable[[], None],
) -> ResultButtons:
    """Export (the default), Open and Show in Folder (hidden until a file exists), Close."""
    box = QDialogButtonBox()
    role = QDialogButtonBox.ButtonRole
    row = ResultButtons(
        box=box,
        export=box.addButton("Export", role.AcceptRole),
        open=box.addButton("Open", role.ActionRole),
        folder=box.addButton("Show in Folder", role.ActionRole),
        close=box.addButton(QDialogButtonBox.StandardButton.Close),
    )
    row.open.hide()
    row.folder.hide()
    row.export.setDefault(True)
    row.export.clicked.connect(start)
    row.open.clicked.connect(open_pdf)
    row.folder.clicked.connect(show_folder)
    row.close.clicked.connect(close)
    return row
