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
the text of the middle section's first text block, through the
``SectionReuse`` the app's exports use (``reused`` says whether the pages of
the other sections were kept).
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
            ["internal"] if index % 3 == 1 else []
        )
    brief.editions = [
        m.Edition(name="principal"),
        m.Edition(name="delegation", exclude_tags=["internal"]),
        m.Edition(name="press", include_tags=["press"]),
    ]
    return brief


def children_cpu() -> float:
    """CPU time of this process's finished children (forked export workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def edit_middle_section(brief: Any) -> None:
    """Change a word in the first block of the top-level section nearest the middle that
    starts with a text block (the section ``preview_child`` edits)."""
    from briefbook.core.model import TextBlock

    middle = len(brief.sections) // 2
    for index in sorted(range(len(brief.sections)), key=lambda i: abs(i - middle)):
        blocks = brief.sections[index].blocks
        if blocks and isinstance(blocks[0], TextBlock):
            blocks[0].text = blocks[0].text.replace(" ", " edited ", 1)
            return
    raise SystemExit("no section starts with a text block")


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
    choices = ExportChoices()
    if mode == "reexport":  # as the app keeps it: the last layout's pages, in memory
        from briefbook.render.reuse import SectionReuse

        choices.reuse = SectionReuse()
        export_all(plan_exports(brief, request, out / "before.pdf", out), choices)
        edit_middle_section(brief)
    children = children_cpu()
    cpu, start = time.process_time(), time.perf_counter()
    jobs = plan_exports(brief, request, out, out)
    export = export_jobs if mode == "editions-serial" else export_all
    results = export(jobs, choices)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "workers_cpu_seconds": children_cpu() - children,
        "files": len(results),
        "pages": [result.page_count for result in results],
        "reused": getattr(choices.reuse, "last_way", "") == "reused",
        "bytes": sum(result.size for result in results),
        "peak_rss_kb": peak_rss_kb(),
    }


def main(argv: list[str]) -> None:
    modes = ("one", "copies", "editions", "editions-serial", "reexport")
    if len(argv) not in (3, 4) or argv[0] not in modes:
        raise SystemExit(__doc__)
    copies = int(argv[3]) if len(argv) == 4 else 12
    print(json.dumps(measure(argv[0], Path(argv[1]), Path(argv[2]), copies)), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
