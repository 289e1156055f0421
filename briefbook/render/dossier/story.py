"""What goes into the dossier, in order: cover, contents, an optional changes page and
every section, each flowable tagged with its place and its marking."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
)
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from briefbook.core import markings
from briefbook.core.emptiness import section_is_empty
from briefbook.core.model import (
    Brief,
    BulletsBlock,
    ClassificationBlock,
    NumberedBlock,
    Section,
    block_kind,
)
from briefbook.core.text import one_line as spaces_collapsed
from briefbook.core.text import truncate
from briefbook.core.timezones import schedule_zones
from briefbook.core.wording import ENGLISH, Wording
from briefbook.errors import BriefbookError, Problem, RenderError
from briefbook.render.blocks import block_flowables
from briefbook.render.blocks.context import BlockContext, plain_paragraph
from briefbook.render.dossier.changes import changes_section, changes_toc_entry
from briefbook.render.dossier.cover import cover_flowables
from briefbook.render.dossier.numbering import SectionNumbers, label_widths, outline_title
from briefbook.render.dossier.pagenumbers import PageNumbers
from briefbook.render.dossier.pages import RunningText
from briefbook.render.dossier.tags import tag, tag_mark
from briefbook.render.dossier.template import BuildState, SectionRef, short
from briefbook.render.flowables import Heading, Lead, TextParagraph, TocEntry
from briefbook.render.formatting import format_range
from briefbook.render.options import RenderOptions
from briefbook.render.tagging.roles import Role, set_role
from briefbook.render.text import markup as tx
from briefbook.render.theme import Theme
from briefbook.render.version import creator


def build_story(
    brief: Brief, ctx: BlockContext, state: BuildState, options: RenderOptions
) -> list[Flowable]:
    """Cover, contents and every section, in order; registers the section keys.

    Each flowable carries the marking of what it prints (see :mod:`.tags`): the
    cover and contents the highest in the dossier, a section its own.
    """
    story: list[Flowable] = []
    ctx.where = "cover"
    dossier_mark = one_line(markings.dossier_marking(brief))
    state.current_mark = dossier_mark
    refs = _section_refs(brief, ctx.words)
    state.sections = {key: ref for key, ref in refs}
    if options.only_section is not None:
        index = options.only_section
        if not 0 <= index < len(brief.sections):
            raise RenderError(
                f"there is no section {index + 1} to preview (the brief has {len(brief.sections)})"
            )
        state.sections = {k: r for k, r in refs if r.path[0] == index}
        if f"s{index}" not in state.sections:
            raise RenderError(f"section {index + 1} is empty and does not print")
        return _section(brief, brief.sections[index], (index,), ctx, state)
    edition = one_line(options.edition)
    if brief.meta.cover or options.only_cover:
        for flowable in cover_flowables(brief.meta, ctx, dossier_mark, edition):
            tag(flowable, where="cover", mark=dossier_mark)
            story.append(flowable)
        if options.only_cover:
            return story
        story += [NextPageTemplate("body"), PageBreak()]
    contents: list[Flowable] = []
    if brief.meta.contents:
        changes = (
            None
            if options.changes is None
            else changes_toc_entry(options.changes, ctx, state.numbers)
        )
        contents = _contents(
            refs, ctx, state.numbers, bool(brief.sections), changes, brief.meta.numbering != "none"
        )
    for flowable in contents:
        tag(flowable, mark=dossier_mark)
        story.append(flowable)
    if options.changes is not None:
        story += changes_section(options.changes, ctx, state.numbers, dossier_mark)
    for i, section in enumerate(brief.sections):
        if f"s{i}" in state.sections:
            story += _section(brief, section, (i,), ctx, state)
    return story


def set_zones(brief: Brief, ctx: BlockContext, home_times: bool = True) -> None:
    """Let schedules print home times when the brief names a home time zone (and the
    zone names of a trip through several); an unknown zone name is a warning (the
    times print in local time only)."""
    try:
        ctx.zones = schedule_zones(brief, home_times)
    except BriefbookError as exc:
        ctx.warnings.append(Problem(str(exc), path=brief.source, where="meta"))
    ctx.fallback_date = brief.meta.dates.start


def one_line(text: str) -> str:
    """User text for a single line: cleaned, with runs of white space as one space."""
    return spaces_collapsed(tx.clean(text))


def _section_refs(brief: Brief, words: Wording = ENGLISH) -> list[tuple[str, SectionRef]]:
    """The sections that print (an empty one does not), numbered as they print."""
    refs = []
    scheme = markings.scheme_of(brief)
    printed: set[tuple[int, ...]] = set()
    numbers = SectionNumbers(brief.meta.numbering)
    for path, section in brief.walk_sections():
        if section_is_empty(section) or (len(path) > 1 and path[:1] not in printed):
            continue
        printed.add(path)
        number = numbers.number(path, section)
        key = "s" + "_".join(str(i) for i in path)
        parent = brief.sections[path[0]] if len(path) > 1 else None
        mark = one_line(markings.section_marking(brief, section, parent))
        heading = one_line(markings.heading_marking(brief, section, parent))
        title = _title(section, words)
        if brief.meta.portion_marks and heading:
            title = f"{scheme.portion(heading)} {title}"
        refs.append((key, SectionRef(path, number, title, mark, heading)))
    return refs


def _title(section: Section, words: Wording = ENGLISH) -> str:
    title = one_line(section.title)
    return title or words("untitled_section")


def _contents(
    refs: list[tuple[str, SectionRef]],
    ctx: BlockContext,
    numbers: PageNumbers,
    has_sections: bool = False,
    changes_entry: Flowable | None = None,
    decimal: bool = True,
) -> list[Flowable]:
    """The contents page(s): one linked entry per section and subsection (after
    ``changes_entry``, the changes page's entry, when there is one)."""
    t = ctx.theme
    st = t.styles
    words = ctx.words
    found: list[Flowable] = [
        set_role(plain_paragraph(words("contents"), st["toc_title"]), Role("H1"))
    ]
    toc = Role("TOC")
    if changes_entry is not None:
        found.append(set_role(changes_entry, Role("TOCI", within=toc)))
    if not refs:
        empty = words("contents_all_empty" if has_sections else "contents_no_sections")
        found.append(plain_paragraph(empty, st["toc_empty"]))
    first, second = label_widths(refs, t, decimal)
    entry_styles = {
        0: ParagraphStyle("toc1_entry", parent=st["toc1"], leftIndent=first),
        1: ParagraphStyle("toc2_entry", parent=st["toc2"], leftIndent=first + second),
    }
    for key, ref in refs:
        level = min(len(ref.path) - 1, 1)
        para = TextParagraph(tx.escape(ref.title), entry_styles[level])
        entry = TocEntry(
            para,
            key,
            label=ref.number,
            label_x=0 if level == 0 else first,
            number_width=t.toc_number_width,
            leader_color=t.palette.rule,
            numbers=numbers,
        )
        found.append(set_role(entry, Role("TOCI", within=toc)))
    return found


def _section(
    brief: Brief, section: Section, path: tuple[int, ...], ctx: BlockContext, state: BuildState
) -> list[Flowable]:
    t = ctx.theme
    key = "s" + "_".join(str(i) for i in path)
    ref = state.sections[key]
    level = len(path) - 1
    where = f'section "{truncate(ref.title, 60)}"'
    found: list[Flowable] = []
    if t.section_starts_page and section.starts_page(level == 0):
        found.append(PageBreakIfNotEmpty())
    style = t.styles["h1" if level == 0 else "h2"]
    number_color = t.palette.grey.hexval().replace("0x", "#")
    markup = ""
    if ref.number:
        markup = f'<font color="{number_color}">{tx.escape(ref.number)}</font>&nbsp;&nbsp;&nbsp;'
    markup += tx.escape(ref.title)
    heading = Heading(
        TextParagraph(markup, style),
        ctx.frame_height,
        key=key,
        outline_title=outline_title(ref.number, ref.title),
        level=level,
        numbers=state.numbers,
    )
    tag(heading, where=where, mark=ref.heading_marking)
    found.append(heading)
    ctx.section_key = key
    found += _blocks(section, where, ref.marking, ctx)
    for j, sub in enumerate(section.subsections):
        if level == 0:
            if f"{key}_{j}" in state.sections:
                found += _section(brief, sub, (*path, j), ctx, state)
        else:
            found += _deeper(
                sub, f"{where} > {truncate(_title(sub, ctx.words), 60)}", ref.marking, ctx
            )
    link_leads(found)
    return found


def _blocks(section: Section, where: str, marking: str, ctx: BlockContext) -> list[Flowable]:
    """The flowables of a section's own blocks, each tagged with its place and the
    marking it prints at least (a list: its lowest item's; its items note theirs)."""
    t = ctx.theme
    found: list[Flowable] = []
    for k, block in enumerate(section.blocks, start=1):
        kind = block_kind(block)
        ctx.where = f"{where}, block {k} ({kind})"
        mark = one_line(markings.effective(markings.block_marking(block), marking))
        ctx.marks.current = mark
        if isinstance(block, BulletsBlock | NumberedBlock):
            mark = ctx.marks.lowest(list(markings.item_markings(block.items, mark)))
        ctx.marks.floor = mark
        try:
            flowables = block_flowables(block, ctx)
        except BriefbookError:
            raise
        except Exception as exc:
            raise RenderError(short(f"cannot lay out this block ({exc})"), ctx.where) from exc
        for flowable in flowables:
            tag(flowable, where=ctx.where)
            tag_mark(flowable, mark)
        found.extend(flowables)
        if flowables:
            _space_after(flowables[-1], _gap_after(kind, t))
    return found


def _deeper(section: Section, where: str, marking: str, ctx: BlockContext) -> list[Flowable]:
    """A section nested deeper than the file format allows: printed with a minor
    heading (not in the contents or the outline) rather than lost."""
    mark = markings.effective(section.title_marking, markings.effective(section.marking, marking))
    text = ctx.marks.prefix(mark) + _title(section, ctx.words)
    title = Lead(plain_paragraph(text, ctx.theme.styles["h3"]), ctx.frame_height)
    set_role(title, Role("H3"))
    tag(title, where=where, mark=mark)
    marking = markings.effective(section.marking, marking)
    found: list[Flowable] = [title, *_blocks(section, where, marking, ctx)]
    for sub in section.subsections:
        found += _deeper(sub, f"{where} > {truncate(_title(sub, ctx.words), 60)}", marking, ctx)
    return found


def link_leads(flowables: list[Flowable]) -> None:
    """Tell every :class:`Lead` (heading, day title, caption) what follows it."""
    for i, flowable in enumerate(flowables[:-1]):
        if isinstance(flowable, Lead) and flowable.follow is None:
            flowable.follow = flowables[i + 1]


def _space_after(flowable: Flowable, gap: float) -> None:
    """Give a block's last flowable room after it (unlike a Spacer, this space
    disappears at the foot of a page instead of opening the next one)."""
    target: Any = flowable
    while isinstance(target, KeepTogether) and getattr(target, "_content", None):
        target = target._content[-1]  # type: ignore[attr-defined]  # private, not in stubs
    if gap > 0 and not isinstance(target, PageBreak):
        target.spaceAfter = max(target.getSpaceAfter(), gap)


def _gap_after(kind: str, t: Theme) -> float:
    """The space after a block of this kind."""
    if kind == "page_break":
        return 0.0
    if kind == "text":
        return t.gap_after_text
    if kind in ("bullets", "numbered", "talking_points", "if_asked"):
        return t.gap_after_list
    return t.gap_after_box


def running_text(brief: Brief, options: RenderOptions, words: Wording = ENGLISH) -> RunningText:
    meta = brief.meta
    parts = []
    if meta.version.strip():
        parts.append(words("header_version", version=one_line(meta.version)))
    date = format_range(meta.dates, words)
    if date:
        parts.append(date)
    footer = [one_line(meta.organisation)]
    if one_line(options.edition):
        footer.append(words("footer_edition", edition=one_line(options.edition)))
    return RunningText(
        title=one_line(meta.title) or words("untitled_brief"),
        version_date=" · ".join(parts),
        footer_text=" · ".join(x for x in footer if x),
        draft=meta.status != "final",
        stamp=one_line(options.copy_stamp),
        authority=authority_lines(meta.classification_block, words),
        page_number_top=meta.page_number_position == "top",
        draft_word=words("status_draft"),
    )


def authority_lines(
    block: ClassificationBlock, words: Wording = ENGLISH
) -> tuple[tuple[str, str], ...]:
    """The authority block's lines as 32 CFR 2001.21 orders them (given ones only)."""
    labels = (
        (words("authority_classified_by"), block.classified_by),
        (words("authority_derived_from"), block.derived_from),
        (words("authority_reason"), block.reason),
        (words("authority_declassify_on"), block.declassify_on),
    )
    return tuple((label, one_line(value)) for label, value in labels if one_line(value))


def metadata(brief: Brief, words: Wording = ENGLISH) -> dict[str, Any]:
    meta = brief.meta

    def field(text: str) -> str:  # one line, and not endless
        return one_line(text)[:1000]

    author = ", ".join(x for x in (field(meta.prepared_by), field(meta.organisation)) if x)
    subject_parts = [field(meta.subtitle) or words("briefing_book")]
    for extra in (field(meta.location), format_range(meta.dates, words)):
        if extra:
            subject_parts.append(extra)
    return {
        "title": field(meta.title) or words("untitled_brief"),
        "author": author,
        "subject": " — ".join(subject_parts),
        "keywords": [field(k) for k in meta.keywords if k.strip()],
        "creator": creator(),
    }
