"""The File menu: new from a template, open (in a worker), recent files, save and save as
(done by :mod:`.saving`), export and print."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QStyle

from briefbook.core.text import counted
from briefbook.errors import BriefbookError, FileAccessError
from briefbook.gui.actions import Slot, make_action
from briefbook.gui.dialogs.errors import show_error
from briefbook.gui.dialogs.plain import ask
from briefbook.gui.editing.document import Document
from briefbook.gui.safety.watch import FileWatcher
from briefbook.gui.settings import save_settings
from briefbook.gui.window.icons import icon
from briefbook.gui.window.saving import BRIEF_FILTER, BriefSaver
from briefbook.gui.window.services import WindowServices
from briefbook.gui.workers import run_task

if TYPE_CHECKING:
    from briefbook.core.fileformat.lenient import LenientLoad

#: A start file up to this size is read at once (a few milliseconds), larger ones in a worker.
QUICK_OPEN_BYTES = 64 * 1024


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; a name the system refuses (too long, a NUL) does not."""
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False


class FileActions(QObject):
    """The File menu's actions and what they do, for one main window."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.window())
        self.window = window
        #: The parent of the dialogs the File menu opens.
        self.widget = window.window()
        self.loading = False
        key = QKeySequence.StandardKey
        pix = QStyle.StandardPixmap

        def action(
            text: str,
            slot: Slot,
            shortcut: object = None,
            icon: QStyle.StandardPixmap | None = None,
            tip: str = "",
        ) -> QAction:
            act = make_action(self.widget, text, slot, shortcut, tip, icon)  # type: ignore[arg-type]
            if not tip:
                act.setToolTip(text.replace("&", "").rstrip("…"))
            return act

        self.template_menu = QMenu("&New from Template", self.widget)
        self.template_menu.aboutToShow.connect(self._fill_templates)
        self.new_action = action(
            "&New",
            lambda: self.new_from_template("visit"),
            key.New,
            pix.SP_FileIcon,
            "New brief from the visit template",
        )
        self.new_action.setMenu(self.template_menu)
        self.open_action = action(
            "&Open…", self.open_dialog, key.Open, pix.SP_DialogOpenButton, "Open a brief file"
        )
        self.recent_menu = QMenu("Open &Recent", self.widget)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.import_action = action(
            "&Import…",
            self.import_dialog,
            QKeySequence("Ctrl+I"),
            None,
            "Add the sections of a text, Markdown, HTML or Word file to this brief",
        )
        self.new_from_file_action = action(
            "New Brief from &File…",
            self.new_from_file_dialog,
            None,
            None,
            "Start a new brief from a text, Markdown, HTML or Word file",
        )
        self.example_action = action(
            "Open the &Example Brief",
            self.open_example,
            None,
            None,
            "Open the bundled sample dossier",
        )
        self.save_action = action(
            "&Save", self.save, key.Save, pix.SP_DialogSaveButton, "Save the brief"
        )
        self.save_as_action = action(
            "Save &As…", self.save_as, key.SaveAs, None, "Save the brief under a new name"
        )
        self.export_action = action(
            "&Export PDF…",
            self.export_pdf,
            QKeySequence("Ctrl+E"),
            pix.SP_DialogApplyButton,
            "Export the dossier as a PDF",
        )
        self.print_action = action(
            "&Print…", self.print_brief, key.Print, None, "Print the dossier"
        )
        self.print_action.setIcon(icon("print"))
        self.quit_action = action("&Quit", window.close, key.Quit, None, "Close briefbook")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self._fill_templates()
        self.watcher = FileWatcher(self)
        self.watcher.changed_elsewhere.connect(self.changed_on_disk)
        self.saver = BriefSaver(window, self.watcher)

    def build_menu(self, menu: QMenu) -> None:
        menu.addAction(self.new_action)
        menu.addMenu(self.template_menu)
        menu.addAction(self.new_from_file_action)
        menu.addAction(self.open_action)
        menu.addMenu(self.recent_menu)
        menu.addAction(self.import_action)
        menu.addAction(self.example_action)
        menu.addSeparator()
        menu.addAction(self.save_action)
        menu.addAction(self.save_as_action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addAction(self.print_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)

    @property
    def document(self) -> Document:
        return self.window.document

    # --- menus ---------------------------------------------------------------------------

    def _fill_templates(self) -> None:
        from briefbook.core.templates import template_names, template_title

        self.template_menu.clear()
        for name, description in template_names():
            # The title and the template's line (the New menu is where one is chosen).
            act = self.template_menu.addAction(f"{template_title(name)} — {description}")
            act.setStatusTip(description)
            act.setToolTip(description)
            act.triggered.connect(lambda _=False, n=name: self.new_from_template(n))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.window.settings.recent_files
        for number, text in enumerate(recent, start=1):
            path = Path(text)
            label = f"&{number} {path.name}" if number < 10 else path.name
            act = self.recent_menu.addAction(f"{label}   ({path.parent})")
            act.setStatusTip(text)
            act.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not recent:
            empty = self.recent_menu.addAction("No recent files")
            empty.setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear Recent Files", self._clear_recent)

    def _clear_recent(self) -> None:
        self.window.settings.recent_files = []
        save_settings(self.window.settings)

    # --- new and open ----------------------------------------------------------------------

    def new_from_template(self, name: str) -> None:
        if not self.maybe_save("start a new brief"):
            return
        from briefbook.core.templates import new_brief, template_title

        try:
            brief = new_brief(name)
        except BriefbookError as error:
            show_error(self.widget, "Could not start a new brief", error)
            return
        self.window.set_document(Document(brief))
        self.window.statusBar().showMessage(
            f"New brief from the “{template_title(name)}” template", 4000
        )

    def open_dialog(self) -> None:
        if not self.maybe_save("open another brief"):
            return
        folder = str(self.document.path.parent) if self.document.path else ""
        name, _ = QFileDialog.getOpenFileName(self.widget, "Open a brief", folder, BRIEF_FILTER)
        if name:
            self.open_path(Path(name), ask=False)

    def import_dialog(self) -> None:
        """File › Import…: add a file's sections to the open brief (one undo step)."""
        from briefbook.gui.window.importing import choose_source, import_into_brief

        path = choose_source(self.window, "Import material into this brief")
        if path is not None:
            import_into_brief(self.window, path)

    def new_from_file_dialog(self) -> None:
        """File › New Brief from File…: a new brief structured from a file."""
        if not self.maybe_save("start a new brief"):
            return
        from briefbook.gui.window.importing import choose_source

        path = choose_source(self.window, "New brief from a file")
        if path is not None:
            self.import_path(path)

    def import_path(self, path: Path) -> None:
        """Structure a text, Markdown, HTML or Word file (in a worker) into a new brief."""
        from briefbook.gui.window.importing import new_brief_from_file

        new_brief_from_file(self.window, path)

    def open_example(self) -> None:
        from briefbook.core.templates import example_path

        self.open_path(example_path(), untitled=True)

    def open_path(self, path: Path, *, ask: bool = True, untitled: bool = False) -> None:
        """Load ``path`` in a worker, then show it. ``untitled``: Save asks for a new name."""
        if ask and not self.maybe_save("open another brief"):
            return
        from briefbook.core.fileformat.lenient import load_lenient

        self.loading = True
        self.window.statusBar().showMessage(f"Opening {path.name}…")
        run_task(
            lambda _progress: load_lenient(path),
            lambda loaded: self._opened(loaded, path, untitled),
            lambda error: self._open_failed(error, path),
            owner=self.widget,
        )

    def open_at_start(self, path: Path, *, untitled: bool = False) -> None:
        """Open the brief the app starts with: a small file at once, so that the window's
        first paint shows it (it takes a few milliseconds); a larger one, or one that does
        not load, as ``open_path`` does (in a worker; errors are shown)."""
        try:
            small = path.stat().st_size <= QUICK_OPEN_BYTES
        except OSError:
            small = False
        if small:
            from briefbook.core.fileformat.lenient import load_lenient

            try:
                loaded = load_lenient(path)
            except Exception:  # the worker's attempt reports it
                pass
            else:
                self._opened(loaded, path, untitled)
                return
        self.open_path(path, ask=False, untitled=untitled)

    def _opened(self, loaded: LenientLoad, path: Path, untitled: bool) -> None:
        """Show a brief that opened, with the problems found in its file, if any."""
        self.loading = False
        brief = loaded.brief
        same_file = self.document.path == path
        if not (untitled or same_file) and not self.window.locks.may_use(path, self.widget):
            self.window.statusBar().showMessage(f"{path.name} was not opened", 4000)
            return
        place = self.window.tree.current_path()
        document = Document(brief, None if untitled else path)
        document.load_problems = list(loaded.problems)
        document.problem_places = list(loaded.places)
        self.window.set_document(document)
        if same_file:  # a reload: stay where the user was
            self.window.tree.select_path(place)
        if not untitled:
            self.window.settings.add_recent(path)
            save_settings(self.window.settings)
        count = len(loaded.problems)
        if count:
            self.window.statusBar().showMessage(
                f"Opened {path.name} with {counted(count, 'problem')}, listed "
                "in the Problems panel",
                10_000,
            )
        else:
            self.window.statusBar().showMessage(f"Opened {path.name}", 4000)

    def _open_failed(self, error: BaseException, path: Path) -> None:
        self.loading = False
        self.window.statusBar().clearMessage()
        if isinstance(error, FileAccessError) and not _exists(path):
            try:
                gone = Path(path).resolve()
            except (OSError, ValueError):  # a name the system refuses was never recent
                gone = Path(path).absolute()
            self.window.settings.remove_recent(gone)
            save_settings(self.window.settings)
        show_error(self.widget, f"Could not open {path.name}", error)
        self.window.opening_failed.emit(error)

    # --- save --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the brief's file (asking for one the first time); True when saved."""
        return self.saver.save()

    def save_as(self) -> bool:
        return self.saver.save_as()

    def save_to(self, path: Path, *, replace_read_only: bool = False) -> bool:
        return self.saver.save_to(path, replace_read_only=replace_read_only)

    def maybe_save(self, verb: str) -> bool:
        """Ask about unsaved changes; True when it is fine to go on (saved or discarded)."""
        return self.saver.maybe_save(verb)

    def changed_on_disk(self, path: Path) -> None:
        """Another program changed the open file: offer to reload it (never overwrite silently)."""
        if path != self.document.path:
            return
        if self.document.is_modified:
            text = (
                f"“{path.name}” was changed by another program, and you have unsaved "
                "changes here.\n\nReload it from the disk (your changes here are lost), or "
                "keep your version (saving will replace the other one)?"
            )
        else:
            text = f"“{path.name}” was changed by another program.\n\nReload it from the disk?"
        answer = ask(
            self.widget,
            "File changed on disk",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes
            if not self.document.is_modified
            else QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.open_path(path, ask=False)

    # --- export and print ---------------------------------------------------------------------

    def export_pdf(self) -> None:
        from briefbook.gui.dialogs.export import ExportDialog

        dialog = ExportDialog(self.document, self.window.settings, self.widget)
        dialog.exec()

    def print_brief(self) -> None:
        from briefbook.gui.preview.printing import print_document

        print_document(self.widget, self.document)
