"""Numbered copies laid out once and stamped read back as copies laid out alone."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.photos import dossier_pictures

from briefbook.core.distribution.copies import recipient_copies
from briefbook.core.distribution.exportplan import ExportRequest, plan_exports
from briefbook.core.fileformat import load
from briefbook.render.api import render_pdf
from briefbook.render.exporting import ExportChoices, export_jobs, job_options, same_layout
from briefbook.render.pictures.downsample import image_profile
from tests.render.conftest import flat_outline, page_texts

DOSSIER = Path(__file__).parents[1] / "data" / "dossier.brief.yaml"
NAMES = ["Jane Doe", "Zoë Ωμέγα Жанна", "O'Brien <b>&</b> Co"]


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stamping")
    target = folder / "summit.brief.yaml"
    shutil.copy(DOSSIER, target)
    dossier_pictures(folder)
    return target


def read_back(pdf: bytes, password: str = "") -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    if password:
        assert reader.decrypt(password)
    return reader, page_texts(reader)


@pytest.mark.parametrize("edition", [None, "delegation"])
def test_each_stamped_copy_reads_as_the_copy_laid_out_alone(
    dossier: Path, tmp_path: Path, edition: str | None
) -> None:
    brief = load(dossier)
    request = ExportRequest(edition=edition, copies=recipient_copies(NAMES))
    jobs = plan_exports(brief, request, tmp_path, tmp_path)
    choices = ExportChoices(reproducible=True)
    assert [len(run) for run in same_layout(jobs, choices)] == [3]
    results = export_jobs(jobs, choices)
    assert [result.path for result in results] == [job.path for job in jobs]
    for job, result in zip(jobs, results, strict=True):
        alone = render_pdf(job.brief, job_options(job, choices))
        stamped, stamped_text = read_back(result.path.read_bytes())
        single, single_text = read_back(alone.pdf)
        assert result.page_count == alone.page_count == len(stamped.pages)
        assert stamped_text == single_text
        assert job.stamp in stamped_text[0] and all(job.stamp in text for text in stamped_text[1:])
        assert stamped.metadata == single.metadata
        assert flat_outline(stamped) == flat_outline(single)
        assert [page.mediabox for page in stamped.pages] == [page.mediabox for page in single.pages]


def test_stamping_is_reproducible(dossier: Path, tmp_path: Path) -> None:
    brief = load(dossier)
    request = ExportRequest(copies=recipient_copies(NAMES[:2]))
    choices = ExportChoices(reproducible=True)
    first = [
        r.pdf
        for r in export_jobs(plan_exports(brief, request, tmp_path / "a.pdf", tmp_path), choices)
    ]
    again = [
        r.pdf
        for r in export_jobs(plan_exports(brief, request, tmp_path / "b.pdf", tmp_path), choices)
    ]
    assert first == again and first[0] != first[1]


def test_password_and_email_profile_apply_to_every_stamped_copy(
    dossier: Path, tmp_path: Path
) -> None:
    brief = load(dossier)
    request = ExportRequest(copies=recipient_copies(NAMES[:2]), email=True)
    jobs = plan_exports(brief, request, tmp_path, tmp_path)
    choices = ExportChoices(
        reproducible=True, password="harbour-2025", images=image_profile("email")
    )
    results = export_jobs(jobs, choices)
    plain = ExportChoices(reproducible=True, images=image_profile("email"))
    for job, result in zip(jobs, results, strict=True):
        reader = PdfReader(result.path)
        assert reader.is_encrypted and not reader.decrypt("wrong")
        _, texts = read_back(result.path.read_bytes(), "harbour-2025")
        _, alone = read_back(render_pdf(job.brief, job_options(job, plain)).pdf)
        assert texts == alone


def test_a_stamped_copy_keeps_the_brief_s_language(dossier: Path, tmp_path: Path) -> None:
    """The running header and footer of a French brief's copies are in French, as the
    copy laid out alone prints them."""
    brief = load(dossier)
    brief.meta.language = "fr"
    jobs = plan_exports(
        brief, ExportRequest(copies=recipient_copies(NAMES[:2])), tmp_path, tmp_path
    )
    choices = ExportChoices(reproducible=True)
    assert [len(run) for run in same_layout(jobs, choices)] == [2]
    for job, result in zip(jobs, export_jobs(jobs, choices), strict=True):
        alone = render_pdf(job.brief, job_options(job, choices))
        assert read_back(result.path.read_bytes())[1] == read_back(alone.pdf)[1]
