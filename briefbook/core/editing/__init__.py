"""Edit operations the editors' undo commands call, free of Qt.

``lists`` (bullet and numbered items by index path), ``schedule`` (day-and-time order,
clashes, the next entry), ``cells`` (table rows, columns and pasted cells; record rows)
and ``values`` (cell text to typed values and back). Each works on model objects in
place or returns plain values; the GUI copies a block, applies one and pushes the
result as one undo step.
"""
