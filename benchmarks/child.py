"""One measurement in a fresh process; prints one JSON line for the runner.

    python -m benchmarks.child export briefbook FILE OUT.pdf
    python -m benchmarks.child export baseline FILE OUT.pdf
    python -m benchmarks.child fileio FILE

Modules are imported and the brief is loaded before the clock starts, so an
export figure is the layout and the writing of the file only. Font
registration happens inside the timed call for both engines (a fresh process
pays it once, as the command line does). Peak memory is the process's peak
resident set size, ``getrusage(RUSAGE_SELF).ru_maxrss`` read after the export:
the figure the parent would get from ``RUSAGE_CHILDREN`` for this process
alone. It includes the interpreter, ReportLab and the loaded brief; ``rss_before``
is the resident size just before the export, so the difference is the export's own.
``cpu_seconds`` is the process's CPU time for the export: the layout runs on
one thread, so on an idle machine it equals the wall time, and on a busy one it
shows what the export itself cost.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def rss_now_kb() -> int:
    """The current resident set size in KiB (Linux ``/proc``; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_rss_kb() -> int:
    """The process's peak resident set size in KiB (``ru_maxrss`` is in KiB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def export(engine: str, source: Path, out: Path) -> dict[str, Any]:
    import briefbook

    brief = briefbook.load(source)
    if engine == "briefbook":
        import briefbook.render.dossier.document
        from briefbook.render import export_pdf

        before = rss_now_kb()
        cpu, start = time.process_time(), time.perf_counter()
        result = export_pdf(brief, out)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        pages, size = result.page_count, len(result.pdf)
    else:
        from benchmarks import baseline

        before = rss_now_kb()
        cpu, start = time.process_time(), time.perf_counter()
        pdf, pages = baseline.build(brief, source.parent)
        out.write_bytes(pdf)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        size = len(pdf)
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "pages": pages,
        "bytes": size,
        "peak_rss_kb": peak_rss_kb(),
        "rss_before_kb": before,
    }


def fileio(source: Path) -> dict[str, Any]:
    """Load the brief with briefbook, save it, and parse it with bare ``yaml`` for reference."""
    import yaml

    import briefbook
    from briefbook.core import fileformat
    from briefbook.core.fileformat import writing

    text = source.read_text(encoding="utf-8")
    start = time.perf_counter()
    brief = briefbook.load(source)
    load_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / source.name
        start = time.perf_counter()
        briefbook.save(brief, target)
        save_s = time.perf_counter() - start
        saved_same = target.read_text(encoding="utf-8") == text
    start = time.perf_counter()
    fileformat.dumps(brief)
    dumps_s = time.perf_counter() - start
    representer = getattr(writing, "dumps_with_representer", None)
    representer_s = None
    if representer is not None:
        start = time.perf_counter()
        representer(brief)
        representer_s = time.perf_counter() - start
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    start = time.perf_counter()
    yaml.load(text, Loader=loader)
    yaml_s = time.perf_counter() - start
    return {
        "load_s": load_s,
        "save_s": save_s,
        "dumps_s": dumps_s,
        "dumps_representer_s": representer_s,
        "yaml_c_load_s": yaml_s,
        "bytes": len(text.encode("utf-8")),
        "round_trip_identical": saved_same,
        "yaml_loader": loader.__name__,
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["export"] and len(argv) == 4 and argv[1] in ("briefbook", "baseline"):
        found = export(argv[1], Path(argv[2]), Path(argv[3]))
    elif argv[:1] == ["fileio"] and len(argv) == 2:
        found = fileio(Path(argv[1]))
    else:
        raise SystemExit(__doc__)
    print(json.dumps(found), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
