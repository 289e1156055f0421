"""The app's problem details list a flood of one message as its first places and a count."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from briefbook.core.fileformat import load
from briefbook.errors import BriefFormatError
from briefbook.gui.dialogs.errors import show_error


def test_a_flood_of_problems_shows_a_short_list(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "empty-sections.brief.yaml"
    path.write_text("briefbook: 1\nsections:\n" + "-\n" * 20_000, encoding="utf-8")
    with pytest.raises(BriefFormatError) as caught:
        load(path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.detailedText()) or 0)
    show_error(None, "Could not open the brief", caught.value)
    (details,) = shown
    lines = details.splitlines()
    assert len(lines) == 6
    assert lines[0].startswith(f"{path}:3:2: a section should be a mapping")
    assert lines[-1] == f"{path}: … and 19,995 more like this"
