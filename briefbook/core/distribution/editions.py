"""Markings and editions: which sections each reader's dossier holds, and how it is marked.

An edition is built by filtering the brief *before* it is rendered, so a
left-out section is nowhere in the PDF: not in the text, the contents, the
outline, the metadata or the file's bytes.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass

from briefbook.core import model as m
from briefbook.core.markings import (
    Scheme,
    controls_of,
    dossier_marking,
    effective,
    heading_marking,
    row_marking,
    scheme_of,
    section_marking,
)
from briefbook.core.text import counted, one_line
from briefbook.errors import BriefbookError

__all__ = [
    "EditionCut",
    "apply_edition",
    "dossier_marking",
    "edition_cut",
    "find_edition",
    "highest",
    "marking_rank",
    "marking_scheme",
    "portion_mark",
    "section_marking",
]


def marking_scheme(brief: m.Brief) -> tuple[str, ...]:
    """The brief's markings, lowest first."""
    return scheme_of(brief).names


def marking_rank(brief: m.Brief, marking: str) -> int:
    """The rank of a marking's level in the scheme; -1 for no marking (or one outside it)."""
    return scheme_of(brief).rank(marking)


def highest(brief: m.Brief, markings: list[str]) -> str:
    """The highest of some markings ("" when none is marked); see :meth:`Scheme.highest`."""
    return scheme_of(brief).highest(markings)


def portion_mark(brief: m.Brief, marking: str) -> str:
    """The portion mark printed before a portion: "(S//NF)" from the scheme."""
    return scheme_of(brief).portion(marking)


