"""The fonts shipped for other scripts, offered to Qt so that the editor shows Arabic,
Hebrew, Devanagari, Thai, Georgian, Armenian, Chinese, Japanese, Korean and symbols on a
system that lacks fonts for them (the PDF uses the same files; see render/text/scripts.py)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from briefbook.render.text.scripts import FACES
from briefbook.render.theme import fonts_dir

_added = False


def add_script_fonts() -> None:
    """Add the fallback faces to Qt's font database (once; about 50 ms, so it is run after
    the window's first paint). Qt then finds them for characters the UI font lacks."""
    global _added
    if _added:
        return
    _added = True
    folder = fonts_dir()
    for face in FACES:
        QFontDatabase.addApplicationFont(str(folder / face.regular))
