"""Preview latency, measured in the real window, offscreen, the way a user's edit travels.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.preview_child FILE [EDITS]

The main window opens the brief and shows its first preview. Then, EDITS
times, one text block of a section in the middle of the brief is changed
through the same undo command the text editor pushes on a keystroke
(``EditBlock``). The clock runs from that push to the image of the section's
first page: the document's ``edited`` signal starts the preview controller's
debounce timer, the timer starts a render in the worker, the pane loads the
new PDF into a ``QPdfDocument`` and swaps it in (``pages_shown``), and the
page is rasterised with ``QPdfDocument.render`` at the view's width, as the
view does when it paints. A bare ``render_pdf`` of the same brief in the same
process gives the ratio asked for in issue 3. Prints one JSON line.
"""

from __future__ import annotations

import copy
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BRIEFBOOK_HOME", tempfile.mkdtemp(prefix="briefbook-bench-home-"))

from PySide6.QtCore import QEventLoop, QSize, QTimer, SignalInstance

TIMEOUT_MS = 120_000


def wait_for(signal: SignalInstance, timeout_ms: int = TIMEOUT_MS) -> bool:
    """Run the event loop until ``signal`` fires; False on timeout."""
    loop = QEventLoop()
    fired: list[bool] = []

    def quit_fired(*_args: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(quit_fired)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(quit_fired)
    return bool(fired)


def settle(ms: int) -> None:
    """Let queued events run for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def target_section(brief: Any) -> tuple[tuple[int, ...], Any]:
    """A top-level section near the middle whose first block is text (and that block)."""
    from briefbook.core.model import TextBlock

    middle = len(brief.sections) // 2
    order = sorted(range(len(brief.sections)), key=lambda i: abs(i - middle))
    for i in order:
        blocks = brief.sections[i].blocks
        if blocks and isinstance(blocks[0], TextBlock):
            return (i,), blocks[0]
    raise SystemExit("no section starting with a text block")


def page_image(document: Any, page: int, width: int) -> float:
    """Rasterise one page at ``width`` pixels as the view does; returns when it is done."""
    points = document.pagePointSize(page)
    image = document.render(page, QSize(width, round(width * points.height() / points.width())))
    if image.isNull():
        raise SystemExit("the page image is empty")
    return time.perf_counter()


def load_pdf(pdf: bytes) -> tuple[Any, Any]:
    """A QPdfDocument holding ``pdf``, once ready (with the buffer it must outlive)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        wait_for(document.statusChanged)
    return document, buffer


def through_window(window: Any, path: tuple[int, ...], block: Any, edits: int) -> list[dict]:
    """Edits pushed on the undo stack; the app's preview controller does the rest."""
    from briefbook.gui.commands import EditBlock

    document, pane, controller = window.document, window.preview, window.previewer
    fired: list[float] = []
    controller.timer.timeout.connect(lambda: fired.append(time.perf_counter()))
    rows = []
    for k in range(edits):
        new = copy.deepcopy(block)
        new.text = block.text + f" Edited for the benchmark ({k + 1})."
        fired.clear()
        start = time.perf_counter()
        document.undo_stack.push(EditBlock(document, block, new, "Edit text"))
        if not wait_for(pane.pages_shown):
            raise SystemExit("the preview did not update")
        shown = time.perf_counter()
        page = pane.section_pages[path] - 1
        done = page_image(pane.document, page, max(400, pane.view.viewport().width()))
        fire = fired[0] if fired else start
        rows.append({"total_s": done - start, "debounce_s": fire - start,
                     "after_debounce_s": done - fire, "render_and_swap_s": shown - fire,
                     "image_s": done - shown, "on_section_page": pane.current_page() == page})
        settle(50)
    return rows


def through_section_api(window: Any, path: tuple[int, ...], edits: int) -> list[float] | None:
    """The renderer's section-only layout (``RenderOptions.only_section``), as a preview
    could use it: copy the edited section, lay it out alone with the page numbers of
    the last full render, load the PDF and rasterise the section's first page."""
    import dataclasses

    from briefbook.core.model import Brief
    from briefbook.render import RenderOptions, render_pdf

    if "only_section" not in {f.name for f in dataclasses.fields(RenderOptions)}:
        return None
    brief, last = window.document.brief, window.preview.result
    index = path[0]
    block = brief.sections[index].blocks[0]
    times = []
    for k in range(edits):
        start = time.perf_counter()
        edited = copy.deepcopy(brief.sections[index])
        edited.blocks[0].text = block.text + f" Section-only edit ({k + 1})."
        sections = [edited if i == index else s for i, s in enumerate(brief.sections)]
        snapshot = Brief(meta=copy.deepcopy(brief.meta), sections=sections, source=brief.source)
        options = RenderOptions(only_section=index, first_page=last.section_pages[path],
                                total_pages=last.page_count)
        result = render_pdf(snapshot, options)
        pdf_document, _buffer = load_pdf(result.pdf)
        times.append(page_image(pdf_document, 0, max(400, window.preview.view.viewport().width()))
                     - start)
    return times


def measure(source: Path, edits: int) -> dict[str, Any]:
    t_start = time.perf_counter()
    from briefbook.core.fileformat import load
    from briefbook.gui.app import application
    from briefbook.gui.document import Document
    from briefbook.gui.mainwindow import MainWindow
    from briefbook.gui.settings import load_settings
    from briefbook.render import render_pdf

    _app = application()  # keep a reference for the whole measurement
    document = Document(load(source), source)
    settings = load_settings()
    window = MainWindow(settings, document)
    window.resize(1366, 768)
    window.show()
    if not wait_for(window.preview.pages_shown):
        raise SystemExit("the first preview never came")
    first_preview_s = time.perf_counter() - t_start
    path, block = target_section(document.brief)
    window.reveal(path)
    settle(300)
    rows = through_window(window, path, block, edits)
    section_only = through_section_api(window, path, edits)
    bare, snapshots = [], []
    for _ in range(2):
        start = time.perf_counter()
        snapshot = document.snapshot()
        snapshots.append(time.perf_counter() - start)
        start = time.perf_counter()
        result = render_pdf(snapshot)
        bare.append(time.perf_counter() - start)

    def median(key: str) -> float:
        return statistics.median(row[key] for row in rows)

    return {
        "pages": result.page_count, "edits": edits, "debounce_ms": settings.preview_delay_ms,
        "first_preview_s": first_preview_s, "total_s": median("total_s"),
        "after_debounce_s": median("after_debounce_s"),
        "render_and_swap_s": median("render_and_swap_s"), "image_s": median("image_s"),
        "bare_export_s": statistics.median(bare), "snapshot_s": statistics.median(snapshots),
        "section_only_s": statistics.median(section_only) if section_only else None,
        "followed_section": all(row["on_section_page"] for row in rows), "runs": rows,
    }


def main(argv: list[str]) -> None:
    if not 1 <= len(argv) <= 2:
        raise SystemExit(__doc__)
    found = measure(Path(argv[0]), int(argv[1]) if len(argv) > 1 else 5)
    print(json.dumps(found), flush=True)
    sys.stdout.flush()
    os._exit(0)  # skip tearing the window down: nothing is left to measure


if __name__ == "__main__":
    main(sys.argv[1:])
