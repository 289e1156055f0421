"""The cover form: the brief's own fields (title, dates, place, marking, status, page size...)."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, QStringListModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefbook.core.distribution.editions import marking_scheme
from briefbook.core.fileformat.reading_layout import page_format_problem
from briefbook.core.labels import label as printed_word
from briefbook.core.markings import parse_scheme_text, scheme_text
from briefbook.core.model import DEFAULT_MARKINGS, PAGE_SIZES, DateRange, Meta
from briefbook.gui.editing import commands
from briefbook.gui.editing.document import Document
from briefbook.gui.editors.datefield import DateField
from briefbook.gui.editors.editions import EditionsEditor
from briefbook.gui.editors.image import ImagePicker
from briefbook.gui.editors.language import ClockBox, LanguageBox
from briefbook.gui.editors.widgets import LineEdit, set_line_text

#: Text fields of the cover: (field, label, placeholder).
_TEXT_FIELDS = [
    ("title", "Title", "e.g. Visit to Italy"),
    ("subtitle", "Subtitle", "e.g. Briefing book for the Secretary General"),
    ("location", "Place", "City, country"),
    ("organisation", "Organisation", "The issuing office"),
    ("prepared_by", "Prepared by", "Team or person"),
    ("version", "Version", "e.g. 3"),
    ("timezone", "Time zone", "Where the event is, e.g. Europe/Rome"),
    ("home_timezone", "Home time zone", "Optional: schedules then show home times too"),
]


#: The numbering choices (value, as the form shows it), and the page number's places.
_NUMBERINGS = (("decimal", "1, 1.1, 2… (labels where given)"), ("none", "None (labels only)"))
_POSITIONS = (("bottom", "at the foot"), ("top", "at the top"))


@cache
def time_zone_names() -> list[str]:
    """Every IANA time zone name this system knows, sorted (read once: it scans a folder)."""
    import zoneinfo

    try:
        return sorted(zoneinfo.available_timezones())
    except OSError:
        return []


class CoverEditor(QScrollArea):
    """Edits ``brief.meta``; every change is an undo command."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._pushing = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(12, 10, 12, 12)
        heading = QLabel("Cover and brief settings")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        outer.addWidget(heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)

        self.fields: dict[str, LineEdit] = {}
        for name, _label, placeholder in _TEXT_FIELDS:
            edit = LineEdit()
            edit.setPlaceholderText(placeholder)
            edit.textEdited.connect(lambda text, n=name: self._set(n, text, merge=True))
            self.fields[name] = edit
        self.fields["version"].setMaximumWidth(120)
        # The zone names are filled in when a zone field first gets the focus: reading them
        # scans the system's zone folder, which the first screen need not wait for.
        self.zone_names = QStringListModel(self)
        zones = QCompleter(self.zone_names, self)
        zones.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        zones.setFilterMode(Qt.MatchFlag.MatchContains)
        for name in ("timezone", "home_timezone"):
            self.fields[name].setCompleter(zones)
            self.fields[name].installEventFilter(self)

        # Typed or picked; the start's calendar opens at the end date when there is no
        # start yet, the end's at the start date.
        self.start = DateField(
            placeholder="e.g. 15 Sep 2025", calendar_start=lambda: self._dates().end
        )
        self.end = DateField(
            placeholder="none", calendar_start=lambda: self._dates().start or self._dates().end
        )
        self.start.value_changed.connect(lambda _d: self._set_dates())
        self.end.value_changed.connect(lambda _d: self._set_dates())
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.end)
        self.end.setToolTip("Leave as “none” for a one-day event")
        dates.addStretch(1)

        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.setToolTip("Printed at the top and bottom of every page; empty for none")
        if (line := self.marking.lineEdit()) is not None:  # editable: it has one
            line.setPlaceholderText("none")
        self.marking.currentTextChanged.connect(lambda text: self._set("marking", text, True))

        self.status_group = QButtonGroup(self)
        self.draft = QRadioButton("Draft (prints a DRAFT watermark)")
        self.final = QRadioButton("Final")
        self.status_group.addButton(self.draft)
        self.status_group.addButton(self.final)
        status = QHBoxLayout()
        status.addWidget(self.draft)
        status.addWidget(self.final)
        status.addStretch(1)
        self.draft.toggled.connect(
            lambda on: self._set("status", "draft" if on else "final", merge=False)
        )

        self.page_size = QComboBox()
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.currentTextChanged.connect(lambda text: self._set("page_size", text, False))

        self.scheme = LineEdit()
        self.scheme.setPlaceholderText(", ".join(DEFAULT_MARKINGS))
        self.scheme.setToolTip(
            "The markings this brief uses, lowest first, separated by semicolons, each with\n"
            "its portion mark in brackets: “us; SECRET//NOFORN (S//NF)”. A preset (us, uk,\n"
            "nato) may come first. Editions leave out what is marked above their ceiling."
        )
        self.scheme.editingFinished.connect(self._set_scheme)
        self.portion_marks = QCheckBox(
            "Print each heading, paragraph, item and row's portion mark, e.g. “(S)”"
        )
        self.portion_marks.toggled.connect(lambda on: self._set("portion_marks", on, False))

        self.cover = QCheckBox("Cover page")
        self.cover.setToolTip("Without it the dossier starts with its first section")
        self.cover.toggled.connect(lambda on: self._set("cover", on, False))
        self.contents = QCheckBox("Contents page")
        self.contents.toggled.connect(lambda on: self._set("contents", on, False))
        pages = QHBoxLayout()
        pages.addWidget(self.cover)
        pages.addWidget(self.contents)
        pages.addStretch(1)
        self.numbering = QComboBox()
        for value, text in _NUMBERINGS:
            self.numbering.addItem(text, value)
        self.numbering.setToolTip(
            "A section's own label (“TAB A”) prints instead of its number either way"
        )
        self.numbering.currentIndexChanged.connect(
            lambda i: self._set("numbering", self.numbering.itemData(i), False)
        )
        self.page_number = LineEdit()
        self.page_number.setToolTip(
            "How page numbers print: {page} is the page, {pages} "
            "the page count, e.g. “-{page}-”; empty for the default"
        )
        self.page_number.textEdited.connect(self._set_page_number)
        self.page_number_top = QComboBox()
        for value, text in _POSITIONS:
            self.page_number_top.addItem(text, value)
        self.page_number_top.currentIndexChanged.connect(
            lambda i: self._set("page_number_position", self.page_number_top.itemData(i), False)
        )
        numbers = QHBoxLayout()
        numbers.addWidget(self.page_number, 1)
        numbers.addWidget(self.page_number_top)

        self.keywords = LineEdit()
        self.keywords.setPlaceholderText("Comma-separated, for the PDF's metadata")
        self.keywords.textEdited.connect(self._set_keywords)

        self.logo = ImagePicker(document, size=QSize(160, 80))
        self.logo.path_edit.editingFinished.connect(
            lambda: self._set("logo", self.logo.path_edit.text().strip(), merge=False)
        )
        self.logo.browse.clicked.disconnect()
        self.logo.browse.clicked.connect(self._browse_logo)
        self.logo.clear.clicked.connect(lambda: self._set("logo", "", merge=False))

        form.addRow("Title", self.fields["title"])
        form.addRow("Subtitle", self.fields["subtitle"])
        form.addRow("Dates", dates)
        form.addRow("Place", self.fields["location"])
        form.addRow("Organisation", self.fields["organisation"])
        form.addRow("Prepared by", self.fields["prepared_by"])
        form.addRow("Logo", self.logo)
        form.addRow("Marking", self.marking)
        form.addRow("Marking scheme", self.scheme)
        form.addRow("", self.portion_marks)
        self.authority: dict[str, LineEdit] = {}
        for key, label in (
            ("classified_by", "Classified by"),
            ("derived_from", "Derived from"),
            ("reason", "Reason"),
            ("declassify_on", "Declassify on"),
        ):
            edit = self.authority[key] = LineEdit()
            edit.setPlaceholderText("Printed on the cover, lower left (32 CFR 2001.21)")
            edit.textEdited.connect(lambda text, k=key: self._set_authority(k, text))
            form.addRow(label, edit)
        form.addRow("Version", self.fields["version"])
        form.addRow("Status", status)
        form.addRow("Page size", self.page_size)
        form.addRow("Pages", pages)
        form.addRow("Numbering", self.numbering)
        form.addRow("Page numbers", numbers)
        self.language, self.clock = LanguageBox(document), ClockBox(document)
        form.addRow("Language", self.language)
        form.addRow("Clock", self.clock)
        form.addRow("Time zone", self.fields["timezone"])
        form.addRow("Home time zone", self.fields["home_timezone"])
        form.addRow("Keywords", self.keywords)

        editions = QLabel("Editions")
        editions.setFont(font)
        outer.addSpacing(10)
        outer.addWidget(editions)
        hint = QLabel(
            "Versions of the dossier for different readers: each leaves out the "
            "sections marked above its ceiling, or chosen by tag. Export one from "
            "File › Export PDF."
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        outer.addWidget(hint)
        self.editions = EditionsEditor(document)
        outer.addWidget(self.editions)
        outer.addStretch(1)

        document.meta_changed.connect(self._meta_changed)
        self.refresh()

    def _dates(self) -> DateRange:
        return self.document.brief.meta.dates

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and self.zone_names.rowCount() == 0:
            self.zone_names.setStringList(time_zone_names())
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        meta = self.document.brief.meta
        for field, value in ((self.start, meta.dates.start), (self.end, meta.dates.end)):
            if field.is_valid() or field.value() != value:  # keep text being corrected
                field.set_value(value)
        widgets = [
            self.marking,
            self.draft,
            self.final,
            self.page_size,
            self.portion_marks,
            self.cover,
            self.contents,
            self.numbering,
            self.page_number_top,
        ]
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            for name, edit in self.fields.items():
                set_line_text(edit, getattr(meta, name))
            scheme = ["", *marking_scheme(self.document.brief)]
            if [self.marking.itemText(i) for i in range(self.marking.count())] != scheme:
                self.marking.clear()
                self.marking.addItems(scheme)
            if self.marking.currentText() != meta.marking:
                self.marking.setEditText(meta.marking)
            self.portion_marks.setChecked(meta.portion_marks)
            self.draft.setChecked(meta.status == "draft")
            self.final.setChecked(meta.status == "final")
            self.page_size.setCurrentText(meta.page_size)
            self.cover.setChecked(meta.cover)
            self.contents.setChecked(meta.contents)
            self.numbering.setCurrentIndex(max(0, self.numbering.findData(meta.numbering)))
            self.page_number_top.setCurrentIndex(
                max(0, self.page_number_top.findData(meta.page_number_position))
            )
        finally:
            for widget, old in zip(widgets, blocked, strict=True):
                widget.blockSignals(old)
        set_line_text(self.keywords, ", ".join(meta.keywords))
        self.page_number.setPlaceholderText(printed_word("page_number", meta.language, meta.labels))
        if page_format_problem(self.page_number.text()) is None:  # keep text being corrected
            set_line_text(self.page_number, meta.page_number_format)
        set_line_text(self.scheme, scheme_text(meta))
        for key, edit in self.authority.items():
            set_line_text(edit, getattr(meta.classification_block, key))
        self.logo.show_path(meta.logo)

    def _meta_changed(self) -> None:
        if not self._pushing:
            self.refresh()

    def _push(self, new: Meta, text: str, merge_key: Any) -> None:
        if new == self.document.brief.meta:
            return
        self._pushing = True
        try:
            self.document.undo_stack.push(commands.EditMeta(self.document, new, text, merge_key))
        finally:
            self._pushing = False

    def _set(self, name: str, value: Any, merge: bool) -> None:
        new = copy.deepcopy(self.document.brief.meta)
        setattr(new, name, value)
        label = name.replace("_", " ")
        self._push(new, f"Change {label}", name if merge else None)
        if name == "logo":
            self.logo.show_path(self.document.brief.meta.logo)

    def _set_dates(self) -> None:
        new = copy.deepcopy(self.document.brief.meta)
        new.dates.start = self.start.value()
        new.dates.end = self.end.value()
        self._push(new, "Change dates", None)

    def _set_scheme(self) -> None:
        new = copy.deepcopy(self.document.brief.meta)
        new.marking_preset, new.markings = parse_scheme_text(self.scheme.text())
        self._push(new, "Change marking scheme", None)
        self.refresh()

    def _set_authority(self, key: str, text: str) -> None:
        new = copy.deepcopy(self.document.brief.meta)
        setattr(new.classification_block, key, text)
        self._push(new, "Change classification authority", key)

    def _set_page_number(self, text: str) -> None:
        """A page number format, once it is one (``{page}`` and ``{pages}`` only)."""
        problem = page_format_problem(text)
        self.page_number.setStyleSheet("color: #a61b1b;" if problem else "")
        self.page_number.setToolTip(problem or "")
        if problem is None:
            self._set("page_number_format", text, merge=True)

    def _set_keywords(self, text: str) -> None:
        new = copy.deepcopy(self.document.brief.meta)
        new.keywords = [word.strip() for word in text.split(",") if word.strip()]
        self._push(new, "Change keywords", "keywords")

    def _browse_logo(self) -> None:
        chosen = self.logo.choose()
        if chosen:
            self._set("logo", chosen, merge=False)

    def find_text(self, needle: str) -> bool:
        key = needle.casefold()
        for edit in self.fields.values():
            if key in edit.text().casefold():
                edit.setFocus()
                start = edit.text().casefold().find(key)
                edit.setSelection(start, len(needle))
                return True
        return False
