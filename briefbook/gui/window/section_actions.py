"""The Section menu: add from a template, duplicate, delete, rename and move sections.

Each action works on the section selected in the tree and pushes one undo command.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from briefbook.core.annexes import ANNEX_FOLDER
from briefbook.core.model import PdfBlock, Section
from briefbook.core.text import counted
from briefbook.gui.actions import Slot, make_action
from briefbook.gui.editing import commands
from briefbook.gui.editing.document import Document, SectionPath
from briefbook.gui.window.section_view import SectionTree


def _templates() -> list[tuple[str, Section]]:
    from briefbook.core.templates import section_templates

    return section_templates()


class SectionActions(QObject):
    """Actions on the current section; the main window puts them in menus and toolbars."""

    def __init__(self, tree: SectionTree, document: Document, parent: QWidget) -> None:
        super().__init__(parent)
        self.tree = tree
        self.document = document
        self.add_menu = QMenu("&Add Section", parent)
        # Filled when first opened: the section templates are a YAML file to read.
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        self.add_menu.setToolTip("Add a section from a template after the selected one")

        def action(text: str, slot: Slot, shortcut: object = None, tip: str = "") -> QAction:
            act = make_action(parent, text, slot, shortcut, tip)  # type: ignore[arg-type]
            if not tip:
                act.setToolTip(text.replace("&", ""))
            return act

        self.add_blank = action(
            "Add &Blank Section",
            self.add_blank_section,
            QKeySequence("Ctrl+Shift+N"),
            "Add an empty section",
        )
        self.add_annex = action(
            "Add &Annex (PDF…)",
            lambda: self.add_annexes(),
            None,
            "Add a section holding an existing PDF (copied into the "
            "brief's folder), its pages placed in the dossier",
        )
        tree.pdfs_dropped.connect(self.add_annexes)
        self.add_subsection = action(
            "Add Su&bsection",
            self.add_blank_subsection,
            None,
            "Add an empty subsection inside the selected section",
        )
        self.duplicate = action(
            "&Duplicate Section",
            self.duplicate_section,
            QKeySequence("Ctrl+Shift+D"),
            "Duplicate the selected section",
        )
        # No window-wide key: Delete works in the tree (a text field keeps its own keys).
        self.delete = action(
            "De&lete Section",
            self.delete_section,
            None,
            "Delete the selected section (Delete in the section list)",
        )
        self.rename = action(
            "&Rename Section",
            self.rename_section,
            QKeySequence("F2"),
            "Rename the selected section in place",
        )
        self.move_up = action(
            "Move &Up",
            self.move_section_up,
            [QKeySequence("Alt+Shift+Up"), QKeySequence("Ctrl+Shift+Up")],
            "Move the selected section up",
        )
        self.move_down = action(
            "Move Do&wn",
            self.move_section_down,
            [QKeySequence("Alt+Shift+Down"), QKeySequence("Ctrl+Shift+Down")],
            "Move the selected section down",
        )
        self.indent = action(
            "Make &Subsection",
            self.indent_section,
            [QKeySequence("Alt+Shift+Right"), QKeySequence("Ctrl+Shift+Right")],
            "Make the section a subsection of the one above",
        )
        self.outdent = action(
            "Make &Top-Level",
            self.outdent_section,
            [QKeySequence("Alt+Shift+Left"), QKeySequence("Ctrl+Shift+Left")],
            "Make the subsection a section of its own",
        )
        self.paste_sections = action(
            "&Paste as Sections",
            lambda: self.paste_as_sections(),
            QKeySequence("Ctrl+Shift+V"),
            "Paste copied material (from a document, web page or e-mail) as new sections",
        )
        self.rename.setShortcutContext(self.rename.shortcutContext().WidgetShortcut)
        tree.addAction(self.rename)
        self.delete_key = action("Delete", self.delete_section, QKeySequence.StandardKey.Delete)
        self.delete_key.setShortcutContext(self.delete_key.shortcutContext().WidgetShortcut)
        tree.addAction(self.delete_key)
        tree.current_path_changed.connect(self.update_enabled)
        self.update_enabled()

    def set_document(self, document: Document) -> None:
        self.document = document
        self.update_enabled()

    def all_actions(self) -> list[QAction]:
        return [
            self.add_blank,
            self.add_subsection,
            self.duplicate,
            self.delete,
            self.rename,
            self.move_up,
            self.move_down,
            self.indent,
            self.outdent,
        ]

    def build_menu(self, menu: QMenu) -> None:
        menu.addMenu(self.add_menu)
        menu.addAction(self.add_blank)
        menu.addAction(self.add_annex)
        menu.addAction(self.paste_sections)
        menu.addAction(self.add_subsection)
        menu.addAction(self.duplicate)
        menu.addAction(self.rename)
        menu.addAction(self.delete)
        menu.addSeparator()
        for act in (self.move_up, self.move_down, self.indent, self.outdent):
            menu.addAction(act)

    # --- state ---------------------------------------------------------------------

    def update_enabled(self, *_args: object) -> None:
        path = self.tree.current_path()
        on_section = path is not None
        for act in (self.duplicate, self.delete, self.delete_key):
            act.setEnabled(on_section)
        self.add_subsection.setEnabled(path is not None and len(path) == 1)
        self.move_up.setEnabled(self._up_target(path) is not None)
        self.move_down.setEnabled(self._down_target(path) is not None)
        self.indent.setEnabled(self._indent_target(path) is not None)
        self.outdent.setEnabled(path is not None and len(path) == 2)

    def _fill_add_menu(self) -> None:
        if self.add_menu.actions():
            return  # the templates do not change while the app runs
        for label, section in _templates():
            act = self.add_menu.addAction(label)
            act.setStatusTip(f"Add a “{label}” section after the selected one")
            act.triggered.connect(lambda _=False, s=section, n=label: self.add_section(s, n))

    # --- where things go ---------------------------------------------------------------

    def _after_current(self) -> SectionPath:
        path = self.tree.current_path()
        if path is None:
            return (len(self.document.brief.sections),)
        return (*path[:-1], path[-1] + 1)

    def _up_target(self, path: SectionPath | None) -> SectionPath | None:
        if path is None:
            return None
        if path[-1] > 0:
            return (*path[:-1], path[-1] - 1)
        if len(path) == 2:
            return (path[0],)
        return None

    def _down_target(self, path: SectionPath | None) -> SectionPath | None:
        if path is None:
            return None
        siblings = self.document.siblings(path)
        if path[-1] < len(siblings) - 1:
            return (*path[:-1], path[-1] + 1)
        if len(path) == 2:
            return (path[0] + 1,)
        return None

    def _indent_target(self, path: SectionPath | None) -> SectionPath | None:
        if path is None or len(path) != 1 or path[0] == 0:
            return None
        if self.document.brief.sections[path[0]].subsections:
            return None
        above = self.document.brief.sections[path[0] - 1]
        return (path[0] - 1, len(above.subsections))

    # --- the actions -------------------------------------------------------------------

    def add_section(self, template: Section, label: str) -> SectionPath:
        path = self._after_current()
        section = copy.deepcopy(template)
        self.document.undo_stack.push(
            commands.InsertSection(self.document, path, section, f"Add section “{label}”")
        )
        return path

    def add_blank_section(self) -> None:
        path = self._after_current()
        self.document.undo_stack.push(
            commands.InsertSection(self.document, path, Section(title="New section"), "Add section")
        )
        self.tree.edit(self.tree.currentIndex())

    def add_annexes(self, files: list[Path] | None = None) -> int:
        """Add a section holding each PDF (asked for when ``files`` is None), after the
        selected one; each file is copied into the brief's folder. One undo step each."""
        from briefbook.gui.editors.image import path_for_brief
        from briefbook.gui.editors.pdf import choose_pdf

        if files is None:
            chosen = choose_pdf(self.tree, self.document)
            written = [chosen] if chosen else []
        else:
            written = [path_for_brief(self.document, file, ANNEX_FOLDER) for file in files]
        for path in written:
            title = Path(path).stem.replace("_", " ").replace("-", " ").strip() or "Annex"
            section = Section(title=title[:1].upper() + title[1:], blocks=[PdfBlock(path)])
            target = self._after_current()
            self.document.undo_stack.push(
                commands.InsertSection(self.document, target, section, "Add annex")
            )
            self.tree.select_path(target)
        return len(written)

    def add_blank_subsection(self) -> None:
        path = self.tree.current_path()
        if path is None or len(path) != 1:
            return
        parent = self.document.brief.sections[path[0]]
        target = (path[0], len(parent.subsections))
        self.document.undo_stack.push(
            commands.InsertSection(
                self.document, target, Section(title="New subsection"), "Add subsection"
            )
        )
        self.tree.edit(self.tree.currentIndex())

    def paste_as_sections(self, text: str | None = None, html: str | None = None) -> int:
        """Insert the clipboard's material as sections after the selected one (one undo step)."""
        from PySide6.QtGui import QGuiApplication

        from briefbook.core.importing import paste_sections

        if text is None and html is None:
            mime = QGuiApplication.clipboard().mimeData()
            text = mime.text() if mime is not None else ""
            html = mime.html() if mime is not None and mime.hasHtml() else ""
        sections = paste_sections(text or "", html or "")
        return self.insert_sections(sections, "Paste")

    def insert_sections(self, sections: list[Section], verb: str) -> int:
        """Insert ``sections`` (those with any content) after the selected one as one undo
        step called "VERB N sections"; select the first. Returns how many went in."""
        sections = [s for s in sections if s.blocks or s.subsections or s.title.strip()]
        if not sections:
            return 0
        path = self._after_current()
        if len(path) == 2:  # the new sections may have subsections: they go at the top level
            path = (path[0] + 1,)
        stack = self.document.undo_stack
        stack.beginMacro(f"{verb} {counted(len(sections), 'section')}")
        for offset, section in enumerate(sections):
            stack.push(
                commands.InsertSection(
                    self.document, (path[0] + offset,), section, f"{verb} section"
                )
            )
        stack.endMacro()
        self.tree.select_path(path)
        return len(sections)

    def duplicate_section(self) -> None:
        path = self.tree.current_path()
        if path is None:
            return
        section = copy.deepcopy(self.document.brief.section_at(path))
        section.title = f"{section.title} (copy)"
        target = (*path[:-1], path[-1] + 1)
        self.document.undo_stack.push(
            commands.InsertSection(self.document, target, section, "Duplicate section")
        )

    def delete_section(self) -> None:
        path = self.tree.current_path()
        if path is None:
            return
        title = self.document.brief.section_at(path).title
        self.document.undo_stack.push(
            commands.RemoveSection(self.document, path, f"Delete section “{title}”")
        )

    def rename_section(self) -> None:
        self.tree.setFocus()
        self.tree.edit(self.tree.currentIndex())

    def _move(self, target: SectionPath | None, text: str) -> None:
        path = self.tree.current_path()
        if path is None or target is None:
            return
        self.document.undo_stack.push(commands.MoveSection(self.document, path, target, text))

    def move_section_up(self) -> None:
        self._move(self._up_target(self.tree.current_path()), "Move section up")

    def move_section_down(self) -> None:
        self._move(self._down_target(self.tree.current_path()), "Move section down")

    def indent_section(self) -> None:
        self._move(self._indent_target(self.tree.current_path()), "Make subsection")

    def outdent_section(self) -> None:
        path = self.tree.current_path()
        if path is not None and len(path) == 2:
            self._move((path[0] + 1,), "Make top-level section")
