"""Edit > Preferences: preview delay, thumbnails, what to open at start, export habit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefbook.gui.dialogs.plain import plain_label
from briefbook.gui.settings import Settings, config_dir


class PreferencesDialog(QDialog):
    """Changes ``settings`` in place when accepted (the caller saves them)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Preferences")
        self.delay = QSpinBox()
        self.delay.setRange(100, 5000)
        self.delay.setSingleStep(100)
        self.delay.setSuffix(" ms")
        self.delay.setValue(settings.preview_delay_ms)
        self.delay.setToolTip(
            "How long after you stop typing the whole document is rendered "
            "again; the section you are editing is shown sooner"
        )
        self.thumbnails = QCheckBox("Show page thumbnails beside the preview")
        self.thumbnails.setChecked(settings.show_thumbnails)
        self.reopen = QCheckBox("Open the last brief when briefbook starts")
        self.reopen.setChecked(settings.reopen_last)
        self.open_after = QCheckBox("Open the PDF after exporting it")
        self.open_after.setChecked(settings.open_after_export)
        form = QFormLayout()
        form.addRow("Update the whole preview after", self.delay)
        form.addRow("", self.thumbnails)
        form.addRow("", self.reopen)
        form.addRow("", self.open_after)
        where = plain_label(QLabel(f"Settings are kept in {config_dir()}"))
        where.setEnabled(False)
        where.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.preview_delay_ms = self.delay.value()
        self.settings.show_thumbnails = self.thumbnails.isChecked()
        self.settings.reopen_last = self.reopen.isChecked()
        self.settings.open_after_export = self.open_after.isChecked()
        super().accept()
