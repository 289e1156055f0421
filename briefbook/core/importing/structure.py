"""From a flat stream of headings, paragraphs and blocks to a :class:`Brief`.

Every reader (plain text, Markdown, HTML, Word) produces the same stream:
:class:`Heading` (with a level), :class:`Para` (lines of inline-marked text whose
layout still matters, e.g. time-led lines) and finished model blocks. This
module decides which heading levels become sections and subsections, turns
runs of paragraphs into text and schedule blocks, gives sections the kind their
titles name, and picks the brief's title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefbook.core.importing.forms import form_blocks
from briefbook.core.importing.kinds import apply_kind, section_kind
from briefbook.core.importing.schedule import (
    ScheduleContext,
    SourceLine,
    date_line,
    find_schedule,
)
from briefbook.core.importing.schedule_tables import table_schedule
from briefbook.core.model import (
    Block,
    Brief,
    DateRange,
    Meta,
    ScheduleBlock,
    Section,
    TableBlock,
    TextBlock,
)
from briefbook.core.text import clip, one_line

#: The title of the section that holds what comes before the first heading.
PREAMBLE_TITLE = "Overview"
#: The longest title taken from a first line; longer lines are cut at a word.
MAX_TITLE = 100


@dataclass
class Heading:
    """A heading as found; level 1 is the outermost the reader knows of."""

    text: str
    level: int = 1


@dataclass
class Para:
    """A paragraph's lines, in the model's inline markup, not yet joined.

    ``breaks``: the lines were broken on purpose (``<br>``, a Word line break) and
    stay on their own lines; otherwise they are a wrapped paragraph, joined with spaces,
    except after the lines numbered in ``hard_breaks`` (a Markdown hard break).
    """

    lines: list[str] = field(default_factory=list)
    breaks: bool = False
    hard_breaks: frozenset[int] = frozenset()


Element = Heading | Para | Block


def build_brief(elements: Iterable[Element]) -> Brief:
    """Assemble sections from the stream and name the brief after its first heading or line."""
    items = list(elements)
    headings = [item for item in items if isinstance(item, Heading)]
    title_heading = (
        _title_only_heading(headings)
        if items and items[0] is (headings[0] if headings else None)
        else None
    )
    levels = sorted({h.level for h in headings if h is not title_heading})
    section_level = levels[0] if levels else 1
    sub_level = levels[1] if len(levels) > 1 else None

    sections: list[Section] = []
    current: Section | None = None  # where blocks go now (a section or a subsection)
    top: Section | None = None
    pending: list[Para] = []
    context = ScheduleContext()
    years = _years(items)

    def target() -> Section:
        nonlocal current, top
        if current is None:
            current = Section(title=PREAMBLE_TITLE)
            top = current
            sections.append(current)
        return current

    def flush() -> None:
        if pending:
            context.year = context.year or years
            target().blocks.extend(paragraph_blocks(pending, context))
            pending.clear()

    for item in items:
        if isinstance(item, Heading):
            if item is title_heading:
                flush()
                continue
            if item.level == section_level or (item.level == sub_level and top is None):
                flush()
                top = Section(title=item.text)
                current = top
                sections.append(top)
                context = _context_for(item.text, None)
            elif item.level == sub_level and top is not None:
                flush()
                current = Section(title=item.text)
                top.subsections.append(current)
                context = _context_for(item.text, context)
            else:
                flush()
                pending.append(Para([f"**{item.text}**" if item.text else ""]))
                flush()
        elif isinstance(item, Para):
            pending.append(item)
        else:
            flush()
            target().blocks.append(item)
    flush()

    for section in sections:
        _finish(section)
    meta = Meta(title=_title(items, title_heading))
    meta.dates = _date_range(sections)
    return Brief(meta=meta, sections=sections)


def _title_only_heading(headings: list[Heading]) -> Heading | None:
    """A lone outermost heading that opens the text is the document's title, not a section."""
    if len(headings) < 2:
        return None
    first = headings[0]
    if len(first.text) <= MAX_TITLE and all(h.level > first.level for h in headings[1:]):
        return first
    return None


def _context_for(title: str, parent: ScheduleContext | None) -> ScheduleContext:
    found = date_line(title)
    date = found.resolve(parent.year if parent else None) if found else None
    agenda = section_kind(title) == "schedule" or date is not None
    if parent is not None:
        agenda = agenda or parent.agenda
    return ScheduleContext(
        agenda=agenda,
        date=date or (parent.date if parent else None),
        year=date.year if date else (parent.year if parent else None),
    )


