"""Exports of several layouts (editions, itineraries) in worker processes, one per core.

:func:`export_all` takes the planned jobs, groups the ones that share a layout
(the numbered copies of one edition, see :func:`.exporting.same_layout`) and
hands each group to a worker process. A worker receives the brief as YAML
text (the file's bytes, as the job's edition leaves them), the choices and the
files to write; it shares nothing else with the caller, so memory stays that
of one layout per core. Workers report their progress and every file they
write through one queue, which the caller reads into one progress for the whole
job (:class:`JobProgress`). Each file is written atomically by the worker that
made it; cancelling stops every worker at its next page and keeps the files
already written (:class:`ExportCancelled` lists them). With one group, or one
core, the work runs in the calling process, in the same way.
"""

from __future__ import annotations

import os
import queue as queues
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefbook.core.distribution.exportplan import ExportJob
from briefbook.core.fileformat import dumps, loads
from briefbook.errors import BriefbookError
from briefbook.render.exporting import ExportChoices, export_run, refuse_read_only, same_layout
from briefbook.render.options import ExportResult
from briefbook.render.processes import worker_context

if TYPE_CHECKING:
    from briefbook.core.compare.diff import BriefDiff

#: How often the caller looks at the workers' queue and at its cancel flag (seconds).
POLL_SECONDS = 0.05
#: The share of a group's work its layout takes when it stamps several copies.
LAYOUT_SHARE = 0.85


@dataclass(frozen=True)
class JobProgress:
    """The whole job's progress: files written so far, of how many, and about how far."""

    written: int
    total: int
    fraction: float


ProgressReport = Callable[[JobProgress], None]


class ExportCancelled(BriefbookError):
    """The export was cancelled; ``written`` holds the files already on disk (complete)."""

    def __init__(self, written: list[ExportResult], total: int) -> None:
        self.written = written
        self.total = total
        super().__init__(f"the export was cancelled after {len(written)} of {total} files")


class _Stopped(Exception):
    """Raised inside a layout when the export has been cancelled."""


