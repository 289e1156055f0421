"""Saving the open brief: Save, Save As, the Save / Discard / Cancel question before a
brief is closed, and what to do when the file to save over is read-only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefbook.core.safety.atomic import ReadOnlyFileError
from briefbook.errors import BriefbookError, FileAccessError
from briefbook.gui.dialogs.errors import show_error
from briefbook.gui.dialogs.plain import ask, message_box
from briefbook.gui.editing.document import Document
from briefbook.gui.safety.watch import FileWatcher
from briefbook.gui.settings import save_settings
from briefbook.gui.window.services import WindowServices

BRIEF_SUFFIX = ".brief.yaml"
BRIEF_FILTER = "Briefs (*.brief.yaml *.yaml *.yml);;All files (*)"


def ask_save_changes(parent: QWidget, name: str, verb: str) -> QMessageBox.StandardButton:
    """Save / Discard / Cancel for unsaved changes (tests patch ``QMessageBox.question``)."""
    return ask(
        parent,
        "Unsaved changes",
        f"“{name}” has changes that are not saved.\n\nSave them before you {verb.lower()}?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


def ask_read_only(parent: QWidget, path: Path) -> str:
    """The file to save over is read-only: ``"save"`` (anyway, it stays read-only),
    ``"save_as"`` or ``"cancel"`` (tests patch this)."""
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        "Read-only file",
        f"“{path.name}” is read-only.",
        f"{path}\n\nSomeone may have made it read-only so that it stays as it "
        "is. Replace it anyway (it stays read-only), or save under another name?",
    )
    save = box.addButton("Save Anyway", QMessageBox.ButtonRole.DestructiveRole)
    save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "save_as" if clicked is save_as else "cancel"


def with_brief_suffix(path: Path) -> Path:
    """``path`` ending in ``.brief.yaml`` unless the user typed a YAML name of their own."""
    if path.name.endswith((".yaml", ".yml")):
        return path
    return path.with_name(path.name + BRIEF_SUFFIX)


class BriefSaver:
    """Saves one main window's brief; the File menu's Save and Save As, and the question
    asked before a brief is closed or replaced."""

    def __init__(self, window: WindowServices, watcher: FileWatcher) -> None:
        self.window = window
        #: The parent of the dialogs saving opens.
        self.widget = window.window()
        #: Told about the file once it is saved (it is the brief's file from then on).
        self.watcher = watcher

    @property
    def document(self) -> Document:
        return self.window.document

    def save(self) -> bool:
        """Save to the brief's file (asking for one the first time); True when saved."""
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        from briefbook.core.distribution.naming import safe_file_stem

        document = self.document
        if document.path is not None:
            suggestion = document.path
        else:
            folder = Path(self.window.settings.last_export_dir or Path.home())
            suggestion = folder / (safe_file_stem(document.brief.meta.title) + BRIEF_SUFFIX)
        name, _ = QFileDialog.getSaveFileName(
            self.widget, "Save the brief as", str(suggestion), BRIEF_FILTER
        )
        if not name:
            return False
        target = with_brief_suffix(Path(name))
        if target != document.path and not self.window.locks.may_use(target, self.widget, "save"):
            return False
        return self.save_to(target)

    def save_to(self, path: Path, *, replace_read_only: bool = False) -> bool:
        """Write the brief to ``path``; in another folder, its picture paths follow.

        On failure the user is told why, the brief stays open and unsaved, and
        nothing half-written is left (the file on disk is the old one, complete).
        """
        from briefbook.core.fileformat import save
        from briefbook.core.safety.filemodes import export_limit
        from briefbook.gui.safety.relocate import (
            apply_relocation,
            copy_chosen_pictures,
            newly_outside_pictures,
            plan_relocation,
            warn_now_outside,
        )

        document = self.document
        if document.load_problems:
            from briefbook.gui.window.problems import ask_save_without_unread

            if not ask_save_without_unread(self.widget, document):
                self.window.statusBar().showMessage("Not saved", 4000)
                return False
        plan = plan_relocation(document, path)
        written = plan[0] if plan is not None and plan[1].changed else document.brief
        copied: list[str] = []
        if document.path is None:  # a first save: pictures chosen from elsewhere come along
            written, copied = copy_chosen_pictures(document, written, path.parent)
        try:
            # A copy of a private brief (Save As) is as private as the brief.
            limit = export_limit(document.path) if document.path != path else 0o7777
            save(written, path, replace_read_only=replace_read_only, limit=limit)
        except ReadOnlyFileError:
            choice = ask_read_only(self.widget, path)
            if choice == "save":
                return self.save_to(path, replace_read_only=True)
            return self.save_as() if choice == "save_as" else False
        except BriefbookError as error:
            show_error(
                self.widget,
                f"Could not save {path.name}; the brief is still open and unsaved",
                error,
            )
            return False
        except OSError as error:
            show_error(
                self.widget,
                f"Could not save {path.name}; the brief is still open and unsaved",
                FileAccessError(path, error.strerror or str(error)),
            )
            return False
        moved = document.path != path
        if written is not document.brief:
            apply_relocation(document, written)
        document.brief.source = path
        newly_outside = newly_outside_pictures(document, plan[1], path) if plan else []
        document.path = path
        if moved:
            self.watcher.watch(path)
        else:
            self.watcher.accept_current()
        document.undo_stack.setClean()
        if document.load_problems:  # the file now holds what the brief holds
            document.load_problems, document.problem_places = [], []
            self.window.problems.show_document(document)
        if moved:
            document.path_changed.emit()
        self.window.settings.add_recent(path)
        save_settings(self.window.settings)
        self.window.statusBar().showMessage(f"Saved {path}", 4000)
        if copied:
            self.window.statusBar().showMessage(
                f"Saved {path}; copied into its folder: {', '.join(copied)}", 10_000
            )
        warn_now_outside(self.widget, newly_outside, path)
        return True

    def maybe_save(self, verb: str) -> bool:
        """Ask about unsaved changes; True when it is fine to go on (saved or discarded)."""
        if not self.document.is_modified:
            return True
        answer = ask_save_changes(self.widget, self.document.display_name(), verb)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard
