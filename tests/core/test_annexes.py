"""Opening and checking annex files: the reasons one cannot be used, and what is stripped."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from support.annexpdfs import annex_pdf, protected_pdf, scripted_pdf

from briefbook.core import annexes
from briefbook.core import model as m
from briefbook.core.annexes import AnnexError, annex_problem, inspect_annex


def test_a_sound_annex(tmp_path: Path) -> None:
    info = inspect_annex(annex_pdf(tmp_path / "a.pdf", 3, wide=(2,)))
    assert info.page_count == 3 and info.stripped == ()
    assert info.page_sizes[1][0] > info.page_sizes[1][1]
    assert info.page_sizes[0][0] < info.page_sizes[0][1]


def test_a_rotated_page_is_shown_turned(tmp_path: Path) -> None:
    path = annex_pdf(tmp_path / "a.pdf", 1)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].obj.Rotate = 90
        pdf.save(path)
    width, height = inspect_annex(path).page_sizes[0]
    assert width > height


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p, "does not exist"),
        (lambda p: (p.write_bytes(b"GIF89a not a pdf"), p)[1], "damaged or not a PDF"),
        (protected_pdf, "password"),
    ],
)
def test_reasons_an_annex_cannot_be_used(tmp_path: Path, make, reason: str) -> None:
    path = make(tmp_path / "x.pdf")
    with pytest.raises(AnnexError, match=reason):
        inspect_annex(path)


def test_too_many_pages_or_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = annex_pdf(tmp_path / "a.pdf", 3)
    monkeypatch.setattr(annexes, "MAX_ANNEX_PAGES", 2)
    with pytest.raises(AnnexError, match="has 3 pages; an annex has at most 2"):
        inspect_annex(path)
    monkeypatch.setattr(annexes, "MAX_ANNEX_BYTES", 100)
    with pytest.raises(AnnexError, match="too large"):
        inspect_annex(path)


def test_what_is_stripped_is_named(tmp_path: Path) -> None:
    stripped = inspect_annex(scripted_pdf(tmp_path / "s.pdf")).stripped
    for part in (
        "JavaScript",
        "an open action",
        "embedded files",
        "an XFA form",
        "form fields",
        "links other than web and e-mail",
        "page actions",
    ):
        assert part in stripped


def test_annex_problem_checks_the_folder_and_the_range(tmp_path: Path) -> None:
    (tmp_path / "brief").mkdir()
    annex_pdf(tmp_path / "brief" / "a.pdf", 2)
    annex_pdf(tmp_path / "out.pdf", 1)
    folder = tmp_path / "brief"
    assert annex_problem(m.PdfBlock("a.pdf"), folder) == ""
    assert "past the last page" in annex_problem(m.PdfBlock("a.pdf", pages="3"), folder)
    assert "outside the brief's folder" in annex_problem(m.PdfBlock("../out.pdf"), folder)
    assert "no PDF file" in annex_problem(m.PdfBlock(""), folder)
