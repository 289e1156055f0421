"""Never lose a file: saving through a link, over a read-only file, and the temporary
files a killed write leaves (issue 14)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefbook.core import model as m
from briefbook.core.fileformat import backup_path, load, save
from briefbook.core.safety import tempfiles
from briefbook.core.safety.atomic import ReadOnlyFileError, write_atomic
from briefbook.render.api import export_pdf
from briefbook.render.options import RenderOptions

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX links and modes")


def brief(title: str) -> m.Brief:
    return m.Brief(
        meta=m.Meta(title=title),
        sections=[m.Section(title="Programme", blocks=[m.TextBlock("Vienna.")])],
    )


@posix
def test_saving_through_a_link_replaces_its_target(tmp_path: Path) -> None:
    real_folder = tmp_path / "sync"
    real_folder.mkdir()
    real = real_folder / "talks.brief.yaml"
    save(brief("v1"), real)
    os.chmod(real, 0o600)
    link = tmp_path / "talks.brief.yaml"
    link.symlink_to(Path("sync") / "talks.brief.yaml")
    save(brief("v2"), link)
    assert link.is_symlink() and os.readlink(link) == str(Path("sync") / "talks.brief.yaml")
    assert load(real).meta.title == "v2"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    # the backup is kept beside the file itself, with its mode
    assert backup_path(link) == real_folder / "talks.brief.yaml~"
    assert load(backup_path(link)).meta.title == "v1"
    assert stat.S_IMODE(backup_path(link).stat().st_mode) == 0o600
    assert sorted(os.listdir(tmp_path)) == ["sync", "talks.brief.yaml"]


@posix
def test_a_link_as_the_backup_is_followed_too(tmp_path: Path) -> None:
    path = tmp_path / "talks.brief.yaml"
    save(brief("v1"), path)
    kept = tmp_path / "kept.yaml"
    kept.write_text("older")
    (tmp_path / "talks.brief.yaml~").symlink_to("kept.yaml")
    save(brief("v2"), path)
    assert (tmp_path / "talks.brief.yaml~").is_symlink()
    assert load(kept).meta.title == "v1"


@posix
def test_a_link_loop_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(Exception, match="too many symbolic links"):
        write_atomic(tmp_path / "a", b"x")


def test_saving_over_a_read_only_brief_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "talks.brief.yaml"
    save(brief("v1"), path)
    before = path.read_bytes()
    os.chmod(path, 0o444)
    with pytest.raises(ReadOnlyFileError, match="read-only"):
        save(brief("v2"), path)
    assert path.read_bytes() == before
    assert not backup_path(path).exists()
    assert os.listdir(tmp_path) == ["talks.brief.yaml"]
    save(brief("v2"), path, replace_read_only=True)  # the app's "Save Anyway"
    assert load(path).meta.title == "v2"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_exporting_over_a_read_only_pdf_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "talks.pdf"
    out.write_bytes(b"%PDF-1.4 earlier")
    os.chmod(out, 0o444)
    with pytest.raises(ReadOnlyFileError):
        export_pdf(brief("v1"), out)
    assert out.read_bytes() == b"%PDF-1.4 earlier"
    export_pdf(brief("v1"), out, RenderOptions(replace_read_only=True))
    assert out.read_bytes().startswith(b"%PDF")
    assert out.stat().st_size > 100


# --- stale temporary files ------------------------------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporary_files_of_ours_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / f".talks.pdf.bb{tempfiles.HOST}-{_dead_pid()}-abcd1234.tmp"
    old = tmp_path / ".talks.pdf.bb000000-1-abcd1234.tmp"  # another computer's, an hour old
    earlier = tmp_path / ".talks.pdf.k2j4h5g6.tmp"  # written by an earlier briefbook
    live = tmp_path / f".talks.pdf.bb{tempfiles.HOST}-{os.getppid()}-abcd1234.tmp"
    fresh_other = tmp_path / ".talks.pdf.bb000000-1-zzzz1234.tmp"
    fresh_earlier = tmp_path / ".notes.pdf.k2j4h5g7.tmp"
    not_ours = [
        tmp_path / ".talks.pdf.swp.tmp",
        tmp_path / ".report.docx.abcd1234.tmp",
        tmp_path / "talks.pdf.bb000000-1-abcd1234.tmp",
    ]
    for file in (dead, old, earlier, live, fresh_other, fresh_earlier, *not_ours):
        file.write_bytes(b"partial")
    hour_ago = time.time() - 3600
    for file in (old, earlier, *not_ours):
        os.utime(file, (hour_ago, hour_ago))
    export_pdf(brief("v1"), tmp_path / "other.pdf")
    left = set(os.listdir(tmp_path))
    assert dead.name not in left and old.name not in left and earlier.name not in left
    for file in (live, fresh_other, fresh_earlier, *not_ours):
        assert file.name in left
    assert "other.pdf" in left


def test_a_killed_export_leaves_a_temporary_file_the_next_one_removes(tmp_path: Path) -> None:
    script = (
        "import os, sys\n"
        "from briefbook.core.safety import atomic\n"
        "real = atomic.os.replace\n"
        "def die(src, dst):\n"
        "    os.kill(os.getpid(), 9)\n"
        "atomic.os.replace = die\n"
        "atomic.write_atomic(__import__('pathlib').Path(sys.argv[1]), b'%PDF' * 100000)\n"
    )
    target = tmp_path / "talks.pdf"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    done = subprocess.run([sys.executable, "-c", script, str(target)], env=env, check=False)
    assert done.returncode != 0
    partial = [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]
    assert len(partial) == 1 and partial[0].startswith(".talks.pdf.bb")
    export_pdf(brief("v1"), target)
    assert os.listdir(tmp_path) == ["talks.pdf"]


def test_a_target_name_near_the_limit_still_gets_a_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / ("Ministerial talks " * 13)[:240].replace(" ", "-")
    target = target.with_name(target.name + ".pdf")
    write_atomic(target, b"%PDF")
    assert os.listdir(tmp_path) == [target.name]
