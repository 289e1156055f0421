"""The one place that turns an export request into files.

Every way of exporting (``briefbook export``, File > Export PDF, the pocket card
and itinerary dialog, the comparison's "export with the changes page") plans its
files (:func:`briefbook.core.distribution.exportplan.plan_exports`, or one job
per numbered copy) and hands them here with the choices they share
(:class:`ExportChoices`). Here each job is laid out as a dossier or as pocket
cards (numbered copies that differ only in their stamp are laid out once and
stamped, :mod:`briefbook.render.stamping`), encrypted when a password is given,
and written atomically, within the size limit and with the file modes the brief's
own file allows. Read-only targets are refused before the first file is written,
unless the user has said to replace them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefbook.core.model import Brief
from briefbook.core.safety.atomic import ReadOnlyFileError, is_read_only, write_atomic
from briefbook.core.safety.filemodes import export_limit
from briefbook.errors import BriefbookError
from briefbook.render.dossier.document import build_pdf
from briefbook.render.options import (
    ExportResult,
    PocketOptions,
    ProgressCallback,
    RenderOptions,
    RenderResult,
)
from briefbook.render.pocket.card import render_pocket_card
from briefbook.render.protect import encrypt_pdf
from briefbook.render.reuse import SectionReuse
from briefbook.render.stamping import CopyStamper

if TYPE_CHECKING:
    from briefbook.core.distribution.exportplan import ExportJob
    from briefbook.render.pictures.downsample import ImageProfile


@dataclass
class ExportChoices:
    """What every file of one export shares; each job adds its edition, changes and stamp."""

    #: Pocket cards (A6, schedule and key points) instead of the dossier.
    pocket: bool = False
    page_size: str | None = None
    reproducible: bool = False
    #: ``None``: as the brief says (home times when it names a home time zone).
    home_times: bool | None = None
    #: Protect each dossier with this password; never stored, never for pocket cards.
    password: str = field(default="", repr=False)
    allowed_images: frozenset[Path] = field(default_factory=frozenset)
    allow_outside_images: bool = False
    images: ImageProfile | None = None
    #: Write over read-only files (the user said so); otherwise none is written.
    replace_read_only: bool = False
    #: Archival PDF/A-2b dossiers (never with a password).
    pdfa: bool = False
    #: Reuse the pages of the sections unchanged since the last dossier laid out through
    #: it (the app keeps one for its exports); ``None``: every dossier laid out whole.
    reuse: SectionReuse | None = field(default=None, repr=False, compare=False)


def write_export(
    brief: Brief,
    path: Path | str,
    result: RenderResult,
    password: str = "",
    replace_read_only: bool = False,
) -> ExportResult:
    """Encrypt (with a password) and write a rendered PDF atomically to ``path``.

    A failure on disk leaves any earlier file at ``path`` untouched.
    """
    pdf = encrypt_pdf(result.pdf, password) if password else result.pdf
    target = Path(path)
    write_atomic(target, pdf, limit=export_limit(brief.source), replace_read_only=replace_read_only)
    return ExportResult(
        pdf=pdf,
        page_count=result.page_count,
        warnings=result.warnings,
        section_pages=result.section_pages,
        path=target,
    )


def export_dossier(
    brief: Brief,
    path: Path | str,
    options: RenderOptions | None = None,
    reuse: SectionReuse | None = None,
) -> ExportResult:
    """Lay the dossier out (through ``reuse``, if given) and write it (encrypted with
    ``options.password``, if any)."""
    options = options or RenderOptions()
    if options.pdfa and options.password:
        raise BriefbookError(
            "a PDF/A file cannot be encrypted (archives must open without "
            "a password): export it without a password"
        )
    result = reuse.render(brief, options) if reuse is not None else build_pdf(brief, options)
    return write_export(brief, path, result, options.password, options.replace_read_only)


def export_pocket_card(
    brief: Brief, path: Path | str, options: PocketOptions | None = None
) -> ExportResult:
    """Lay the pocket cards out and write them atomically to ``path``."""
    options = options or PocketOptions()
    return write_export(
        brief, path, render_pocket_card(brief, options), replace_read_only=options.replace_read_only
    )


def refuse_read_only(paths: Sequence[Path]) -> None:
    """Raise :class:`ReadOnlyFileError` for the first read-only file among ``paths``."""
    for path in paths:
        if is_read_only(path):
            raise ReadOnlyFileError(path)


def job_options(
    job: ExportJob, choices: ExportChoices, progress: ProgressCallback | None = None
) -> RenderOptions:
    """The render options of one planned dossier."""
    return RenderOptions(
        page_size=choices.page_size,
        reproducible=choices.reproducible,
        edition=job.edition,
        home_times=choices.home_times,
        changes=job.changes,
        password=choices.password,
        allowed_images=choices.allowed_images,
        allow_outside_images=choices.allow_outside_images,
        copy_stamp=job.stamp,
        images=choices.images,
        replace_read_only=choices.replace_read_only,
        progress=progress,
        pdfa=choices.pdfa,
    )


def export_job(
    job: ExportJob, choices: ExportChoices, progress: ProgressCallback | None = None
) -> ExportResult:
    """Write one planned file; ``progress`` follows its layout (dossiers only)."""
    if choices.pocket:
        return export_pocket_card(
            job.brief,
            job.path,
            PocketOptions(
                reproducible=choices.reproducible,
                home_times=choices.home_times,
                replace_read_only=choices.replace_read_only,
            ),
        )
    return export_dossier(job.brief, job.path, job_options(job, choices, progress), choices.reuse)


def same_layout(jobs: Sequence[ExportJob], choices: ExportChoices) -> list[list[ExportJob]]:
    """The jobs in order, in runs that differ only in their copy's stamp (the numbered
    copies of one edition and itinerary): each run is laid out once."""
    runs: list[list[ExportJob]] = []
    for job in jobs:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and not choices.pocket
            and job.stamp
            and last.stamp
            and job.brief is last.brief
            and job.changes is last.changes
            and (job.edition, job.person) == (last.edition, last.person)
        ):
            runs[-1].append(job)
        else:
            runs.append([job])
    return runs


def export_run(
    run: Sequence[ExportJob], choices: ExportChoices, progress: ProgressCallback | None = None
) -> Iterator[ExportResult]:
    """Write the files of one run of :func:`same_layout`, each as soon as it is made: a
    single job laid out alone, numbered copies laid out once and stamped each."""
    if len(run) == 1:
        yield export_job(run[0], choices, progress)
        return
    first = run[0]
    options = job_options(first, choices, progress)
    options.copy_stamp = ""
    laid_out = build_pdf(first.brief, options)
    with CopyStamper(laid_out.pdf, first.brief, options) as stamper:
        for job in run:
            copy = replace(laid_out, pdf=stamper.stamped(job.stamp))
            yield write_export(
                job.brief, job.path, copy, choices.password, choices.replace_read_only
            )


def export_jobs(
    jobs: Sequence[ExportJob],
    choices: ExportChoices,
    progress: ProgressCallback | None = None,
    written: Callable[[ExportResult], None] | None = None,
) -> list[ExportResult]:
    """Write every planned file, in order, and return their results.

    Read-only targets are refused before any file is written (unless
    ``choices.replace_read_only``). ``progress`` follows the layout of a single
    file, or counts the files written (done, total) when there are several;
    ``written`` is called with each result as soon as its file is on disk.
    """
    if not choices.replace_read_only:
        refuse_read_only([job.path for job in jobs])
    many = len(jobs) > 1
    results: list[ExportResult] = []
    for run in same_layout(jobs, choices):
        for result in export_run(run, choices, None if many else progress):
            results.append(result)
            if written is not None:
                written(result)
            if many and progress is not None:
                progress(len(results), len(jobs))
    return results


__all__ = [
    "ExportChoices",
    "export_dossier",
    "export_job",
    "export_jobs",
    "export_pocket_card",
    "export_run",
    "job_options",
    "refuse_read_only",
    "same_layout",
    "write_export",
]
