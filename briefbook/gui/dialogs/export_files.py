"""Where the export dialog's files go: the default name, and showing them afterwards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from briefbook.core.distribution.copies import Copy, copy_path
from briefbook.core.distribution.naming import with_suffix
from briefbook.core.distribution.targets import check_targets, is_brief_file, unique_paths
from briefbook.core.imagepaths import expand_home
from briefbook.core.wording import Wording
from briefbook.errors import FileAccessError
from briefbook.gui.dialogs.plain import ask
from briefbook.gui.editing.document import Document
from briefbook.gui.settings import Settings


def default_destination(
    document: Document, settings: Settings, edition: str = "", email: bool = False
) -> Path:
    """The command line's name for the PDF, in the folder used last (or the brief's)."""
    from briefbook.core.distribution.exportplan import file_suffix
    from briefbook.core.distribution.naming import default_pdf_name

    if settings.last_export_dir and Path(settings.last_export_dir).is_dir():
        folder = Path(settings.last_export_dir)
    elif document.path is not None:
        folder = document.path.parent
    else:
        folder = Path.home()
    return folder / default_pdf_name(document.brief, file_suffix(edition, email=email))


def path_exists(path: Path) -> bool:
    """Whether ``path`` exists; a name the system refuses (too long, a NUL) does not,
    and the export then says why it cannot be written."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def reveal_in_folder(path: Path) -> None:
    """Open the folder holding ``path`` in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def may_replace(parent: QWidget, paths: list[Path], confirmed: Path | None) -> tuple[bool, bool]:
    """Ask before replacing files (not ``confirmed``, the one the user has just chosen in
    Browse); a read-only one always. Returns (export, write over read-only files)."""
    from briefbook.core.safety.atomic import is_read_only

    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    locked = [path for path in paths if is_read_only(path)]
    if locked:
        question = (
            f"{locked[0].name} is read-only. Replace it anyway?"
            if len(locked) == 1
            else f"{len(locked)} of the files are read-only, such as "
            f"{locked[0].name}. Replace them anyway?"
        )
        if ask(parent, "Export PDF", question, yes | no, no) != yes:
            return False, False
        paths = [path for path in paths if path not in locked]
    existing = [path for path in paths if path_exists(path) and confirmed != path]
    if not existing:
        return True, bool(locked)
    question = (
        f"{existing[0].name} already exists. Replace it?"
        if len(existing) == 1
        else f"{len(existing)} of the files already exist, such as "
        f"{existing[0].name}. Replace them?"
    )
    return ask(
        parent, "Export PDF", question, yes | no, QMessageBox.StandardButton.NoButton
    ) == yes, bool(locked)


def refused_targets(destination: str, paths: list[Path], brief_path: Path | None) -> str:
    """Why the export may not write these files ("" when it may): a brief, its backup,
    a file that is not a PDF, a folder that does not exist. ``destination`` is the
    name as typed."""
    raw = expand_home(destination.strip())
    try:
        check_targets([raw, *paths] if is_brief_file(raw) else paths, brief_path)
        if paths and not paths[0].parent.is_dir():
            raise FileAccessError(
                paths[0].parent, "no such folder; choose an existing one with Browse"
            )
    except FileAccessError as exc:
        return str(exc)
    return ""


def planned_files(
    target: Path, editions: list[str], copies: list[Copy], words: Wording
) -> list[tuple[Path, str, str]]:
    """The files an export writes, each with its edition and the copy stamp it prints:
    one per edition (named after it when there are several), times one per copy."""
    files: list[tuple[Path, str, str]] = []
    for edition in editions:
        path = (
            target
            if len(editions) == 1
            else target.with_name(with_suffix(target.stem, edition) + ".pdf")
        )
        files += [(copy_path(path, copy), edition, copy.stamp_in(words)) for copy in copies] or [
            (path, edition, "")
        ]
    paths = unique_paths([path for path, _, _ in files])
    return [(path, edition, stamp) for path, (_, edition, stamp) in zip(paths, files, strict=True)]
