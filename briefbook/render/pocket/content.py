"""What the pocket card holds: the schedule by day, the key points, their marking.

The key points are the sections titled "Key points" or "Talking points" (in any
case), any section tagged ``pocket``, and any section holding talking points or
if-asked lines (press material, see ``core.distribution.editions``).
"""

from __future__ import annotations

import datetime as dt

from briefbook.core import model as m
from briefbook.core.distribution.editions import highest, holds_press_material
from briefbook.core.markings import effective, scheme_of, section_marking, section_markings

_KEY_TITLES = ("key point", "talking point")


def is_key_points(section: m.Section) -> bool:
    """Whether a section's content belongs on the card's key-points side."""
    title = section.title.casefold()
    return (
        any(word in title for word in _KEY_TITLES)
        or "pocket" in (tag.strip().casefold() for tag in section.tags)
        or holds_press_material(section)
    )


def schedule_days(brief: m.Brief) -> list[tuple[dt.date | None, list[m.ScheduleEntry]]]:
    """Every schedule entry grouped by day, days in order (undated ones last), each
    day's entries by time (entries with no time at the end of their day)."""
    groups: dict[dt.date | None, list[m.ScheduleEntry]] = {}
    for _, section in brief.walk_sections():
        for block in section.blocks:
            if isinstance(block, m.ScheduleBlock):
                for entry in block.entries:
                    groups.setdefault(entry.date, []).append(entry)
    for entries in groups.values():
        entries.sort(key=lambda e: e.time or e.end or dt.time.max)
    found: list[tuple[dt.date | None, list[m.ScheduleEntry]]] = [
        (day, groups[day]) for day in sorted(d for d in groups if d is not None)
    ]
    if None in groups:
        found.append((None, groups[None]))
    return found


def card_marking(brief: m.Brief) -> str:
    """The highest marking of what the card shows: the schedule and the key points."""
    found = [brief.meta.marking]
    for section in brief.sections:
        parts = [(section, None), *((sub, section) for sub in section.subsections)]
        for part, parent in parts:
            shown = (
                is_key_points(part)
                or (parent is not None and is_key_points(parent))
                or any(isinstance(b, m.ScheduleBlock | m.ContactsBlock) for b in part.blocks)
            )
            if shown:
                found.extend(section_markings(brief, part, parent, subsections=False))
    return highest(brief, found)


def portion_prefixes(brief: m.Brief) -> dict[int, str]:
    """The portion mark printed before each schedule entry and list item of the card
    ("(S) "), by the object's id; empty when the brief prints no portion marks."""
    if not brief.meta.portion_marks:
        return {}
    scheme = scheme_of(brief)
    found: dict[int, str] = {}

    def items(entries: list[m.ListItem], container: str) -> None:
        for item in entries:
            mark = effective(item.marking, container)
            found[id(item)] = scheme.portion(mark) + " " if mark else ""
            items(item.items, mark)

    for section in brief.sections:
        for part, parent in ((section, None), *((sub, section) for sub in section.subsections)):
            section_mark = section_marking(brief, part, parent)
            for block in part.blocks:
                mark = effective(getattr(block, "marking", ""), section_mark)
                if isinstance(block, m.ScheduleBlock):
                    for entry in block.entries:
                        own = effective(entry.marking, mark)
                        found[id(entry)] = scheme.portion(own) + " " if own else ""
                elif isinstance(block, m.BulletsBlock | m.NumberedBlock | m.TalkingPointsBlock):
                    items(block.items, mark)
                elif isinstance(block, m.IfAskedBlock):
                    for line in block.items:
                        own = effective(line.marking, mark)
                        found[id(line)] = scheme.portion(own) + " " if own else ""
    return found