def _years(items: list[Element]) -> int | None:
    """A year written with a full date in a heading, used for dates written without one."""
    for item in items:
        if isinstance(item, Heading):
            found = date_line(item.text)
            if found is not None and found.year is not None:
                return found.year
    return None


def paragraph_blocks(paras: list[Para], context: ScheduleContext) -> list[Block]:
    """Text blocks, with schedules cut out where lines are led by times."""
    lines: list[SourceLine] = []
    breaks: list[bool] = []  # per line: whether the line break after it is kept
    for para in paras:
        if lines:
            lines.append(SourceLine(""))
            breaks.append(False)
        lines.extend(SourceLine(line.strip(), _indent(line)) for line in para.lines)
        breaks.extend(para.breaks or k in para.hard_breaks for k in range(len(para.lines)))
    blocks: list[Block] = []
    paragraphs: list[str] = []
    buffer: list[tuple[str, bool]] = []  # (line, whether the break after it is kept)

    def end_paragraph() -> None:
        if buffer:
            parts: list[str] = []
            for text, kept in buffer:
                parts += [text, "\n" if kept else " "]
            paragraphs.append("".join(parts[:-1]))
            buffer.clear()

    def end_text() -> None:
        end_paragraph()
        if paragraphs:
            blocks.append(TextBlock(text="\n\n".join(paragraphs)))
            paragraphs.clear()

    i = 0
    no_schedule_before = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            end_paragraph()
            i += 1
            continue
        if i >= no_schedule_before:
            block, end = find_schedule(lines, i, context)
            if block is not None:
                end_text()
                blocks.append(block)
                i = end
                continue
            no_schedule_before = end
        buffer.append((line.text, breaks[i]))
        i += 1
    end_text()
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def merge_text_blocks(blocks: list[Block]) -> list[Block]:
    """Consecutive text blocks become one (paragraphs separated by a blank line)."""
    merged: list[Block] = []
    run: list[str] = []  # the paragraphs of the text block being gathered

    def end_run() -> None:
        if run:
            merged.append(TextBlock(text="\n\n".join(run)))
            run.clear()

    for block in blocks:
        if isinstance(block, TextBlock):
            if block.text.strip():
                run.append(block.text)
            continue
        end_run()
        merged.append(block)
    end_run()
    return merged


def _finish(section: Section, parent: ScheduleContext | None = None) -> None:
    section.blocks = merge_text_blocks(section.blocks)
    context = _context_for(section.title, parent)
    for index, block in enumerate(section.blocks):
        if isinstance(block, TableBlock):
            schedule = table_schedule(block.columns, block.rows, context)
            if schedule is not None:
                section.blocks[index] = schedule
    apply_kind(section)
    section.blocks = form_blocks(section)
    for sub in section.subsections:
        _finish(sub, context)


def _title(items: list[Element], title_heading: Heading | None) -> str:
    """The title-only heading; else the first line of the text (shortened).

    When the first heading starts a section, it does not name the brief as well (it
    would show twice, as the title and as the first section): the text above it names
    the brief if its first line is short enough for a title, else the title is left
    empty for the file's name or the user to fill in.
    """
    if title_heading is not None:
        return shorten(title_heading.text)
    headed = any(isinstance(item, Heading) and item.text.strip() for item in items)
    for item in items:
        if isinstance(item, Heading):
            break
        line = ""
        if isinstance(item, Para):
            line = next((text.strip() for text in item.lines if text.strip()), "")
        elif isinstance(item, TextBlock) and item.text.strip():
            line = item.text.strip().splitlines()[0]
        if line:
            title = one_line(line)
            if headed and len(title) > MAX_TITLE:
                return ""
            return shorten(title)
    return ""


def shorten(text: str, limit: int = MAX_TITLE) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters (with an ellipsis)."""
    return clip(text, limit, tail="…", strip=" ,;:")


def _date_range(sections: list[Section]) -> DateRange:
    """The first and last dates of the schedules imported, if any."""
    dates: list[dt.date] = []
    for section in sections:
        for part in [section, *section.subsections]:
            for block in part.blocks:
                if isinstance(block, ScheduleBlock):
                    dates.extend(e.date for e in block.entries if e.date is not None)
    if not dates:
        return DateRange()
    start, end = min(dates), max(dates)
    return DateRange(start=start, end=end if end != start else None)
