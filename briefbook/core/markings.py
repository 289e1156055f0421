"""The marking scheme: its levels in order, their portion marks, and what is marked how.

A scheme is a list of markings, lowest first, each with the abbreviation printed
before a portion ("(S//NF)"). It comes from ``meta.markings``: a preset by name
(``us``, ``uk``, ``nato``), a list of names and ``{name, portion}`` mappings, or a
preset followed by more entries. Control markings after ``//`` are part of a
marking's name; its *level* is the part before them, and order and comparison
follow the level: ``SECRET//NOFORN`` ranks with ``SECRET``.

Sources: 32 CFR 2001.20-21 and the CAPCO register (US), the Government Security
Classifications Policy (UK), NATO C-M(2002)49 (NATO); see docs/format.md.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from briefbook.core import model as m

#: The schemes a brief can name instead of listing its markings, lowest first.
PRESETS: dict[str, tuple[tuple[str, str], ...]] = {
    # 32 CFR 2001.21(c) and the CAPCO register; CUI per 32 CFR 2002.20.
    "us": (
        ("UNCLASSIFIED", "U"),
        ("CUI", "CUI"),
        ("CONFIDENTIAL", "C"),
        ("SECRET", "S"),
        ("TOP SECRET", "TS"),
    ),
    # The UK GSC tiers, OFFICIAL-SENSITIVE as the handling marking within OFFICIAL;
    # the GSC sets no portion abbreviations, these are the departments' usual ones.
    "uk": (("OFFICIAL", "O"), ("OFFICIAL-SENSITIVE", "OS"), ("SECRET", "S"), ("TOP SECRET", "TS")),
    # NATO C-M(2002)49, Enclosure "E"; the abbreviations of its marking guidance.
    "nato": (
        ("NATO UNCLASSIFIED", "NU"),
        ("NATO RESTRICTED", "NR"),
        ("NATO CONFIDENTIAL", "NC"),
        ("NATO SECRET", "NS"),
        ("COSMIC TOP SECRET", "CTS"),
    ),
}

_ONE_WORD = re.compile(r"^[^\W\d_]+$")


def level_of(name: str) -> str:
    """The classification level of a marking: the part before any ``//``."""
    return name.split("//", 1)[0].strip()


def controls_of(name: str) -> list[str]:
    """The control markings after the level, each ``/``-separated value on its own."""
    parts = name.split("//")[1:]
    return [value.strip() for part in parts for value in part.split("/") if value.strip()]


def derived_portion(name: str) -> str:
    """The portion mark of a name given without one: the first letter of a single word,
    "" when that would be a guess (several words, a hyphen, control markings)."""
    name = name.strip()
    return name[0].upper() if _ONE_WORD.match(name) else ""


def _countries(control: str) -> list[str]:
    return [c.strip() for c in control[len("REL TO") :].split(",") if c.strip()]


def combined_controls(controls: list[list[str]]) -> list[str]:
    """The controls of a banner over portions with these controls (see ``highest``)."""
    every = list(dict.fromkeys(c for found in controls for c in found))
    releases = [c for c in every if c.upper().startswith("REL TO")]
    if "NOFORN" in (c.upper() for c in every):
        return [c for c in every if c not in releases and c.upper() != "RELIDO"]
    if len(releases) > 1:
        lists = [_countries(c) for c in releases]
        shared = [c for c in lists[0] if all(c in other for other in lists[1:])]
        merged = [f"REL TO {', '.join(shared)}"] if shared else ["NOFORN"]
        at = every.index(releases[0])
        every = [c for c in every if c not in releases]
        every[at:at] = merged
    return every


@dataclass(frozen=True)
class Level:
    """One marking of a scheme, with its place in the order."""

    name: str
    #: The abbreviation, without brackets ("" when not declared and not derivable).
    portion: str
    #: The position of the marking's level in the scheme (equal for same levels).
    rank: int
    #: True when the portion mark was given, not derived.
    declared: bool


