"""Without a display the app says so in one line and exits 2; it never dumps core."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefbook.gui.display import display_problem

ROOT = Path(__file__).resolve().parents[2]


def _run(env_changes: dict[str, str | None], tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    env["PYTHONPATH"] = str(ROOT)
    env["BRIEFBOOK_HOME"] = str(tmp_path / "home")
    return subprocess.run(
        [sys.executable, "-m", "briefbook"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
def test_no_display_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    done = _run({"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None}, tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "no display" in lines[0] and "briefbook export" in lines[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
def test_a_display_that_is_not_there_gives_one_line_not_a_core_dump(tmp_path: Path) -> None:
    done = _run({"DISPLAY": ":987", "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None}, tmp_path)
    assert done.returncode == 2, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("briefbook: ") and "command line" in lines[0]


def test_display_problem_reads_the_environment() -> None:
    assert display_problem({}, "linux") is not None
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None
