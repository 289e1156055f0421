"""One distribution measurement in a fresh process; prints one JSON line.

    python -m benchmarks.dist_child one FILE OUTDIR        # one plain export
    python -m benchmarks.dist_child copies FILE OUTDIR 12  # twelve numbered copies
    python -m benchmarks.dist_child editions FILE OUTDIR   # three editions, in parallel
    python -m benchmarks.dist_child editions-serial FILE OUTDIR  # the same, one after another
    python -m benchmarks.dist_child reexport FILE OUTDIR   # export, edit one section, export

Modules are imported and the brief loaded (and, for editions, given its three
editions) before the clock starts; the clock covers planning, layout, stamping
and writing every file atomically, worker processes' start included. The
editions are those of a real dossier: the principal's (everything), the
delegation's (every section but the internal third) and the press edition
(one section in five). A re-export is timed after a first, untimed export of
the same brief in the same process (as the app would have it) and an edit of
the text of the middle section's first text block.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.child import peak_rss_kb


def with_editions(brief: Any) -> Any:
    """The brief with three editions over tagged sections (see the module's text)."""
    from briefbook.core import model as m

    for index, section in enumerate(brief.sections):
        section.tags = ["press" if index % 5 == 0 else "other"] + (
            ["internal"] if index % 3 == 1 else [])
    brief.editions = [m.Edition(name="principal"),
                      m.Edition(name="delegation", exclude_tags=["internal"]),
                      m.Edition(name="press", include_tags=["press"])]
    return brief


def children_cpu() -> float:
    """CPU time of this process's finished children (forked export workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def edit_middle_section(brief: Any) -> None:
    """Change a word in the first text block of the middle top-level section."""
    from briefbook.core import model as m

    middle = brief.sections[len(brief.sections) // 2]
    for block in middle.blocks:
        if isinstance(block, m.TextBlock):
            block.text = block.text.replace(" ", " edited ", 1)
            return
    middle.blocks.insert(0, m.TextBlock("An edited paragraph."))


def measure(mode: str, source: Path, out: Path, copies: int) -> dict[str, Any]:
    import briefbook
    from briefbook.core.distribution.copies import numbered_copies
    from briefbook.core.distribution.exportplan import ExportRequest, plan_exports
    from briefbook.render.exporting import ExportChoices, export_jobs
    from briefbook.render.parallel import export_all

    brief = briefbook.load(source)
    request = ExportRequest()
    if mode == "copies":
        request.copies = numbered_copies(copies)
    elif mode.startswith("editions"):
        brief = with_editions(brief)
        request.all_editions = True
    out.mkdir(parents=True, exist_ok=True)
    if mode == "reexport":
        export_all(plan_exports(brief, request, out / "before.pdf", out), ExportChoices())
        edit_middle_section(brief)
    children = children_cpu()
    cpu, start = time.process_time(), time.perf_counter()
    jobs = plan_exports(brief, request, out, out)
    choices = ExportChoices()
    export = export_jobs if mode == "editions-serial" else export_all
    results = export(jobs, choices)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu_seconds": cpu,
            "workers_cpu_seconds": children_cpu() - children, "files": len(results),
            "pages": [result.page_count for result in results],
            "bytes": sum(result.size for result in results), "peak_rss_kb": peak_rss_kb()}


def main(argv: list[str]) -> None:
    modes = ("one", "copies", "editions", "editions-serial", "reexport")
    if len(argv) not in (3, 4) or argv[0] not in modes:
        raise SystemExit(__doc__)
    copies = int(argv[3]) if len(argv) == 4 else 12
    print(json.dumps(measure(argv[0], Path(argv[1]), Path(argv[2]), copies)), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
