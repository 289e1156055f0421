"""The start-up offer after a crash: recover each brief's unsaved work, or discard it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefbook.core.safety.autosave import Recovery
from briefbook.core.text import counted
from briefbook.gui.dialogs.plain import ask, tooltip


class RecoverDialog(QDialog):
    """Lists the unsaved work found, each with its title, file and time; the ticked
    ones are recovered (``Recover``) or deleted (``Discard``). ``Not Now`` keeps them
    for the next start."""

    RECOVER, DISCARD, LATER = "recover", "discard", "later"

    def __init__(self, offers: list[Recovery], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offers = offers
        self.choice = self.LATER
        self.setWindowTitle("Recover unsaved work")
        self.setMinimumWidth(640)
        count = len(offers)
        intro = QLabel(
            "<b>briefbook did not close properly last time.</b><br>"
            f"It kept the unsaved work of {counted(count, 'brief')}. "
            "Recovered work opens unsaved; save it to keep it. "
            "The brief files themselves were not changed."
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(["Brief", "File", "Last autosaved"])
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for offer in offers:
            where = str(offer.original) if offer.original is not None else "never saved"
            item = QTreeWidgetItem(
                [
                    offer.title or "Untitled brief",
                    where,
                    offer.saved_at.astimezone().strftime("%a %d %b %Y, %H:%M"),
                ]
            )
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(1, tooltip(where))
            self.list.addTopLevelItem(item)
        self.list.resizeColumnToContents(0)
        self.list.resizeColumnToContents(2)
        self.list.setMaximumHeight(60 + 26 * min(count, 8))

        buttons = QDialogButtonBox()
        self.recover_button = buttons.addButton("Recover", QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton(
            "Discard…", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.later_button = buttons.addButton("Not Now", QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(self._recover)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        self.list.itemChanged.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        later = QLabel("“Not Now” keeps the work for the next start.")
        later.setStyleSheet("color: palette(mid);")
        layout.addWidget(later)
        layout.addWidget(buttons)

    def ticked(self) -> list[Recovery]:
        """The offers whose box is ticked, in the listed order."""
        return [
            offer
            for row, offer in enumerate(self.offers)
            if (item := self.list.topLevelItem(row)) is not None
            and item.checkState(0) == Qt.CheckState.Checked
        ]

    def _update_buttons(self) -> None:
        any_ticked = bool(self.ticked())
        self.recover_button.setEnabled(any_ticked)
        self.discard_button.setEnabled(any_ticked)

    def _recover(self) -> None:
        self.choice = self.RECOVER
        self.accept()

    def _discard(self) -> None:
        count = len(self.ticked())
        answer = ask(
            self,
            "Discard unsaved work",
            f"Delete the unsaved work of {counted(count, 'brief')} for good?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.choice = self.DISCARD
            self.accept()