@dataclass(frozen=True)
class _Task:
    """One group of files with one layout, as a worker receives it."""

    index: int
    brief_text: str
    source: Path | None
    changes: BriefDiff | None
    #: (path, edition, person, stamp) of each file.
    files: tuple[tuple[Path, str, str, str], ...]
    choices: ExportChoices

    @property
    def weight(self) -> float:
        """About how long the group takes, relative to the others."""
        return len(self.brief_text) * (1 + 0.05 * (len(self.files) - 1))


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def export_all(
    jobs: Sequence[ExportJob],
    choices: ExportChoices,
    progress: ProgressReport | None = None,
    written: Callable[[ExportResult], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> list[ExportResult]:
    """Write every planned file, the groups in parallel, and return the results in the
    jobs' order (without the PDF bytes when a worker made them: ``size`` still holds).

    Read-only targets are refused before any file is written (unless
    ``choices.replace_read_only``). ``written`` is called with each result as
    soon as its file is on disk; ``cancelled`` is asked every few milliseconds
    and, once it says so, the export stops and raises :class:`ExportCancelled`.
    """
    if not choices.replace_read_only:
        refuse_read_only([job.path for job in jobs])
    tasks = _tasks(jobs, choices)
    count = min(workers or cores(), len(tasks))
    if count >= 2:  # workers lay out whole: nothing of this process's memory goes to them
        tasks = [replace(task, choices=replace(task.choices, reuse=None)) for task in tasks]
    tracker = _Tracker(tasks, len(jobs), progress, written)
    if count < 2:
        _run_here(tasks, tracker, cancelled)
    else:
        _run_in_workers(tasks, tracker, cancelled, count)
    order = {job.path: number for number, job in enumerate(jobs)}
    return sorted(tracker.results, key=lambda result: order.get(result.path, 0))


def _tasks(jobs: Sequence[ExportJob], choices: ExportChoices) -> list[_Task]:
    tasks = []
    texts: dict[int, str] = {}
    for index, run in enumerate(same_layout(jobs, choices)):
        brief = run[0].brief
        text = texts.setdefault(id(brief), dumps(brief))
        tasks.append(
            _Task(
                index,
                text,
                brief.source,
                run[0].changes,
                tuple((job.path, job.edition, job.person, job.stamp) for job in run),
                choices,
            )
        )
    return tasks


class _Tracker:
    """Folds the reports of every group into one progress for the caller."""

    def __init__(
        self,
        tasks: list[_Task],
        total: int,
        progress: ProgressReport | None,
        written: Callable[[ExportResult], None] | None,
    ) -> None:
        self.weights = {task.index: task.weight for task in tasks}
        self.sum = sum(self.weights.values()) or 1.0
        self.done = dict.fromkeys(self.weights, 0.0)
        self.total = total
        self.progress = progress
        self.written = written
        self.results: list[ExportResult] = []

    def report(self, message: tuple[str, int, Any]) -> None:
        kind, index, value = message
        if kind == "written":
            self.results.append(value)
            if self.written is not None:
                self.written(value)
        else:
            self.done[index] = max(self.done[index], float(value))
        if self.progress is not None:
            fraction = sum(self.weights[i] * done for i, done in self.done.items()) / self.sum
            self.progress(JobProgress(len(self.results), self.total, min(fraction, 1.0)))


def _run_here(tasks: list[_Task], tracker: _Tracker, cancelled: Callable[[], bool] | None) -> None:
    stop = cancelled or (lambda: False)
    try:
        for task in tasks:
            _work(task, tracker.report, stop)
    except _Stopped:
        raise ExportCancelled(tracker.results, tracker.total) from None


def _run_in_workers(
    tasks: list[_Task], tracker: _Tracker, cancelled: Callable[[], bool] | None, count: int
) -> None:
    context = worker_context()
    messages: Any = context.Queue()
    stop = context.Event()
    error: BaseException | None = None
    with ProcessPoolExecutor(
        count, mp_context=context, initializer=_start_worker, initargs=(messages, stop)
    ) as pool:
        pending: set[Future[None]] = {
            pool.submit(_work_in_worker, task)
            for task in sorted(tasks, key=lambda task: -task.weight)
        }
        while pending:
            _drain(messages, tracker, POLL_SECONDS)
            if cancelled is not None and not stop.is_set() and cancelled():
                stop.set()
                for future in pending:
                    future.cancel()
            for future in [future for future in pending if future.done()]:
                pending.discard(future)
                failure = None if future.cancelled() else future.exception()
                if failure is not None and not isinstance(failure, _Stopped):
                    error = error or failure
                    stop.set()
    _drain(messages, tracker, 0)
    if error is not None:
        raise error
    if stop.is_set():
        raise ExportCancelled(tracker.results, tracker.total)


def _drain(messages: Any, tracker: _Tracker, wait: float) -> None:
    """Hand every queued report to the tracker, waiting up to ``wait`` for the first."""
    try:
        message = messages.get(timeout=wait) if wait else messages.get_nowait()
        while True:
            tracker.report(message)
            message = messages.get_nowait()
    except queues.Empty:
        return


# --- in the worker -------------------------------------------------------------------

_messages: Any = None
_stop: Any = None


def _start_worker(messages: Any, stop: Any) -> None:
    global _messages, _stop
    _messages, _stop = messages, stop


def _work_in_worker(task: _Task) -> None:
    try:
        _work(task, _messages.put, _stop.is_set)
    except (BriefbookError, OSError) as exc:
        # Sent back as plain text: the caller shows it as any other export error.
        raise BriefbookError(str(exc)) from None


def _work(
    task: _Task, report: Callable[[tuple[str, int, Any]], None], stop: Callable[[], bool]
) -> None:
    """Lay one group out and write its files, reporting as it goes."""
    brief = loads(task.brief_text, task.source)
    jobs = [
        ExportJob(brief, path, edition, person, task.changes, stamp)
        for path, edition, person, stamp in task.files
    ]
    several = len(jobs) > 1
    share = LAYOUT_SHARE if several else 1.0

    def laid_out(done: int, total: int) -> None:
        if stop():
            raise _Stopped
        report(("progress", task.index, share * min(done / max(total, 1), 1.0)))

    for number, result in enumerate(export_run(jobs, task.choices, laid_out), start=1):
        report(("written", task.index, replace(result, pdf=b"", file_size=result.size)))
        report(("progress", task.index, share + (1 - share) * number / len(jobs)))
        if stop() and number < len(jobs):
            raise _Stopped


__all__ = ["ExportCancelled", "JobProgress", "cores", "export_all"]
