"""The File menu's actions for the road: pocket card, personal itineraries, and a
comparison with an earlier version of the brief."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from briefbook.gui.actions import Slot, make_action
from briefbook.gui.window.services import WindowServices


class RoadActions(QObject):
    """Export Pocket Card…, Export Itinerary…, Compare with Earlier Version…"""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.window())
        self.window = window
        #: The parent of the dialogs these actions open.
        self.widget = window.window()
        self.pocket_action = self._action(
            "Export Poc&ket Card…",
            self.export_pocket_card,
            "A6 cards with the schedule and the key points",
            QKeySequence("Ctrl+Shift+K"),
        )
        self.itinerary_action = self._action(
            "Export &Itinerary…",
            self.export_itinerary,
            "One person's schedule with the contact sheet",
            QKeySequence("Ctrl+Shift+I"),
        )
        self.compare_action = self._action(
            "Co&mpare with Earlier Version…",
            self.compare,
            "What changed since a saved file or the backup",
        )

    def _action(
        self, text: str, slot: Slot, tip: str, shortcut: QKeySequence | None = None
    ) -> QAction:
        return make_action(self.widget, text, slot, shortcut, tip)

    @property
    def actions(self) -> list[QAction]:
        return [self.pocket_action, self.itinerary_action, self.compare_action]

    def insert_after(self, menu: QMenu, anchor: QAction) -> None:
        """Put the actions in ``menu`` right after ``anchor`` (File > Export PDF…)."""
        items = menu.actions()
        index = items.index(anchor) + 1 if anchor in items else len(items)
        before = items[index] if index < len(items) else None
        for act in self.actions:
            if before is None:
                menu.addAction(act)
            else:
                menu.insertAction(before, act)

    def export_pocket_card(self) -> None:
        from briefbook.gui.dialogs.road import RoadExportDialog

        RoadExportDialog(self.window.document, self.window.settings, "pocket", self.widget).exec()

    def export_itinerary(self) -> None:
        from briefbook.gui.dialogs.road import RoadExportDialog

        RoadExportDialog(
            self.window.document, self.window.settings, "itinerary", self.widget
        ).exec()

    def compare(self) -> None:
        from briefbook.gui.dialogs.compare import CompareDialog, choose_earlier

        earlier = choose_earlier(self.widget, self.window.document)
        if earlier is not None:
            CompareDialog(self.window.document, self.window.settings, earlier, self.widget).exec()
