"""What a flowable of the dossier carries for the layout: the place it comes from
(for error messages) and the marking it prints (for the page's banner).

ReportLab flowables have no field for either, so both are kept as attributes of
the flowable, set and read only here (typed, in one place). A wrapper flowable
would hold them as fields, but it would also change how ReportLab splits and
keeps content together, and with it the pages; these accessors do not.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

_WHERE = "_bb_where"
_MARK = "_bb_mark"


def tag(flowable: Flowable, *, where: str | None = None, mark: str | None = None) -> None:
    """Note where ``flowable`` comes from and the marking it prints (``None``: unchanged)."""
    if where is not None:
        setattr(flowable, _WHERE, where)
    if mark is not None:
        setattr(flowable, _MARK, mark)


def tag_mark(flowable: Flowable, mark: str) -> None:
    """Tag a flowable with its marking, and the content of a KeepTogether too (ReportLab
    lays that content out on its own, and each piece must note the block's marking)."""
    tag(flowable, mark=mark)
    if isinstance(flowable, KeepTogether):
        for inner in getattr(flowable, "_content", None) or []:
            tag_mark(inner, mark)


def where_of(flowable: object) -> str | None:
    """The place a flowable was tagged with (for a KeepTogether: its first piece's)."""
    where = getattr(flowable, _WHERE, None)
    if where is None and isinstance(flowable, KeepTogether):
        content = getattr(flowable, "_content", None) or [None]
        where = getattr(content[0], _WHERE, None)
    return where if isinstance(where, str) else None


def mark_of(flowable: object) -> str | None:
    """The marking a flowable was tagged with, if any."""
    mark = getattr(flowable, _MARK, None)
    return mark if isinstance(mark, str) else None
