"""briefbook: build briefing books and export them as one formatted PDF dossier.

The public Python API::

    import briefbook
    brief = briefbook.load("visit.brief.yaml")
    briefbook.export_pdf(brief, "visit.pdf")
    briefbook.save(brief, "visit.brief.yaml")
    brief = briefbook.import_text(open("press.txt").read())
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefbook._version import __version__

if TYPE_CHECKING:
    from briefbook.core.fileformat import load, save
    from briefbook.core.importing import import_text
    from briefbook.render import export_pdf

__all__ = ["__version__", "export_pdf", "import_text", "load", "save"]


def __getattr__(name: str) -> Any:
    """Import the parts of the API on first use, so the app starts quickly."""
    if name in ("load", "save"):
        from briefbook.core import fileformat

        return getattr(fileformat, name)
    if name == "export_pdf":
        from briefbook.render import export_pdf

        return export_pdf
    if name == "import_text":
        from briefbook.core.importing import import_text

        return import_text
    raise AttributeError(f"module 'briefbook' has no attribute {name!r}")
