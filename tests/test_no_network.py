"""briefbook never opens a network connection: load, validate, import and export run with
every socket refused."""

from __future__ import annotations

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
