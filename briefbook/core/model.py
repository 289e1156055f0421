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

from briefbook.core.kinds import (
    KINDS as KINDS,
)
from briefbook.core.kinds import (
    kind_of as kind_of,
)
from briefbook.core.kinds.contacts import (
    Contact as Contact,
)
from briefbook.core.kinds.contacts import (
    ContactsBlock as ContactsBlock,
)
from briefbook.core.kinds.if_asked import (
    IfAsked as IfAsked,
)
from briefbook.core.kinds.if_asked import (
    IfAskedBlock as IfAskedBlock,
)
from briefbook.core.kinds.image import (
    ImageBlock as ImageBlock,
)
from briefbook.core.kinds.lists import (
    BulletsBlock as BulletsBlock,
)
from briefbook.core.kinds.lists import (
    ListItem as ListItem,
)
from briefbook.core.kinds.lists import (
    NumberedBlock as NumberedBlock,
)
from briefbook.core.kinds.memo import (
    MemoBlock as MemoBlock,
)
from briefbook.core.kinds.note import (
    NOTE_STYLES as NOTE_STYLES,
)
from briefbook.core.kinds.note import (
    NoteBlock as NoteBlock,
)
from briefbook.core.kinds.note import (
    NoteStyle as NoteStyle,
)
from briefbook.core.kinds.page_break import (
    PageBreakBlock as PageBreakBlock,
)
from briefbook.core.kinds.pdf import (
    ANNEX_SCALES as ANNEX_SCALES,
)
from briefbook.core.kinds.pdf import (
    AnnexScale as AnnexScale,
)
from briefbook.core.kinds.pdf import (
    PageRangeError as PageRangeError,
)
from briefbook.core.kinds.pdf import (
    PdfBlock as PdfBlock,
)
from briefbook.core.kinds.pdf import (
    page_numbers as page_numbers,
)
from briefbook.core.kinds.people import (
    PeopleBlock as PeopleBlock,
)
from briefbook.core.kinds.people import (
    Person as Person,
)
from briefbook.core.kinds.recommendations import (
    PRIORITIES as PRIORITIES,
)
from briefbook.core.kinds.recommendations import (
    Priority as Priority,
)
from briefbook.core.kinds.recommendations import (
    Recommendation as Recommendation,
)
from briefbook.core.kinds.recommendations import (
    RecommendationsBlock as RecommendationsBlock,
)
from briefbook.core.kinds.scenario import (
    STEP_PRESS as STEP_PRESS,
)
from briefbook.core.kinds.scenario import (
    ScenarioBlock as ScenarioBlock,
)
from briefbook.core.kinds.scenario import (
    Step as Step,
)
from briefbook.core.kinds.schedule import (
    PRESS_VALUES as PRESS_VALUES,
)
from briefbook.core.kinds.schedule import (
    Press as Press,
)
from briefbook.core.kinds.schedule import (
    ScheduleBlock as ScheduleBlock,
)
from briefbook.core.kinds.schedule import (
    ScheduleEntry as ScheduleEntry,
)
from briefbook.core.kinds.table import (
    TableBlock as TableBlock,
)
from briefbook.core.kinds.talking_points import (
    TalkingPointsBlock as TalkingPointsBlock,
)
from briefbook.core.kinds.text import (
    TextBlock as TextBlock,
)

Status = Literal["draft", "final"]
PageSize = Literal["A4", "Letter"]
Numbering = Literal["decimal", "none"]
PagePosition = Literal["top", "bottom"]

STATUSES: tuple[str, ...] = ("draft", "final")
PAGE_SIZES: tuple[str, ...] = ("A4", "Letter")
NUMBERINGS: tuple[str, ...] = ("decimal", "none")
PAGE_POSITIONS: tuple[str, ...] = ("top", "bottom")

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
    #: The brief's language as a BCP 47 tag ("en", "fr", "pt-BR"): the PDF's ``/Lang``
    #: and the language of every word briefbook itself prints.
    language: str = "en"
    #: Overrides of briefbook's own printed words by label key ("contents": "Sommaire").
    labels: dict[str, str] = field(default_factory=dict)
    #: Print a cover page, and a contents page (a one-page memo has neither).
    cover: bool = True
    contents: bool = True
    #: How sections are numbered in headings, the contents and the outline ("1", "1.2"),
    #: or not at all; a section's ``label`` prints instead of its number either way.
    numbering: Numbering = "decimal"
    #: The page number as printed, with ``{page}`` and ``{pages}`` ("-{page}-");
    #: "" = the ``page_number`` label ("Page {page} of {pages}").
    page_number_format: str = ""
    page_number_position: PagePosition = "bottom"
    #: The clock times print on: "24h", "12h", or "" for the language's habit.
    time_format: str = ""


# --- blocks -----------------------------------------------------------------
# Each block kind lives in its own module of ``briefbook.core.kinds``; they are
# imported here so that the rest of briefbook reads the whole model from one place.

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
    | MemoBlock
    | ScenarioBlock
    | TalkingPointsBlock
    | IfAskedBlock
    | PageBreakBlock
    | PdfBlock
)

#: The key that names each block kind in the file, in the order the editor offers them
#: (from the registry, :data:`briefbook.core.kinds.KINDS`).
BLOCK_KINDS: dict[str, type[Block]] = {name: kind.block for name, kind in KINDS.items()}


def block_kind(block: Block) -> str:
    """The file key of a block, e.g. ``"table"`` for a :class:`TableBlock`."""
    return kind_of(block).name


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
    #: Printed instead of the section's number ("TAB A", "Annex D", "(ii)"); "" = its number.
    label: str = ""
    #: Whether the section starts a page; ``None`` = the default (top-level sections do,
    #: subsections run on).
    new_page: bool | None = None

    def starts_page(self, top: bool) -> bool:
        """Whether the section starts a new page, at the top level (``top``) or below."""
        return top if self.new_page is None else self.new_page


@dataclass
class Edition:
    """A named version of the dossier for one kind of reader.

    Everything marked above ``ceiling`` is left out (sections, blocks, items, rows,
    entries), and so is everything carrying a control in ``exclude_controls``; so
    are sections with a tag in ``exclude_tags``; when ``include_tags`` is given,
    only sections with one of those tags (or untagged ones) are kept; when
    ``only_tags`` is given, only sections with one of those tags are kept (untagged
    ones are left out).
    """

    name: str = ""
    ceiling: str = ""
    include_tags: list[str] = field(default_factory=list)
    exclude_tags: list[str] = field(default_factory=list)
    description: str = ""
    #: Control markings whose portions are left out whatever their level, e.g.
    #: ``[NOFORN]`` for an edition shared with allies.
    exclude_controls: list[str] = field(default_factory=list)
    only_tags: list[str] = field(default_factory=list)


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
