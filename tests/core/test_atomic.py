"""Atomic writes: failures leave the earlier file intact and no temporary file behind."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from briefbook.core.safety import atomic
from briefbook.core.safety.atomic import write_atomic
from briefbook.errors import FileAccessError


def test_replaces_content(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(tmp_path) == ["f.txt"]


def test_disk_full_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "f.txt"
    write_atomic(target, b"precious")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(FileAccessError, match="No space left on device"):
        write_atomic(target, b"new" * 1000)
    assert target.read_bytes() == b"precious"
    assert os.listdir(tmp_path) == ["f.txt"]


@pytest.mark.parametrize("name", ["bad\0name.pdf", "x" * 300 + ".pdf"])
def test_refused_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(FileAccessError):
        write_atomic(tmp_path / name, b"data")
    assert os.listdir(tmp_path) == []


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="No such file"):
        write_atomic(tmp_path / "nope" / "f.txt", b"data")


@pytest.mark.parametrize("name", ["bad\0name.brief.yaml", "x" * 300 + ".brief.yaml"])
def test_saving_a_brief_under_a_refused_name(tmp_path: Path, name: str) -> None:
    from briefbook.core.fileformat import save
    from briefbook.core.model import Brief

    with pytest.raises(FileAccessError):
        save(Brief(), tmp_path / name)
    assert os.listdir(tmp_path) == []
