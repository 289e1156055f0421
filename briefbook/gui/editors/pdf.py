"""The annex (pdf block) editor: the file, its page count, the page range, the title,
the scale and thumbnails of the first pages placed (rendered with Qt's PDF module)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from briefbook.core.annexes import ANNEX_FOLDER, AnnexError, inspect_annex
from briefbook.core.kinds.pdf import range_problem
from briefbook.core.model import PageRangeError, PdfBlock, page_numbers
from briefbook.core.text import human_size
from briefbook.gui.dialogs.plain import plain_label
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.base import BlockEditor
from briefbook.gui.editors.image import path_for_brief, resolve
from briefbook.gui.editors.widgets import LineEdit, set_line_text

PDF_FILTER = "PDF files (*.pdf);;All files (*)"
SCALE_LABELS = {"fit": "Fit between header and footer", "full": "Full page, under the furniture"}
#: How many of the placed pages the editor shows as thumbnails.
THUMBNAILS = 4
THUMB_SIZE = QSize(110, 150)


def choose_pdf(parent: QWidget, document: Document, start: Path | None = None) -> str | None:
    """Ask for a PDF file; the path to write in the brief (copied into ``annexes/``
    next to the brief when it comes from elsewhere), or None when cancelled."""
    folder = str(start.parent if start else (document.brief.base_dir or Path.home()))
    name, _ = QFileDialog.getOpenFileName(parent, "Choose a PDF annex", folder, PDF_FILTER)
    return path_for_brief(document, Path(name), ANNEX_FOLDER) if name else None


def page_thumbnails(file: Path, pages: list[int], size: QSize = THUMB_SIZE) -> list[QPixmap]:
    """Small pictures of ``pages`` (0-based) of a PDF; none when it cannot be read."""
    document = QPdfDocument()
    document.load(str(file))
    if document.status() != QPdfDocument.Status.Ready:
        return []
    found = []
    for page in pages:
        if page >= document.pageCount():
            break
        points = document.pagePointSize(page)
        shown = points.toSize().scaled(size, Qt.AspectRatioMode.KeepAspectRatio)
        image = document.render(page, shown)
        if not image.isNull():
            found.append(QPixmap.fromImage(image))
    document.close()
    return found


class PdfEditor(BlockEditor[PdfBlock]):
    label = "Annex (PDF)"
    block: PdfBlock

    def __init__(self, document: Document, block: PdfBlock, parent: QWidget | None = None):
        super().__init__(document, block, parent)
        self.path_edit = LineEdit()
        self.path_edit.setPlaceholderText("A PDF file, relative to the brief's folder")
        self.browse = QPushButton("Browse…")
        self.info = plain_label(QLabel())
        self.info.setWordWrap(True)
        self.pages = LineEdit()
        self.pages.setPlaceholderText("All pages, or e.g. 1-3,7")
        self.title = LineEdit()
        self.title.setPlaceholderText("Optional: the annex's entry in the outline")
        self.scale = QComboBox()
        for value, text in SCALE_LABELS.items():
            self.scale.addItem(text, value)
        self.thumbs = QHBoxLayout()
        self.thumbs.setContentsMargins(0, 0, 0, 0)
        self.thumbs.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self._thumb_key: tuple[str, str] | None = None
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("File", row)
        form.addRow("", self.info)
        form.addRow("Pages", self.pages)
        form.addRow("Title", self.title)
        form.addRow("Scale", self.scale)
        form.addRow(self.thumbs)
        self.refresh()
        self.path_edit.editingFinished.connect(
            lambda: self._set("path", self.path_edit.text().strip(), None)
        )
        self.browse.clicked.connect(self._browse)
        self.pages.textEdited.connect(lambda text: self._set("pages", text, "pages"))
        self.title.textEdited.connect(lambda text: self._set("title", text, "title"))
        self.scale.currentIndexChanged.connect(
            lambda _i: self._set("scale", self.scale.currentData(), None)
        )

    def refresh(self) -> None:
        set_line_text(self.path_edit, self.block.path)
        set_line_text(self.pages, self.block.pages)
        set_line_text(self.title, self.block.title)
        blocked = self.scale.blockSignals(True)
        self.scale.setCurrentIndex(max(0, self.scale.findData(self.block.scale)))
        self.scale.blockSignals(blocked)
        self._show_file()

    def _show_file(self) -> None:
        """The file's page count and size (or what is wrong), and its first thumbnails."""
        file = resolve(self.document, self.block.path)
        chosen: list[int] = []
        if file is None:
            text = "No PDF chosen"
        else:
            try:
                info = inspect_annex(file)
            except AnnexError as exc:
                text = exc.reason[:1].upper() + exc.reason[1:]
            else:
                text = f"{info.page_count} pages, {human_size(info.size)}"
                try:
                    chosen = page_numbers(self.block.pages, info.page_count)
                    text += f"; {len(chosen)} placed in the dossier"
                except PageRangeError as exc:
                    text += f"; the page range {exc}"
                if info.stripped:
                    text += "; left out of the dossier: " + ", ".join(info.stripped)
        problem = range_problem(self.block.pages)
        if problem and file is None:
            text += f"; the page range: {problem}"
        self.info.setText(text)
        key = (str(file), ",".join(map(str, chosen[:THUMBNAILS])))
        if key != self._thumb_key:
            self._thumb_key = key
            self._show_thumbnails(file, chosen[:THUMBNAILS])

    def _show_thumbnails(self, file: Path | None, pages: list[int]) -> None:
        while self.thumbs.count():
            item = self.thumbs.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if file is None or not pages:
            return
        for pixmap in page_thumbnails(file, pages):
            picture = QLabel()
            picture.setPixmap(pixmap)
            picture.setFrameShape(QLabel.Shape.Box)
            self.thumbs.addWidget(picture)

    def _browse(self) -> None:
        chosen = choose_pdf(self, self.document, resolve(self.document, self.block.path))
        if chosen:
            self._set("path", chosen, None)

    def _set(self, name: str, value: str, merge: str | None) -> None:
        new = self.copy_block()
        setattr(new, name, value)
        self.push(new, "Change annex" if name == "path" else "Edit annex", merge)
        self._show_file()

    def find_text(self, needle: str) -> bool:
        if needle.casefold() in self.block.title.casefold():
            self.title.setFocus()
            return True
        return False
