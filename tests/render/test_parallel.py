"""Editions and copies written by worker processes: the same files, one progress, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.core.distribution.copies import numbered_copies
from briefbook.core.distribution.exportplan import ExportJob, ExportRequest, plan_exports
from briefbook.core.fileformat import load
from briefbook.errors import BriefbookError
from briefbook.render.exporting import ExportChoices, export_jobs
from briefbook.render.options import ExportResult
from briefbook.render.parallel import ExportCancelled, JobProgress, export_all

EDITIONS = Path(__file__).parents[1] / "data" / "editions.brief.yaml"


def planned(tmp_path: Path, copies: int = 2) -> list[ExportJob]:
    brief = load(EDITIONS)
    request = ExportRequest(all_editions=True, copies=numbered_copies(copies))
    out = tmp_path / "out"
    out.mkdir()
    return plan_exports(brief, request, out, tmp_path)


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_write_the_files_one_process_writes(tmp_path: Path, workers: int) -> None:
    jobs = planned(tmp_path)
    choices = ExportChoices(reproducible=True)
    reports: list[JobProgress] = []
    written: list[ExportResult] = []
    results = export_all(jobs, choices, reports.append, written.append, workers=workers)
    assert [result.path for result in results] == [job.path for job in jobs]
    assert sorted(result.path for result in written) == sorted(job.path for job in jobs)
    on_disk = {result.path: result.path.read_bytes() for result in results}
    expected = export_jobs(jobs, choices)
    assert all(on_disk[result.path] == result.pdf for result in expected)
    assert all(result.size == len(on_disk[result.path]) for result in results)
    assert [result.page_count for result in results] == [r.page_count for r in expected]
    fractions = [report.fraction for report in reports]
    assert fractions == sorted(fractions) or workers > 1
    assert all(0.0 <= f <= 1.0 for f in fractions) and fractions[-1] == 1.0
    assert reports[-1] == JobProgress(len(jobs), len(jobs), 1.0)


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_keeps_the_files_written_and_leaves_no_partial_one(
    tmp_path: Path, workers: int
) -> None:
    jobs = planned(tmp_path, copies=3)
    written: list[ExportResult] = []
    with pytest.raises(ExportCancelled) as caught:
        export_all(
            jobs,
            ExportChoices(),
            written=written.append,
            cancelled=lambda: bool(written),
            workers=workers,
        )
    kept = caught.value.written
    assert kept and len(kept) < len(jobs) and caught.value.total == len(jobs)
    files = sorted((tmp_path / "out").iterdir())
    assert files == sorted(result.path for result in kept)
    assert all(path.read_bytes().rstrip().endswith(b"%%EOF") for path in files)
    assert f"{len(kept)} of {len(jobs)}" in str(caught.value)


def test_a_worker_failure_is_a_clear_error(tmp_path: Path) -> None:
    jobs = planned(tmp_path, copies=1)
    jobs[-1].path = tmp_path / "gone" / "press.pdf"
    with pytest.raises(BriefbookError):
        export_all(jobs, ExportChoices(), workers=2)


def test_the_command_line_progress_line() -> None:
    from briefbook.cli import progress_text

    assert progress_text(JobProgress(2, 12, 0.404)) == "Exporting: 40 % (2 of 12 files written)"
