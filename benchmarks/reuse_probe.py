"""What stands between a re-export after one edit and reusing the other sections' pages.

    python -m benchmarks.reuse_probe FILE

In one process, on the given brief (CPU time, medians of three):

* the whole export, and the edited section laid out alone (``only_section``):
  the least a re-export that reuses every other section would still lay out;
* where a whole export's time goes (cProfile, CPU time): flowables measured
  and split (``wrap``/``split``: the layout proper), drawn (``drawOn``), and the
  file written (``canvas.save``: fonts subset, streams compressed);
* whether the pages of the sections the edit did not touch come out the same:
  their content streams compared, page by page, between the export before and
  after an edit that uses only glyphs the brief already has, and one that adds
  a glyph the brief has not used yet. ReportLab numbers the glyphs of each
  font subset in the order they are first drawn in the document, so a page's
  text operators name glyphs by codes that depend on every page before it.

Prints one JSON line.
"""

from __future__ import annotations

import copy
import cProfile
import io
import json
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def cpu(call: Any, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        call()
        times.append(time.process_time() - start)
    return statistics.median(times)


def profile_shares(brief: Any) -> dict[str, float]:
    from briefbook.render.api import render_pdf

    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    render_pdf(brief)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = max(stats.total_tt, 1e-9)  # type: ignore[attr-defined]
    found = {"wrap_split": 0.0, "draw": 0.0, "save": 0.0}
    for (filename, _line, name), row in stats.stats.items():  # type: ignore[attr-defined]
        cumulative = row[3]
        if name == "save" and filename.endswith("canvas.py"):
            found["save"] = max(found["save"], cumulative)
        elif name == "handle_flowable" and filename.endswith("doctemplate.py"):
            found["layout_and_draw"] = max(found.get("layout_and_draw", 0.0), cumulative)
        elif name == "drawOn" and filename.endswith("flowables.py"):
            found["draw"] = max(found["draw"], cumulative)
        elif name == "_add" and filename.endswith("frames.py"):
            found["frame_add"] = max(found.get("frame_add", 0.0), cumulative)
    found["wrap_split"] = max(0.0, found.get("layout_and_draw", 0.0) - found["draw"])
    return {key: value / total for key, value in found.items()} | {"total_cpu_s": total}


def page_streams(pdf: bytes) -> list[bytes]:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return [
            b"".join(
                stream.read_bytes()
                for stream in (
                    page.Contents if isinstance(page.Contents, pikepdf.Array) else [page.Contents]
                )
            )
            for page in doc.pages
        ]


def untouched_pages_same(brief: Any, edited: Any, section: int) -> dict[str, int]:
    """How many pages of the sections after the edited one have the same content stream."""
    from briefbook.render.api import render_pdf

    before, after = render_pdf(brief), render_pdf(edited)
    start = before.section_pages[(section + 1,)]
    shift = after.section_pages[(section + 1,)] - start
    old, new = page_streams(before.pdf), page_streams(after.pdf)
    pairs = [
        (old[i], new[i + shift]) for i in range(start - 1, len(old)) if 0 <= i + shift < len(new)
    ]
    return {
        "pages_compared": len(pairs),
        "same": sum(a == b for a, b in pairs),
        "page_shift": shift,
    }


def measure(source: Path) -> dict[str, Any]:
    import briefbook
    from briefbook.core import model as m
    from briefbook.render.api import render_pdf
    from briefbook.render.options import RenderOptions

    brief = briefbook.load(source)
    full = render_pdf(brief)
    middle = len(brief.sections) // 2
    first_page = full.section_pages[(middle,)]
    whole_s = cpu(lambda: render_pdf(brief))
    alone_s = cpu(
        lambda: render_pdf(
            brief,
            RenderOptions(only_section=middle, first_page=first_page, total_pages=full.page_count),
        )
    )

    def edited(text: str) -> Any:
        copied = copy.deepcopy(brief)
        copied.sections[middle].blocks.insert(0, m.TextBlock(text))
        return copied

    known = untouched_pages_same(brief, edited("An edited paragraph."), middle)
    # U+0E3F (Thai baht sign): in the font, and not in the generated text.
    new_glyph = untouched_pages_same(brief, edited("A new glyph: \u0e3f."), middle)
    return {
        "pages": full.page_count,
        "whole_cpu_s": whole_s,
        "section_alone_cpu_s": alone_s,
        "section_alone_ratio": alone_s / whole_s,
        "profile": profile_shares(brief),
        "edit_with_known_glyphs": known,
        "edit_with_a_new_glyph": new_glyph,
    }


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit(__doc__)
    print(json.dumps(measure(Path(argv[0]))), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
