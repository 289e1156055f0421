"""Pictures and the brief's folder in the app: Save As keeps them pointing at the same
files, and pictures from outside the folder are embedded only when the user allows."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefbook.core import model as m
from briefbook.core.fileformat import load, save
from briefbook.gui.app import open_window
from briefbook.gui.settings import Settings
from briefbook.gui.window.mainwindow import MainWindow
from briefbook.gui.workers import wait_for_workers
from tests.gui.helpers import wait_render


def picture(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shade = sum(path.name.encode()) % 200  # a different picture for each name
    Image.new("RGB", (60, 40), (20, shade, 60)).save(path)
    return path


def pictured_brief(
    folder: Path, logo: str = "images/logo.png", image: str = "images/map.png"
) -> Path:
    picture(folder / "images" / "logo.png")
    picture(folder / "images" / "map.png")
    picture(folder / "images" / "face.png")
    brief = m.Brief(
        meta=m.Meta(title="Pictures", logo=logo),
        sections=[
            m.Section(
                "Maps",
                [
                    m.ImageBlock(image, "The venue"),
                    m.PeopleBlock([m.Person("A. Person", photo="images/face.png")]),
                ],
            )
        ],
    )
    path = folder / "visit.brief.yaml"
    save(brief, path)
    return path


def images_in(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def opened(qtbot) -> Iterator[list[MainWindow]]:
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        window.document.undo_stack.setClean()
        window.close()
    wait_for_workers()


def open_ready(qtbot, path: Path, opened: list[MainWindow]) -> MainWindow:
    window = open_window(path, Settings(started_before=True))
    qtbot.addWidget(window)
    opened.append(window)
    with qtbot.waitSignal(window.preview.pages_shown, timeout=60_000):
        window.show()
    qtbot.waitUntil(lambda: window.document.path == path, timeout=60_000)
    wait_render(qtbot, window)
    return window


def save_as(window: MainWindow, target: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    return window.files.save_as()


def test_save_as_into_another_folder_keeps_the_pictures(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_prompts: list[str],
    opened: list[MainWindow],
) -> None:
    window = open_ready(qtbot, pictured_brief(tmp_path / "visit"), opened)
    assert window.previewer.last_full is not None
    assert window.previewer.last_full.warnings == []
    target = tmp_path / "archive" / "2025" / "visit.brief.yaml"
    target.parent.mkdir(parents=True)
    assert save_as(window, target, monkeypatch)
    saved = load(target)
    assert saved.meta.logo == "../../visit/images/logo.png"
    assert saved.sections[0].blocks[0].path == "../../visit/images/map.png"
    assert saved.sections[0].blocks[1].people[0].photo == "../../visit/images/face.png"
    assert window.document.brief == saved and not window.document.is_modified
    (warning,) = no_prompts
    assert "3 pictures of this brief are now outside its folder" in warning
    assert "../../visit/images/map.png" in warning
    wait_render(qtbot, window)  # the user's own pictures still show in this session
    assert window.previewer.last_full.warnings == []
    assert images_in(window.previewer.last_full.pdf) == 3
    window.document.undo_stack.undo()  # the path update is one undoable step
    assert window.document.brief.meta.logo == "images/logo.png"


def test_save_as_into_a_parent_folder_keeps_them_inside(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_prompts: list[str],
    opened: list[MainWindow],
) -> None:
    window = open_ready(qtbot, pictured_brief(tmp_path / "visit"), opened)
    assert save_as(window, tmp_path / "visit copy.brief.yaml", monkeypatch)
    saved = load(tmp_path / "visit copy.brief.yaml")
    assert saved.sections[0].blocks[0].path == "visit/images/map.png"
    assert saved.meta.logo == "visit/images/logo.png"
    assert no_prompts == []


def test_save_as_in_the_same_folder_changes_nothing(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_prompts: list[str],
    opened: list[MainWindow],
) -> None:
    window = open_ready(qtbot, pictured_brief(tmp_path), opened)
    count = window.document.undo_stack.count()
    assert save_as(window, tmp_path / "second.brief.yaml", monkeypatch)
    assert load(tmp_path / "second.brief.yaml").meta.logo == "images/logo.png"
    assert window.document.undo_stack.count() == count and no_prompts == []


def embed_when_asked(monkeypatch: pytest.MonkeyPatch, asked: list[str], embed: bool) -> None:
    """Answer the outside-pictures question with a click on one of its buttons."""
    chosen: dict[str, object] = {}

    def exec_(box: QMessageBox) -> int:
        asked.append(f"{box.text()} {box.informativeText()}")
        label = "Embed Them" if embed else "Leave Them Out"
        chosen["button"] = next(b for b in box.buttons() if b.text() == label)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: chosen.get("button"))


@pytest.mark.parametrize("embed", [False, True])
def test_pictures_from_outside_are_asked_about_once(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[MainWindow], embed: bool
) -> None:
    secret = picture(tmp_path / "private" / "secret.png")
    path = pictured_brief(tmp_path / "received", image=str(secret))
    asked: list[str] = []
    embed_when_asked(monkeypatch, asked, embed)
    window = open_ready(qtbot, path, opened)
    (question,) = asked
    assert "names 1 picture from outside its folder" in question and str(secret) in question
    result = window.previewer.last_full
    assert result is not None
    if embed:
        assert result.warnings == [] and images_in(result.pdf) == 3
    else:
        (warning,) = result.warnings
        assert "outside the brief's folder" in warning.message
        assert images_in(result.pdf) == 2
    from briefbook.gui.dialogs.export import ExportDialog

    dialog = ExportDialog(window.document, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(tmp_path / "out.pdf"))
    dialog.open_after.setChecked(False)
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000):
        dialog.export_button.click()
    assert len(asked) == (1 if embed else 2)  # left out: asked again before the export
    assert images_in((tmp_path / "out.pdf").read_bytes()) == (3 if embed else 2)


def test_a_picture_chosen_with_browse_comes_into_the_folder(
    qtbot, tmp_path: Path, no_prompts: list[str], opened: list[MainWindow]
) -> None:
    from briefbook.gui.editors.image import path_for_brief

    window = open_ready(qtbot, pictured_brief(tmp_path / "visit"), opened)
    chosen = picture(tmp_path / "elsewhere" / "photo.png")
    assert path_for_brief(window.document, chosen) == "images/photo.png"
    assert (tmp_path / "visit" / "images" / "photo.png").read_bytes() == chosen.read_bytes()
    assert (
        path_for_brief(window.document, tmp_path / "visit" / "images" / "map.png")
        == "images/map.png"
    )


def test_a_home_folder_of_an_unknown_user_is_just_a_missing_picture(
    qtbot, tmp_path: Path, no_prompts: list[str], opened: list[MainWindow]
) -> None:
    path = pictured_brief(tmp_path / "visit", logo="~nosuchuser0/logo.png", image="~0")
    window = open_ready(qtbot, path, opened)
    window.tree.select_path(None)  # the cover editor shows the logo's thumbnail
    window.tree.select_path((0,))  # the section editor shows the image's
    wait_render(qtbot, window)
    messages = [w.message for w in window.previewer.last_full.warnings]
    assert len(messages) == 2 and all("file not found" in text for text in messages)
    assert no_prompts == []
