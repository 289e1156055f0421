"""Bullet and numbered list items by index path: add, remove, indent, outdent, move.

A path names an item: ``(2,)`` is the third item, ``(2, 0)`` its first sub-item.
Each operation changes the list in place and returns the path to select next
(None when the operation does not apply there).
"""

from __future__ import annotations

from briefbook.core.model import ListItem

ItemPath = tuple[int, ...]


def container(items: list[ListItem], path: ItemPath) -> list[ListItem]:
    """The list that holds the item at ``path``."""
    for index in path[:-1]:
        items = items[index].items
    return items


def add_after(items: list[ListItem], path: ItemPath | None) -> ItemPath:
    """Insert an empty item after ``path`` (at the end when None); return its path."""
    if path is None:
        items.append(ListItem(""))
        return (len(items) - 1,)
    container(items, path).insert(path[-1] + 1, ListItem(""))
    return (*path[:-1], path[-1] + 1)


def remove(items: list[ListItem], path: ItemPath) -> ItemPath | None:
    """Remove the item (with its sub-items); return the path to select next."""
    siblings = container(items, path)
    siblings.pop(path[-1])
    if siblings:
        return (*path[:-1], min(path[-1], len(siblings) - 1))
    return path[:-1] or None


def indent(items: list[ListItem], path: ItemPath) -> ItemPath | None:
    """Make the item the last sub-item of the one above it."""
    if path[-1] == 0:
        return None
    siblings = container(items, path)
    item = siblings.pop(path[-1])
    above = siblings[path[-1] - 1]
    above.items.append(item)
    return (*path[:-1], path[-1] - 1, len(above.items) - 1)


def outdent(items: list[ListItem], path: ItemPath) -> ItemPath | None:
    """Move the item one level out, after its parent; the items below it become its children."""
    if len(path) < 2:
        return None
    parent = container(items, path[:-1])[path[-2]]
    item = parent.items[path[-1]]
    item.items.extend(parent.items[path[-1] + 1 :])
    del parent.items[path[-1] :]
    container(items, path[:-1]).insert(path[-2] + 1, item)
    return (*path[:-2], path[-2] + 1)


def move(items: list[ListItem], path: ItemPath, step: int) -> ItemPath | None:
    """Move the item up (-1) or down (+1) among its siblings."""
    siblings = container(items, path)
    target = path[-1] + step
    if not 0 <= target < len(siblings):
        return None
    siblings.insert(target, siblings.pop(path[-1]))
    return (*path[:-1], target)


def set_text(items: list[ListItem], path: ItemPath, text: str) -> None:
    """Give the item new text."""
    container(items, path)[path[-1]].text = text


def set_marking(items: list[ListItem], path: ItemPath, marking: str) -> ItemPath:
    """Give the item its own marking ("" = its list's or parent item's)."""
    container(items, path)[path[-1]].marking = marking
    return path


def find_path(items: list[ListItem], needle: str) -> ItemPath | None:
    """The first item (depth first) whose text holds ``needle``, ignoring case."""
    key = needle.casefold()

    def walk(entries: list[ListItem], prefix: ItemPath) -> ItemPath | None:
        for index, entry in enumerate(entries):
            here = (*prefix, index)
            if key in entry.text.casefold():
                return here
            below = walk(entry.items, here)
            if below is not None:
                return below
        return None

    return walk(items, ())
