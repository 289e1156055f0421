"""File > Export Pocket Card, Export Itinerary, Compare with Earlier Version, offscreen."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from briefbook.core.compare.diff import diff_briefs
from briefbook.core.fileformat import save
from briefbook.core.model import Brief, Meta, Section, TextBlock
from briefbook.gui.dialogs.compare import CompareDialog, changes_html
from briefbook.gui.dialogs.road import EVERYONE, RoadExportDialog
from briefbook.gui.window.mainwindow import MainWindow
from gui.helpers import pdf_text


def test_the_file_menu_offers_them(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions()]
    start = texts.index("&Export PDF…")
    assert texts[start + 1 : start + 4] == [
        "Export Poc&ket Card…",
        "Export &Itinerary…",
        "Co&mpare with Earlier Version…",
    ]


def test_export_a_pocket_card(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = RoadExportDialog(window.document, window.settings, "pocket", window)
    qtbot.addWidget(dialog)
    assert dialog.destination.text().endswith("2025-06-12 Visit to Italy v3 pocket card.pdf")
    target = tmp_path / "card.pdf"
    dialog.destination.setText(str(target))
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000):
        dialog.export_button.click()
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert round(float(reader.pages[0].mediabox.width)) == 298
    assert "Meeting with the Minister of Defence" in pdf_text(target.read_bytes())
    assert "card.pdf: 3 cards" in dialog.status.text()
    dialog.close()


def test_export_one_itinerary(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = RoadExportDialog(window.document, window.settings, "itinerary", window)
    qtbot.addWidget(dialog)
    dialog.person.setCurrentIndex(dialog.person.findData("Chief of Defence"))
    assert dialog.destination.text().endswith("v3 itinerary Chief of Defence.pdf")
    target = tmp_path / "cod.pdf"
    dialog.destination.setText(str(target))
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000):
        dialog.export_button.click()
    text = pdf_text(target.read_bytes())
    assert "Meeting with the Chief of Defence" in text
    assert "Joint press conference" not in text
    dialog.close()


def test_export_every_itinerary(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = RoadExportDialog(window.document, window.settings, "itinerary", window)
    qtbot.addWidget(dialog)
    dialog.person.setCurrentIndex(dialog.person.findData(EVERYONE))
    dialog.destination.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.finished_export, timeout=120_000):
        dialog.export_button.click()
    made = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert len(made) == dialog.person.count() - 1
    assert "2025-06-12 Visit to Italy v3 itinerary Secretary General.pdf" in made
    dialog.close()


def test_compare_with_the_saved_file_and_export(qtbot, window: MainWindow, tmp_path: Path) -> None:
    earlier = tmp_path / "earlier.brief.yaml"
    save(window.document.brief, earlier)
    section = window.document.brief.sections[1]
    window.document.set_section_field(section, "title", "Purpose of the visit")
    dialog = CompareDialog(window.document, window.settings, earlier, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.compared, timeout=60_000):
        pass
    assert "RENAMED" in dialog.view.toPlainText()
    assert "“Purpose and objectives” is now “Purpose of the visit”" in dialog.view.toPlainText()
    target = tmp_path / "with-changes.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export(target)
    assert "Changes since version 3" in pdf_text(target.read_bytes())
    dialog.close()


def test_compare_with_a_broken_file_says_why(qtbot, window: MainWindow, tmp_path: Path) -> None:
    broken = tmp_path / "broken.brief.yaml"
    broken.write_text("briefbook: [", encoding="utf-8")
    dialog = CompareDialog(window.document, window.settings, broken, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=60_000):
        pass
    assert "broken.brief.yaml" in dialog.status.text()
    assert not dialog.export_button.isEnabled()
    dialog.close()


def test_changes_html_escapes_brief_text() -> None:
    old = Brief(Meta(version="1"), [Section("A", [TextBlock("x")])])
    new = Brief(Meta(version="2"), [Section("A", [TextBlock("<script>alert(1)</script>")])])
    page = changes_html(diff_briefs(old, new))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_an_itinerary_onto_the_brief_is_refused_with_a_dialog(
    qtbot, window: MainWindow, no_prompts: list[str], tmp_path: Path
) -> None:
    from briefbook.gui.dialogs.road import RoadExportDialog

    brief = tmp_path / "B.brief.yaml"
    brief.write_text("briefbook: 1\n", encoding="utf-8")
    before = brief.read_bytes()
    dialog = RoadExportDialog(window.document, window.settings, "itinerary", window)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(brief))
    dialog.start()
    assert len(no_prompts) == 1 and "is a brief file" in no_prompts[0]
    assert brief.read_bytes() == before