def find_edition(brief: m.Brief, name: str) -> m.Edition:
    """The edition called ``name``; raises a :class:`BriefbookError` naming the known ones."""
    for edition in brief.editions:
        if edition.name == name:
            return edition
    names = [edition.name for edition in brief.editions]
    if not names:
        raise BriefbookError(
            f"the brief defines no editions, so there is no {name!r}; add them under 'editions'"
        )
    close = difflib.get_close_matches(name, names, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise BriefbookError(
        f"there is no edition {name!r}; {hint}the editions are: " + ", ".join(names)
    )


@dataclass
class EditionCut:
    """What an edition leaves out: sections (and subsections), paragraphs (text
    paragraphs and whole blocks in sections it keeps) and items (list items, table
    rows and schedule entries in blocks it keeps)."""

    sections: int = 0
    paragraphs: int = 0
    items: int = 0

    def describe(self) -> str:
        """In words: "leaves out 1 section, 2 paragraphs and 3 items"."""
        if not (self.sections or self.paragraphs or self.items):
            return "leaves nothing out"
        return (
            "leaves out "
            + ", ".join((counted(self.sections, "section"), counted(self.paragraphs, "paragraph")))
            + f" and {counted(self.items, 'item')}"
        )


def left_out(scheme: Scheme, edition: m.Edition, marking: str) -> bool:
    """Whether a portion so marked is left out of the edition: above its ceiling, or
    carrying one of the control markings it excludes."""
    if scheme.above(marking, edition.ceiling):
        return True
    excluded = set(edition.exclude_controls)
    return bool(excluded) and any(c.upper() in excluded for c in controls_of(marking))


def _keeps(
    brief: m.Brief, scheme: Scheme, edition: m.Edition, section: m.Section, parent: m.Section | None
) -> bool:
    for marking in (
        section_marking(brief, section, parent),
        heading_marking(brief, section, parent),
    ):
        if left_out(scheme, edition, marking):
            return False
    tagged = set(section.tags) | (set(parent.tags) if parent is not None else set())
    tags = tagged | press_tag(section)
    if tags & set(edition.exclude_tags):
        return False
    return not (edition.include_tags and tagged and not tags & set(edition.include_tags))


#: The tag that press material carries without being tagged: a section holding talking
#: points or if-asked lines (an edition for the press office keeps it with ``press``).
PRESS_TAG = "press"


def holds_press_material(section: m.Section) -> bool:
    """Whether the section holds talking points or if-asked lines."""
    return any(isinstance(block, m.TalkingPointsBlock | m.IfAskedBlock) for block in section.blocks)


def press_tag(section: m.Section) -> set[str]:
    """``{"press"}`` for a section of press material (its own blocks, or a subsection's:
    a tab holding an issue's lines to take is press material too), else nothing."""
    parts = [section, *section.subsections]
    return {PRESS_TAG} if any(holds_press_material(part) for part in parts) else set()


def _tagged(edition: m.Edition, section: m.Section, parent: m.Section | None) -> bool:
    """Whether the section carries (or inherits) one of the edition's ``only_tags``,
    when it names any."""
    if not edition.only_tags:
        return True
    tags = set(section.tags) | (set(parent.tags) if parent is not None else set())
    return bool((tags | press_tag(section)) & set(edition.only_tags))


def _count_section(section: m.Section) -> int:
    return 1 + sum(_count_section(sub) for sub in section.subsections)


def _paragraphs(block: m.Block) -> int:
    if isinstance(block, m.TextBlock):
        return max(1, sum(1 for part in block.text.split("\n\n") if part.strip()))
    return 1


class _Filter:
    """Cuts a copy of the brief down to one edition, counting what goes."""

    def __init__(
        self, brief: m.Brief, edition: m.Edition, also: frozenset[str] = frozenset()
    ) -> None:
        self.brief = brief
        self.edition = edition
        self.scheme = scheme_of(brief)
        self.cut = EditionCut()
        #: The text of portions left out of another version (see ``apply_edition``).
        self.also = also
        #: The text of every portion this filter leaves out for its marking.
        self.gone: set[str] = set()

    def above(self, marking: str, text: str = "") -> bool:
        """Whether a portion so marked (with this text) is left out; noted if it is."""
        key = one_line(text)
        if left_out(self.scheme, self.edition, marking):
            if key:
                self.gone.add(key)
            return True
        return bool(key) and _like_any(key, self.also)

    def sections(self, sections: list[m.Section], parent: m.Section | None) -> list[m.Section]:
        kept: list[m.Section] = []
        for section in sections:
            if not _keeps(self.brief, self.scheme, self.edition, section, parent) or _like_any(
                one_line(section.title), self.also
            ):
                self.cut.sections += _count_section(section)
                self.gone.update(_section_texts(section))
                continue
            mark = section_marking(self.brief, section, parent)
            if not _tagged(self.edition, section, parent):
                # Untagged: left out, unless it holds tagged subsections (then its heading
                # stays above them, without its own blocks).
                if parent is not None or not any(
                    _tagged(self.edition, sub, section) for sub in section.subsections
                ):
                    self.cut.sections += _count_section(section)
                    self.gone.update(_section_texts(section))
                    continue
                self.cut.paragraphs += sum(_paragraphs(block) for block in section.blocks)
                for block in section.blocks:
                    self.gone.update(_block_texts(block))
                section.blocks = []
            section.blocks = self.blocks(section.blocks, mark)
            section.subsections = self.sections(section.subsections, section)
            kept.append(section)
        return kept

    def blocks(self, blocks: list[m.Block], container: str) -> list[m.Block]:
        kept: list[m.Block] = []
        for block in blocks:
            mark = effective(getattr(block, "marking", ""), container)
            if not isinstance(block, m.PageBreakBlock) and self.above(mark, _block_text(block)):
                self.cut.paragraphs += _paragraphs(block)
                self.gone.update(_block_texts(block))
                continue
            if isinstance(block, m.BulletsBlock | m.NumberedBlock | m.TalkingPointsBlock):
                had = bool(block.items)
                block.items = self.items(block.items, mark)
                if had and not block.items:
                    continue
            elif isinstance(block, m.IfAskedBlock):
                had = bool(block.items)
                lines = []
                for line in block.items:
                    if self.above(effective(line.marking, mark), line.question):
                        self.cut.items += 1
                        self.gone.add(one_line(line.answer))
                    else:
                        lines.append(line)
                block.items = lines
                if had and not lines:
                    continue
            elif isinstance(block, m.ScenarioBlock):
                had = bool(block.steps)
                block.steps = self.steps(block.steps, mark)
                if had and not block.steps:
                    continue
            elif isinstance(block, m.ScheduleBlock):
                had = bool(block.entries)
                entries = []
                for entry in block.entries:
                    if self.above(effective(entry.marking, mark), entry.title):
                        self.cut.items += 1
                    else:
                        entries.append(entry)
                block.entries = entries
                if had and not entries:
                    continue
            elif isinstance(block, m.TableBlock) and not self.table(block, mark):
                continue
            kept.append(block)
        return kept

    def items(self, items: list[m.ListItem], container: str) -> list[m.ListItem]:
        kept: list[m.ListItem] = []
        for item in items:
            mark = effective(item.marking, container)
            if self.above(mark, item.text):
                self.cut.items += 1 + _count_items(item.items)
                self.gone.update(_item_texts(item.items))
                continue
            item.items = self.items(item.items, mark)
            kept.append(item)
        return kept

    def steps(self, steps: list[m.Step], container: str) -> list[m.Step]:
        """The scenario steps kept (a step left out takes its points with it); the
        steps' points above the ceiling are left out of the steps kept."""
        kept: list[m.Step] = []
        for step in steps:
            mark = effective(step.marking, container)
            if self.above(mark, step.title):
                self.cut.items += 1 + _count_items(step.points)
                self.gone.update(_item_texts(step.points))
                continue
            step.points = self.items(step.points, mark)
            kept.append(step)
        return kept

    def table(self, table: m.TableBlock, mark: str) -> bool:
        """Leave out the rows above the ceiling; False when no row is left of some."""
        rows: list[list[str]] = []
        markings: list[str] = []
        for index, row in enumerate(table.rows):
            own = row_marking(table, index)
            if self.above(effective(own, mark), "\t".join(row)):
                self.cut.items += 1
                continue
            rows.append(row)
            markings.append(own)
        had = bool(table.rows)
        table.rows = rows
        while markings and not markings[-1]:
            markings.pop()
        table.row_markings = markings
        return not (had and not rows)


#: How alike two texts must be for an earlier portion to count as a left-out one edited.
_ALIKE = 0.5


def _like_any(text: str, others: frozenset[str]) -> bool:
    """Whether ``text`` is one of ``others`` or much like one (an edited version of it)."""
    if text in others:
        return True
    for other in others:
        matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)
        if (
            matcher.real_quick_ratio() >= _ALIKE
            and matcher.quick_ratio() >= _ALIKE
            and matcher.ratio() >= _ALIKE
        ):
            return True
    return False


