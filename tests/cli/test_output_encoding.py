"""A console that cannot encode the text (cp1252 on Windows): replacements, never a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
TEXT = "Zürich 中文 مرحبا\n\nKey points ŝ for the visit\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="cp1252")
    return subprocess.run(
        [sys.executable, "-m", "briefbook", *args],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


@pytest.fixture
def material(tmp_path: Path) -> Path:
    (tmp_path / "notes.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_import_to_a_cp1252_stdout_writes_replacements_and_warns(material: Path) -> None:
    done = run("import", "notes.txt", cwd=material)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    out = done.stdout.decode("cp1252")
    assert "title: Zürich ?? ?????" in out
    assert b"cannot show some characters" in done.stderr


def test_export_import_and_diff_finish_on_a_cp1252_console(material: Path) -> None:
    done = run("import", "notes.txt", "-o", "notes.brief.yaml", cwd=material)
    assert done.returncode == 0, done.stderr
    assert "中文" in (material / "notes.brief.yaml").read_text(encoding="utf-8")
    done = run("export", "notes.brief.yaml", "-o", "中文 Zürich.pdf", cwd=material)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("cp1252").startswith("?? Zürich.pdf: 3 pages")
    assert (material / "中文 Zürich.pdf").exists()
    (material / "old.brief.yaml").write_text(
        "briefbook: 1\nmeta:\n  title: Old\n", encoding="utf-8"
    )
    done = run("diff", "old.brief.yaml", "notes.brief.yaml", cwd=material)
    assert done.returncode == 0, done.stderr
    assert "added      \u201cZürich ?? ?????\u201d" in done.stdout.decode("cp1252")


def test_a_message_on_stderr_keeps_the_character_as_an_escape(material: Path) -> None:
    done = run("validate", "中文.brief.yaml", cwd=material)
    assert done.returncode == 2
    assert done.stderr.decode("cp1252") == "\\u4e2d\\u6587.brief.yaml: no such file\n"
