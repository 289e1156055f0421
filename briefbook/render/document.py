"""The dossier document: page templates, the story, and a one-pass build.

The layout runs once. The contents come before the body and their length does
not depend on page numbers (each entry reserves room for its number), so they
can be laid out first. Numbers known only at the end, the contents' page
numbers and the "of Y" of every page, are named forms that the pages reference
as they are drawn and that are defined after the last page, just before the
file is saved. Links and outline entries use named destinations, which
ReportLab also resolves on saving.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus.doctemplate import ActionFlowable, LayoutError
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from briefbook.core import editions
from briefbook.core.model import Brief, Section, block_kind
from briefbook.core.timezones import zone_pair
from briefbook.errors import BriefbookError, Problem, RenderError
from briefbook.render import text as tx
from briefbook.render.api import ProgressCallback, RenderOptions, RenderResult
from briefbook.render.blocks import BlockContext, block_flowables, plain_paragraph
from briefbook.render.changes import changes_section, changes_toc_entry
from briefbook.render.cover import cover_flowables
from briefbook.render.flowables import Heading, Lead, TextParagraph, TocEntry
from briefbook.render.formatting import format_range
from briefbook.render.pagenumbers import PageNumbers
from briefbook.render.pages import PageDecorator, RunningText
from briefbook.render.theme import DEFAULT_THEME, Theme, register_fonts
from briefbook.render.version import creator


@dataclass(frozen=True)
class _FixedTime:
    """A stand-in for ReportLab's TimeStamp: a creation date fixed in UTC."""

    t: float
    YMDhms: tuple[int, ...]
    dhh: int = 0
    dmm: int = 0
    tzname: str = "UTC"

    @classmethod
    def at(cls, epoch: float) -> _FixedTime:
        return cls(epoch, tuple(time.gmtime(epoch))[:6])


def _reproducible_time(brief: Brief, options: RenderOptions) -> tuple[bool, float | None]:
    """Whether to write identical bytes, and the creation date to pin if ours.

    ``SOURCE_DATE_EPOCH`` (read by ReportLab itself) wins; otherwise a
    reproducible render is dated at the brief's first day (midnight UTC), or
    ReportLab's fixed date when the brief has none.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return True, None
    if not options.reproducible:
        return False, None
    day = brief.meta.dates.start
    if day is None:
        return True, None
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return True, midnight.timestamp()


class _ProgressAborted(Exception):
    """Carries an exception raised by the caller's progress callback out of the layout."""

    def __init__(self, original: BaseException) -> None:
        super().__init__(str(original))
        self.original = original


@dataclass
class _SectionRef:
    path: tuple[int, ...]
    number: str
    #: The title as printed (with its portion mark when the brief asks for them).
    title: str
    marking: str


@dataclass
class _BuildState:
    """Everything one render collects; lives as long as that render."""

    sections: dict[str, _SectionRef] = field(default_factory=dict)
    numbers: PageNumbers = field(default_factory=PageNumbers)
    page_count: int = 0
    where: str = ""
    #: The marking of the section being laid out, and those printed on this page so far.
    current_mark: str = ""
    page_marks: list[str] = field(default_factory=list)


