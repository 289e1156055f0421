"""The image block editor (file picker, caption, thumbnail) and the image helpers the cover uses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from briefbook.core.imagepaths import expand_home
from briefbook.core.model import ImageBlock
from briefbook.gui.dialogs.plain import plain_label
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.base import BlockEditor
from briefbook.gui.editors.widgets import LineEdit, set_line_text

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg);;All files (*)"
THUMBNAIL = QSize(220, 140)


def resolve(document: Document, text: str) -> Path | None:
    """The file an image path in the brief points at (relative to the brief's folder)."""
    if not text.strip():
        return None
    path = expand_home(text)
    if not path.is_absolute():
        base = document.brief.base_dir or (document.path.parent if document.path else None)
        if base is None:
            return None
        path = base / path
    return path


def path_for_brief(document: Document, chosen: Path, subfolder: str = "") -> str:
    """How to write ``chosen`` (picked with Browse) in the brief.

    Inside the brief's folder: relative to it. Outside it: copied into ``images/``
    (or ``subfolder``) next to the brief (never over a different file) and written
    relative to it, so
    the brief stays self-contained; the status bar says where. A brief not saved yet
    has no folder: the picture is used from where it is and copied when the brief is
    first saved (see ``copy_chosen_pictures``).
    """
    from briefbook.core.picturecopy import PICTURE_FOLDER, copy_into_folder, relative_to
    from briefbook.gui.safety.outside import allow_chosen

    subfolder = subfolder or PICTURE_FOLDER
    base = document.path.parent if document.path is not None else None
    if base is None:
        allow_chosen(document, chosen)  # outside any folder, but the user chose it
        document.notice.emit(
            f"{chosen.name} is used from {chosen.parent}; it is copied into "
            f"{subfolder}/ next to the brief when you first save it"
        )
        return str(chosen)
    try:
        if chosen.resolve().is_relative_to(base.resolve()):
            return relative_to(chosen, base)
    except ValueError:  # another drive on Windows
        pass
    try:
        copy = copy_into_folder(chosen, base, subfolder)
    except OSError as error:
        allow_chosen(document, chosen)
        document.notice.emit(
            f"Could not copy {chosen.name} into the brief's folder "
            f"({error.strerror or error}); it is used from where it is"
        )
        return str(chosen)
    written = relative_to(copy, base)
    document.notice.emit(
        f"Copied {chosen.name} into the brief's folder as {written}, so the "
        "brief keeps it wherever it goes"
    )
    return written


def thumbnail(path: Path | None, size: QSize = THUMBNAIL) -> tuple[QPixmap | None, str]:
    """A small picture of the image, or None with the reason it cannot be shown."""
    if path is None:
        return None, "No image chosen"
    if not path.is_file():
        return None, f"Not found: {path}"
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and not full.isEmpty():
        reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None, f"Cannot read this image: {reader.errorString()}"
    return QPixmap.fromImage(image), f"{full.width()} × {full.height()} pixels"


class ImagePicker(QWidget):
    """A path field with Browse and Clear buttons and a thumbnail under it."""

    def __init__(
        self, document: Document, parent: QWidget | None = None, size: QSize = THUMBNAIL
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.thumb_size = size
        self.path_edit = LineEdit()
        self.path_edit.setPlaceholderText("A PNG or JPEG file, relative to the brief's folder")
        self.browse = QPushButton("Browse…")
        self.clear = QPushButton("Clear")
        self.preview = QLabel()
        self.preview.setMinimumHeight(size.height() // 2)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.info = plain_label(QLabel())
        self.info.setEnabled(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        row.addWidget(self.clear)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(row)
        layout.addRow(self.preview)
        layout.addRow(self.info)
        self.browse.clicked.connect(self.choose)

    def choose(self) -> str | None:
        start = resolve(self.document, self.path_edit.text())
        folder = str(start.parent if start else (self.document.brief.base_dir or Path.home()))
        name, _ = QFileDialog.getOpenFileName(self, "Choose an image", folder, IMAGE_FILTER)
        return path_for_brief(self.document, Path(name)) if name else None

    def show_path(self, text: str) -> None:
        set_line_text(self.path_edit, text)
        pixmap, info = thumbnail(resolve(self.document, text), self.thumb_size)
        if pixmap is None:
            self.preview.clear()
            self.preview.hide()
        else:
            self.preview.setPixmap(pixmap)
            self.preview.show()
        self.info.setText(info)
        self.clear.setEnabled(bool(text))


class ImageEditor(BlockEditor[ImageBlock]):
    label = "Image"
    block: ImageBlock

    def __init__(self, document: Document, block: ImageBlock, parent: QWidget | None = None):
        super().__init__(document, block, parent)
        self.picker = ImagePicker(document, self)
        self.caption = LineEdit()
        self.caption.setPlaceholderText("Printed under the image")
        self.alt = LineEdit()
        self.alt.setPlaceholderText("What the picture shows, for a screen reader")
        self.alt.setToolTip(
            "Alternative text: read aloud instead of the picture in the tagged PDF (not printed)"
        )
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("File", self.picker)
        form.addRow("Caption", self.caption)
        form.addRow("Alternative text", self.alt)
        self.refresh()
        self.picker.path_edit.editingFinished.connect(
            lambda: self._set("path", self.picker.path_edit.text().strip(), None)
        )
        self.picker.browse.clicked.disconnect()
        self.picker.browse.clicked.connect(self._browse)
        self.picker.clear.clicked.connect(lambda: self._set("path", "", None))
        self.caption.textEdited.connect(lambda text: self._set("caption", text, "caption"))
        self.alt.textEdited.connect(lambda text: self._set("alt", text, "alt"))

    def refresh(self) -> None:
        self.picker.show_path(self.block.path)
        set_line_text(self.caption, self.block.caption)
        set_line_text(self.alt, self.block.alt)

    def _browse(self) -> None:
        chosen = self.picker.choose()
        if chosen:
            self._set("path", chosen, None)

    def _set(self, name: str, value: str, merge: str | None) -> None:
        new = self.copy_block()
        setattr(new, name, value)
        what = {"path": "Change image", "alt": "Edit alternative text"}.get(name, "Edit caption")
        self.push(new, what, merge)
        if name == "path":
            self.picker.show_path(self.block.path)

    def find_text(self, needle: str) -> bool:
        for text, edit in ((self.block.caption, self.caption), (self.block.alt, self.alt)):
            if needle.casefold() in text.casefold():
                edit.setFocus()
                return True
        return False