class Scheme:
    """A brief's markings in order; every question about a marking's rank goes here."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        pairs = [(name.strip(), portion.strip()) for name, portion in entries if name.strip()]
        position: dict[str, int] = {}
        for index, (name, _) in enumerate(pairs):
            position.setdefault(name, index)
        levels: list[Level] = []
        for index, (name, portion) in enumerate(pairs):
            rank = position.get(level_of(name), index)
            levels.append(Level(name, portion or derived_portion(name), rank, bool(portion)))
        self.levels: tuple[Level, ...] = tuple(levels)
        self._by_name = {level.name: level for level in reversed(levels)}

    def __iter__(self) -> Iterator[Level]:
        return iter(self.levels)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(level.name for level in self.levels)

    def find(self, name: str) -> Level | None:
        return self._by_name.get(name.strip())

    def rank(self, name: str) -> int:
        """The rank of a marking's level; -1 for none, or for a marking outside the scheme
        whose level is not in it either."""
        name = name.strip()
        if not name:
            return -1
        found = self._by_name.get(name) or self._by_name.get(level_of(name))
        return found.rank if found is not None else -1

    def portion(self, name: str) -> str:
        """The portion mark printed before a portion: "(S//NF)"; "" for no marking.

        A marking the scheme cannot abbreviate (outside it, or ambiguous; ``validate``
        reports both) prints its full name, never a guess."""
        name = name.strip()
        if not name:
            return ""
        found = self._by_name.get(name)
        return f"({found.portion if found is not None and found.portion else name})"

    def highest(self, names: Iterable[str]) -> str:
        """The banner for some markings: the highest level's name. Where different names
        share the highest level, their control markings are combined as the CAPCO
        register does for a banner: every control of any of them, except that NOFORN
        overrides any REL TO (and RELIDO), and several REL TO lists leave the countries
        they all name (none left: NOFORN). A name of the scheme with exactly those
        controls is used as it is spelt; else ``LEVEL//A/B``."""
        present = [name.strip() for name in names if name and name.strip()]
        if not present:
            return ""
        top = max(self.rank(name) for name in present)
        tied = list(dict.fromkeys(name for name in present if self.rank(name) == top))
        if len(tied) == 1:
            return tied[0]
        every = combined_controls([controls_of(name) for name in self._in_scheme_order(tied)])
        for name in (*tied, *self.names):
            if self.rank(name) == top and controls_of(name) == every:
                return name
        return f"{level_of(tied[0])}//{'/'.join(every)}" if every else level_of(tied[0])

    def _in_scheme_order(self, names: list[str]) -> list[str]:
        order = {level.name: index for index, level in enumerate(self.levels)}
        return sorted(names, key=lambda name: order.get(name, len(order)))

    def above(self, name: str, ceiling: str) -> bool:
        """Whether ``name`` is marked above ``ceiling`` (and so left out of its edition)."""
        return bool(ceiling.strip()) and self.rank(name) > self.rank(ceiling)


def scheme_entries(meta: m.Meta) -> list[tuple[str, str]]:
    """The scheme's (name, declared portion) pairs, preset first."""
    found: list[tuple[str, str]] = list(PRESETS.get(meta.marking_preset, ()))
    found += [(level.name, level.portion) for level in meta.markings]
    if not found:
        found = [(name, "") for name in m.DEFAULT_MARKINGS]
    return found


def scheme_of(brief: m.Brief) -> Scheme:
    """The brief's marking scheme."""
    return Scheme(scheme_entries(brief.meta))


def scheme_problems(entries: list[tuple[str, str]]) -> list[tuple[int, str]]:
    """What is wrong with a scheme, as (entry index, message): a portion mark that would be
    a guess, and two markings with the same name or the same portion mark."""
    scheme = Scheme(entries)
    found: list[tuple[int, str]] = []
    names: dict[str, int] = {}
    portions: dict[str, int] = {}
    for index, level in enumerate(scheme.levels):
        if level.name in names:
            found.append((index, f"the marking {level.name!r} is in the scheme twice"))
            continue
        names[level.name] = index
        if not level.portion:
            found.append(
                (
                    index,
                    f"the marking {level.name!r} needs its portion mark, e.g. "
                    f"{{name: {level.name}, portion: ...}} (briefbook derives one only "
                    "for a one-word name: its first letter)",
                )
            )
            continue
        other = portions.get(level.portion)
        if other is not None:
            how = "" if level.declared else " (its first letter)"
            found.append(
                (
                    index,
                    f"the marking {level.name!r} has the portion mark "
                    f"({level.portion}){how}, as {scheme.levels[other].name!r} has; "
                    "give one of them its own with 'portion'",
                )
            )
        else:
            portions[level.portion] = index
    return found


def suggestion(name: str, names: tuple[str, ...]) -> str:
    """The scheme's marking nearest a misspelt one (by its whole name, else by its level
    before ``//``), or ""."""
    lowered = {n.lower(): n for n in names}
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    if close:
        return lowered[close[0]]
    levels: dict[str, str] = {}
    for n in names:
        levels.setdefault(level_of(n).lower(), n)
    close = difflib.get_close_matches(level_of(name).lower(), list(levels), n=1, cutoff=0.6)
    return levels[close[0]] if close else ""


def effective(own: str, container: str) -> str:
    """A portion's marking: its own, else its container's."""
    return own.strip() or container


def section_marking(brief: m.Brief, section: m.Section, parent: m.Section | None = None) -> str:
    """A section's marking: its own, else its parent's, else the brief's default."""
    if section.marking:
        return section.marking
    if parent is not None and parent.marking:
        return parent.marking
    return brief.meta.marking


def heading_marking(brief: m.Brief, section: m.Section, parent: m.Section | None = None) -> str:
    """The marking printed with a section's heading: its title's, else the section's."""
    return section.title_marking.strip() or section_marking(brief, section, parent)


def block_marking(block: m.Block) -> str:
    """A block's own marking ("" for none, and for a page break)."""
    return getattr(block, "marking", "")


