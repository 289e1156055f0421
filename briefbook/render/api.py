"""The renderer's public face: options in, PDF bytes (or a file) and a report out."""

from __future__ import annotations

from pathlib import Path

from briefbook.core.model import Brief
from briefbook.render.dossier.document import build_pdf
from briefbook.render.exporting import export_dossier
from briefbook.render.options import (
    ExportResult,
    ProgressCallback,
    RenderOptions,
    RenderResult,
)

__all__ = [
    "ExportResult",
    "ProgressCallback",
    "RenderOptions",
    "RenderResult",
    "export_pdf",
    "render_pdf",
]


def render_pdf(brief: Brief, options: RenderOptions | None = None) -> RenderResult:
    """Lay the brief out and return the PDF bytes with a report. Raises RenderError."""
    return build_pdf(brief, options or RenderOptions())


def export_pdf(
    brief: Brief, path: Path | str, options: RenderOptions | None = None
) -> ExportResult:
    """Render the brief and write the PDF atomically to ``path`` (see :mod:`.exporting`).

    A failure (in layout or on disk) leaves any earlier file at ``path`` untouched.
    """
    return export_dossier(brief, path, options)
