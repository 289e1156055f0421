"""The ReportLab document templates: the base the dossier and the pocket card share
(a creation date pinned for reproducible output, frames without padding, layout
failures reported as :class:`RenderError`), and the dossier's own: a cover and a
body page template, the state one render collects, and the hooks that count
pages, note markings and report progress."""

from __future__ import annotations

import datetime as dt
import io
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
)
from reportlab.platypus.doctemplate import ActionFlowable, LayoutError

from briefbook.core.model import Brief
from briefbook.errors import BriefbookError, RenderError
from briefbook.render.annexes import LANDSCAPE
from briefbook.render.dossier.pagenumbers import PageNumbers
from briefbook.render.dossier.pages import PageDecorator
from briefbook.render.dossier.tags import mark_of, where_of
from briefbook.render.options import ProgressCallback
from briefbook.render.tagging.drawing import TaggedFrame, furniture
from briefbook.render.tagging.recorder import Recorder
from briefbook.render.theme import Theme


@dataclass(frozen=True)
class FixedTime:
    """A stand-in for ReportLab's TimeStamp: a creation date fixed in UTC."""

    t: float
    YMDhms: tuple[int, ...]
    dhh: int = 0
    dmm: int = 0
    tzname: str = "UTC"

    @classmethod
    def at(cls, epoch: float) -> FixedTime:
        return cls(epoch, tuple(time.gmtime(epoch))[:6])


