"""Pipes, devices and folders named as a file: refused at once with one clear line.

A FIFO or ``/dev/zero`` passes a size check (its ``st_size`` is 0); read as a file it
hangs or fills the memory. Every place that reads a file the user named goes through
``read_user_file``, which opens without blocking and checks what it opened.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefbook.cli import main
from briefbook.core.distribution.copies import read_recipients
from briefbook.core.fileformat import load, validate
from briefbook.core.importing import import_file
from briefbook.core.safety.safe_read import FileTooLargeError, read_user_file
from briefbook.errors import FileAccessError
from briefbook.render.pictures.loading import ImageFailure, load_image

DOSSIER = Path(__file__).parents[1] / "data" / "dossier.brief.yaml"


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A read that blocks on a pipe fails the test instead of hanging the run."""

    def give_up(*_: object) -> None:
        raise AssertionError("reading blocked")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture(params=["fifo", "dev-zero", "folder"])
def special(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    if request.param == "fifo":
        path = tmp_path / "pipe.brief.yaml"
        os.mkfifo(path)
        return path
    if request.param == "folder":
        path = tmp_path / "folder.brief.yaml"
        path.mkdir()
        return path
    return Path("/dev/zero")


READERS: dict[str, Callable[[Path], object]] = {
    "brief": load,
    "import": import_file,
    "recipients": read_recipients,
}


@pytest.mark.parametrize("reader", READERS, ids=list(READERS))
def test_every_reader_refuses_a_special_file(reader: str, special: Path) -> None:
    with pytest.raises(FileAccessError) as caught:
        READERS[reader](special)
    message = str(caught.value)
    assert message.startswith(f"{special}: this is ")
    assert "not a regular file" in message or "folder" in message


def test_validate_lists_the_special_file_as_its_one_problem(special: Path) -> None:
    problems = validate(special)
    assert len(problems) == 1 and "this is " in str(problems[0])


@pytest.mark.parametrize("option", ["--recipients", "--password-file", "--changes-since"])
def test_export_options_naming_a_special_file_exit_2_with_one_line(
    option: str, special: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["export", str(DOSSIER), "-o", str(tmp_path / "out.pdf"), option, str(special)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and str(special) in err and "Traceback" not in err
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("command", [["validate"], ["import"], ["diff", str(DOSSIER)]])
def test_commands_naming_a_special_file_exit_2(
    command: list[str], special: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, str(special)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "not a regular file" in err or "folder" in err


def test_a_picture_that_is_a_pipe_is_left_out_with_its_reason(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "logo.png")
    failure = load_image("logo.png", tmp_path)
    assert isinstance(failure, ImageFailure)
    assert "pipe" in failure.reason


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(FileTooLargeError) as caught:
        read_user_file(path, "a list", 1000)
    assert caught.value.size == 2000
    assert read_user_file(path, "a list", 2000) == b"x" * 2000


def test_the_check_is_on_what_was_opened_not_on_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A regular file swapped for a pipe between any check and the open is still refused."""
    path = tmp_path / "swap.brief.yaml"
    path.write_text("briefbook: 1\n", encoding="utf-8")
    real_open = os.open

    def swapping_open(name: object, flags: int, *args: object) -> int:
        if Path(str(name)) == path:
            path.unlink()
            os.mkfifo(path)
        return real_open(name, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", swapping_open)
    with pytest.raises(FileAccessError, match="pipe"):
        read_user_file(path, "a brief", 1 << 20)
