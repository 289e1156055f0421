"""The export dialog's size estimate: the real render, in the background, before export.

The estimate lays the chosen edition out with the chosen profile in the worker
pool (the same renderer as the export) and shows the file's size, compared with
the e-mail target when the profile has one. Changes to the choices restart it
after a short rest, and an estimate overtaken by a newer one is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from briefbook.core.model import Brief
from briefbook.core.text import human_size
from briefbook.errors import BriefbookError
from briefbook.gui.dialogs.plain import plain_label
from briefbook.gui.workers import TaskHandle, run_task
from briefbook.render.options import RenderOptions
from briefbook.render.pictures.downsample import ImageProfile

#: How long the choices must rest before the size is estimated again (milliseconds).
ESTIMATE_DELAY_MS = 400


def size_against_target(size: int, profile: ImageProfile | None) -> str:
    """``size`` in words, compared with the profile's target when it has one."""
    if profile is None or not profile.target_bytes:
        return human_size(size)
    target = human_size(profile.target_bytes)
    if size <= profile.target_bytes:
        return f"{human_size(size)} (within the e-mail target of {target})"
    return f"{human_size(size)} (over the e-mail target of {target}: lower the resolution)"


def annex_bytes(brief: Brief) -> int:
    """The size of the annex files a brief places (those that can be read)."""
    from briefbook.core.annexes import annex_blocks, annex_file

    total = 0
    for _, block in annex_blocks(brief):
        try:
            total += annex_file(block.path, brief.base_dir).stat().st_size
        except (OSError, ValueError):
            continue
    return total


class SizeEstimate(QLabel):
    """A label showing the estimated size of the export the dialog would make.

    ``what`` gives the brief to render and the options to render it with; it is
    called on the GUI thread (a snapshot), the render runs in the worker.
    """

    estimated = Signal(int)

    def __init__(
        self, what: Callable[[], tuple[Brief, RenderOptions]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._what = what
        self._task: TaskHandle | None = None
        self.size: int | None = None  # type: ignore[assignment]  # shadows QWidget.size()
        self.each = False
        self._profile: ImageProfile | None = None
        #: The bytes of the annex files the estimate placed (their pages are counted as
        #: they are: the e-mail profile cannot downsample an annex's pictures).
        self._annex_bytes = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ESTIMATE_DELAY_MS)
        self._timer.timeout.connect(self.estimate_now)
        self.setWordWrap(True)
        plain_label(self)  # the estimate quotes error messages
        self.setToolTip(
            "Measured by laying the dossier out with these choices; a password adds a few kilobytes"
        )

    def set_each(self, each: bool) -> None:
        """Say whether the size is that of each of several copies."""
        if each != self.each:
            self.each = each
            self._show()

    def _show(self) -> None:
        if self.size is not None:
            each = ", for each copy" if self.each else ""
            text = f"About {size_against_target(self.size, self._profile)}{each}"
            if self._annex_bytes and self._profile is not None:
                text += (
                    f"; annexes add up to {human_size(self._annex_bytes)} and keep their "
                    "pictures as they are"
                )
            self.setText(text)

    def schedule(self) -> None:
        """Estimate again once the choices have rested a moment."""
        self.size = None
        self.setText("Estimating…")
        self._timer.start()

    def estimate_now(self) -> None:
        """Start measuring (an earlier estimate still running is dropped)."""
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
        try:
            brief, options = self._what()
        except BriefbookError as exc:  # e.g. the chosen edition was deleted meanwhile
            self.setText(f"Not estimated: {exc}")
            return

        def work(progress: object) -> tuple[int, int]:
            from briefbook.render.api import render_pdf

            return len(render_pdf(brief, options).pdf), annex_bytes(brief)

        def done(found: tuple[int, int]) -> None:
            self._task = None
            size, self._annex_bytes = found
            self.size = size
            self._profile = options.images
            self._show()
            self.estimated.emit(size)

        def failed(error: BaseException) -> None:
            self._task = None
            reason = f": {error}" if isinstance(error, BriefbookError) else ""
            self.setText(f"Not estimated{reason}")

        self._task = run_task(work, done, failed, owner=self)
