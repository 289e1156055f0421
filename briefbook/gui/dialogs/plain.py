"""Text from a brief, shown as the text it is: never as rich text that Qt guessed.

Qt renders a label's, a message box's or a tooltip's text as HTML when it merely
*looks* like HTML (``Qt.AutoText``). A brief from someone else could then hide or
reword a warning with a picture path such as ``<b>x</b><a href=...>``. So every
place that shows text taken from a brief (titles, paths, names, problems, error
messages) goes through one of these:

* :func:`plain_label` and :func:`message_box` show it as plain text;
* :func:`literal` turns it into HTML that shows it literally, for what takes only
  Qt's guessed format (tooltips, the static ``QMessageBox.question``), used by
  :func:`tooltip` and :func:`ask`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

PLAIN = Qt.TextFormat.PlainText


def plain_label(label: QLabel) -> QLabel:
    """``label`` set to show its text as plain text (no links opened); returns it."""
    label.setTextFormat(PLAIN)
    label.setOpenExternalLinks(False)
    return label


def literal(text: str) -> str:
    """``text`` as HTML that shows exactly ``text``: escaped, its lines kept."""
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{escaped}</p>" if text else ""


def tooltip(text: str) -> str:
    """A tooltip showing ``text`` literally (tooltips guess their format)."""
    return literal(text)


def make_plain(box: QMessageBox) -> QMessageBox:
    """Every label of ``box`` (its text, its informative text) shows plain text."""
    box.setTextFormat(PLAIN)
    for label in box.findChildren(QLabel):
        plain_label(label)
    return box


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    detailed: str = "",
) -> QMessageBox:
    """A message box showing ``text``, ``informative`` and ``detailed`` as plain text;
    the caller adds buttons and calls ``exec()``."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    if detailed:
        box.setDetailedText(detailed)  # a plain-text view already
    return make_plain(box)


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox.StandardButton:
    """``QMessageBox.question`` with ``text`` shown literally (tests may patch
    ``QMessageBox.question``; it receives the escaped text)."""
    return QMessageBox.question(parent, title, literal(text), buttons, default)


def confirm(
    parent: QWidget | None, title: str, text: str, informative: str, accept: str, reject: str
) -> bool:
    """A warning with two buttons, shown as plain text; True only when ``accept`` is
    clicked (``reject`` is the default and Escape's answer)."""
    box = message_box(parent, QMessageBox.Icon.Warning, title, text, informative)
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(reject, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