def reproducible_time(brief: Brief, requested: bool) -> tuple[bool, float | None]:
    """Whether to write identical bytes, and the creation date to pin if ours.

    ``SOURCE_DATE_EPOCH`` (read by ReportLab itself) wins; otherwise a
    reproducible render is dated at the brief's first day (midnight UTC), or
    ReportLab's fixed date when the brief has none.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return True, None
    if not requested:
        return False, None
    day = brief.meta.dates.start
    if day is None:
        return True, None
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return True, midnight.timestamp()


def short(message: str, limit: int = 300) -> str:
    """A message on one line, cut to ``limit`` characters."""
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


@contextmanager
def layout_errors(
    what: str, where: Callable[[], str] = lambda: "", passing: tuple[type[BaseException], ...] = ()
) -> Iterator[None]:
    """Report any failure inside as a :class:`RenderError` naming ``what`` failed
    ("the page layout") and ``where()``; briefbook's own errors and ``passing``
    ones go through unchanged."""
    try:
        yield
    except passing:
        raise
    except BriefbookError:
        raise
    except LayoutError as exc:
        raise RenderError(short(f"{what} failed: {exc}"), where=where()) from None
    except RecursionError:
        raise RenderError("the brief is nested too deeply to lay out", where=where()) from None
    except Exception as exc:
        raise RenderError(
            short(f"{what} failed ({type(exc).__name__}: {exc})"), where=where()
        ) from exc


def plain_frame(x: float, y: float, width: float, height: float, frame_id: str) -> Frame:
    """A frame whose content reaches its edges (the margins are the page's); on a tagged
    render it tags what it lays out (see :mod:`briefbook.render.tagging`)."""
    return TaggedFrame(
        x,
        y,
        width,
        height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=frame_id,
    )


class PinnedDocTemplate(BaseDocTemplate):
    """A ReportLab document whose creation date can be pinned (``fixed_time``, in
    seconds since the epoch) so a reproducible render writes the same bytes, and
    whose pages are tagged when ``tag_language`` is set (the document's language)."""

    fixed_time: float | None = None
    tag_language: str | None = None
    recorder: Recorder | None = None

    def _startBuild(self, filename: Any = None, canvasmaker: Any = Canvas) -> None:
        """Start as ReportLab does, then pin the creation date when asked to."""
        super()._startBuild(filename, canvasmaker)  # type: ignore[misc]  # not in the stubs
        if self.fixed_time is not None:
            self.canv._doc._timeStamp = FixedTime.at(self.fixed_time)  # type: ignore[attr-defined]
        if self.tag_language is not None:
            self.recorder = Recorder(self.canv, self.tag_language)


def _furnished(canv: Canvas, draw: Callable[[], None]) -> None:
    """Draw page furniture (an artifact on a tagged render)."""
    with furniture(canv):
        draw()


class ProgressAborted(Exception):
    """Carries an exception raised by the caller's progress callback out of the layout."""

    def __init__(self, original: BaseException) -> None:
        super().__init__(str(original))
        self.original = original


@dataclass
class SectionRef:
    path: tuple[int, ...]
    number: str
    #: The title as printed (with its portion mark when the brief asks for them).
    title: str
    marking: str
    #: The marking of the heading itself (its title's, else the section's).
    heading_marking: str = ""


@dataclass
class BuildState:
    """Everything one render collects; lives as long as that render."""

    sections: dict[str, SectionRef] = field(default_factory=dict)
    numbers: PageNumbers = field(default_factory=PageNumbers)
    page_count: int = 0
    where: str = ""
    #: The marking of the section being laid out, and those printed on this page so far
    #: (by whole flowables and by the portions inside them, see :mod:`.marks`).
    current_mark: str = ""
    page_marks: list[str] = field(default_factory=list)


class DossierTemplate(PinnedDocTemplate):
    """A cover template and a body template sharing the same frame and decorations."""

    def __init__(
        self,
        buffer: io.BytesIO,
        *,
        theme: Theme,
        page_size: tuple[float, float],
        decorator: PageDecorator,
        state: BuildState,
        page_marking: Callable[[list[str]], str],
        progress: ProgressCallback | None,
        metadata: dict[str, Any],
        reproducible: bool,
        with_cover: bool = True,
        fixed_time: float | None = None,
        cover_reserve: float = 0.0,
        first_reserve: float = 0.0,
        landscape: PageDecorator | None = None,
    ) -> None:
        """``landscape`` draws the furniture of the landscape pages (annex pages that
        are wider than tall); without it there are none."""
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
        frame = plain_frame(self.leftMargin, self.bottomMargin, self.width, self.height, "body")
        cover_frame = plain_frame(
            self.leftMargin,
            self.bottomMargin + cover_reserve,
            self.width,
            self.height - cover_reserve,
            "cover",
        )
        cover = PageTemplate(
            id="cover",
            frames=[cover_frame],
            pagesize=page_size,
            onPage=lambda c, d: _furnished(c, lambda: decorator.cover(c, d.page)),
            onPageEnd=self._end_page,
        )
        body = PageTemplate(
            id="body",
            frames=[frame],
            pagesize=page_size,
            onPage=lambda c, d: _furnished(c, lambda: decorator.body(c, d.page)),
            onPageEnd=self._end_page,
        )
        # The first template is the first page's: the cover, unless a part is laid out alone
        # or the brief has none. Without a cover, a first page with ``first_reserve`` keeps
        # room at its foot for what the cover would have carried (the authority block).
        templates = [cover, body] if with_cover else [body, cover]
        if not with_cover and first_reserve > 0:
            first = PageTemplate(
                id="first",
                frames=[
                    plain_frame(
                        self.leftMargin,
                        self.bottomMargin + first_reserve,
                        self.width,
                        self.height - first_reserve,
                        "first",
                    )
                ],
                pagesize=page_size,
                onPage=lambda c, d: _furnished(c, lambda: decorator.first(c, d.page)),
                onPageEnd=self._end_page,
                autoNextPageTemplate="body",
            )
            templates.insert(0, first)
        self.addPageTemplates(templates)
        if landscape is not None:
            wide = (page_size[1], page_size[0])
            frame_w = wide[0] - theme.margin_left - theme.margin_right
            frame_h = wide[1] - theme.margin_top - theme.margin_bottom
            self.addPageTemplates(
                [
                    PageTemplate(
                        id=LANDSCAPE,
                        frames=[
                            plain_frame(
                                theme.margin_left,
                                theme.margin_bottom,
                                frame_w,
                                frame_h,
                                "landscape",
                            )
                        ],
                        pagesize=wide,
                        onPage=lambda c, d: _furnished(c, lambda: landscape.body(c, d.page)),
                        onPageEnd=lambda c, d: self._end_page(c, d, landscape),
                    )
                ]
            )
        self.decorator = decorator
        self.fixed_time = fixed_time

    def _end_page(
        self, canv: Canvas, doc: BaseDocTemplate, decorator: PageDecorator | None = None
    ) -> None:
        """Over the finished page: the watermark, and the banner with the highest
        marking of what this page printed (known only now, in one pass)."""
        decorator = decorator or self.decorator
        marks = self.state.page_marks or [self.state.current_mark]
        with furniture(canv):
            decorator.overlay(canv)
            decorator.banner(canv, self.page_marking(marks))
        self.state.page_marks.clear()  # in place: the PageMarks of the story hold this list

    def afterFlowable(self, flowable: Flowable) -> None:
        """Note the marking of what was just printed on this page."""
        if isinstance(flowable, (ActionFlowable, PageBreak)):
            return  # prints nothing (and may already belong to the next page)
        mark = mark_of(flowable)
        if mark is not None:
            self.state.current_mark = mark
        self.state.page_marks.append(self.state.current_mark)

    def lay_out(self, story: list[Flowable]) -> Canvas:
        """Lay the story out (one pass) and return the canvas, not yet saved."""
        self._story = story
        self._story_total = max(1, len(story))
        self.build(story)
        return self.canv

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        """Remember which section/block is being laid out, for error messages."""
        if flowables:
            where = where_of(flowables[0])
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
            raise ProgressAborted(exc) from exc
