"""Annexes: a ~300-page dossier with a 300-page annex against the same dossier alone,
each export in a fresh process, alternating, measured in the same run.

    python -m benchmarks.annexes [--runs N] [-o DIR]

Prints the median seconds and peak memory of both and their ratio (the target is at
most 1.25: placing the annex's pages with pikepdf costs little next to laying out
the dossier with ReportLab).
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from benchmarks.generate import write_brief
from benchmarks.procs import run_json
from briefbook.core import model as m
from briefbook.core.fileformat import load, save

ANNEX_PAGES = 300


def annex(path: Path, pages: int = ANNEX_PAGES) -> None:
    """A text-heavy annex of ``pages`` pages (every tenth landscape), with bookmarks."""
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=A4, invariant=1)
    words = "The parties agree to cooperate on maritime security and port access. " * 3
    for number in range(1, pages + 1):
        size = landscape(A4) if number % 10 == 0 else A4
        canv.setPageSize(size)
        canv.setFont("Helvetica-Bold", 16)
        canv.drawString(60, size[1] - 80, f"Agreement, page {number}")
        canv.bookmarkPage(f"p{number}")
        canv.addOutlineEntry(f"Article {number}", f"p{number}")
        canv.setFont("Helvetica", 9)
        for line in range(60):
            canv.drawString(60, size[1] - 110 - line * 11, f"{line + 1}. {words[:95]}")
        canv.showPage()
    canv.save()
    path.write_bytes(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    folder = args.output or Path(tempfile.mkdtemp(prefix="bb-annex-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    alone = write_brief(300, folder)
    (folder / "annexes").mkdir(exist_ok=True)
    annex(folder / "annexes" / "agreement.pdf")
    brief = load(alone)
    brief.sections.append(m.Section("Annex: the agreement", [m.PdfBlock("annexes/agreement.pdf")]))
    with_annex = folder / "bench-300-annex.brief.yaml"
    save(brief, with_annex, backup=False)
    times: dict[str, list[float]] = {"alone": [], "annex": []}
    memory: dict[str, list[int]] = {"alone": [], "annex": []}
    pages: dict[str, int] = {}
    for _ in range(args.runs):
        for name, source in (("alone", alone), ("annex", with_annex)):
            found = run_json(
                "benchmarks.child", "export", "briefbook", str(source), str(folder / f"{name}.pdf")
            )
            times[name].append(found["seconds"])
            memory[name].append(found["peak_rss_kb"])
            pages[name] = found["pages"]
    alone_s, annex_s = statistics.median(times["alone"]), statistics.median(times["annex"])
    print(
        f"dossier alone:     {pages['alone']:4d} pages  {alone_s:6.2f} s  "
        f"peak {max(memory['alone']) // 1024} MB"
    )
    print(
        f"with a {ANNEX_PAGES}-page annex: {pages['annex']:4d} pages  {annex_s:6.2f} s  "
        f"peak {max(memory['annex']) // 1024} MB"
    )
    print(f"ratio: {annex_s / alone_s:.2f} (target at most 1.25)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
