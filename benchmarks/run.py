"""Run the whole speed suite and write ``benchmarks/RESULTS.md``.

    python -m benchmarks.run            # full run, about 4 minutes on 2 cores
    python -m benchmarks.run --quick    # fewer repetitions, about 1.5 minutes

Every measurement runs in a fresh process; briefbook and the baseline take
turns, so a slow patch of the machine hits both. See README.md for what each
figure means.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import report
from benchmarks.generate import SECTIONS, SIZES, write_brief
from benchmarks.machine import describe, load_average
from benchmarks.procs import ROOT, run_json, run_milestones


@dataclass(frozen=True)
class Plan:
    """How many times each figure is measured (the median is reported)."""

    export_runs: dict[int, int]
    preview_edits: dict[int, int]
    startup_runs: int
    fileio_runs: int


PLANS: dict[str, Plan] = {
    "full": Plan({30: 7, 300: 5, 1500: 3}, {30: 7, 100: 5, 300: 5}, startup_runs=7, fileio_runs=5),
    "quick": Plan({30: 3, 300: 2, 1500: 1}, {30: 3, 100: 3, 300: 3}, startup_runs=3, fileio_runs=2),
}


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure_exports(briefs: dict[int, Path], plan: Plan, out: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    say("warming up (one untimed export of each engine)")
    for engine in ("briefbook", "baseline"):
        run_json("benchmarks.child", "export", engine, str(briefs[SIZES[0]]), str(out / "w.pdf"))
    for size, runs in plan.export_runs.items():
        per_engine: dict[str, list[dict[str, Any]]] = {"briefbook": [], "baseline": []}
        for i in range(runs):
            order = ("briefbook", "baseline") if i % 2 == 0 else ("baseline", "briefbook")
            for engine in order:
                pdf = out / f"{engine}-{size}.pdf"
                result = run_json("benchmarks.child", "export", engine, str(briefs[size]), str(pdf))
                per_engine[engine].append(result)
                say(
                    f"export ~{size} pages, {engine:9} run {i + 1}/{runs}: "
                    f"{result['seconds']:.2f} s, {result['pages']} pages, "
                    f"peak {result['peak_rss_kb'] / 1024:.0f} MB"
                )
        found[str(size)] = per_engine
    return found


def measure_preview(briefs: dict[int, Path], plan: Plan) -> dict[str, Any]:
    found = {}
    for size, edits in plan.preview_edits.items():
        result = run_json("benchmarks.preview_child", str(briefs[size]), str(edits))
        say(
            f"preview ~{size} pages: edit → section's page {result['section_s'] * 1000:.0f} ms "
            f"after the pause ({result['section_first']} of {edits} section-first), "
            f"whole document {result['full_s'] * 1000:.0f} ms; cover edit → cover "
            f"{result['cover_total_s'] * 1000:.0f} ms from the keystroke "
            f"({result['cover_first']} of {edits} cover-first), whole document "
            f"{result['cover_full_total_s'] * 1000:.0f} ms"
        )
        found[str(size)] = result
    return found


def measure_startup(plan: Plan) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {
        "bare": [],
        "painted": [],
        "ready": [],
        "preview": [],
        "bare_cpu": [],
        "ready_cpu": [],
    }
    for mode in ("bare", "briefbook"):  # warm the file and bytecode caches
        run_milestones("benchmarks.startup_child", mode)
    for i in range(plan.startup_runs):
        bare = run_milestones("benchmarks.startup_child", "bare")
        app = run_milestones("benchmarks.startup_child", "briefbook")
        missing = {"painted", "ready", "preview"} - set(app)
        if "painted" not in bare or missing:
            raise RuntimeError(f"a start-up probe stopped early: bare {bare}, briefbook {app}")
        found["bare"].append(bare["painted"])
        found["bare_cpu"].append(bare["painted_cpu"])
        found["ready_cpu"].append(app["ready_cpu"])
        for key in ("painted", "ready", "preview"):
            found[key].append(app[key])
        say(
            f"start-up run {i + 1}/{plan.startup_runs}: bare {bare['painted']:.2f} s, "
            f"briefbook with the example {app['ready']:.2f} s"
        )
    found["pieces"] = [
        run_json("benchmarks.startup_child", "pieces") for _ in range(plan.startup_runs)
    ]
    return found


def measure_fileio(brief: Path, plan: Plan) -> list[dict[str, Any]]:
    found = []
    for i in range(plan.fileio_runs):
        result = run_json("benchmarks.child", "fileio", str(brief))
        say(
            f"load/save run {i + 1}/{plan.fileio_runs}: load {result['load_s']:.2f} s, "
            f"save {result['save_s']:.2f} s"
        )
        found.append(result)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (~1.5 min)")
    parser.add_argument(
        "--only",
        choices=("export", "preview", "startup", "fileio"),
        action="append",
        help="measure only these (repeatable)",
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=ROOT / "benchmarks" / "RESULTS.md",
        help="where to write the results (default: benchmarks/RESULTS.md)",
    )
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    mode = "quick" if args.quick else "full"
    plan = PLANS[mode]
    parts = set(args.only or ("export", "preview", "startup", "fileio"))
    started = time.perf_counter()
    machine = describe(ROOT)
    results: dict[str, Any] = {"mode": mode, "machine": machine}
    with tempfile.TemporaryDirectory(prefix="briefbook-bench-") as tmp:
        folder = Path(tmp)
        say(f"generating briefs in {folder}")
        briefs = {size: write_brief(size, folder) for size in SECTIONS}
        if "export" in parts:
            results["export"] = measure_exports(briefs, plan, folder)
        if "preview" in parts:
            results["preview"] = measure_preview(briefs, plan)
        if "startup" in parts:
            results["startup"] = measure_startup(plan)
        if "fileio" in parts:
            results["fileio"] = measure_fileio(briefs[SIZES[-1]], plan)
    results["elapsed_s"] = time.perf_counter() - started
    machine["Load average at the end"] = load_average()
    flags = " --quick" if args.quick else ""
    flags += "".join(f" --only {part}" for part in args.only or ())
    results["command"] = f"python -m benchmarks.run{flags}"
    print("\n".join(report.results_tables(results)))
    if not args.no_write:
        from benchmarks.distribution import kept_section

        kept = kept_section(args.results)  # measured by benchmarks.distribution
        args.results.write_text(
            report.markdown(results) + ("\n" + kept if kept else ""), encoding="utf-8"
        )
        say(f"written to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
