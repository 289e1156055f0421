"""Personal itineraries: the schedule of one participant, with the contact sheet.

Like an edition, an itinerary is a filter applied to the brief *before* it is
rendered: the copy keeps the cover, every schedule entry the person attends
(their name is among the entry's participants, compared without regard to case
or spacing) and every contacts block, and nothing else. Entries that list no
participants are left out: nobody is known to attend them.
"""

from __future__ import annotations

import copy
import difflib

from briefbook.core import model as m
from briefbook.core.text import one_line
from briefbook.core.wording import Wording
from briefbook.errors import BriefbookError


class UnknownParticipantError(BriefbookError):
    """A name that no schedule entry lists; the message suggests the nearest one."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        if not known:
            message = (
                f"no schedule entry lists any participants, so there is no itinerary "
                f"for {name!r}; add names under 'participants' in the schedule"
            )
        else:
            close = difflib.get_close_matches(_key(name), [_key(k) for k in known], n=1, cutoff=0.5)
            hint = ""
            if close:
                nearest = next(k for k in known if _key(k) == close[0])
                hint = f"did you mean {nearest!r}? "
            listed = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
            message = f"nobody called {name!r} is in the schedule; {hint}the participants are: "
            message += listed
        super().__init__(message)


def _key(name: str) -> str:
    """A name as compared: case-folded, spaces collapsed."""
    return one_line(name).casefold()


def schedule_entries(brief: m.Brief) -> list[m.ScheduleEntry]:
    """Every schedule entry of the brief, in document order."""
    found: list[m.ScheduleEntry] = []
    for _, section in brief.walk_sections():
        for block in section.blocks:
            if isinstance(block, m.ScheduleBlock):
                found.extend(block.entries)
    return found


def participants(brief: m.Brief) -> list[str]:
    """The people named in the schedule, each once (as first spelt), in order of appearance."""
    seen: dict[str, str] = {}
    for entry in schedule_entries(brief):
        for name in entry.participants:
            key = _key(name)
            if key and key not in seen:
                seen[key] = one_line(name)
    return list(seen.values())


def find_participant(brief: m.Brief, name: str) -> str:
    """The participant ``name`` as the schedule spells it; raises
    :class:`UnknownParticipantError` (suggesting the nearest name) when nobody matches."""
    known = participants(brief)
    wanted = _key(name)
    for candidate in known:
        if _key(candidate) == wanted:
            return candidate
    raise UnknownParticipantError(name, known)


def attends(entry: m.ScheduleEntry, name: str) -> bool:
    """Whether ``name`` is among the entry's participants (case and spacing ignored)."""
    wanted = _key(name)
    return any(_key(person) == wanted for person in entry.participants)


def _filtered(section: m.Section, name: str) -> m.Section | None:
    """The section with only the person's entries and the contact sheets; None if empty."""
    blocks: list[m.Block] = []
    for block in section.blocks:
        if isinstance(block, m.ScheduleBlock):
            entries = [entry for entry in block.entries if attends(entry, name)]
            if entries:
                blocks.append(m.ScheduleBlock(entries))
        elif isinstance(block, m.ContactsBlock) and block.contacts:
            blocks.append(block)
    subsections = [
        sub for sub in (_filtered(s, name) for s in section.subsections) if sub is not None
    ]
    if not blocks and not subsections:
        return None
    section.blocks = blocks
    section.subsections = subsections
    return section


def itinerary_for(brief: m.Brief, name: str, missing_ok: bool = False) -> m.Brief:
    """A copy of the brief holding only ``name``'s schedule entries and the contacts.

    The cover says whose itinerary it is; editions are dropped (apply one first
    if it should apply). Raises :class:`UnknownParticipantError` for an unknown
    name, unless ``missing_ok``: then the itinerary is empty (an earlier version
    of the brief, before the person joined).
    """
    try:
        person = find_participant(brief, name)
    except UnknownParticipantError:
        if not missing_ok:
            raise
        person = one_line(name)
    result = copy.deepcopy(brief)
    result.source = brief.source
    result.sections = [
        s for s in (_filtered(section, person) for section in result.sections) if s is not None
    ]
    result.editions = []
    result.meta.subtitle = Wording.of(brief.meta)("personal_itinerary", person=person)
    return result