def _block_text(block: m.Block) -> str:
    """The text that stands for a whole block (its paragraphs, a note's text)."""
    return getattr(block, "text", "") if isinstance(block, m.TextBlock | m.NoteBlock) else ""


def _item_texts(items: list[m.ListItem]) -> list[str]:
    return [
        text for item in items for text in (one_line(item.text), *_item_texts(item.items)) if text
    ]


def _block_texts(block: m.Block) -> list[str]:
    """The text of every portion of a block (for leaving them out of another version)."""
    found = [one_line(_block_text(block))]
    if isinstance(block, m.BulletsBlock | m.NumberedBlock | m.TalkingPointsBlock):
        found += _item_texts(block.items)
    elif isinstance(block, m.IfAskedBlock):
        found += [one_line(text) for line in block.items for text in (line.question, line.answer)]
    elif isinstance(block, m.ScenarioBlock):
        found += [
            text
            for step in block.steps
            for text in (one_line(step.title), *_item_texts(step.points))
        ]
    elif isinstance(block, m.ScheduleBlock):
        found += [one_line(entry.title) for entry in block.entries]
    elif isinstance(block, m.TableBlock):
        found += [one_line("\t".join(row)) for row in block.rows]
    return [text for text in found if text]


def _section_texts(section: m.Section) -> list[str]:
    found = [one_line(section.title)]
    for block in section.blocks:
        found += _block_texts(block)
    for sub in section.subsections:
        found += _section_texts(sub)
    return [text for text in found if text]


def _count_items(items: list[m.ListItem]) -> int:
    return sum(1 + _count_items(item.items) for item in items)


def _filtered(
    brief: m.Brief, edition: m.Edition, also: frozenset[str] = frozenset()
) -> tuple[m.Brief, _Filter]:
    result = copy.deepcopy(brief)
    result.source = brief.source
    cut = _Filter(brief, edition, also)
    result.sections = cut.sections(result.sections, None)
    if cut.scheme.above(result.meta.marking, edition.ceiling):
        result.meta.marking = edition.ceiling
    return result, cut


def apply_edition(brief: m.Brief, edition: m.Edition, *, newer: m.Brief | None = None) -> m.Brief:
    """A copy of the brief holding only what ``edition`` may contain.

    Sections, blocks, list items (with the items under them), table rows and
    schedule entries marked above the ceiling are left out, and so are a list,
    table or schedule left with none of its items. The markings of what is left
    out no longer count: the copy's own marking is lowered to the edition's
    ceiling when it was above it.

    ``newer`` is for an earlier version of a brief filtered for a changes page: a
    portion whose text ``newer`` leaves out (it is marked above the ceiling now) is
    left out of the earlier version too, so the changes page never prints it as
    removed or changed text.
    """
    also = frozenset(_filtered(newer, edition)[1].gone) if newer is not None else frozenset()
    return _filtered(brief, edition, also)[0]


def edition_cut(brief: m.Brief, edition: m.Edition) -> EditionCut:
    """How many sections, paragraphs and items ``edition`` leaves out of the brief."""
    return _filtered(brief, edition)[1].cut
