"""The marking selector every block and item editor carries: a small combo, empty = inherit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from briefbook.core.markings import scheme_of
from briefbook.gui.editing.document import Document

#: What the empty choice reads as in the combo.
INHERIT = "—"


class MarkingCombo(QComboBox):
    """The brief's markings, lowest first, after an empty "as its container" choice.

    ``chosen`` is emitted with the marking the user picked ("" = inherit), never when
    the combo is only showing a value (``show``).
    """

    chosen = Signal(str)

    def __init__(self, document: Document, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.what = what
        # Compact: about 14 characters wide; the list shows the names in full.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setToolTip(f"The marking of {what}; “{INHERIT}” = as what holds it")
        self.setAccessibleName(f"Marking of {what}")
        self._fill("")
        self.activated.connect(lambda _index: self.chosen.emit(self.currentData() or ""))

    def _fill(self, current: str) -> None:
        names = list(scheme_of(self.document.brief).names)
        if current and current not in names:
            names.append(current)  # outside the scheme: shown as it is (validate names it)
        wanted = ["", *names]
        if [self.itemData(i) for i in range(self.count())] != wanted:
            blocked = self.blockSignals(True)
            self.clear()
            for name in wanted:
                self.addItem(name or INHERIT, name)
            self.blockSignals(blocked)

    def show_marking(self, marking: str) -> None:
        """Show ``marking`` (the scheme may have changed since) without emitting."""
        self._fill(marking)
        blocked = self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(marking)))
        self.blockSignals(blocked)
