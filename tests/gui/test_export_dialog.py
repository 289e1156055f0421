"""The export dialog's options: e-mail profile with its size estimate, numbered copies,
recipients and a password, driven offscreen as a user would."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.photos import dossier_pictures

from briefbook.gui.dialogs.export import ExportDialog
from briefbook.gui.settings import settings_path
from briefbook.gui.window.mainwindow import MainWindow
from briefbook.gui.workers import wait_for_workers
from tests.gui.conftest import open_ready

DOSSIER = Path(__file__).parents[1] / "data" / "dossier.brief.yaml"


@pytest.fixture
def dossier_window(qtbot, tmp_path: Path, no_prompts: list[str]) -> Iterator[MainWindow]:
    """The app on the test dossier (four markings, three editions, photos)."""
    folder = tmp_path / "brief"
    folder.mkdir()
    shutil.copy(DOSSIER, folder / "summit.brief.yaml")
    dossier_pictures(folder)
    win = open_ready(qtbot, folder / "summit.brief.yaml")
    yield win
    win.close()
    wait_for_workers()


def dialog_for(qtbot, window: MainWindow, target: Path) -> ExportDialog:
    dialog = ExportDialog(window.document, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(target))
    dialog.open_after.setChecked(False)
    return dialog


def estimate(qtbot, dialog: ExportDialog) -> int:
    """Wait for the size estimate of the current choices."""
    with qtbot.waitSignal(dialog.size_estimate.estimated, timeout=60_000) as blocker:
        dialog.size_estimate.estimate_now()
    return int(blocker.args[0])


def export(qtbot, dialog: ExportDialog) -> None:
    assert dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_export, timeout=120_000):
        dialog.export_button.click()


def test_email_profile_estimate_and_achieved_size(
    qtbot, dossier_window: MainWindow, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, dossier_window, tmp_path / "print.pdf")
    dialog.show()
    assert not dialog.profile.dpi.isVisible()
    print_estimate = estimate(qtbot, dialog)
    export(qtbot, dialog)
    print_size = (tmp_path / "print.pdf").stat().st_size
    dialog.profile.profile.setCurrentIndex(dialog.profile.profile.findData("email"))
    assert dialog.profile.dpi.isVisible() and dialog.profile.dpi.value() == 150
    email_estimate = estimate(qtbot, dialog)
    assert "within the e-mail target of 10.0 MB" in dialog.size_estimate.text()
    assert email_estimate * 10 < print_estimate
    dialog.destination.setText(str(tmp_path / "email.pdf"))
    export(qtbot, dialog)
    email_size = (tmp_path / "email.pdf").stat().st_size
    assert email_size * 10 < print_size
    assert abs(email_size - email_estimate) < email_estimate * 0.05
    assert "within the e-mail target" in dialog.status.text()
    dialog.profile.dpi.setValue(72)
    assert estimate(qtbot, dialog) < email_estimate


def test_numbered_copies_of_an_edition(qtbot, dossier_window: MainWindow, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, dossier_window, tmp_path / "talks.pdf")
    dialog.edition.setCurrentIndex(dialog.edition.findData("press"))
    dialog.copies.set_mode("count")
    dialog.copies.count.setValue(3)
    assert "3 files, the first “talks copy 01.pdf”" in dialog.files_label.text()
    estimate(qtbot, dialog)
    assert dialog.size_estimate.text().endswith(", for each copy")
    export(qtbot, dialog)
    assert len(dialog.results) == 3 and "3 copies" in dialog.status.text()
    for number in (1, 2, 3):
        reader = PdfReader(tmp_path / f"talks copy 0{number}.pdf")
        assert all(f"Copy {number} of 3" in page.extract_text() for page in reader.pages)
        assert "Edition: press" in reader.pages[1].extract_text()
    assert not (tmp_path / "talks.pdf").exists()


def test_one_copy_per_recipient(qtbot, dossier_window: MainWindow, tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("# delegation\nJane Doe\n\nO'Brien <b>&</b> Co\n", encoding="utf-8")
    dialog = dialog_for(qtbot, dossier_window, tmp_path / "talks.pdf")
    dialog.copies.set_mode("names")
    assert not dialog.export_button.isEnabled()  # no names yet
    assert "no names" in dialog.files_label.text()
    dialog.copies.load_file(names)
    assert dialog.copies.names.toPlainText() == "Jane Doe\nO'Brien <b>&</b> Co"
    export(qtbot, dialog)
    reader = PdfReader(tmp_path / "talks copy 02 O'Brien b & b Co.pdf")
    assert "Copy 2 of 2 – O'Brien <b>&</b> Co" in reader.pages[0].extract_text()


def test_password_needs_confirming_and_is_never_stored(
    qtbot, dossier_window: MainWindow, tmp_path: Path
) -> None:
    brief_file = dossier_window.document.path
    assert brief_file is not None
    target = tmp_path / "locked.pdf"
    dialog = dialog_for(qtbot, dossier_window, target)
    dialog.show()
    dialog.password.password.setText("harbour-2025")
    assert not dialog.export_button.isEnabled()
    assert dialog.password.message.text() == "Type the password again."
    dialog.password.confirm.setText("harbour-2024")
    assert dialog.password.message.text() == "The two passwords differ."
    assert not dialog.export_button.isEnabled()
    dialog.password.password.setText("abc")
    dialog.password.confirm.setText("abc")
    assert "at least 6" in dialog.password.message.text()
    dialog.password.password.setText("harbour-2025")
    dialog.password.confirm.setText("harbour-2025")
    assert dialog.export_button.isEnabled() and not dialog.password.message.isVisible()
    export(qtbot, dialog)
    reader = PdfReader(target)
    assert reader.is_encrypted and not reader.decrypt("harbour-2024")
    reader = PdfReader(target)
    assert reader.decrypt("harbour-2025")
    assert "Harbour summit" in reader.pages[0].extract_text()
    dialog.reject()
    assert dialog.password.password.text() == ""
    dossier_window.files.save()
    for stored in (settings_path(), brief_file):
        assert "harbour-2025" not in stored.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["summit.brief.yaml", "summit.brief.yaml~"])
def test_an_export_onto_the_brief_is_refused_with_a_dialog(
    qtbot, dossier_window: MainWindow, no_prompts: list[str], name: str
) -> None:
    brief = dossier_window.document.path
    assert brief is not None
    before = brief.read_bytes()
    dialog = dialog_for(qtbot, dossier_window, brief.parent / name)
    dialog.export_button.click()
    assert len(no_prompts) == 1 and "is a brief file" in no_prompts[0]
    assert dialog._task is None and brief.read_bytes() == before
    assert not list(brief.parent.glob("*.pdf"))


def test_the_default_name_follows_the_edition_and_the_email_profile(
    qtbot, dossier_window: MainWindow
) -> None:
    dialog = ExportDialog(dossier_window.document, dossier_window.settings, dossier_window)
    qtbot.addWidget(dialog)
    plain = Path(dialog.destination.text()).name
    dialog.profile.profile.setCurrentIndex(dialog.profile.profile.findData("email"))
    email = Path(dialog.destination.text()).name
    dialog.edition.setCurrentIndex(dialog.edition.findData("press"))
    both = Path(dialog.destination.text()).name
    assert email == plain.replace(".pdf", " email.pdf")
    assert both == plain.replace(".pdf", " press email.pdf")


def test_archival_export_has_no_password_and_declares_pdfa(
    qtbot, dossier_window: MainWindow, tmp_path: Path
) -> None:
    import pikepdf

    target = tmp_path / "archive.pdf"
    dialog = dialog_for(qtbot, dossier_window, target)
    dialog.show()
    dialog.password.password.setText("a long secret")
    dialog.password.confirm.setText("a long secret")
    dialog.password.archival.setChecked(True)
    assert dialog.password.value() == "" and not dialog.password.password.isEnabled()
    assert dialog.export_choices().pdfa
    export(qtbot, dialog)
    with pikepdf.open(target) as pdf, pdf.open_metadata() as meta:
        assert meta["pdfaid:part"] == "2" and "/Encrypt" not in pdf.trailer
