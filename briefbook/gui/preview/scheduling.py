"""What the preview renders, and when: after each pause in editing, in a worker.

The controller waits until typing stops (debounce), takes a snapshot of the
brief and renders it off the GUI thread. Each state of the brief is rendered
once. A full render that a newer edit has overtaken is stopped through the
renderer's progress callback rather than finished for nothing.

Unless the whole brief renders in a blink, an edit inside one top-level section
is laid out alone, numbered as in the whole document, after a short pause
(``SECTION_PAUSE_MS``) and shown at once; the whole document follows after the
full pause (the preference, 400 ms by default).

Layouts run in a worker process (:class:`briefbook.render.service.RenderService`),
fed a snapshot of the brief: a layout holds Python's lock while it runs, and in
a thread of the app it would delay every keystroke typed meanwhile. The worker
thread of the app only waits for the answer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from briefbook.core.model import Brief, Section
from briefbook.errors import BriefbookError
from briefbook.gui.editing.document import Document, SectionPath
from briefbook.gui.preview.pane import PreviewPane, describe_error
from briefbook.gui.workers import TaskHandle, run_task
from briefbook.render.service import RenderService, RenderSuperseded

if TYPE_CHECKING:
    from briefbook.render.options import RenderOptions, RenderResult

#: A full render slower than this makes the next edit show its section first (a brief of
#: about ten pages or more): the section alone takes a fraction of it.
SECTION_FIRST_SECONDS = 0.15
#: The pause in typing after which an edited section is laid out alone (when it is shown
#: first): it takes tens of milliseconds, so it need not wait for the whole document's pause.
SECTION_PAUSE_MS = 150
#: What :meth:`PreviewController._part_first` answers for the cover.
COVER = "cover"


class Superseded(BriefbookError):
    """A newer edit made this render pointless; it stops early."""


class PreviewController(QObject):
    """Feeds the preview pane with renders of the document being edited."""

    #: A full render finished and its pages are on their way to the pane.
    rendered = Signal(object)
    #: A render failed (the exception).
    failed = Signal(object)
    #: The pane shows the brief as it is now (no edit since the render it shows).
    settled = Signal()

    def __init__(self, pane: PreviewPane, delay_ms: int = 400) -> None:
        super().__init__(pane)
        self.pane = pane
        self.document: Document | None = None
        self.follow: SectionPath | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.render_now)
        self.section_timer = QTimer(self)
        self.section_timer.setSingleShot(True)
        self.section_timer.setInterval(min(SECTION_PAUSE_MS, delay_ms))
        self.section_timer.timeout.connect(self.render_section_now)
        self._task: TaskHandle | None = None
        self._again = False
        #: Bumped by every edit; a render is only started for a revision not yet rendered.
        self.revision = 0
        self._started_revision = -1
        self._shown_revision = -1
        self._pending_revision = -1
        #: The revision whose edited section the pane shows on its own (laid out alone).
        self._section_revision = -1
        #: The last full render, how long it took, and the top-level sections edited since
        #: (None: something else changed too, such as the cover or the order of sections).
        self.last_full: RenderResult | None = None
        self.last_full_seconds = 0.0
        self._dirty: set[int] | None = None
        #: Whether the cover is all that was edited since the last full render (then the
        #: cover page is laid out alone first, as an edited section is).
        self._cover_only = False
        #: The page layout of the brief the last full render was made of (see _layout_key).
        self._full_layout: tuple[object, ...] = ()
        #: The pictures from outside the brief's folder the render being made may embed.
        self.allowed: frozenset[Path] = frozenset()
        pane.pages_shown.connect(self._shown)
        #: Where layouts run (None: in the app's worker thread, as a fallback).
        self.service: RenderService | None = RenderService()
        service = self.service
        service.start()  # the process imports the renderer while the window comes up
        pane.destroyed.connect(lambda *_: service.close())

    def set_delay(self, delay_ms: int) -> None:
        self.timer.setInterval(max(50, delay_ms))
        self.section_timer.setInterval(min(SECTION_PAUSE_MS, self.timer.interval()))

    def set_document(self, document: Document) -> None:
        """Preview another brief (the old one's pending render is dropped)."""
        if self.document is not None:
            self.document.edited.disconnect(self.schedule)
            self.document.structure_changed.disconnect(self._everything_changed)
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._again = False
        self.section_timer.stop()
        self.document = document
        self.revision += 1
        self.last_full = None
        self._dirty = None
        self._cover_only = False
        self._full_layout = ()
        document.edited.connect(self.schedule)
        document.structure_changed.connect(self._everything_changed)
        self.pane.clear()

    def _everything_changed(self) -> None:
        self._dirty = None
        self._cover_only = False

    def schedule(self, path: object = None) -> None:
        """An edit happened: render once typing has paused."""
        if isinstance(path, tuple):
            self.follow = path
            self._cover_only = False
            if self._dirty is not None:
                self._dirty.add(path[0])
        else:
            self._cover_only = self._cover_only or self._dirty == set()
            self._dirty = None  # the cover: every page may change (the running header)
        self.revision += 1
        self.timer.start()
        self.section_timer.start()

    def set_follow(self, path: SectionPath | None) -> None:
        """The section being edited changed: show its pages now."""
        self.follow = path
        self.pane.follow_section(path)

    @property
    def is_settled(self) -> bool:
        """Whether the pane shows the brief as it is now."""
        return (
            self._shown_revision == self.revision
            and self._task is None
            and not self.timer.isActive()
        )

    def rerender(self) -> None:
        """Render again even without an edit (e.g. an image file changed on disk)."""
        self.revision += 1
        self._dirty = None
        self._cover_only = False
        self.render_now()

    # --- rendering -------------------------------------------------------------------

    def render_now(self) -> None:
        """Render the current state now, unless that exact state is already rendered."""
        self.timer.stop()
        self.section_timer.stop()
        if self.document is None or self._started_revision == self.revision:
            return
        if self._task is not None:
            self._again = True
            return
        snapshot = self._snapshot()
        revision = self._started_revision = self.revision
        section = None if self._section_revision == revision else self._part_first()
        if section is None:
            self._render_full(snapshot, revision)
        else:
            self._render_section(snapshot, revision, section, then_full=True)

    def render_section_now(self) -> None:
        """After the short pause: show the edited section laid out alone, if that is worth it
        (the whole document follows after the full pause)."""
        if (
            self.document is None
            or self._task is not None
            or self._section_revision == self.revision
        ):
            return
        section = self._part_first()
        if section is None:
            return
        self._render_section(self._snapshot(), self.revision, section, then_full=False)

    def _snapshot(self) -> Brief:
        """The brief as it is now, for the worker; the pane says it is updating."""
        assert self.document is not None
        self.allowed = frozenset(self.document.allowed_images)
        self.pane.set_busy(True)
        return self.document.snapshot()

    def _render_section(
        self, snapshot: Brief, revision: int, section: int | str, then_full: bool
    ) -> None:
        """Lay out one top-level section, or the cover (``COVER``), alone and show it."""
        last = self.last_full
        assert last is not None
        from briefbook.render.options import RenderOptions

        path: SectionPath | None
        if section == COVER:
            path = None
            options = RenderOptions(
                only_cover=True,
                total_pages=last.page_count,
                allowed_images=self.allowed,
                tagged=False,
            )
        else:
            assert isinstance(section, int)
            path = (section,)
            options = RenderOptions(
                only_section=section,
                first_page=last.section_pages[path],
                total_pages=last.page_count,
                allowed_images=self.allowed,
                tagged=False,
            )

        def work(_progress: object) -> RenderResult:
            return self.lay_out(snapshot, options)

        def done(result: RenderResult) -> None:
            self._task = None
            if revision == self.revision:
                self._section_revision = revision
                self.pane.show_section(result, path, options.first_page)
            self._after_section(snapshot, revision, then_full)

        def failed(_error: BaseException) -> None:
            self._task = None  # the full render will say what is wrong
            self._after_section(snapshot, revision, then_full)

        self._task = run_task(work, done, failed, owner=self.pane)

    def _after_section(self, snapshot: Brief, revision: int, then_full: bool) -> None:
        if then_full:  # the full pause had passed: the whole document is due
            self._render_full(snapshot, revision)
        elif self._again:  # the full pause passed while the section was laid out
            self._again = False
            self.render_now()
        elif revision != self.revision and not self.section_timer.isActive():
            self.render_section_now()  # typed on meanwhile, and paused again

    def _part_first(self) -> int | str | None:
        """The part to lay out on its own first: a top-level section, the cover
        (``COVER``, when only the cover was edited on a long brief), or None."""
        if self.document is None or _layout_key(self.document.brief) != self._full_layout:
            return None  # pages come and go: only the whole document shows them right
        if (
            self._cover_only
            and self.last_full is not None
            and self.last_full_seconds >= SECTION_FIRST_SECONDS
            and self.document is not None
            and self.document.brief.meta.cover
        ):
            return COVER
        return self._section_first()

    def _section_first(self) -> int | None:
        """The top-level section to lay out on its own first, if that is worth it."""
        if (
            self.last_full is None
            or self.last_full_seconds < SECTION_FIRST_SECONDS
            or self._dirty is None
            or len(self._dirty) != 1
        ):
            return None
        (section,) = self._dirty
        if self.document is not None and not _own_pages(self.document.brief.sections, section):
            return None
        return section if (section,) in self.last_full.section_pages else None

    def _render_full(self, snapshot: Brief, revision: int) -> None:
        allowed = self.allowed
        self._full_layout = _layout_key(snapshot)

        def work(_progress: object) -> tuple[RenderResult, float]:
            from briefbook.render.options import RenderOptions

            start = time.perf_counter()
            # The preview's pages are the export's; its structure tree (which only a
            # screen reader uses, not the pane) is left out to show them sooner.
            result = self.lay_out(
                snapshot,
                RenderOptions(allowed_images=allowed, tagged=False),
                lambda: self.revision != revision,
            )
            return result, time.perf_counter() - start

        self._task = run_task(
            work, lambda found: self._done(found, revision), self._failed, owner=self.pane
        )

    def lay_out(
        self,
        snapshot: Brief,
        options: RenderOptions,
        superseded: Callable[[], bool] = lambda: False,
    ) -> RenderResult:
        """Lay ``snapshot`` out (in the worker thread): in the render process, or here
        without one. Raises :class:`Superseded` once ``superseded()`` says so."""
        if self.service is not None:
            try:
                return self.service.render(snapshot, options, superseded)
            except RenderSuperseded:
                raise Superseded("a newer edit is on its way") from None
        from dataclasses import replace

        from briefbook.render.api import render_pdf

        def check(_done: int, _total: int) -> None:
            if superseded():
                raise Superseded("a newer edit is on its way")

        return render_pdf(snapshot, replace(options, progress=check))

    def _finish(self) -> bool:
        """Bookkeeping after a render; True when another one has started."""
        self._task = None
        if self._again:
            self._again = False
            self.render_now()
            return True
        self.pane.set_busy(False)
        return False

    def _done(self, found: tuple[RenderResult, float], revision: int) -> None:
        result, seconds = found
        self.last_full, self.last_full_seconds = result, seconds
        if revision == self.revision:
            self._dirty = set()
            self._cover_only = False
        self._finish()
        self._pending_revision = revision
        self.pane.show_result(result, self.follow)
        self.rendered.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Superseded):
            return
        self.pane.show_error(describe_error(error))
        self.failed.emit(error)

    def _shown(self, _pages: int) -> None:
        self._shown_revision = self._pending_revision
        if self.is_settled:
            self.settled.emit()


def _own_pages(sections: list[Section], index: int) -> bool:
    """Whether a top-level section has its pages to itself (it starts a page and the next
    one does too), so that laying it out alone shows its pages as the dossier has them."""
    starts = sections[index].starts_page(top=True)
    after = index + 1 >= len(sections) or sections[index + 1].starts_page(top=True)
    return starts and after


def _layout_key(brief: Brief) -> tuple[object, ...]:
    """What decides which pages there are and where sections start: a part laid out alone
    stands in for its pages only while this is as it was at the last full render."""
    meta = brief.meta
    return (
        meta.cover,
        meta.contents,
        meta.numbering,
        meta.page_number_format,
        meta.page_number_position,
        tuple(s.starts_page(top=True) for s in brief.sections),
        tuple(s.label for _path, s in brief.walk_sections()),
    )
