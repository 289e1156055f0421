"""Help > About."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_about(parent: QWidget) -> None:
    from PySide6 import __version__ as pyside_version

    from briefbook import __version__

    QMessageBox.about(
        parent,
        "About briefbook",
        f"<h3>briefbook {__version__}</h3>"
        "<p>Build briefing books: assemble sections, see the real pages, "
        "export one formatted PDF dossier.</p>"
        "<p>Works entirely offline; it never opens a network connection.</p>"
        f"<p>Qt for Python {pyside_version} · ReportLab · PyYAML<br>"
        "Noto fonts under the SIL Open Font License.</p>"
        "<p>The bundled example brief is fictional sample content.</p>",
    )
