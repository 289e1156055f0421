"""briefbook never opens a network connection: load, validate, import, export and the app
with its live preview run with every socket refused."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

import briefbook
from briefbook.core.fileformat import validate
from briefbook.core.templates import example_path


class _NoSockets(socket.socket):
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise AssertionError("briefbook tried to open a network socket")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "socket", _NoSockets)
    monkeypatch.setattr(socket, "create_connection", _NoSockets)
    monkeypatch.setattr(socket, "getaddrinfo", _NoSockets)


def test_load_validate_export_offline(no_network: None, tmp_path: Path) -> None:
    brief = briefbook.load(example_path())
    assert validate(example_path()) == []
    briefbook.save(brief, tmp_path / "b.brief.yaml")
    result = briefbook.export_pdf(brief, tmp_path / "b.pdf")
    assert result.page_count > 1


def test_import_offline(no_network: None, data_dir: Path) -> None:
    pytest.importorskip("briefbook.core.importing")
    text = "Visit\n\nKey points\n- one\n- two\n\nA | B |\n---|---|\n1 | 2 |\n"
    brief = briefbook.import_text(text)
    assert brief.sections


def _inet_socket_inodes() -> set[str]:
    """The inodes of this process's open internet sockets (TCP, UDP, raw; IPv4 and 6)."""
    ours = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            ours.add(target[len("socket:[") : -1])
    inet = set()
    for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6"):
        try:
            lines = (Path("/proc/self/net") / table).read_text().splitlines()[1:]
        except OSError:
            continue
        inet.update(line.split()[9] for line in lines if len(line.split()) > 9)
    return ours & inet


@pytest.mark.skipif(not Path("/proc/self/net/tcp").exists(), reason="Linux /proc")
def test_the_app_and_its_preview_offline(
    no_network: None, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window opens the example, renders the preview in its worker, re-renders after
    an edit, and exports: with Python's sockets refused, and no internet socket of Qt's
    own open at any point."""
    pytest.importorskip("PySide6.QtPdf")
    from PySide6.QtWidgets import QMessageBox

    from briefbook.gui.app import open_window
    from briefbook.gui.settings import Settings
    from briefbook.gui.workers import wait_for_workers
    from tests.gui.helpers import wait_render

    monkeypatch.setenv("BRIEFBOOK_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))
    assert _inet_socket_inodes() == set()
    window = open_window(None, Settings())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.preview.pages_shown, timeout=60_000):
        window.show()
    window.sections.add_blank.trigger()
    wait_render(qtbot, window)
    assert window.previewer.last_full is not None and window.previewer.last_full.page_count > 1
    assert _inet_socket_inodes() == set()
    window.document.undo_stack.setClean()
    window.close()
    wait_for_workers()
    assert _inet_socket_inodes() == set()
