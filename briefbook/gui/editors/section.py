"""The middle pane for a section: its title and marking, then its blocks as cards in order.

Each card has the block's own editor and buttons to move it, add a block
below it and delete it; every one of those is an undo command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefbook.core.distribution.editions import marking_scheme
from briefbook.core.model import PageBreakBlock, Section
from briefbook.core.text import one_line
from briefbook.gui.editing import commands
from briefbook.gui.editing.document import Document
from briefbook.gui.editors import BLOCK_LABELS, editor_for, new_block
from briefbook.gui.editors.base import BlockEditor
from briefbook.gui.editors.marking import MarkingCombo
from briefbook.gui.editors.widgets import LineEdit, set_line_text
from briefbook.gui.window.icons import icon


def fill_block_menu(menu: QMenu, on_pick: object) -> None:
    """One entry per block kind; ``on_pick(kind)`` is called with the chosen kind."""
    for kind, label in BLOCK_LABELS.items():
        act = menu.addAction(label)
        act.triggered.connect(lambda _=False, k=kind: on_pick(k))  # type: ignore[operator]


class BlockCard(QFrame):
    """A block's editor in a frame, with its title and buttons."""

    def __init__(self, pane: SectionEditor, index: int, editor: BlockEditor) -> None:
        super().__init__()
        self.editor = editor
        self.setObjectName("blockCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(4)
        header = QHBoxLayout()
        header.setSpacing(2)
        title = QLabel(editor.label)
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        header.addWidget(title)
        header.addStretch(1)
        self.marking: MarkingCombo | None = None
        if not isinstance(editor.block, PageBreakBlock):
            self.marking = MarkingCombo(pane.document, f"this {editor.label.lower()}")
            self.marking.show_marking(editor.block.marking)
            self.marking.chosen.connect(self._marking_chosen)
            pane.document.block_changed.connect(self._block_changed)
            header.addWidget(self.marking)
        count = len(pane.section.blocks)
        style = self.style()

        def button(
            icon: QStyle.StandardPixmap, tip: str, slot: object, enabled: bool = True
        ) -> QToolButton:
            tool = QToolButton(self)
            tool.setIcon(style.standardIcon(icon))
            tool.setToolTip(tip)
            tool.setAutoRaise(True)
            tool.setEnabled(enabled)
            tool.clicked.connect(slot)
            header.addWidget(tool)
            return tool

        button(
            QStyle.StandardPixmap.SP_ArrowUp,
            "Move this block up (Ctrl+Alt+Up)",
            lambda: pane.move_block(index, index - 1),
            index > 0,
        )
        button(
            QStyle.StandardPixmap.SP_ArrowDown,
            "Move this block down (Ctrl+Alt+Down)",
            lambda: pane.move_block(index, index + 1),
            index < count - 1,
        )
        add = QToolButton(self)
        add.setIcon(icon("add"))
        add.setToolTip("Add a block below this one")
        add.setAutoRaise(True)
        add.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(add)
        fill_block_menu(menu, lambda kind: pane.add_block(kind, index + 1))
        add.setMenu(menu)
        header.addWidget(add)
        delete = button(
            QStyle.StandardPixmap.SP_TrashIcon,
            "Delete this block",
            lambda: pane.remove_block(index),
        )
        delete.setIcon(icon("delete"))
        layout.addLayout(header)
        layout.addWidget(editor)
        for key, step in (("Ctrl+Alt+Up", -1), ("Ctrl+Alt+Down", 1)):
            move = QShortcut(QKeySequence(key), self)
            move.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            move.activated.connect(lambda s=step: pane.move_block(index, index + s))

    def _marking_chosen(self, marking: str) -> None:
        new = self.editor.copy_block()
        new.marking = marking
        self.editor.push(new, "Change block marking")

    def _block_changed(self, block: object) -> None:
        editing = self.editor.block
        if (
            block is editing
            and self.marking is not None
            and not isinstance(editing, PageBreakBlock)
        ):
            self.marking.show_marking(getattr(editing, "marking", ""))


class SectionEditor(QScrollArea):
    """Edits one section: title, marking and its blocks."""

    def __init__(self, document: Document, section: Section, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.section = section
        self.cards: list[BlockCard] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("sectionBody")
        self.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(12, 10, 12, 12)
        outer.setSpacing(8)

        self.title_edit = LineEdit()
        self.title_edit.setPlaceholderText("Section title")
        font = QFont(self.title_edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_edit.setFont(font)
        self.title_edit.textEdited.connect(self._title_edited)
        self.marking_edit = QComboBox()
        self.marking_edit.setEditable(True)
        self.marking_edit.addItems(["", *marking_scheme(document.brief)])
        if (line := self.marking_edit.lineEdit()) is not None:  # editable: it has one
            line.setPlaceholderText(f"As the brief ({document.brief.meta.marking or 'none'})")
        self.marking_edit.setToolTip("Only if this section is marked differently from the brief")
        self.marking_edit.currentTextChanged.connect(self._marking_edited)
        self.title_marking = MarkingCombo(document, "the heading")
        self.title_marking.setToolTip(
            "The heading's own marking, when it is marked lower "
            "than the section (“—” = as the section)"
        )
        self.title_marking.chosen.connect(self._title_marking_chosen)
        self.tags_edit = LineEdit()
        self.tags_edit.setPlaceholderText("Optional, comma-separated; editions choose by tag")
        self.tags_edit.textEdited.connect(self._tags_edited)
        self.label_edit = LineEdit()
        self.label_edit.setPlaceholderText("e.g. TAB A, Annex D, (ii)")
        self.label_edit.setToolTip(
            "Optional: printed instead of the section's number in "
            "its heading, the contents and the outline"
        )
        self.label_edit.textEdited.connect(self._label_edited)
        self.label_edit.setMaximumWidth(320)
        self.new_page = QCheckBox("Starts on a new page")
        self.new_page.setToolTip(
            "Sections start a page by default, subsections run on; "
            "untick to run on after what comes before"
        )
        self.new_page.toggled.connect(self._new_page_toggled)
        label_row = QHBoxLayout()
        label_row.addWidget(self.label_edit, 1)
        label_row.addWidget(self.new_page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Title", self.title_edit)
        form.addRow("Label", label_row)
        form.addRow("Marking", self.marking_edit)
        form.addRow("Title marking", self.title_marking)
        form.addRow("Tags", self.tags_edit)
        outer.addLayout(form)
        # The template's advice on what to write here: shown, never printed.
        self.guidance_hint = QLabel("")
        self.guidance_hint.setWordWrap(True)
        self.guidance_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.guidance_hint.setStyleSheet("color: #6b7280; font-style: italic;")
        self.guidance_hint.setToolTip("Guidance from the template; it does not print")
        outer.addWidget(self.guidance_hint)

        self.blocks_box = QVBoxLayout()
        self.blocks_box.setSpacing(8)
        outer.addLayout(self.blocks_box)
        self.empty_hint = QLabel(
            "This section has no blocks yet. Add text, a list, a table, "
            "a schedule… with the button below."
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setEnabled(False)
        outer.addWidget(self.empty_hint)

        self.add_button = QToolButton()
        self.add_button.setText("Add Block")
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_button.setIcon(icon("add"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        menu = QMenu(self.add_button)
        fill_block_menu(menu, lambda kind: self.add_block(kind, len(self.section.blocks)))
        self.add_button.setMenu(menu)
        outer.addWidget(self.add_button)
        outer.addStretch(1)

        document.section_changed.connect(self._section_changed)
        document.blocks_changed.connect(self._blocks_changed)
        self._section_changed(section)
        self._build_cards()

    # --- showing -------------------------------------------------------------------

    def _build_cards(self) -> None:
        for card in self.cards:
            self.blocks_box.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        for index, block in enumerate(self.section.blocks):
            card = BlockCard(self, index, editor_for(self.document, block))
            self.blocks_box.addWidget(card)
            self.cards.append(card)
        self.empty_hint.setVisible(not self.cards)
        self._show_guidance()

    def _show_guidance(self) -> None:
        """The section's guidance above its blocks, and as the placeholder of its first
        empty text field, so that it reads as a hint where the writing goes."""
        guidance = one_line(self.section.guidance)
        self.guidance_hint.setText(guidance)
        self.guidance_hint.setVisible(bool(guidance))
        if not guidance:
            return
        for card in self.cards:
            fields: list[QPlainTextEdit | QTextEdit] = [
                *card.findChildren(QPlainTextEdit),
                *card.findChildren(QTextEdit),
            ]
            for field in fields:
                if not field.toPlainText():
                    field.setPlaceholderText(guidance)
                    return

    def _section_changed(self, section: object) -> None:
        if section is self.section:
            set_line_text(self.title_edit, self.section.title)
            if self.marking_edit.currentText() != self.section.marking:
                blocked = self.marking_edit.blockSignals(True)
                self.marking_edit.setEditText(self.section.marking)
                self.marking_edit.blockSignals(blocked)
            set_line_text(self.tags_edit, ", ".join(self.section.tags))
            set_line_text(self.label_edit, self.section.label)
            blocked = self.new_page.blockSignals(True)
            self.new_page.setChecked(self.section.starts_page(self._top()))
            self.new_page.blockSignals(blocked)
            self.title_marking.show_marking(self.section.title_marking)

    def _blocks_changed(self, section: object) -> None:
        if section is self.section:
            position = self.verticalScrollBar().value()
            self._build_cards()
            QTimer.singleShot(0, self, lambda: self.verticalScrollBar().setValue(position))

    def focus_block(self, index: int) -> None:
        if 0 <= index < len(self.cards):
            card = self.cards[index]
            QTimer.singleShot(0, card, lambda: self.ensureWidgetVisible(card, 0, 40))
            card.editor.setFocus()
            child = card.editor.focusProxy() or card.editor.nextInFocusChain()
            if child is not None:
                child.setFocus()

    # --- edits -------------------------------------------------------------------------

    def _title_edited(self, text: str) -> None:
        self.document.undo_stack.push(
            commands.EditSection(
                self.document, self.section, "title", text, "Rename section", merge=True
            )
        )

    def _marking_edited(self, text: str) -> None:
        if text != self.section.marking:
            self.document.undo_stack.push(
                commands.EditSection(
                    self.document,
                    self.section,
                    "marking",
                    text,
                    "Change section marking",
                    merge=True,
                )
            )

    def _title_marking_chosen(self, marking: str) -> None:
        if marking != self.section.title_marking:
            self.document.undo_stack.push(
                commands.EditSection(
                    self.document, self.section, "title_marking", marking, "Change title marking"
                )
            )

    def _top(self) -> bool:
        """Whether the section is a top-level one (which starts a page by default)."""
        return any(section is self.section for section in self.document.brief.sections)

    def _label_edited(self, text: str) -> None:
        self.document.undo_stack.push(
            commands.EditSection(
                self.document, self.section, "label", text, "Change section label", merge=True
            )
        )

    def _new_page_toggled(self, on: bool) -> None:
        """Store the choice only where it differs from the default for the section's level."""
        value = None if on == self._top() else on
        if value != self.section.new_page:
            self.document.undo_stack.push(
                commands.EditSection(
                    self.document,
                    self.section,
                    "new_page",
                    value,
                    "Start section on a new page" if on else "Run section on",
                )
            )

    def _tags_edited(self, text: str) -> None:
        tags = [tag.strip() for tag in text.split(",") if tag.strip()]
        if tags != self.section.tags:
            self.document.undo_stack.push(
                commands.EditSection(
                    self.document, self.section, "tags", tags, "Change section tags", merge=True
                )
            )

    def add_block(self, kind: str, index: int) -> None:
        block = new_block(kind, self.document.brief)
        self.document.undo_stack.push(
            commands.InsertBlock(
                self.document, self.section, index, block, f"Add {BLOCK_LABELS[kind].lower()}"
            )
        )
        self.focus_block(index)

    def remove_block(self, index: int) -> None:
        label = self.cards[index].editor.label.lower() if index < len(self.cards) else "block"
        self.document.undo_stack.push(
            commands.RemoveBlock(self.document, self.section, index, f"Delete {label}")
        )

    def move_block(self, source: int, target: int) -> None:
        if 0 <= target < len(self.section.blocks):
            self.document.undo_stack.push(
                commands.MoveBlock(self.document, self.section, source, target, "Move block")
            )
            self.focus_block(target)

    def find_text(self, needle: str) -> bool:
        return any(card.editor.find_text(needle) for card in self.cards)
