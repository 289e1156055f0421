"""Copies of a restricted brief stay restricted (issue 14, "Confidentiality and trust").

The backup takes the brief's mode; the state folders are 0700 and their files 0600;
exports give group and others no more than the brief does. The umask is never
changed, not even for a moment.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from briefbook.core import model as m
from briefbook.core.fileformat import backup_path, save
from briefbook.core.safety import filemodes
from briefbook.core.safety.atomic import write_atomic
from briefbook.core.safety.autosave import AutosaveStore
from briefbook.core.safety.locks import BriefLocks
from briefbook.render.api import export_pdf

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def brief(title: str = "Talks") -> m.Brief:
    return m.Brief(
        meta=m.Meta(title=title),
        sections=[m.Section(title="Programme", blocks=[m.TextBlock("Vienna.")])],
    )


@pytest.fixture
def private_brief(tmp_path: Path) -> Path:
    path = tmp_path / "talks.brief.yaml"
    save(brief("Talks v1"), path)
    os.chmod(path, 0o600)
    return path


def test_the_backup_takes_the_briefs_mode(private_brief: Path) -> None:
    save(brief("Talks v2"), private_brief)
    assert backup_path(private_brief).exists()
    assert mode(backup_path(private_brief)) == 0o600
    assert mode(private_brief) == 0o600


def test_a_backup_left_world_readable_earlier_is_restricted_too(private_brief: Path) -> None:
    backup = backup_path(private_brief)
    backup.write_text("old")
    os.chmod(backup, 0o644)
    save(brief("Talks v2"), private_brief)
    assert mode(backup) == 0o600


@pytest.mark.parametrize(
    ("brief_mode", "pdf_mode"), [(0o600, 0o600), (0o640, 0o640), (0o644, 0o644)]
)
def test_exports_follow_the_briefs_group_and_other_bits(
    tmp_path: Path, brief_mode: int, pdf_mode: int
) -> None:
    path = tmp_path / "talks.brief.yaml"
    save(brief(), path)
    os.chmod(path, brief_mode)
    saved = brief()
    saved.source = path
    out = tmp_path / "talks.pdf"
    old_umask = os.umask(0o022)
    try:
        export_pdf(saved, out)
        assert mode(out) == pdf_mode & ~0o022
        os.chmod(out, 0o644)  # an earlier, world-readable export of a now private brief
        os.chmod(path, 0o600)
        export_pdf(saved, out)
        assert mode(out) == 0o600
    finally:
        os.umask(old_umask)


def test_state_folders_are_private(tmp_path: Path) -> None:
    state = tmp_path / "state"
    store = AutosaveStore(state / "autosave")
    entry = store.write(store.new_key(), "briefbook: 1\n", "Talks", None)
    locks = BriefLocks(state / "locks")
    assert locks.acquire(tmp_path / "talks.brief.yaml", "window-1") is None
    for folder in (state, state / "autosave", state / "locks"):
        assert mode(folder) == 0o700
    assert mode(entry) == 0o600
    for lock in (state / "locks").iterdir():
        assert mode(lock) == 0o600


def test_an_existing_world_readable_state_folder_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "autosave"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    store = AutosaveStore(folder)
    store.write(store.new_key(), "briefbook: 1\n", "Talks", None)
    assert mode(folder) == 0o700


def test_settings_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefbook.gui.settings import Settings, save_settings, settings_path

    monkeypatch.setenv("BRIEFBOOK_HOME", str(tmp_path / "home"))
    save_settings(Settings(recent_files=["/secret/visit.brief.yaml"]))
    assert mode(settings_path()) == 0o600
    assert mode(settings_path().parent) == 0o700


def test_the_umask_is_read_without_being_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert filemodes._read_umask() == filemodes.UMASK

    def refuse(mask: int) -> int:
        raise AssertionError("os.umask called while writing")

    monkeypatch.setattr(os, "umask", refuse)
    errors: list[BaseException] = []

    def write(number: int) -> None:
        try:
            for step in range(20):
                write_atomic(tmp_path / f"f{number}-{step}", b"x")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert {mode(p) for p in tmp_path.iterdir()} == {filemodes.new_file_mode()}


def test_an_import_of_a_private_file_is_private(tmp_path: Path) -> None:
    from briefbook.cli import main

    notes = tmp_path / "notes.md"
    notes.write_text("# Programme\n\nVienna.\n", encoding="utf-8")
    os.chmod(notes, 0o600)
    out = tmp_path / "notes.brief.yaml"
    assert main(["import", str(notes), "-o", str(out)]) == 0
    assert mode(out) == 0o600
