"""The autosave store and brief locks: who wrote what, and what a new start may recover."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefbook.core import model as m
from briefbook.core.fileformat import dumps
from briefbook.core.safety.autosave import SUFFIX, AutosaveStore
from briefbook.core.safety.locks import BriefLocks, lock_key
from briefbook.core.safety.processes import ProcessId, current_process, is_running, start_token
from briefbook.errors import FileAccessError


def finished_process() -> ProcessId:
    """A process that has run and exited (its id is free)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    token = start_token(child.pid)
    child.wait()
    return ProcessId(child.pid, token)


@pytest.fixture
def running() -> Iterator[ProcessId]:
    """Another process that is running for the length of the test."""
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        yield ProcessId(child.pid, start_token(child.pid))
    finally:
        child.communicate()


def brief(title: str = "Visit to Rome") -> m.Brief:
    return m.Brief(
        meta=m.Meta(title=title),
        sections=[m.Section("Key points", [m.TextBlock("Unsaved <&> work")])],
    )


def write_as(
    store: AutosaveStore, key: str, writer: ProcessId, title: str, original: Path | None
) -> Path:
    """An entry as if ``writer`` had written it."""
    own = store.process
    store.process = writer
    try:
        return store.write(key, dumps(brief(title)), title, original)
    finally:
        store.process = own


def test_processes() -> None:
    assert is_running(current_process())
    assert not is_running(finished_process())
    assert not is_running(ProcessId(0))
    if sys.platform.startswith("linux"):
        me = current_process()
        assert me.token and not is_running(ProcessId(me.pid, me.token + "0"))


def test_running_process_is_seen(running: ProcessId) -> None:
    assert is_running(running)


def test_own_entries_are_not_offered_and_removed_ones_are_gone(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path / "autosave")
    key = store.new_key()
    written = store.write(key, dumps(brief()), "Visit to Rome", tmp_path / "v.brief.yaml")
    assert written.name == key + SUFFIX and written.exists()
    assert store.recoverable() == []  # this process is alive: its work is its own
    store.remove(key)
    store.remove(key)  # twice is fine
    assert not written.exists()


def test_work_of_a_crashed_process_is_offered_newest_first(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    dead = finished_process()
    original = tmp_path / "visit.brief.yaml"
    write_as(store, "a" * 32, dead, "Older", None)
    entry = store.read(store.path_of("a" * 32))
    assert entry is not None
    write_as(store, "b" * 32, dead, "Newer", original)
    found = store.recoverable()
    assert [r.title for r in found] == ["Newer", "Older"]
    newer = found[0]
    assert newer.original == original and newer.saved_at.tzinfo is not None
    assert "Newer" in newer.describe() and str(original) in newer.describe()
    assert "never saved" in found[1].describe()
    recovered = newer.brief()
    assert recovered.meta.title == "Newer" and recovered.source == original
    assert recovered.sections[0].blocks[0] == m.TextBlock("Unsaved <&> work")


def test_work_of_a_running_briefbook_is_left_to_it(tmp_path: Path, running: ProcessId) -> None:
    store = AutosaveStore(tmp_path)
    write_as(store, "c" * 32, running, "Still open elsewhere", None)
    assert store.recoverable() == []


def test_claimed_work_is_no_longer_offered_and_discard_deletes(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    write_as(store, "d" * 32, finished_process(), "Crashed", None)
    (found,) = store.recoverable()
    key = store.claim(found)
    assert key is not None and key != found.key
    assert store.recoverable() == []
    assert not store.path_of(found.key).exists()
    claimed = store.read(store.path_of(key))
    assert claimed is not None and claimed[1] == current_process()
    assert claimed[0].saved_at == found.saved_at and claimed[0].text == found.text
    store.remove(key)
    assert list(tmp_path.iterdir()) == []


def test_only_one_briefbook_claims_the_same_work(tmp_path: Path) -> None:
    write_as(AutosaveStore(tmp_path), "e" * 32, finished_process(), "Crashed", None)
    first, second = AutosaveStore(tmp_path), AutosaveStore(tmp_path)  # two starts at once
    (offer_1,), (offer_2,) = first.recoverable(), second.recoverable()
    key = first.claim(offer_1)
    assert key is not None
    assert second.claim(offer_2) is None  # already taken: not opened twice
    assert [path.name for path in tmp_path.iterdir()] == [first.path_of(key).name]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"[]",
        b'{"briefbook_autosave": 2}',
        b"\xff\xfe",
        b'{"briefbook_autosave": 1}',
        json.dumps({"briefbook_autosave": 1, "pid": "1", "title": "x", "brief": ""}).encode(),
        json.dumps(
            {"briefbook_autosave": 1, "pid": 1, "title": "x", "brief": "", "saved_at": "yesterday"}
        ).encode(),
    ],
)
def test_damaged_or_foreign_entries_are_ignored(tmp_path: Path, content: bytes) -> None:
    (tmp_path / ("e" * 32 + SUFFIX)).write_bytes(content)
    (tmp_path / "notes.txt").write_text("not an autosave")
    assert AutosaveStore(tmp_path).recoverable() == []


