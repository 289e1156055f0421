"""The command line: output, exit codes and one-line errors, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefbook.cli import main
from briefbook.core.fileformat import load


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefbook", *args], capture_output=True, text=True, timeout=120
    )


def test_new_lists_templates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--list"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()] == [
        "example",
        "visit",
        "read-ahead",
        "issue-brief",
        "scenario",
        "blank",
    ]


@pytest.mark.parametrize("template", ["example", "visit", "issue-brief", "scenario", "blank"])
def test_new_writes_a_brief_that_validates(
    tmp_path: Path, template: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "my.brief.yaml"
    assert main(["new", str(target), "--template", template]) == 0
    assert main(["validate", str(target)]) == 0
    assert "no problems" in capsys.readouterr().out
    assert load(target).meta.title


def test_new_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "my.brief.yaml"
    target.write_text("my work", encoding="utf-8")
    assert main(["new", str(target)]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and len(err.strip().splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "my work"


def test_unknown_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "x.brief.yaml"), "-t", "nope"]) == 2
    assert "no template 'nope'" in capsys.readouterr().err


def test_validate_lists_every_problem_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.brief.yaml"
    bad.write_text(
        "briefbook: 1\nmeta:\n  titel: x\nsections:\n- title: a\n  blocks:\n"
        "  - schedule:\n    - {title: x, time: '25:99'}\n",
        encoding="utf-8",
    )
    done = run("validate", str(bad))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines == [
        f"{bad}:3:3: unknown key 'titel' in 'meta' (did you mean 'title'?)",
        f"{bad}:8:24: the time '25:99' is not a time; write it as HH:MM, from 00:00 to 23:59",
    ]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["export", "missing.brief.yaml"],
        ["validate", "missing.brief.yaml"],
        ["export"],
        ["frobnicate", "x", "y"],
        ["new", "--template"],
    ],
)
def test_user_mistakes_exit_2_with_one_line(args: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefbook", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_export_default_name_next_to_the_brief(tmp_path: Path) -> None:
    brief = tmp_path / "visit.brief.yaml"
    assert main(["new", str(brief), "-t", "example"]) == 0
    done = run("export", str(brief))
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "2025-06-12 Visit to Italy v3.pdf"
    assert pdf.is_file()
    pages = len(PdfReader(pdf).pages)
    assert done.stdout.strip().startswith(f"{pdf}: {pages} pages, ")
    assert done.stdout.strip().endswith("KB")


def test_export_to_chosen_file(tmp_path: Path) -> None:
    brief = tmp_path / "visit.brief.yaml"
    main(["new", str(brief), "-t", "example"])
    out = tmp_path / "dossier.pdf"
    done = run("export", str(brief), "-o", str(out), "--page-size", "Letter")
    assert done.returncode == 0, done.stderr
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_export_of_broken_brief_keeps_earlier_pdf(tmp_path: Path) -> None:
    brief = tmp_path / "visit.brief.yaml"
    brief.write_text("briefbook: 1\nmeta: {title: [x]}\n", encoding="utf-8")
    out = tmp_path / "dossier.pdf"
    out.write_bytes(b"%PDF-1.4 earlier export")
    done = run("export", str(brief), "-o", str(out))
    assert done.returncode == 2
    assert done.stderr.startswith(f"{brief}:2:")
    assert out.read_bytes() == b"%PDF-1.4 earlier export"


def test_import_warns_about_the_encoding_fallback(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_bytes("Visit\n\nKey points\n- Café in Zürich\n".encode("cp1252"))
    out = tmp_path / "notes.brief.yaml"
    done = run("import", str(source), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "(warning)" in done.stderr and "cp1252" in done.stderr
    assert "Café in Zürich" in out.read_text(encoding="utf-8")


def test_import_of_binary_exits_2(tmp_path: Path) -> None:
    source = tmp_path / "x.txt"
    source.write_bytes(b"\x00\x01\x02\xff" * 100)
    done = run("import", str(source))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
