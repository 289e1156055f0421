"""The export's edition list: the full brief, each edition, or all of them at once
(one file each), with a line saying what the chosen edition leaves out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from briefbook.gui.dialogs.plain import tooltip
from briefbook.gui.editing.document import Document

#: The edition list's entry for every edition at once (one file each, laid out in parallel).
ALL_EDITIONS = "\x00all"


class EditionChooser(QComboBox):
    """The edition to export; ``cut`` is the label that says what it leaves out (the
    dialog places it)."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.addItem("The full brief", "")
        for edition in document.brief.editions:
            self.addItem(edition.name, edition.name)
            self.setItemData(
                self.count() - 1, tooltip(edition.description), Qt.ItemDataRole.ToolTipRole
            )
        if len(document.brief.editions) > 1:
            self.addItem("All editions, one file each", ALL_EDITIONS)
        self.cut = QLabel("")
        self.cut.setObjectName("editionCut")
        self.cut.setStyleSheet("color: #5f6670;")
        self.cut.setWordWrap(True)
        self.cut.hide()

    def name(self) -> str:
        """The chosen edition's name ("" for the full brief or for all editions)."""
        name = self.currentData() or ""
        return "" if name == ALL_EDITIONS else str(name)

    def names(self) -> list[str]:
        """The editions to export: the chosen one, or every one."""
        if self.currentData() == ALL_EDITIONS:
            return [edition.name for edition in self.document.brief.editions]
        return [self.name()]

    def show_cut(self) -> None:
        """Say what the chosen edition leaves out: sections, paragraphs and items."""
        from briefbook.core.distribution.editions import edition_cut

        name = self.name()
        found = [e for e in self.document.brief.editions if e.name == name]
        text = ""
        if found:
            text = f"This edition {edition_cut(self.document.brief, found[0]).describe()}."
        self.cut.setText(text)
        self.cut.setVisible(bool(text))
