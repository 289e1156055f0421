"""The main window: section tree | editor | live preview, with menus, toolbar and title.

File operations (open, save, recent files, closing with unsaved changes) are in
``files.py``; this module lays the window out and switches between briefs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShowEvent, QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefbook.core.text import counted
from briefbook.gui.actions import Slot, make_action
from briefbook.gui.editing.document import Document, SectionPath
from briefbook.gui.editors.cover import CoverEditor
from briefbook.gui.preview.pane import PreviewPane
from briefbook.gui.preview.scheduling import PreviewController
from briefbook.gui.safety.autosave import Autosaver, autosave_store
from briefbook.gui.safety.locking import LockKeeper, brief_locks
from briefbook.gui.settings import Settings, save_settings
from briefbook.gui.window.files import FileActions
from briefbook.gui.window.geometry import remember_geometry, restore_geometry
from briefbook.gui.window.road import RoadActions
from briefbook.gui.window.section_actions import SectionActions
from briefbook.gui.window.section_view import SectionTree
from briefbook.gui.window.toolbars import build_main_toolbar, fill_section_bar, undo_buttons

if TYPE_CHECKING:
    from briefbook.gui.window.find import FindBar

#: Work kept for after the window's first paint runs this long after it is shown at the latest.
AFTER_PAINT_LATEST_MS = 500


class MainWindow(QMainWindow):
    """One window editing one brief at a time."""

    #: A brief was opened or created and is now shown (the new Document).
    document_opened = Signal(object)
    #: Opening a file failed (the error), after the dialog said so.
    opening_failed = Signal(object)
    #: Printing finished (the number of pages sent).
    printed = Signal(int)

    def __init__(self, settings: Settings, document: Document | None = None) -> None:
        super().__init__()
        from briefbook.core.model import Brief

        self.settings = settings
        self.document = document or Document(Brief())
        self.setWindowTitle("briefbook")
        self.setWindowIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        )
        self.undo_group = QUndoGroup(self)
        self.undo_group.addStack(self.document.undo_stack)
        self.undo_group.setActiveStack(self.document.undo_stack)

        self.tree = SectionTree(self.document)
        self.tree.setMinimumWidth(160)
        self.sections = SectionActions(self.tree, self.document, self)
        self.files = FileActions(self)
        self.editor: QWidget | None = None
        self.editor_section: object = None
        self.cover_editor: CoverEditor | None = None
        self.preview = PreviewPane()
        self.previewer = PreviewController(self.preview, settings.preview_delay_ms)
        self.preview.show_thumbs.setChecked(settings.show_thumbnails)
        self._find_bar: FindBar | None = None

        self._build_layout()
        from briefbook.gui.window.problems import ProblemsPanel

        self.problems = ProblemsPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self._build_actions()
        self._build_menus()
        build_main_toolbar(self, self.files, self.undo_button, self.redo_button)
        fill_section_bar(self.tree_bar, self.sections)
        self.statusBar().showMessage("Ready", 2000)
        self.pages_label = QLabel("")
        self.statusBar().addPermanentWidget(self.pages_label)
        self.preview.pages_shown.connect(lambda n: self.pages_label.setText(counted(n, "page")))
        self.tree.current_path_changed.connect(self._current_changed)
        self.opening_failed.connect(self._open_failed)
        self._restore_geometry()
        #: Whether the window has been shown. Until then no editor is built and nothing is
        #: rendered: the brief it starts with may still be on its way (see ``showEvent``).
        self._shown = False
        #: Work waiting for the window's first paint (None once it has been painted).
        self._after_paint: list[Callable[[], object]] | None = []
        #: Unsaved work goes to the state folder; the lock says this window has the brief.
        self.autosaver = Autosaver(autosave_store(), settings.autosave_delay_ms, self)
        self.locks = LockKeeper(brief_locks(), self)
        #: More windows opened at start with recovered work (kept alive with this one).
        self.companions: list[MainWindow] = []
        self.set_document(self.document)

    # --- layout ------------------------------------------------------------------------

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        self.tree_bar = QToolBar("Sections")
        self.tree_bar.setIconSize(self.tree_bar.iconSize() * 0.8)
        left_layout.addWidget(self.tree_bar)
        left_layout.addWidget(self.tree, 1)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(0)
        self.editor_box = QVBoxLayout()
        middle_layout.addLayout(self.editor_box, 1)
        self.middle_layout = middle_layout  # the find bar goes below the editor when made
        middle.setMinimumWidth(380)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _action(
        self,
        text: str,
        slot: Slot,
        shortcut: object = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        return make_action(self, text, slot, shortcut, tip, icon)  # type: ignore[arg-type]

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        pix = QStyle.StandardPixmap
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(key.Undo)
        self.undo_action.setIcon(self.style().standardIcon(pix.SP_ArrowBack))
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence(key.Redo), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.setIcon(self.style().standardIcon(pix.SP_ArrowForward))
        self.undo_action.setProperty("command_name", "Undo")
        self.redo_action.setProperty("command_name", "Redo")
        self.undo_button, self.redo_button = undo_buttons(self, self.undo_group)
        from briefbook.gui.window.clipboard import clipboard_actions

        self.cut_action, self.copy_action, self.paste_action = clipboard_actions(self)
        self.find_action = self._action(
            "&Find…", lambda: self.find_bar.open(), key.Find, None, "Find text in the brief"
        )
        self.find_next_action = self._action(
            "Find &Next", lambda: self.find(self.find_bar.field.text(), False), key.FindNext
        )
        self.preferences_action = self._action(
            "&Preferences…",
            self.show_preferences,
            key.Preferences,
            None,
            "Change how briefbook works",
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about_action = self._action("&About briefbook", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.files.build_menu(file_menu)
        self.road = RoadActions(self)
        self.road.insert_after(file_menu, self.files.export_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        for act in (self.cut_action, self.copy_action, self.paste_action):
            edit_menu.addAction(act)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.find_next_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        section_menu = bar.addMenu("&Section")
        self.sections.build_menu(section_menu)
        view_menu = bar.addMenu("&View")
        for act in (
            self.preview.zoom_in,
            self.preview.zoom_out,
            self.preview.fit_width,
            self.preview.fit_page,
            self.preview.show_thumbs,
        ):
            view_menu.addAction(act)
        self.preview.zoom_in.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.preview.zoom_out.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        help_menu = bar.addMenu("&Help")
        from briefbook.gui.dialogs.help import help_actions

        self.guide_action, self.shortcuts_action = help_actions(self)
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        self.tree.context_menu = QMenu(self)
        self.sections.build_menu(self.tree.context_menu)

    # --- the brief shown ---------------------------------------------------------------

    def set_document(self, document: Document, autosave_key: str | None = None) -> None:
        """Show ``document`` (a newly opened or created brief) in this window.

        ``autosave_key`` continues the autosave entry of recovered work.
        """
        old = self.document
        if old is not document:
            self.undo_group.removeStack(old.undo_stack)
            old.deleteLater()
        self.document = document
        document.setParent(self)
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.undo_stack.cleanChanged.connect(self.update_title)
        document.meta_changed.connect(self.update_title)
        document.path_changed.connect(self.update_title)
        document.path_changed.connect(self._path_changed)
        document.reveal_requested.connect(self.reveal)
        document.notice.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.autosaver.follow(document, autosave_key)
        self.locks.follow(document.path)
        self.tree.set_document(document)
        self.sections.set_document(document)
        self.previewer.set_document(document)
        self.files.watcher.watch(document.path)
        self.problems.show_document(document)
        self.cover_editor = None
        self.editor_section = object()
        self._current_changed(self.tree.current_path())
        self.update_title()
        from briefbook.gui.safety.outside import ask_outside_images

        ask_outside_images(self, document)
        if self._shown:
            self.previewer.render_now()
        self.document_opened.emit(document)

    def _path_changed(self) -> None:
        self.locks.follow(self.document.path)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown:
            return
        self._shown = True
        if self.files.loading:
            return  # the editor and the preview come with the brief being loaded
        self._current_changed(self.tree.current_path())
        # The first preview starts once the window is painted: the render runs in a worker,
        # but it holds Python's lock much of the time and would slow that first paint.
        self.after_first_paint(self.previewer.render_now)

    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Run ``work`` once the window has been painted for the first time (soon if it has
        been; at the latest ``AFTER_PAINT_LATEST_MS`` after it was shown)."""
        if self._after_paint is None:
            QTimer.singleShot(0, self, work)
            return
        if not self._after_paint:
            QTimer.singleShot(AFTER_PAINT_LATEST_MS, self, self._run_after_paint)
        self._after_paint.append(work)

    def _run_after_paint(self) -> None:
        waiting, self._after_paint = self._after_paint or [], None
        for work in waiting:
            work()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._after_paint is not None:
            QTimer.singleShot(0, self, self._run_after_paint)  # once this paint is done

    def _open_failed(self, _error: object) -> None:
        """A brief did not open: the window keeps (or, at start, shows) the one it has."""
        if self._shown:
            self._current_changed(self.tree.current_path())
            self.previewer.render_now()  # nothing new if it is already shown

    def update_title(self, *_args: object) -> None:
        title = self.document.brief.meta.title or "Untitled brief"
        self.setWindowTitle(f"{title} — {self.document.display_name()}[*] — briefbook")
        self.setWindowModified(self.document.is_modified)

    def _current_changed(self, path: SectionPath | None) -> None:
        if not self._shown:
            return  # built when the window is shown (see ``showEvent``)
        try:
            section = None if path is None else self.document.brief.section_at(path)
        except IndexError:  # a stale index while the tree rebuilds
            return
        if section is self.editor_section and self.editor is not None:
            self.previewer.set_follow(path)
            return
        if self.editor is not None:
            self.editor_box.removeWidget(self.editor)
            if self.editor is not self.cover_editor:
                self.editor.deleteLater()
            else:  # mypy narrows to the cover editor's Optional type here
                self.editor.hide()  # type: ignore[union-attr]
        if section is None:
            if self.cover_editor is None:
                self.cover_editor = CoverEditor(self.document)
            self.editor = self.cover_editor
        else:
            from briefbook.gui.editors.section import SectionEditor

            self.editor = SectionEditor(self.document, section)
        self.editor_section = section
        self.editor_box.addWidget(self.editor)
        self.editor.show()
        self.previewer.set_follow(path)
        self.sections.update_enabled()

    def reveal(self, path: SectionPath | None) -> None:
        """Select ``path`` in the tree (after an undo or redo there)."""
        if not self.tree.currentIndex().isValid() or self.tree.current_path() != path:
            self.tree.select_path(path)
        self.sections.update_enabled()

    # --- find, preferences, about --------------------------------------------------------

    @property
    def find_bar(self) -> FindBar:
        """The find bar below the editor (made when first used)."""
        if self._find_bar is None:
            from briefbook.gui.window.find import FindBar

            bar = FindBar()
            bar.hide()
            bar.find_requested.connect(self.find)
            self.middle_layout.addWidget(bar)
            self._find_bar = bar
        return self._find_bar

    # QWidget.find is Qt's static lookup by window id, which briefbook never calls.
    def find(self, text: str, backwards: bool = False) -> None:  # type: ignore[override]
        from briefbook.gui.window.find import find_next

        if not text:
            self.find_bar.open()
            return
        current = self.tree.current_path()
        editor = self.editor
        if editor is not None and hasattr(editor, "find_text") and editor.find_text(text):
            self.find_bar.set_message("")
            return
        found = find_next(self.document.brief, text, current, backwards)
        if found is False:
            self.find_bar.set_message("Not found")
            return
        self.find_bar.set_message("")
        self.tree.select_path(found)  # type: ignore[arg-type]
        editor = self.editor
        if editor is not None and hasattr(editor, "find_text"):
            editor.find_text(text)

    def show_preferences(self) -> None:
        from briefbook.gui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            self.previewer.set_delay(self.settings.preview_delay_ms)
            self.autosaver.set_delay(self.settings.autosave_delay_ms)
            self.preview.show_thumbs.setChecked(self.settings.show_thumbnails)
            save_settings(self.settings)

    def show_about(self) -> None:
        from briefbook.gui.dialogs.about import show_about

        show_about(self)

    # --- geometry and closing -----------------------------------------------------------

    def _restore_geometry(self) -> None:
        restore_geometry(self, self.splitter, self.settings)

    def remember_geometry(self) -> None:
        self.settings.show_thumbnails = self.preview.show_thumbs.isChecked()
        remember_geometry(self, self.splitter, self.settings)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.autosaver.focus_lost()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save("Close"):
            event.ignore()
            return
        self.remember_geometry()
        self.autosaver.finish()  # a clean exit leaves nothing to recover
        self.locks.finish()
        event.accept()
