"""The one function that turns an error into a dialog; the app keeps running afterwards."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from briefbook.errors import BriefbookError, BriefFormatError


def show_error(parent: QWidget | None, action: str, error: BaseException) -> None:
    """Tell the user that ``action`` (e.g. "Could not open the brief") failed, and why.

    A :class:`BriefbookError` names its place; anything else is a fault in
    briefbook, reported as such with the details tucked away.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("briefbook")
    box.setText(action)
    if isinstance(error, BriefbookError):
        box.setInformativeText(str(error))
        if isinstance(error, BriefFormatError) and len(error.problems) > 1:
            box.setDetailedText("\n".join(str(problem) for problem in error.problems))
    else:
        box.setInformativeText(
            f"Something went wrong inside briefbook: {type(error).__name__}: {error}\n"
            "Your work is still open; save it under a new name to be safe."
        )
        trace = getattr(error, "__traceback_text__", "")
        if trace:
            box.setDetailedText(trace)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