def test_a_damaged_brief_inside_an_entry_raises_our_error(tmp_path: Path) -> None:
    from briefbook.errors import BriefbookError

    store = AutosaveStore(tmp_path)
    own = store.process
    store.process = finished_process()
    store.write("f" * 32, "briefbook: 1\nsections: [", "Broken", None)
    store.process = own
    (found,) = store.recoverable()
    with pytest.raises(BriefbookError):
        found.brief()


def test_missing_state_folder_is_nothing_to_recover(tmp_path: Path) -> None:
    assert AutosaveStore(tmp_path / "nowhere").recoverable() == []


def test_write_into_an_unusable_folder_raises_file_access_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(FileAccessError):
        AutosaveStore(blocker / "autosave").write("g" * 32, "", "", None)


def test_saved_at_is_kept(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    when = dt.datetime(2025, 6, 12, 23, 59, tzinfo=dt.UTC)
    store.process = finished_process()
    store.write("h" * 32, dumps(brief()), "t", None, when)
    store.process = current_process()
    assert store.recoverable()[0].saved_at == when


# --- locks ---------------------------------------------------------------------------


def test_the_second_window_is_told_who_holds_the_brief(tmp_path: Path) -> None:
    locks = BriefLocks(tmp_path / "locks")
    brief_file = tmp_path / "visit.brief.yaml"
    assert locks.acquire(brief_file, "window-1") is None
    assert locks.acquire(brief_file, "window-1") is None  # again: still ours
    holder = locks.acquire(tmp_path / "." / "visit.brief.yaml", "window-2")
    assert holder is not None and holder.owner == "window-1"
    assert "another window" in holder.describe()
    locks.release(brief_file, "window-2")  # not theirs: nothing happens
    assert locks.holder(brief_file, "window-2") is not None
    locks.release(brief_file, "window-1")
    assert locks.holder(brief_file, "window-2") is None
    assert locks.acquire(brief_file, "window-2") is None


def test_a_closed_window_holds_nothing(tmp_path: Path) -> None:
    locks = BriefLocks(tmp_path)
    brief_file = tmp_path / "visit.brief.yaml"
    locks.acquire(brief_file, "gone")
    BriefLocks.forget_owner("gone")
    assert locks.acquire(brief_file, "new") is None


def test_another_running_briefbook_holds_it_and_a_dead_one_does_not(
    tmp_path: Path, running: ProcessId
) -> None:
    brief_file = tmp_path / "visit.brief.yaml"
    other = BriefLocks(tmp_path / "locks")
    other.process = running
    other.acquire(brief_file, "their-window")
    mine = BriefLocks(tmp_path / "locks")
    holder = mine.acquire(brief_file, "my-window")
    assert holder is not None and holder.process == running
    assert f"process {running.pid}" in holder.describe()
    stale = BriefLocks(tmp_path / "locks")
    stale.process = finished_process()
    mine.lock_path(brief_file).unlink()
    stale.acquire(brief_file, "crashed-window")
    assert mine.acquire(brief_file, "my-window") is None  # the stale lock is taken over


def test_lock_keys_follow_the_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert lock_key(Path("a.brief.yaml")) == lock_key(tmp_path / "a.brief.yaml")
    assert lock_key(Path("a.brief.yaml")) != lock_key(Path("b.brief.yaml"))


@pytest.mark.parametrize("content", [b"", b"[]", b"{", b'{"pid": "x"}'])
def test_damaged_locks_are_ignored(tmp_path: Path, content: bytes) -> None:
    locks = BriefLocks(tmp_path)
    brief_file = tmp_path / "x.brief.yaml"
    locks.lock_path(brief_file).write_bytes(content)
    assert locks.acquire(brief_file, "w") is None


def test_a_read_only_state_folder_never_refuses_the_brief(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert BriefLocks(blocker / "locks").acquire(tmp_path / "x.brief.yaml", "w") is None


def test_work_holding_a_lone_surrogate_is_autosaved_whole(tmp_path: Path) -> None:
    # A damaged clipboard can paste half of a UTF-16 pair: saving names it, but the
    # autosave keeps the work exactly, to be recovered and fixed.
    store = AutosaveStore(tmp_path)
    text = "briefbook: 1\nmeta:\n  title: Talks \ud800 Oslo\n"
    written = store.write(store.new_key(), text, "Talks \ud800", None)
    entry = store.read(written)
    assert entry is not None
    assert json.loads(written.read_text(encoding="utf-8"))["brief"] == text
