"""The command line refuses to write over a read-only file: one line, exit 2 (issue 14)."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from briefbook.cli import main

DOSSIER = Path(__file__).parents[1] / "data" / "dossier.brief.yaml"


def test_export_over_a_read_only_pdf_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = tmp_path / "visit.brief.yaml"
    shutil.copy(DOSSIER, brief)
    out = tmp_path / "visit.pdf"
    out.write_bytes(b"%PDF-1.4 the one sent yesterday")
    os.chmod(out, 0o444)
    assert main(["export", str(brief), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "read-only" in err[0] and str(out) in err[0]
    assert out.read_bytes() == b"%PDF-1.4 the one sent yesterday"
    assert sorted(os.listdir(tmp_path)) == ["visit.brief.yaml", "visit.pdf"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_export_of_a_private_brief_is_private(tmp_path: Path) -> None:
    brief = tmp_path / "visit.brief.yaml"
    shutil.copy(DOSSIER, brief)
    os.chmod(brief, 0o600)
    out = tmp_path / "visit.pdf"
    assert main(["export", str(brief), "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_no_edition_is_written_when_one_of_them_is_read_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = tmp_path / "talks.brief.yaml"
    shutil.copy(Path(__file__).parents[1] / "data" / "editions.brief.yaml", brief)
    assert main(["export", str(brief), "--all-editions"]) == 0
    capsys.readouterr()
    pdfs = sorted(tmp_path.glob("*.pdf"))
    assert len(pdfs) == 3
    before = {pdf: pdf.read_bytes() for pdf in pdfs}
    os.chmod(pdfs[-1], 0o444)
    for pdf in pdfs[:-1]:
        pdf.write_bytes(b"%PDF-1.7 earlier")
        before[pdf] = b"%PDF-1.7 earlier"
    assert main(["export", str(brief), "--all-editions"]) == 2
    assert "read-only" in capsys.readouterr().err
    assert {pdf: pdf.read_bytes() for pdf in pdfs} == before
