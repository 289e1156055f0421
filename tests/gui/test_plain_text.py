"""Text from a brief is shown as plain text in every dialog, label and tooltip (issue 14).

A hostile brief (tests/data/hostile/gui/hostile-logo.brief.yaml) names its logo with
HTML; Qt would render such text as rich text if it merely looked like HTML.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from briefbook.core import model as m
from briefbook.core.fileformat import load
from briefbook.core.imagepaths import ImageRef
from briefbook.errors import BriefbookError
from briefbook.gui.dialogs import plain
from briefbook.gui.dialogs.errors import show_error
from briefbook.gui.editing.document import Document
from briefbook.gui.safety.outside import ask_outside_images, not_yet_allowed
from briefbook.gui.safety.relocate import warn_now_outside
from briefbook.render.pictures.loading import ImagePolicy, load_image

HOSTILE = Path(__file__).parents[1] / "data" / "hostile" / "gui" / "hostile-logo.brief.yaml"
EVIL = "<b>x</b><a href='https://example.org'>Your pictures are fine.</a><br><br><br>logo.png"


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Each message box shown (not run modally; its default button is the answer)."""
    boxes: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        boxes.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return boxes


def all_plain(box: QMessageBox) -> bool:
    labels = [label for label in box.findChildren(QLabel) if label.text()]
    return bool(labels) and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def shows_literally(html: str, text: str) -> bool:
    """Whether ``html`` (given to something that guesses its format) displays ``text``."""
    document = QTextDocument()
    document.setHtml(html)
    return text in document.toPlainText()


def test_the_outside_pictures_warning_shows_the_path_as_text(
    qtbot, tmp_path: Path, shown: list[QMessageBox]
) -> None:
    folder = tmp_path / "received"
    folder.mkdir()
    path = folder / "talks.brief.yaml"
    shutil.copy(HOSTILE, path)
    document = Document(load(path), path)
    assert not ask_outside_images(None, document)
    (box,) = shown
    assert all_plain(box)
    assert EVIL in box.informativeText()
    assert "A brief received from someone else could use this" in box.informativeText()


def test_error_and_relocation_dialogs_are_plain(
    qtbot, tmp_path: Path, shown: list[QMessageBox]
) -> None:
    show_error(None, f"Could not open {EVIL}", BriefbookError(f"{EVIL}: line 3: bad"))
    warn_now_outside(None, [ImageRef(EVIL, "meta", "logo")], tmp_path / "<i>x</i>.brief.yaml")
    assert len(shown) == 2 and all(all_plain(box) for box in shown)
    assert EVIL in shown[0].text() and EVIL in shown[1].informativeText()


def test_questions_and_tooltips_show_text_literally(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    plain.ask(
        None,
        "Unsaved changes",
        f"“{EVIL}” has changes.\n\nSave them?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    assert shows_literally(asked[0], f"“{EVIL}” has changes.")
    assert shows_literally(plain.tooltip(EVIL), EVIL)


def test_the_section_tree_tooltip_shows_the_title_literally(qtbot) -> None:
    from briefbook.gui.window.sections import SectionTreeModel

    title = "<i>Programme</i> <img src='x'>"
    model = SectionTreeModel(Document(m.Brief(sections=[m.Section(title)])))
    tip = model.data(model.index_of((0,)), Qt.ItemDataRole.ToolTipRole)
    assert shows_literally(tip, f"{title}: 0 blocks")


def test_labels_showing_brief_text_are_plain(qtbot, tmp_path: Path) -> None:
    from briefbook.gui.dialogs.compare import CompareDialog
    from briefbook.gui.dialogs.export import ExportDialog
    from briefbook.gui.settings import Settings
    from briefbook.gui.window.find import FindBar

    brief = m.Brief(meta=m.Meta(title=EVIL), sections=[m.Section(EVIL)])
    document = Document(brief, tmp_path / "talks.brief.yaml")
    export = ExportDialog(document, Settings())
    qtbot.addWidget(export)
    compare = CompareDialog(document, Settings(), tmp_path / "<b>old</b><br>.yaml")
    qtbot.addWidget(compare)
    qtbot.waitUntil(lambda: compare._task is None, timeout=30_000)
    find = FindBar()
    qtbot.addWidget(find)
    for label in (export.status, export.files_label, compare.status, find.message):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>old</b><br>.yaml: no such file" in compare.status.text()


# --- symbolic links: named and decided by the file they point to ----------------------


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_inside_the_folder_to_a_file_outside_is_outside(
    qtbot, tmp_path: Path, shown: list[QMessageBox]
) -> None:
    secret = tmp_path / "private" / "passport.png"
    secret.parent.mkdir()
    Image.new("RGB", (20, 20), (200, 10, 10)).save(secret)
    folder = tmp_path / "received"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "logo.png").symlink_to(secret)
    Image.new("RGB", (20, 20)).save(folder / "images" / "own.png")
    (folder / "images" / "alias.png").symlink_to("own.png")  # a link that stays inside
    brief = m.Brief(
        meta=m.Meta(logo="images/logo.png"),
        sections=[m.Section("Maps", [m.ImageBlock("images/alias.png")])],
    )
    brief.source = folder / "talks.brief.yaml"
    document = Document(brief, brief.source)
    assert [ref.path for ref in not_yet_allowed(document)] == ["images/logo.png"]
    ask_outside_images(None, document)
    (box,) = shown
    assert f"images/logo.png → {secret}" in box.informativeText()
    # the renderer decides the same way, on the same file
    policy = ImagePolicy(folder)
    assert not policy.permits("images/logo.png") and policy.permits("images/alias.png")
    assert load_image("images/logo.png", folder, policy).reason.startswith("outside")
    assert not hasattr(load_image("images/alias.png", folder, policy), "reason")
