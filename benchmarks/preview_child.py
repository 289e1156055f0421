"""Preview latency, measured in the real window, offscreen, the way a user's edit travels.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.preview_child FILE [EDITS]

The main window opens the brief and shows its first preview. Then, EDITS
times, one text block of a section in the middle of the brief is changed
through the same undo command the text editor pushes on a keystroke
(``EditBlock``). The document's ``edited`` signal starts the preview
controller's two pause timers: after the short one the edited section is laid
out alone in the worker (on a long brief), after the full one the whole
document.

Two clocks run from that push:

* **section first**: to the image of the edited section's first page as the
  pane first shows it. On a long brief the controller lays the edited section
  out alone after the short pause and the pane shows it (``section_shown``);
  on a short one the whole document comes at once (``pages_shown``), and that
  is the figure. "After the pause" counts from the timer that started it.
* **whole document**: to the image of the same page once the pane shows the
  whole new PDF (``pages_shown``).

Each page is rasterised with ``QPdfDocument.render`` at the view's width, as
the view does when it paints. CPU time (the process's, both threads) is taken
over the same spans. ``Document.snapshot`` (the copy of the brief the worker
reads, made on the GUI thread) is timed on each call the controller makes. A
bare ``render_pdf`` of the same brief in the same process gives the ratio
asked for in issue 3. Prints one JSON line.
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


def through_window(window: Any, path: tuple[int, ...], block: Any, edits: int) -> list[dict]:
    """Edits pushed on the undo stack; the app's preview controller does the rest."""
    from briefbook.gui.editing.commands import EditBlock

    document, pane, controller = window.document, window.preview, window.previewer
    width = max(400, pane.view.viewport().width())
    fired: list[float] = []  # the full pause's timer
    controller.timer.timeout.connect(lambda: fired.append(time.perf_counter()))
    section_fired: list[float] = []  # the short pause's timer
    controller.section_timer.timeout.connect(lambda: section_fired.append(time.perf_counter()))
    # The section's page as the pane first shows it on its own: (wall, cpu) when rasterised.
    section_seen: list[tuple[float, float]] = []

    def section_shown(shown_path: object) -> None:
        if shown_path == path and not section_seen:
            done = page_image(pane.view.document(), 0, width)
            section_seen.append((done, time.process_time()))

    pane.section_shown.connect(section_shown)
    rows = []
    for k in range(edits):
        new = copy.deepcopy(block)
        new.text = block.text + f" Edited for the benchmark ({k + 1})."
        fired.clear()
        section_fired.clear()
        section_seen.clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        document.undo_stack.push(EditBlock(document, block, new, "Edit text"))
        if not wait_for(pane.pages_shown):
            raise SystemExit("the preview did not update")
        shown = time.perf_counter()
        page = pane.section_pages[path] - 1
        done = page_image(pane.document, page, width)
        done_cpu = time.process_time()
        fire = fired[0] if fired else start
        first, first_cpu = section_seen[0] if section_seen else (done, done_cpu)
        section_fire = section_fired[0] if section_seen and section_fired else fire
        rows.append(
            {
                "section_first": bool(section_seen),
                "section_total_s": first - start,
                "section_s": first - section_fire,
                "section_pause_s": section_fire - start,
                "section_cpu_s": first_cpu - start_cpu,
                "full_total_s": done - start,
                "full_s": done - fire,
                "full_cpu_s": done_cpu - start_cpu,
                "debounce_s": fire - start,
                "render_and_swap_s": shown - fire,
                "image_s": done - shown,
                "on_section_page": pane.current_page() == page,
            }
        )
        settle(50)
    pane.section_shown.disconnect(section_shown)
    return rows


