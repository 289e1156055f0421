"""Kill the app with unsaved edits (SIGKILL), start it again, and get the work back.

The app runs in a process of its own (offscreen), driven by ``crash_driver.py``
through the same undo commands the editors use. Between the kills the user's
own file is never touched; after the last, clean exit nothing is left to recover.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefbook.core import model as m
from briefbook.core.fileformat import save

DRIVER = Path(__file__).with_name("crash_driver.py")
ROOT = Path(__file__).parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


def start(home: Path, *args: str) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        BRIEFBOOK_HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )
    return subprocess.Popen(
        [sys.executable, str(DRIVER), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def wait_for(
    condition: Callable[[], bool],
    process: subprocess.Popen[bytes],
    what: str,
    timeout: float = 120.0,
) -> None:
    """Poll until ``condition`` holds (the app is slow to start on a busy machine)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            _out, err = process.communicate()
            raise AssertionError(f"the app ended before {what}: {err.decode()[-2000:]}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def autosaved(home: Path, text: str) -> bool:
    """Whether an autosave entry holding ``text`` is complete on disk."""
    for entry in (home / "state" / "autosave").glob("*.autosave.json"):
        try:
            if text in json.loads(entry.read_text(encoding="utf-8"))["brief"]:
                return True
        except (OSError, ValueError, KeyError):
            continue  # never happens with atomic writes, but a poll must not fail on it
    return False


def kill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL


def saved_visit(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """The app's home folder, a saved brief with one paragraph, and that file's bytes."""
    brief_file = tmp_path / "visit.brief.yaml"
    save(
        m.Brief(
            meta=m.Meta(title="Visit to Rome"),
            sections=[m.Section("Key points", [m.TextBlock("Saved paragraph")])],
        ),
        brief_file,
    )
    return tmp_path / "home", brief_file, brief_file.read_bytes()


def test_killed_twice_with_unsaved_edits_then_recovered(tmp_path: Path) -> None:
    home, brief_file, on_disk = saved_visit(tmp_path)

    app = start(home, "edit", str(brief_file), "First unsaved paragraph")
    wait_for(lambda: autosaved(home, "First unsaved paragraph"), app, "the first autosave")
    kill(app)
    assert brief_file.read_bytes() == on_disk

    state = tmp_path / "state.json"
    app = start(home, "recover", str(state), "Second unsaved paragraph")
    wait_for(lambda: autosaved(home, "Second unsaved paragraph"), app, "the second autosave")
    kill(app)
    first = json.loads(state.read_text(encoding="utf-8"))
    (offer,) = first["offered"]
    assert len(offer) == 1 and offer[0].startswith(f"Visit to Rome | {brief_file} | ")
    assert first["paragraphs"] == ["Saved paragraph", "First unsaved paragraph"]
    assert first["path"] == str(brief_file) and first["modified"] and first["window_modified"]
    assert brief_file.read_bytes() == on_disk

    state.unlink()
    app = start(home, "recover", str(state))
    assert app.wait(timeout=120) == 0, app.communicate()[1].decode()[-2000:]
    second = json.loads(state.read_text(encoding="utf-8"))
    assert len(second["offered"]) == 1 and len(second["offered"][0]) == 1
    assert second["paragraphs"] == [
        "Saved paragraph",
        "First unsaved paragraph",
        "Second unsaved paragraph",
    ]
    assert second["path"] == str(brief_file) and second["modified"]
    assert brief_file.read_bytes() == on_disk
    assert list((home / "state" / "autosave").glob("*.autosave.json")) == []  # clean exit


#: Kill-and-restart rounds at random moments while the app keeps editing and autosaving.
ROUNDS = int(os.environ.get("BRIEFBOOK_CRASH_ROUNDS", "6"))


def test_killed_at_random_moments_while_autosaving(tmp_path: Path) -> None:
    """Each round recovers the last, keeps editing (an autosave after every paragraph)
    and is killed at a random moment: writing, waiting or rendering. What the next
    round recovers is always the saved brief plus an unbroken run of each round's
    paragraphs, at least up to one the test saw autosaved."""
    rng = random.Random(20250612)
    home, brief_file, on_disk = saved_visit(tmp_path)
    app = start(home, "edit", str(brief_file), "round 0 1")
    wait_for(lambda: autosaved(home, "round 0 1"), app, "the first autosave")
    kill(app)
    state = tmp_path / "state.json"
    seen: dict[int, int] = {0: 1}  # round -> the last paragraph seen autosaved before the kill
    for number in range(1, ROUNDS + 1):
        state.unlink(missing_ok=True)
        app = start(home, "churn", str(state), f"round {number}")
        wait_for(lambda n=number: autosaved(home, f"round {n} 1"), app, f"round {number}")
        time.sleep(rng.uniform(0.0, 0.8))  # then kill it wherever it is
        seen[number] = max(
            (k for k in range(1, 200) if autosaved(home, f"round {number} {k}")), default=1
        )
        kill(app)
        check_recovered(json.loads(state.read_text(encoding="utf-8")), brief_file, seen, number - 1)
        assert brief_file.read_bytes() == on_disk
    state.unlink()
    app = start(home, "recover", str(state))
    assert app.wait(timeout=120) == 0, app.communicate()[1].decode()[-2000:]
    check_recovered(json.loads(state.read_text(encoding="utf-8")), brief_file, seen, ROUNDS)
    assert list((home / "state" / "autosave").glob("*.autosave.json")) == []


def check_recovered(shown: dict, brief_file: Path, seen: dict[int, int], last: int) -> None:
    """The recovered paragraphs: the saved one, then rounds 0..last each unbroken."""
    assert len(shown["offered"]) == 1 and len(shown["offered"][0]) == 1
    assert shown["path"] == str(brief_file) and shown["modified"]
    paragraphs = shown["paragraphs"]
    assert paragraphs[0] == "Saved paragraph"
    runs: dict[int, list[int]] = {}
    for text in paragraphs[1:]:
        _word, number, count = text.split()
        runs.setdefault(int(number), []).append(int(count))
    assert sorted(runs) == list(range(last + 1)), paragraphs
    for number, counts in runs.items():
        assert counts == list(range(1, len(counts) + 1)), paragraphs
        assert len(counts) >= seen[number], (number, paragraphs)
