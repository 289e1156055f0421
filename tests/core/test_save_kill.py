"""A save killed at any moment leaves the old brief or the new one, complete."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefbook.core import fileformat as ff
from briefbook.core import model as m

SAVER = """
import sys
from briefbook.core import fileformat as ff
from briefbook.core import model as m

target = sys.argv[1]
briefs = []
for version in ("A", "B"):
    sections = [m.Section(f"Section {version} {i}", [m.TextBlock(version * 2000)])
                for i in range(60)]
    briefs.append(m.Brief(m.Meta(title=f"Version {version}"), sections))
print("ready", flush=True)
i = 0
while True:
    ff.save(briefs[i % 2], target)
    i += 1
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killed_saves_never_leave_a_broken_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.brief.yaml"
    ff.save(m.Brief(m.Meta(title="Version A")), target)
    os.chmod(target, 0o600)  # a restricted brief: no copy of it may be readable by others
    rng = random.Random(20261125)
    kills = 40
    for _ in range(kills):
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(target)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.05))  # a random moment in the save loop, not a check
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        brief = ff.load(target)
        assert brief.meta.title in ("Version A", "Version B")
        letter = brief.meta.title[-1]
        if brief.sections:
            assert all(s.title.startswith(f"Section {letter}") for s in brief.sections)
        backup = ff.backup_path(target)
        if backup.exists():
            ff.load(backup)  # the backup is complete too
            assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        for name in os.listdir(tmp_path):  # a killed save's temporary file is private too
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) & 0o077 == 0
    # the next save removes what the killed ones left behind
    ff.save(m.Brief(m.Meta(title="Version C")), target)
    assert sorted(os.listdir(tmp_path)) == ["brief.brief.yaml", "brief.brief.yaml~"]


def test_save_keeps_the_previous_version(tmp_path: Path) -> None:
    target = tmp_path / "b.brief.yaml"
    ff.save(m.Brief(m.Meta(title="first")), target)
    assert not ff.backup_path(target).exists()
    ff.save(m.Brief(m.Meta(title="second")), target)
    assert ff.load(ff.backup_path(target)).meta.title == "first"
    ff.save(m.Brief(m.Meta(title="second")), target)  # unchanged: the backup stays
    assert ff.load(ff.backup_path(target)).meta.title == "first"
    assert ff.load(target).meta.title == "second"


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_read_only_folder(tmp_path: Path) -> None:
    target = tmp_path / "b.brief.yaml"
    ff.save(m.Brief(m.Meta(title="first")), target)
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ff.FileAccessError):
            ff.save(m.Brief(m.Meta(title="second")), target)
    finally:
        tmp_path.chmod(0o700)
    assert ff.load(target).meta.title == "first"