def cover_edits(window: Any, edits: int) -> list[dict]:
    """Cover edits (the subtitle, through the command the cover form pushes on a
    keystroke): from the push to the cover's image as the pane first shows it (the
    cover laid out alone, ``section_shown(None)``, on a long brief; else the whole
    document), and to the cover's image in the whole new PDF."""
    from briefbook.gui.editing.commands import EditMeta

    document, pane, controller = window.document, window.preview, window.previewer
    width = max(400, pane.view.viewport().width())
    section_fired: list[float] = []
    controller.section_timer.timeout.connect(lambda: section_fired.append(time.perf_counter()))
    seen: list[float] = []

    def cover_shown(shown_path: object) -> None:
        if shown_path is None and not seen:
            seen.append(page_image(pane.view.document(), 0, width))

    pane.section_shown.connect(cover_shown)
    window.reveal(None)
    settle(300)
    rows = []
    for k in range(edits):
        new = copy.deepcopy(document.brief.meta)
        new.subtitle = f"{new.subtitle} (edited for the benchmark {k + 1})"
        section_fired.clear()
        seen.clear()
        start = time.perf_counter()
        document.undo_stack.push(EditMeta(document, new, "Change subtitle"))
        if not wait_for(pane.pages_shown):
            raise SystemExit("the preview did not update after a cover edit")
        done = page_image(pane.document, 0, width)
        first = seen[0] if seen else done
        fire = section_fired[0] if seen and section_fired else start
        rows.append(
            {
                "cover_first": bool(seen),
                "cover_total_s": first - start,
                "cover_s": first - fire,
                "cover_full_total_s": done - start,
            }
        )
        settle(50)
    pane.section_shown.disconnect(cover_shown)
    return rows


def timed_snapshots(document: Any) -> list[tuple[float, float]]:
    """Time every ``document.snapshot()`` call from now on: (wall, CPU of the GUI thread).
    The wall time includes waiting for Python's lock while another thread (a render,
    an autosave) holds it; the thread's CPU time is the copying itself."""
    times: list[tuple[float, float]] = []
    take = document.snapshot

    def snapshot() -> Any:
        start, start_cpu = time.perf_counter(), time.thread_time()
        found = take()
        times.append((time.perf_counter() - start, time.thread_time() - start_cpu))
        return found

    document.snapshot = snapshot
    return times


def measure(source: Path, edits: int) -> dict[str, Any]:
    t_start = time.perf_counter()
    from briefbook.core.fileformat import load
    from briefbook.gui.app import application
    from briefbook.gui.editing.document import Document
    from briefbook.gui.settings import load_settings
    from briefbook.gui.window.mainwindow import MainWindow
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
    snapshots = timed_snapshots(document)
    rows = through_window(window, path, block, edits)
    covers = cover_edits(window, edits)
    cold, bare = [], []
    for _ in range(2):
        start = time.perf_counter()
        snapshot = Document(document.brief).snapshot()  # nothing copied before: all of it
        cold.append(time.perf_counter() - start)
        start = time.perf_counter()
        result = render_pdf(snapshot)
        bare.append(time.perf_counter() - start)

    def median(key: str) -> float:
        return statistics.median(row[key] for row in rows)

    return {
        "pages": result.page_count,
        "edits": edits,
        "debounce_ms": settings.preview_delay_ms,
        "section_pause_ms": window.previewer.section_timer.interval(),
        "first_preview_s": first_preview_s,
        "section_first": sum(row["section_first"] for row in rows),
        **{
            key: median(key)
            for key in (
                "section_total_s",
                "section_s",
                "section_pause_s",
                "section_cpu_s",
                "full_total_s",
                "full_s",
                "full_cpu_s",
                "render_and_swap_s",
                "image_s",
            )
        },
        "bare_export_s": statistics.median(bare),
        "snapshot_s": statistics.median(t[0] for t in snapshots) if snapshots else None,
        "snapshot_cpu_s": statistics.median(t[1] for t in snapshots) if snapshots else None,
        "snapshot_cold_s": statistics.median(cold),
        "followed_section": all(row["on_section_page"] for row in rows),
        "runs": rows,
        "cover_first": sum(row["cover_first"] for row in covers),
        **{
            key: statistics.median(row[key] for row in covers)
            for key in ("cover_total_s", "cover_s", "cover_full_total_s")
        },
        "cover_runs": covers,
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
