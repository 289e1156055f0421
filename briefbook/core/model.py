"""The brief as typed dataclasses: meta data, sections and every block kind.

The model is plain data. It knows nothing of YAML (see ``fileformat``), of
ReportLab (see ``briefbook.render``) or of Qt (see ``briefbook.gui``).
Equality is structural, so ``load(save(brief)) == brief`` can be tested.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeAlias

Status = Literal["draft", "final"]
PageSize = Literal["A4", "Letter"]
Press = Literal["", "open", "closed", "pool"]
Priority = Literal["", "high", "medium", "low"]
NoteStyle = Literal["info", "important", "warning"]

STATUSES: tuple[str, ...] = ("draft", "final")
PAGE_SIZES: tuple[str, ...] = ("A4", "Letter")
PRESS_VALUES: tuple[str, ...] = ("", "open", "closed", "pool")
PRIORITIES: tuple[str, ...] = ("", "high", "medium", "low")
NOTE_STYLES: tuple[str, ...] = ("info", "important", "warning")

FORMAT_VERSION = 1

#: The marking scheme when a brief declares none, lowest first.
DEFAULT_MARKINGS: tuple[str, ...] = ("PUBLIC", "INTERNAL", "RESTRICTED", "CONFIDENTIAL")


@dataclass
class MarkingLevel:
    """One marking of the scheme: its name as printed in banners and its portion mark.

    ``portion`` is the abbreviation printed in brackets before each portion, "S//NF"
    for "SECRET//NOFORN"; empty means "derive it" (see :mod:`briefbook.core.markings`).
    """

    name: str = ""
    portion: str = ""


@dataclass
class ClassificationBlock:
    """The classification authority block of 32 CFR 2001.21, printed on the cover."""

    classified_by: str = ""
    derived_from: str = ""
    reason: str = ""
    declassify_on: str = ""


@dataclass
class DateRange:
    """The days of the event; ``end`` is ``None`` for a one-day event."""

    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class Meta:
    """What the cover, the running header and the PDF metadata print."""

    title: str = ""
    subtitle: str = ""
    dates: DateRange = field(default_factory=DateRange)
    location: str = ""
    organisation: str = ""
    prepared_by: str = ""
    marking: str = ""
    version: str = ""
    status: Status = "draft"
    page_size: PageSize = "A4"
    #: The local time zone of the event (IANA name such as ``Europe/Rome``).
    timezone: str = ""
    #: The delegation's home time zone; schedules then print home times too.
    home_timezone: str = ""
    logo: str = ""
    keywords: list[str] = field(default_factory=list)
    #: The marking scheme, lowest first (after the preset's, if any); empty with no
    #: preset means :data:`DEFAULT_MARKINGS`.
    markings: list[MarkingLevel] = field(default_factory=list)
    #: A scheme by name ("us", "uk", "nato"; see :mod:`briefbook.core.markings`), or "".
    marking_preset: str = ""
    #: Print each heading, paragraph, item, entry and row's portion mark before it, "(S)".
    portion_marks: bool = False
    classification_block: ClassificationBlock = field(default_factory=ClassificationBlock)


# --- blocks -----------------------------------------------------------------


@dataclass
class TextBlock:
    """Paragraphs separated by blank lines, with ``**bold**``, ``*italic*`` and links."""

    text: str = ""
    marking: str = ""


@dataclass
class ListItem:
    """One item of a bullet or numbered list, with optional nested items."""

    text: str = ""
    items: list[ListItem] = field(default_factory=list)
    #: The item's own marking ("" = its list's or parent item's).
    marking: str = ""


@dataclass
class BulletsBlock:
    items: list[ListItem] = field(default_factory=list)
    marking: str = ""


@dataclass
class NumberedBlock:
    items: list[ListItem] = field(default_factory=list)
    marking: str = ""


@dataclass
class TableBlock:
    """A table with a header row; rows may be shorter than the header (padded on output)."""

    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    caption: str = ""
    marking: str = ""
    #: Each row's own marking, by row index ("" or missing = the table's); never ends
    #: with "" (see :func:`briefbook.core.markings.set_row_marking`).
    row_markings: list[str] = field(default_factory=list)


@dataclass
class ScheduleEntry:
    date: dt.date | None = None
    time: dt.time | None = None
    end: dt.time | None = None
    title: str = ""
    place: str = ""
    participants: list[str] = field(default_factory=list)
    press: Press = ""
    notes: str = ""
    #: The entry's own IANA time zone (a trip through several cities); "" means meta's.
    timezone: str = ""
    #: The entry's own marking ("" = its schedule's).
    marking: str = ""


@dataclass
class ScheduleBlock:
    entries: list[ScheduleEntry] = field(default_factory=list)
    marking: str = ""


@dataclass
class Recommendation:
    text: str = ""
    rationale: str = ""
    owner: str = ""
    priority: Priority = ""


@dataclass
class RecommendationsBlock:
    items: list[Recommendation] = field(default_factory=list)
    marking: str = ""


@dataclass
class Person:
    name: str = ""
    title: str = ""
    organisation: str = ""
    pronunciation: str = ""
    photo: str = ""
    bio: str = ""


@dataclass
class PeopleBlock:
    people: list[Person] = field(default_factory=list)
    marking: str = ""


@dataclass
class Contact:
    name: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""


@dataclass
class ContactsBlock:
    contacts: list[Contact] = field(default_factory=list)
    marking: str = ""


@dataclass
class ImageBlock:
    """A picture (PNG or JPEG) given as a path relative to the brief file."""

    path: str = ""
    caption: str = ""
    marking: str = ""


@dataclass
class NoteBlock:
    """A boxed call-out."""

    text: str = ""
    title: str = ""
    style: NoteStyle = "info"
    marking: str = ""


@dataclass
class PageBreakBlock:
    pass


Block: TypeAlias = (
    TextBlock
    | BulletsBlock
    | NumberedBlock
    | TableBlock
    | ScheduleBlock
    | RecommendationsBlock
    | PeopleBlock
    | ContactsBlock
    | ImageBlock
    | NoteBlock
    | PageBreakBlock
)

#: The key that names each block kind in the file, in the order the editor offers them.
BLOCK_KINDS: dict[str, type[Block]] = {
    "text": TextBlock,
    "bullets": BulletsBlock,
    "numbered": NumberedBlock,
    "table": TableBlock,
    "schedule": ScheduleBlock,
    "recommendations": RecommendationsBlock,
    "people": PeopleBlock,
    "contacts": ContactsBlock,
    "image": ImageBlock,
    "note": NoteBlock,
    "page_break": PageBreakBlock,
}


def block_kind(block: Block) -> str:
    """The file key of a block, e.g. ``"table"`` for a :class:`TableBlock`."""
    for name, cls in BLOCK_KINDS.items():
        if type(block) is cls:
            return name
    raise TypeError(f"not a block: {block!r}")


# --- sections and the brief -------------------------------------------------


@dataclass
class Section:
    """A titled part of the dossier; top-level sections may hold one level of subsections."""

    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    marking: str = ""
    tags: list[str] = field(default_factory=list)
    #: The heading's own marking when it differs from the section's (a SECRET
    #: section may have an UNCLASSIFIED title); "" = the section's.
    title_marking: str = ""
    #: Advice on what to write here (a template's); the editor shows it, the PDF never.
    guidance: str = ""


@dataclass
class Edition:
    """A named version of the dossier for one kind of reader.

    Everything marked above ``ceiling`` is left out (sections, blocks, items, rows,
    entries), and so is everything carrying a control in ``exclude_controls``; so
    are sections with a tag in ``exclude_tags``; when ``include_tags`` is given,
    only sections with one of those tags (or untagged ones) are kept.
    """

    name: str = ""
    ceiling: str = ""
    include_tags: list[str] = field(default_factory=list)
    exclude_tags: list[str] = field(default_factory=list)
    description: str = ""
    #: Control markings whose portions are left out whatever their level, e.g.
    #: ``[NOFORN]`` for an edition shared with allies.
    exclude_controls: list[str] = field(default_factory=list)


@dataclass
class Brief:
    """A whole briefing book.

    ``source`` is the file the brief was loaded from or saved to; image paths
    are relative to its folder. It is not part of the brief's value.
    """

    meta: Meta = field(default_factory=Meta)
    sections: list[Section] = field(default_factory=list)
    editions: list[Edition] = field(default_factory=list)
    source: Path | None = field(default=None, compare=False, repr=False)

    @property
    def base_dir(self) -> Path | None:
        """The folder that image paths are relative to, if the brief has a file."""
        return self.source.parent if self.source is not None else None

    def walk_sections(self) -> list[tuple[tuple[int, ...], Section]]:
        """Every section with its index path: ``(i,)`` for top level, ``(i, j)`` below."""
        found: list[tuple[tuple[int, ...], Section]] = []
        for i, section in enumerate(self.sections):
            found.append(((i,), section))
            for j, sub in enumerate(section.subsections):
                found.append(((i, j), sub))
        return found

    def section_at(self, path: tuple[int, ...]) -> Section:
        """The section at an index path as returned by :meth:`walk_sections`."""
        section = self.sections[path[0]]
        for index in path[1:]:
            section = section.subsections[index]
        return section
