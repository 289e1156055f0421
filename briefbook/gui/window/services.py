"""What the window's parts (the File menu, the road actions, import, the Problems panel)
need from the main window, as a small protocol instead of the whole ``MainWindow``.

``MainWindow`` provides all of it; a part holds a ``WindowServices`` and never imports
the window module, so the parts and the window do not import each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QStatusBar, QStyle, QWidget

    from briefbook.gui.editing.document import Document, SectionPath
    from briefbook.gui.safety.locking import LockKeeper
    from briefbook.gui.settings import Settings
    from briefbook.gui.window.section_actions import SectionActions


class SectionPlace(Protocol):
    """The section tree, as far as the parts go: which section is selected."""

    def current_path(self) -> SectionPath | None: ...
    def select_path(self, path: SectionPath | None) -> None: ...


class ProblemsView(Protocol):
    """The Problems panel, as far as the parts go: show a document's problems."""

    def show_document(self, document: Document) -> None: ...


class WindowServices(Protocol):
    """The open brief, the settings and locks, the section tree, the problems, the
    status bar, and the top-level widget that parents dialogs."""

    settings: Settings

    @property
    def document(self) -> Document: ...
    @property
    def locks(self) -> LockKeeper: ...
    @property
    def tree(self) -> SectionPlace: ...
    @property
    def sections(self) -> SectionActions: ...
    @property
    def problems(self) -> ProblemsView: ...
    @property
    def opening_failed(self) -> SignalInstance: ...

    def set_document(self, document: Document, autosave_key: str | None = None) -> None:
        """Show ``document`` in the window (replacing the one it shows)."""

    def statusBar(self) -> QStatusBar: ...
    def style(self) -> QStyle: ...
    def close(self) -> bool: ...
    def window(self) -> QWidget:
        """The top-level widget: the parent of the dialogs a part opens."""