def row_marking(table: m.TableBlock, index: int) -> str:
    """A table row's own marking ("" = the table's)."""
    return table.row_markings[index] if index < len(table.row_markings) else ""


def set_row_marking(table: m.TableBlock, index: int, marking: str) -> None:
    """Set a row's own marking, keeping ``row_markings`` free of trailing empties."""
    while len(table.row_markings) <= index:
        table.row_markings.append("")
    table.row_markings[index] = marking.strip()
    while table.row_markings and not table.row_markings[-1]:
        table.row_markings.pop()


def item_markings(items: list[m.ListItem], container: str) -> Iterator[str]:
    """The effective marking of every item of a list, nested ones included."""
    for item in items:
        mark = effective(item.marking, container)
        yield mark
        yield from item_markings(item.items, mark)


def block_markings(block: m.Block, container: str) -> Iterator[str]:
    """Every marking a block prints: its own (or its container's) and its items', rows'
    and entries'."""
    if isinstance(block, m.PageBreakBlock):
        return
    mark = effective(block_marking(block), container)
    if isinstance(block, m.BulletsBlock | m.NumberedBlock | m.TalkingPointsBlock):
        yield from item_markings(block.items, mark)
        return
    if isinstance(block, m.ScheduleBlock | m.IfAskedBlock):
        yield mark
        yield from (effective(entry.marking, mark) for entry in _portions(block))
        return
    if isinstance(block, m.ScenarioBlock):
        yield mark
        for step in block.steps:
            own = effective(step.marking, mark)
            yield own
            yield from item_markings(step.points, own)
        return
    yield mark
    if isinstance(block, m.TableBlock):
        yield from (effective(row_marking(block, i), mark) for i in range(len(block.rows)))


def section_markings(
    brief: m.Brief, section: m.Section, parent: m.Section | None = None, subsections: bool = True
) -> Iterator[str]:
    """Every marking in a section: its own, its heading's, its blocks' and (unless asked
    not to) its subsections'."""
    mark = section_marking(brief, section, parent)
    yield mark
    yield heading_marking(brief, section, parent)
    for block in section.blocks:
        yield from block_markings(block, mark)
    for sub in section.subsections if subsections else ():
        yield from section_markings(brief, sub, section)


def dossier_marking(brief: m.Brief) -> str:
    """The highest marking of anything in the brief: what the cover and contents carry."""
    found = [brief.meta.marking]
    for section in brief.sections:
        found.extend(section_markings(brief, section))
    return scheme_of(brief).highest(found)


def used_markings(brief: m.Brief) -> Iterator[str]:
    """Every marking the brief names (for checks): own markings only, not inherited ones."""
    yield brief.meta.marking
    for edition in brief.editions:
        yield edition.ceiling
    for _, section in brief.walk_sections():
        yield section.marking
        yield section.title_marking
        for block in section.blocks:
            yield block_marking(block)
            if isinstance(block, m.BulletsBlock | m.NumberedBlock | m.TalkingPointsBlock):
                yield from _own_item_markings(block.items)
            elif isinstance(block, m.ScheduleBlock | m.IfAskedBlock):
                yield from (entry.marking for entry in _portions(block))
            elif isinstance(block, m.ScenarioBlock):
                for step in block.steps:
                    yield step.marking
                    yield from _own_item_markings(step.points)
            elif isinstance(block, m.TableBlock):
                yield from block.row_markings


def _portions(block: m.ScheduleBlock | m.IfAskedBlock) -> list[Any]:
    """The marked portions of a schedule (its entries) or of if-asked lines (each line)."""
    return list(block.entries) if isinstance(block, m.ScheduleBlock) else list(block.items)


def _own_item_markings(items: list[m.ListItem]) -> Iterator[str]:
    for item in items:
        yield item.marking
        yield from _own_item_markings(item.items)


def scheme_text(meta: m.Meta) -> str:
    """The scheme as one line for the app: "us; SECRET//NOFORN (S//NF)"."""
    parts = [meta.marking_preset] if meta.marking_preset else []
    parts += [
        f"{level.name} ({level.portion})" if level.portion else level.name
        for level in meta.markings
    ]
    return "; ".join(parts)


_WITH_PORTION = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


def parse_scheme_text(text: str) -> tuple[str, list[m.MarkingLevel]]:
    """The (preset, markings) a line such as :func:`scheme_text` makes describes. Entries
    are separated by ";" (by "," when the line has no ";"); "NAME (PORTION)" gives a
    portion mark."""
    parts = [part.strip() for part in text.split(";" if ";" in text else ",") if part.strip()]
    preset = parts.pop(0) if parts and parts[0].lower() in PRESETS else ""
    levels: list[m.MarkingLevel] = []
    for part in parts:
        found = _WITH_PORTION.match(part)
        if found and found.group(1).strip():
            levels.append(m.MarkingLevel(found.group(1).strip(), found.group(2).strip()))
        else:
            levels.append(m.MarkingLevel(part))
    return preset.lower(), levels
