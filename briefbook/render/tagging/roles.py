"""The structure role each flowable of a dossier is tagged with, declared in one place.

A builder gives a flowable its role with :func:`set_role` (a figure's alternative
text, a note, a heading level); any flowable without one gets the default of its
class from :func:`role_of`: a paragraph is a ``P``, a picture a ``Figure``, rules
and spacers are artifacts, anything else a ``Div``. So a new kind of flowable is
tagged sensibly before anyone thinks of it, and a builder that wants better says
so with one call. Flowables that draw their own structure (headings, contents
entries, tables and lists made with :mod:`.tables` and :mod:`.lists`) say so with
:data:`SELF`.

A :class:`Role` compares by identity: the pieces of one flowable split over pages
share its Role, and so are one element; ``within`` names an element several
flowables share (the contents' ``TOC``, a figure's caption inside its ``Figure``).
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import TypeVar

from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import HRFlowable, PageBreak

_ROLE = "_bb_role"
_F = TypeVar("_F")


@dataclass(eq=False, frozen=True)
class Role:
    """A structure element's role (``P``, ``H2``, ``Figure``, ``Note``, ``Artifact``...)."""

    name: str
    #: The alternative text (a figure's).
    alt: str = ""
    #: The element this one is inside, shared with other flowables (None: the section).
    within: Role | None = None

    def path(self) -> list[Role]:
        """The roles from the outermost shared element to this one."""
        found: list[Role] = []
        role: Role | None = self
        while role is not None:
            found.insert(0, role)
            role = role.within
        return found


#: The role of drawing that is page furniture (rules, backgrounds, decorations).
ARTIFACT = Role("Artifact")
#: The role of a flowable that draws its own structure (see the module's doc).
SELF = Role("")
#: The role of a flowable that draws nothing.
NOTHING = Role("")


def set_role(flowable: _F, role: Role) -> _F:
    """Tag ``flowable`` (and the pieces it splits into) with ``role``; returns it."""
    setattr(flowable, _ROLE, role)
    return flowable


def figure(flowable: Flowable, alt: str) -> Flowable:
    """Tag a picture as a ``Figure`` with its alternative text."""
    return set_role(flowable, Role("Figure", alt=alt.strip() or "Picture"))


def role_of(flowable: object) -> Role:
    """The role ``flowable`` was given, else its class's default (kept on the flowable,
    so the pieces it splits into share it)."""
    if getattr(type(flowable), "bb_tags_itself", False):
        return SELF
    role = getattr(flowable, _ROLE, None)
    if isinstance(role, Role):
        return role
    role = _default(flowable)
    with suppress(AttributeError):  # a flowable with __slots__ keeps no default
        setattr(flowable, _ROLE, role)
    return role


def explicit_role(flowable: object) -> Role | None:
    """The role ``flowable`` carries, without working out a default."""
    role = getattr(flowable, _ROLE, None)
    return role if isinstance(role, Role) else None


def _default(flowable: object) -> Role:
    if isinstance(flowable, (ActionFlowable, PageBreak, Spacer, KeepTogether)) or getattr(
        flowable, "_ZEROSIZE", False
    ):
        return NOTHING
    if isinstance(flowable, HRFlowable):
        return ARTIFACT
    if isinstance(flowable, Paragraph):
        return Role("P")
    if isinstance(flowable, Image):
        return Role("Figure", alt="Picture")
    return Role("Div")
