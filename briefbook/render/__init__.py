"""The PDF dossier, laid out with ReportLab. No Qt here: the app's preview uses the same code."""

from briefbook.render.api import ExportResult, RenderOptions, RenderResult, export_pdf, render_pdf

__all__ = ["ExportResult", "RenderOptions", "RenderResult", "export_pdf", "render_pdf"]
