"""The words of the export's report: what was written (pages, sizes against the
e-mail target, where), what a cancelled export left, why a failed one wrote nothing."""

from __future__ import annotations

from briefbook.core.text import counted
from briefbook.errors import BriefbookError
from briefbook.gui.dialogs.export_size import size_against_target
from briefbook.render.options import ExportResult
from briefbook.render.parallel import ExportCancelled
from briefbook.render.pictures.downsample import ImageProfile


def exported_text(results: list[ExportResult], profile: ImageProfile | None, noun: str) -> str:
    """``Exported 12 pages, 1.2 MB, to`` and the file; for several files (``noun``:
    "files" or "copies") their number, the page counts, the largest size and the folder."""
    result = results[-1]
    counts = sorted({item.page_count for item in results})  # editions: their own lengths
    pages = (
        counted(counts[-1], "page")
        if len(counts) == 1
        else (f"{counts[0]} to {counted(counts[-1], 'page')}")
    )
    if len(results) > 1:
        largest = max(item.size for item in results)
        return (
            f"Exported {len(results)} {noun} of {pages}, each at most "
            f"{size_against_target(largest, profile)}, to\n{result.path.parent}"
        )
    return f"Exported {pages}, {size_against_target(result.size, profile)}, to\n{result.path}"


def cancelled_text(error: ExportCancelled) -> str:
    """How many of the files were written before the export was cancelled, and which."""
    names = "\n".join(result.path.name for result in error.written) or "none"
    return (
        f"Cancelled: {len(error.written)} of {error.total} files were written, each "
        f"complete:\n{names}"
    )


def failed_text(error: BaseException) -> str:
    """Why nothing was exported (a user's problem as it is, anything else as internal)."""
    if isinstance(error, BriefbookError):
        message = str(error)
    else:
        message = f"internal error: {type(error).__name__}: {error}"
    return f"The PDF was not exported: {message}\nAny earlier file of that name is unchanged."
