"""What tagging (PDF/UA-1) costs: the same brief exported tagged and untagged.

    python -m benchmarks.tagging              # 30, 300 and 1,500 pages: 9, 5 and 5 runs
    python -m benchmarks.tagging --quick      # 1 run each
    python -m benchmarks.tagging child tagged|untagged FILE OUT.pdf   (one measurement)

Each measurement runs in a fresh process (modules imported and the brief loaded
before the clock starts; the clock covers ``export_pdf``: layout, the structure
tree written into the file, the atomic write). The two variants take turns, after
one untimed warm-up of each; the table gives medians and the ratio tagged/untagged
of wall time, CPU time and file size, measured in the same run. "Untagged" is
``RenderOptions(tagged=False)``, the internal switch the app's preview also uses.
The targets (issue 18): at most 10 % more time and 15 % more bytes. Results are
written to ``benchmarks/TAGGING.md``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.machine import describe, load_average
from benchmarks.procs import ROOT, run_json

SIZES = (30, 300, 1500)
#: Runs of each variant per size: more where one export is short and a run's noise large.
RUNS = {30: 9, 300: 5, 1500: 5}


def child(variant: str, source: Path, out: Path) -> dict[str, Any]:
    import briefbook
    from briefbook.render import export_pdf
    from briefbook.render.options import RenderOptions

    brief = briefbook.load(source)
    options = RenderOptions(tagged=variant == "tagged")
    cpu, start = time.process_time(), time.perf_counter()
    result = export_pdf(brief, out, options)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "pages": result.page_count,
        "bytes": len(result.pdf),
    }


def measure(briefs: dict[int, Path], quick: bool, out: Path) -> dict[int, dict[str, list[Any]]]:
    found: dict[int, dict[str, list[Any]]] = {}
    for variant in ("tagged", "untagged"):
        run_json(
            "benchmarks.tagging", "child", variant, str(briefs[min(briefs)]), str(out / "warm.pdf")
        )
    for size, path in briefs.items():
        found[size] = {"tagged": [], "untagged": []}
        runs = 1 if quick else RUNS.get(size, 3)
        for i in range(runs):
            order = ("tagged", "untagged") if i % 2 == 0 else ("untagged", "tagged")
            for variant in order:
                result = run_json(
                    "benchmarks.tagging",
                    "child",
                    variant,
                    str(path),
                    str(out / f"{variant}-{size}.pdf"),
                    timeout=1800,
                )
                found[size][variant].append(result)
                print(
                    f"~{size} pages, {variant:8} run {i + 1}/{runs}: {result['seconds']:.2f} s,"
                    f" {result['pages']} pages, {result['bytes'] / 1024:.0f} KB",
                    file=sys.stderr,
                )
    return found


def table(found: dict[int, dict[str, list[Any]]]) -> list[str]:
    lines = [
        "| brief | pages | untagged | tagged | time ratio | CPU ratio | untagged size |"
        " tagged size | size ratio |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for size, runs in found.items():

        def med(variant: str, key: str, runs: dict[str, list[Any]] = runs) -> float:
            return statistics.median(r[key] for r in runs[variant])

        t, u = med("tagged", "seconds"), med("untagged", "seconds")
        tc, uc = med("tagged", "cpu_seconds"), med("untagged", "cpu_seconds")
        tb, ub = med("tagged", "bytes"), med("untagged", "bytes")
        pages = runs["tagged"][0]["pages"]
        lines.append(
            f"| ~{size} | {pages} | {u:.2f} s | {t:.2f} s | {t / u:.3f} | "
            f"{tc / uc:.3f} | {ub / 1024:.0f} KB | {tb / 1024:.0f} KB | {tb / ub:.3f} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["child"]:
        print(json.dumps(child(argv[1], Path(argv[2]), Path(argv[3]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one run per size")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    from benchmarks.generate import write_brief

    start_load = load_average()
    with tempfile.TemporaryDirectory(prefix="bench-tagging-") as scratch:
        folder = Path(scratch)
        briefs = {size: write_brief(size, folder) for size in args.sizes}
        found = measure(briefs, args.quick, folder)
    machine = describe(ROOT)
    report = [
        "# What tagging costs (issue 18)",
        "",
        "`python -m benchmarks.tagging`: each brief exported tagged (PDF/UA-1) and "
        "untagged in fresh processes, taking turns; medians of "
        + ", ".join(f"{RUNS.get(size, 3)} runs at ~{size} pages" for size in args.sizes)
        + ". Targets: time ratio "
        "<= 1.10, size ratio <= 1.15.",
        "",
        *table(found),
        "",
        *(f"- {k}: {v}" for k, v in machine.items()),
        f"- Load average: {start_load} at the start, {load_average()} at the end",
        "",
    ]
    print("\n".join(report))
    if not args.no_write:
        (ROOT / "benchmarks" / "TAGGING.md").write_text("\n".join(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
