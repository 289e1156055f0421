"""The talking points editor: the list editor's tree of items (indent, outdent, markings)."""

from __future__ import annotations

from briefbook.gui.editors.lists import ListEditor


class TalkingPointsEditor(ListEditor):
    """Edits the points to make as a list: click an item to type, Tab to indent."""

    label = "Points to make"
