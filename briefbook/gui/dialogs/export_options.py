"""The export dialog's choices: the profile (print or e-mail), numbered copies and a password.

Each is a small widget that says what the user chose and signals ``changed``;
:mod:`briefbook.gui.dialogs.export` turns the choices into render options. The
password lives in its two fields only: it is never put into the settings or
the brief.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefbook.core.distribution.copies import (
    MAX_COPIES,
    Copy,
    numbered_copies,
    parse_recipients,
    recipient_copies,
)
from briefbook.errors import BriefbookError
from briefbook.gui.dialogs.plain import plain_label, tooltip
from briefbook.render.pictures.downsample import MAX_DPI, MIN_DPI, ImageProfile, image_profile
from briefbook.render.protect import MIN_PASSWORD_LENGTH

#: The profiles offered, as (key, label).
PROFILES = (
    ("print", "Printing: pictures as they are"),
    ("email", "E-mail: smaller pictures, a small file"),
)
#: How a numbered export is asked for, as (key, label).
NUMBERING = (
    ("", "One file, not numbered"),
    ("count", "Numbered copies"),
    ("names", "One copy per recipient"),
)


def _row(*widgets: QWidget, stretch_last: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    if not stretch_last:
        row.addStretch(1)
    return row


class ProfileChooser(QWidget):
    """Printing or e-mail, and the pictures' resolution for e-mail."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = QComboBox()
        for key, label in PROFILES:
            self.profile.addItem(label, key)
        self.dpi = QSpinBox()
        self.dpi.setRange(MIN_DPI, MAX_DPI)
        self.dpi.setSingleStep(25)
        self.dpi.setValue(image_profile("email").dpi or 150)
        self.dpi.setSuffix(" dpi")
        self.dpi.setToolTip(
            "Pictures are embedded at this resolution of the size they "
            "print at (150 dpi reads well on screen and prints fairly)"
        )
        self.dpi_label = QLabel("Pictures at")
        layout = _row(self.profile, self.dpi_label, self.dpi)
        self.setLayout(layout)
        self.profile.currentIndexChanged.connect(self._follow)
        self.dpi.valueChanged.connect(self.changed)
        self._follow()

    def _follow(self) -> None:
        email = self.key() == "email"
        self.dpi.setVisible(email)
        self.dpi_label.setVisible(email)
        self.changed.emit()

    def key(self) -> str:
        return str(self.profile.currentData())

    def image_profile(self) -> ImageProfile | None:
        """The render's picture profile (None: pictures as they are)."""
        if self.key() == "email":
            return image_profile("email", self.dpi.value())
        return None


class CopiesChooser(QWidget):
    """One file, a number of numbered copies, or one copy per recipient."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox()
        for key, label in NUMBERING:
            self.mode.addItem(label, key)
        self.count = QSpinBox()
        self.count.setRange(1, MAX_COPIES)
        self.count.setValue(2)
        self.count.setToolTip(
            "How many numbered copies: one file each, stamped "
            "'Copy 3 of 12' on the cover and in every footer"
        )
        self.load_button = QPushButton("Load List…")
        self.load_button.setAutoDefault(False)
        self.load_button.setToolTip("Read the names from a text file, one name a line")
        self.load_button.clicked.connect(self.load_list)
        self.names = QPlainTextEdit()
        self.names.setPlaceholderText("One name a line, e.g.\nJane Doe\nDelegation office")
        self.names.setFixedHeight(76)
        self.names.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(_row(self.mode, self.count, self.load_button))
        layout.addWidget(self.names)
        self.mode.currentIndexChanged.connect(self._follow)
        self.count.valueChanged.connect(self.changed)
        self.names.textChanged.connect(self.changed)
        self._follow()

    def _follow(self) -> None:
        mode = self.mode.currentData()
        self.count.setVisible(mode == "count")
        self.names.setVisible(mode == "names")
        self.load_button.setVisible(mode == "names")
        self.changed.emit()

    def set_mode(self, key: str) -> None:
        self.mode.setCurrentIndex(max(0, self.mode.findData(key)))

    def copies(self) -> list[Copy]:
        """The copies to make ([] for one unnumbered file); raises :class:`BriefbookError`
        when the recipients list holds no names or too many."""
        mode = self.mode.currentData()
        if mode == "count":
            return numbered_copies(self.count.value())
        if mode == "names":
            return recipient_copies(parse_recipients(self.names.toPlainText()))
        return []

    def load_list(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Recipients", str(Path.home()), "Text files (*.txt);;All files (*)"
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Put the names of a recipients file into the list (problems show in the list's
        tooltip and leave it as it was)."""
        from briefbook.core.distribution.copies import read_recipients

        try:
            copies = read_recipients(path)
        except BriefbookError as exc:
            self.names.setToolTip(tooltip(str(exc)))
            return
        self.names.setToolTip("")
        self.names.setPlainText("\n".join(copy.recipient for copy in copies))


class PasswordFields(QWidget):
    """A password typed twice. It is held by these fields only and never saved. Its
    ``archival`` box asks for a PDF/A file, which has no password: checking it clears
    and disables the fields."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archival = QCheckBox("Archival PDF/A-2b (never with a password)")
        self.archival.setToolTip(
            "For records and archives: sRGB colour, every font "
            "embedded, PDF/A metadata. An archive must open without "
            "a password."
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("No password")
        self.password.setToolTip(
            "Opening the PDF will need this password (AES-256). "
            "It may be printed, but not copied from or changed."
        )
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setPlaceholderText("Type it again")
        self.message = plain_label(QLabel(""))
        self.message.setStyleSheet("color: #a61b1b;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        fields = QHBoxLayout()
        fields.addWidget(self.password, 1)
        fields.addWidget(self.confirm, 1)
        layout.addLayout(fields)
        layout.addWidget(self.message)
        self.message.hide()
        for edit in (self.password, self.confirm):
            edit.textChanged.connect(self._follow)
        self.archival.toggled.connect(self._archival)
        self._follow()

    def _archival(self, on: bool) -> None:
        if on:
            self.clear()
        self.password.setEnabled(not on)
        self._follow()

    def _follow(self) -> None:
        problem = self.problem()
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        self.confirm.setEnabled(
            not self.archival.isChecked()
            and (bool(self.password.text()) or bool(self.confirm.text()))
        )
        self.changed.emit()

    def problem(self) -> str:
        """Why the password cannot be used yet ("" when it can, or when there is none)."""
        first, second = self.password.text(), self.confirm.text()
        if not first and not second:
            return ""
        if len(first) < MIN_PASSWORD_LENGTH:
            return f"A password needs at least {MIN_PASSWORD_LENGTH} characters."
        if first != second:
            return "The two passwords differ." if second else "Type the password again."
        return ""

    def value(self) -> str:
        """The password to protect the PDF with ("" for none); only call when valid."""
        return self.password.text()

    def clear(self) -> None:
        self.password.clear()
        self.confirm.clear()