class DossierTemplate(BaseDocTemplate):
    """A cover template and a body template sharing the same frame and decorations."""

    def __init__(
        self,
        buffer: io.BytesIO,
        *,
        theme: Theme,
        page_size: tuple[float, float],
        decorator: PageDecorator,
        state: _BuildState,
        page_marking: Callable[[list[str]], str],
        progress: ProgressCallback | None,
        metadata: dict[str, Any],
        reproducible: bool,
        with_cover: bool = True,
        fixed_time: float | None = None,
    ) -> None:
        super().__init__(
            buffer,
            pagesize=page_size,
            leftMargin=theme.margin_left,
            rightMargin=theme.margin_right,
            topMargin=theme.margin_top,
            bottomMargin=theme.margin_bottom,
            invariant=1 if reproducible else 0,
            initialFontName=theme.fonts.sans,
            initialFontSize=10,
            initialLeading=12,
            **metadata,
        )
        self._doSave = 0  # we define the number forms first, then save (see build_pdf)
        self.state = state
        self.progress = progress
        self.page_marking = page_marking
        self._story: list[Flowable] = []
        self._story_total = 1
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        cover = PageTemplate(
            id="cover",
            frames=[frame],
            pagesize=page_size,
            onPage=lambda c, d: decorator.cover(c, d.page),
            onPageEnd=self._end_page,
        )
        body = PageTemplate(
            id="body",
            frames=[frame],
            pagesize=page_size,
            onPage=lambda c, d: decorator.body(c, d.page),
            onPageEnd=self._end_page,
        )
        # The first template is the first page's: the cover, unless a part is laid out alone.
        self.addPageTemplates([cover, body] if with_cover else [body, cover])
        self.decorator = decorator
        self.fixed_time = fixed_time

    def _end_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Over the finished page: the watermark, and the banner with the highest
        marking of what this page printed (known only now, in one pass)."""
        marks = self.state.page_marks or [self.state.current_mark]
        self.decorator.overlay(canv)
        self.decorator.banner(canv, self.page_marking(marks))
        self.state.page_marks = []

    def afterFlowable(self, flowable: Flowable) -> None:
        """Note the marking of what was just printed on this page."""
        if isinstance(flowable, (ActionFlowable, PageBreak)):
            return  # prints nothing (and may already belong to the next page)
        mark = getattr(flowable, "_bb_mark", None)
        if mark is not None:
            self.state.current_mark = mark
        self.state.page_marks.append(self.state.current_mark)

    def _startBuild(self, filename: Any = None, canvasmaker: Any = Canvas) -> None:
        """Start as ReportLab does, then pin the creation date when asked to."""
        super()._startBuild(filename, canvasmaker)
        if self.fixed_time is not None:
            self.canv._doc._timeStamp = _FixedTime.at(self.fixed_time)

    def lay_out(self, story: list[Flowable]) -> Canvas:
        """Lay the story out (one pass) and return the canvas, not yet saved."""
        self._story = story
        self._story_total = max(1, len(story))
        self.build(story)
        return self.canv

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        """Remember which section/block is being laid out, for error messages."""
        if flowables:
            first = flowables[0]
            where = getattr(first, "_bb_where", None)
            if where is None and isinstance(first, KeepTogether):
                content = getattr(first, "_content", None) or [None]
                where = getattr(content[0], "_bb_where", None)
            if where:
                self.state.where = where
        super().handle_flowable(flowables)

    def afterPage(self) -> None:
        """Count the page and report progress with an estimate of the total."""
        self.state.page_count = self.page
        if self.progress is None:
            return
        done = self._story_total - len(self._story)
        estimate = self.page if done <= 0 else round(self.page * self._story_total / done)
        try:
            self.progress(self.page, max(self.page, estimate))
        except BaseException as exc:
            raise _ProgressAborted(exc) from exc


def build_pdf(brief: Brief, options: RenderOptions) -> RenderResult:
    """Lay the brief out in one pass and return the PDF with its report.

    Raises :class:`RenderError` naming the section and block for any layout
    failure. An exception raised by ``options.progress`` propagates unchanged
    (a caller may use that to cancel).
    """
    register_fonts()
    theme = DEFAULT_THEME
    meta = brief.meta
    page_size = theme.page_size(options.page_size or meta.page_size or "A4")
    reproducible, fixed_time = _reproducible_time(brief, options)
    frame_w = page_size[0] - theme.margin_left - theme.margin_right
    frame_h = page_size[1] - theme.margin_top - theme.margin_bottom
    ctx = BlockContext(theme, frame_w, frame_h, brief.base_dir, brief.source)
    if options.home_times is not False:
        _set_zones(brief, ctx)
    state = _BuildState()
    if options.only_section is not None:
        state.numbers.offset = max(0, options.first_page - 1)
    decorator = PageDecorator(theme, _running_text(brief, options), page_size, state.numbers)
    buffer = io.BytesIO()
    try:
        story = _story(brief, ctx, state, options)
        doc = DossierTemplate(
            buffer,
            theme=theme,
            page_size=page_size,
            decorator=decorator,
            state=state,
            page_marking=lambda marks: editions.highest(brief, marks),
            progress=options.progress,
            metadata=_metadata(brief),
            reproducible=reproducible,
            with_cover=options.only_section is None,
            fixed_time=fixed_time,
        )
        canv = doc.lay_out(story)
        state.numbers.define_forms(canv, state.page_count, options.total_pages)
        canv.save()
    except _ProgressAborted as exc:
        raise exc.original from None
    except BriefbookError:
        raise
    except LayoutError as exc:
        raise RenderError(_short(f"the page layout failed: {exc}"), where=state.where) from None
    except RecursionError:
        raise RenderError("the brief is nested too deeply to lay out", where=state.where) from None
    except Exception as exc:
        raise RenderError(
            _short(f"the page layout failed ({type(exc).__name__}: {exc})"), where=state.where
        ) from exc
    pages = state.numbers.heading_pages
    section_pages = {ref.path: pages[key] for key, ref in state.sections.items() if key in pages}
    return RenderResult(
        pdf=buffer.getvalue(),
        page_count=state.page_count,
        warnings=list(ctx.warnings),
        section_pages=section_pages,
    )


def _short(message: str, limit: int = 300) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


# --- the story ---------------------------------------------------------------------


def _story(
    brief: Brief, ctx: BlockContext, state: _BuildState, options: RenderOptions
) -> list[Flowable]:
    """Cover, contents and every section, in order; registers the section keys.

    Each flowable carries the marking of what it prints (``_bb_mark``): the
    cover and contents the highest in the dossier, a section its own.
    """
    story: list[Flowable] = []
    ctx.where = "cover"
    dossier_mark = _one_line(editions.dossier_marking(brief))
    state.current_mark = dossier_mark
    refs = _section_refs(brief)
    state.sections = {key: ref for key, ref in refs}
    if options.only_section is not None:
        index = options.only_section
        if not 0 <= index < len(brief.sections):
            raise RenderError(
                f"there is no section {index + 1} to preview (the brief has {len(brief.sections)})"
            )
        state.sections = {k: r for k, r in refs if r.path[0] == index}
        return _section(brief, brief.sections[index], (index,), ctx, state)
    edition = _one_line(options.edition)
    for flowable in cover_flowables(brief.meta, ctx, dossier_mark, edition):
        flowable._bb_where = "cover"  # type: ignore[attr-defined]
        flowable._bb_mark = dossier_mark  # type: ignore[attr-defined]
        story.append(flowable)
    story += [NextPageTemplate("body"), PageBreak()]
    contents = _contents(refs, ctx, state.numbers)
    if options.changes is not None:
        contents.insert(1, changes_toc_entry(options.changes, ctx, state.numbers))
    for flowable in contents:
        flowable._bb_mark = dossier_mark  # type: ignore[attr-defined]
        story.append(flowable)
    if options.changes is not None:
        story += changes_section(options.changes, ctx, state.numbers, dossier_mark)
    for i, section in enumerate(brief.sections):
        story += _section(brief, section, (i,), ctx, state)
    return story


def _set_zones(brief: Brief, ctx: BlockContext) -> None:
    """Let schedules print home times when the brief names a home time zone; an
    unknown zone name is a warning (the times print in local time only)."""
    try:
        ctx.zones = zone_pair(brief.meta)
    except BriefbookError as exc:
        ctx.warnings.append(Problem(str(exc), path=brief.source, where="meta"))
    ctx.fallback_date = brief.meta.dates.start


def _one_line(text: str) -> str:
    """User text for a single line: cleaned, with runs of white space as one space."""
    return " ".join(tx.clean(text).split())


def _section_refs(brief: Brief) -> list[tuple[str, _SectionRef]]:
    refs = []
    for path, section in brief.walk_sections():
        number = ".".join(str(i + 1) for i in path)
        key = "s" + "_".join(str(i) for i in path)
        parent = brief.sections[path[0]] if len(path) > 1 else None
        mark = _one_line(editions.section_marking(brief, section, parent))
        title = _title(section)
        if brief.meta.portion_marks and mark:
            title = f"{editions.portion_mark(mark)} {title}"
        refs.append((key, _SectionRef(path, number, title, mark)))
    return refs


def _title(section: Section) -> str:
    title = " ".join(tx.clean(section.title).split())
    return title or "Untitled section"


def _contents(
    refs: list[tuple[str, _SectionRef]], ctx: BlockContext, numbers: PageNumbers
) -> list[Flowable]:
    """The contents page(s): one linked entry per section and subsection."""
    t = ctx.theme
    st = t.styles
    found: list[Flowable] = [plain_paragraph("Contents", st["toc_title"])]
    if not refs:
        found.append(plain_paragraph("This brief has no sections yet.", st["toc_empty"]))
    entry_styles = {
        0: ParagraphStyle("toc1_entry", parent=st["toc1"], leftIndent=t.toc_label_width),
        1: ParagraphStyle(
            "toc2_entry", parent=st["toc2"], leftIndent=t.toc_label_width + t.toc_sub_label_width
        ),
    }
    for key, ref in refs:
        level = min(len(ref.path) - 1, 1)
        para = Paragraph(tx.escape(ref.title), entry_styles[level])
        found.append(
            TocEntry(
                para,
                key,
                label=ref.number,
                label_x=0 if level == 0 else t.toc_label_width,
                number_width=t.toc_number_width,
                leader_color=t.palette.rule,
                numbers=numbers,
            )
        )
    return found


def _section(
    brief: Brief, section: Section, path: tuple[int, ...], ctx: BlockContext, state: _BuildState
) -> list[Flowable]:
    t = ctx.theme
    key = "s" + "_".join(str(i) for i in path)
    ref = state.sections[key]
    level = len(path) - 1
    where = f'section "{_clip(ref.title)}"'
    found: list[Flowable] = []
    if level == 0 and t.section_starts_page:
        found.append(PageBreakIfNotEmpty())
    style = t.styles["h1" if level == 0 else "h2"]
    number_color = t.palette.grey.hexval().replace("0x", "#")
    markup = f'<font color="{number_color}">{tx.escape(ref.number)}</font>&nbsp;&nbsp;&nbsp;'
    markup += tx.escape(ref.title)
    heading = Heading(
        TextParagraph(markup, style),
        ctx.frame_height,
        key=key,
        outline_title=f"{ref.number} {ref.title}",
        level=level,
        numbers=state.numbers,
    )
    heading._bb_where = where  # type: ignore[attr-defined]
    heading._bb_mark = ref.marking  # type: ignore[attr-defined]
    found.append(heading)
    for k, block in enumerate(section.blocks, start=1):
        kind = block_kind(block)
        ctx.where = f"{where}, block {k} ({kind})"
        try:
            flowables = block_flowables(block, ctx)
        except BriefbookError:
            raise
        except Exception as exc:
            raise RenderError(_short(f"cannot lay out this block ({exc})"), ctx.where) from exc
        for flowable in flowables:
            flowable._bb_where = ctx.where  # type: ignore[attr-defined]
            flowable._bb_mark = ref.marking  # type: ignore[attr-defined]
        found.extend(flowables)
        if flowables:
            _space_after(flowables[-1], _gap_after(kind, t))
    for j, sub in enumerate(section.subsections):
        if level == 0:
            found += _section(brief, sub, (*path, j), ctx, state)
    link_leads(found)
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
        target = target._content[-1]
    if gap > 0 and not isinstance(target, PageBreak):
        target.spaceAfter = max(target.getSpaceAfter(), gap)


def _gap_after(kind: str, t: Theme) -> float:
    """The space after a block of this kind."""
    if kind == "page_break":
        return 0.0
    if kind == "text":
        return t.gap_after_text
    if kind in ("bullets", "numbered"):
        return t.gap_after_list
    return t.gap_after_box


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _running_text(brief: Brief, options: RenderOptions) -> RunningText:
    meta = brief.meta
    one_line = _one_line
    parts = []
    if meta.version.strip():
        parts.append(f"Version {one_line(meta.version)}")
    date = format_range(meta.dates)
    if date:
        parts.append(date)
    footer = [one_line(meta.organisation)]
    if one_line(options.edition):
        footer.append(f"Edition: {one_line(options.edition)}")
    return RunningText(
        title=one_line(meta.title) or "Untitled brief",
        version_date=" · ".join(parts),
        footer_text=" · ".join(x for x in footer if x),
        draft=meta.status != "final",
    )


def _metadata(brief: Brief) -> dict[str, Any]:
    meta = brief.meta
    one_line = lambda s: " ".join(tx.clean(s).split())[:1000]  # noqa: E731
    author = ", ".join(x for x in (one_line(meta.prepared_by), one_line(meta.organisation)) if x)
    subject_parts = [one_line(meta.subtitle) or "Briefing book"]
    for extra in (one_line(meta.location), format_range(meta.dates)):
        if extra:
            subject_parts.append(extra)
    return {
        "title": one_line(meta.title) or "Untitled brief",
        "author": author,
        "subject": " — ".join(subject_parts),
        "keywords": [one_line(k) for k in meta.keywords if k.strip()],
        "creator": creator(),
    }


__all__ = ["DossierTemplate", "Problem", "build_pdf"]
