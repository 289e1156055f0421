"""A brief with a misspelt key opens anyway, its problems listed and each one leading to
its section; Save asks before it leaves out what could not be read (issue 12)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefbook.core.fileformat.lenient import load_lenient
from briefbook.gui.window import problems as problems_module
from briefbook.gui.window.mainwindow import MainWindow
from briefbook.gui.workers import wait_for_workers
from gui.conftest import open_ready

ROOT = Path(__file__).resolve().parents[2]

MISSPELT = """\
briefbook: 1
meta:
  title: Harbour visit
  locaton: Valletta
sections:
- title: Programme
  blocks:
  - text: Arrival at ten.
- title: Key points
  colour: red
  blocks:
  - bulets:
    - One
  - text: Keep this text.
"""


@pytest.fixture
def misspelt(tmp_path: Path) -> Path:
    path = tmp_path / "visit.brief.yaml"
    path.write_text(MISSPELT, encoding="utf-8")
    return path


def test_lenient_load_places_each_problem(misspelt: Path) -> None:
    loaded = load_lenient(misspelt)
    assert [p.line for p in loaded.problems] == [4, 10, 12]
    assert loaded.places == [None, (1,), (1,)]
    assert [s.title for s in loaded.brief.sections] == ["Programme", "Key points"]


def test_the_command_line_still_refuses_it(misspelt: Path, tmp_path: Path) -> None:
    env = {
        "PYTHONPATH": str(ROOT),
        "BRIEFBOOK_HOME": str(tmp_path / "home"),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-m", "briefbook", "validate", str(misspelt)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert f"{misspelt}:4:3: unknown key 'locaton'" in done.stderr
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefbook",
            "export",
            str(misspelt),
            "-o",
            str(tmp_path / "out.pdf"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2 and not (tmp_path / "out.pdf").exists()


def test_it_opens_with_its_problems_listed(
    qtbot, misspelt: Path, no_prompts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_ready(qtbot, misspelt)
    try:
        assert not no_prompts  # no "could not open" dialog
        assert window.document.path == misspelt
        assert window.document.brief.meta.title == "Harbour visit"
        panel = window.problems
        assert panel.isVisible()
        lines = [panel.list.item(i).text() for i in range(panel.list.count())]
        assert lines[0].startswith(f"{misspelt}:4:3: unknown key 'locaton'")
        assert lines[1].startswith(f"{misspelt}:10:3: unknown key 'colour'")
        assert "did you mean 'bullets'" in lines[2]
        # Double-clicking a problem selects the section it is in.
        panel.list.itemDoubleClicked.emit(panel.list.item(2))
        assert window.tree.current_path() == (1,)
        panel.list.itemDoubleClicked.emit(panel.list.item(0))
        assert window.tree.current_path() is None  # the cover

        # Save asks first; "Keep Editing" leaves the file as it was.
        asked: list[bool] = []
        monkeypatch.setattr(
            problems_module, "ask_save_without_unread", lambda *_a: asked.append(True) or False
        )
        assert not window.files.save_to(misspelt)
        assert asked and misspelt.read_text(encoding="utf-8") == MISSPELT
        # "Save Without Them" writes a clean file (the old one kept beside it).
        monkeypatch.setattr(problems_module, "ask_save_without_unread", lambda *_a: True)
        assert window.files.save_to(misspelt)
        assert load_lenient(misspelt).problems == []
        assert misspelt.with_name(misspelt.name + "~").read_text(encoding="utf-8") == MISSPELT
        assert not panel.isVisible()
        asked.clear()
        assert window.files.save_to(misspelt) and not asked  # asked once only
    finally:
        window.document.undo_stack.setClean()
        window.close()
        wait_for_workers()


def test_a_file_that_is_not_a_brief_is_still_refused(
    qtbot, tmp_path: Path, no_prompts: list[str]
) -> None:
    path = tmp_path / "broken.brief.yaml"
    path.write_text("meta: [unclosed\n", encoding="utf-8")
    window = open_ready(qtbot)
    try:
        with qtbot.waitSignal(window.opening_failed, timeout=60_000):
            window.files.open_path(path, ask=False)
        assert no_prompts and "Could not open" in no_prompts[-1]
        assert window.document.path != path
    finally:
        window.close()
        wait_for_workers()


def test_window_has_a_problems_panel(window: MainWindow) -> None:
    assert not window.problems.isVisible()  # the example has none
