"""The one function that turns an error into a dialog; the app keeps running afterwards."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from briefbook.errors import BriefbookError, BriefFormatError
from briefbook.gui.dialogs.plain import message_box


def show_error(parent: QWidget | None, action: str, error: BaseException) -> None:
    """Tell the user that ``action`` (e.g. "Could not open the brief") failed, and why.

    A :class:`BriefbookError` names its place; anything else is a fault in
    briefbook, reported as such with the details tucked away.
    """
    detailed = ""
    if isinstance(error, BriefbookError):
        informative = str(error)
        if isinstance(error, BriefFormatError) and len(error.problems) > 1:
            detailed = "\n".join(str(problem) for problem in error.problems)
    else:
        informative = (
            f"Something went wrong inside briefbook: {type(error).__name__}: {error}\n"
            "Your work is still open; save it under a new name to be safe."
        )
        detailed = getattr(error, "__traceback_text__", "")
    # Messages quote the brief (titles, paths): shown as plain text, never as HTML.
    box = message_box(parent, QMessageBox.Icon.Warning, "briefbook", action, informative, detailed)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
