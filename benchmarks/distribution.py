"""Numbered copies, editions and re-export against one plain export, in the same run.

    python -m benchmarks.distribution            # 5 runs of each (about 3 minutes)
    python -m benchmarks.distribution --runs 3 --no-write

Each figure is one fresh process (``benchmarks.dist_child``) on the ~300-page
generated brief; the kinds take turns, so a busy patch of the shared machine
hits all of them. The table goes into ``benchmarks/RESULTS.md`` between its
markers (``python -m benchmarks.run`` keeps that part when it rewrites the file).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.generate import write_brief
from benchmarks.machine import load_average
from benchmarks.procs import ROOT, run_json

START, END = "<!-- distribution:start -->", "<!-- distribution:end -->"
#: Targets of issue 19, as ratios to one export measured in the same run.
TARGETS = {"copies": 1.6, "editions": 1.3, "reexport": 0.4}
KINDS = ("one", "copies", "editions", "editions-serial", "reexport", "keys")
#: The keystroke latency target of issue 19 (95th percentile, during a ~300-page layout).
KEYS_P95_MS = 30.0


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure(runs: int, kinds: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory(prefix="briefbook-dist-") as tmp:
        folder = Path(tmp)
        brief = write_brief(300, folder)
        say("warming up (one untimed export)")
        run_json("benchmarks.dist_child", "one", str(brief), str(folder / "warm"))
        exports = tuple(kind for kind in kinds if kind != "keys")
        for i in range(runs):
            order = exports if i % 2 == 0 else tuple(reversed(exports))
            if "keys" in kinds:
                keys = run_json("benchmarks.keys_child", str(brief), "40")
                found["keys"].append(keys)
                say(
                    f"keys run {i + 1}/{runs}: p95 idle {keys['idle']['p95_ms']:.0f} ms, "
                    f"layout in a thread {keys['thread']['p95_ms']:.0f} ms, in the render "
                    f"process {keys['process']['p95_ms']:.0f} ms"
                )
            for kind in order:
                result = run_json(
                    "benchmarks.dist_child", kind, str(brief), str(folder / f"{kind}-{i}")
                )
                found[kind].append(result)
                say(
                    f"{kind:16} run {i + 1}/{runs}: {result['seconds']:.2f} s, "
                    f"{result['files']} files"
                )
        if "reexport" in kinds:
            found["probe"] = [run_json("benchmarks.reuse_probe", str(brief))]
            say("reuse probe done")
    return found


def median(runs: list[dict[str, Any]], key: str = "seconds") -> float:
    return statistics.median(run[key] for run in runs)


def cpu(runs: list[dict[str, Any]]) -> float:
    """Median CPU time of the runs, the worker processes' included."""
    return statistics.median(
        run["cpu_seconds"] + run.get("workers_cpu_seconds", 0.0) for run in runs
    )


def section(
    found: dict[str, list[dict[str, Any]]], loads: tuple[str, str], command: str
) -> list[str]:
    one = median(found["one"])
    one_cpu = cpu(found["one"])
    rows = [
        f"| One export (~300 pages, {found['one'][0]['pages'][0]} pages) | "
        f"{one:.2f} s | 1.00 | {one_cpu:.2f} s | 1.00 | |"
    ]
    labels = {
        "copies": "Twelve numbered copies (laid out once, stamped)",
        "editions": "Three editions, in parallel worker processes",
        "editions-serial": "Three editions, one after another (for reference)",
        "reexport": "Re-export after an edit of one section",
    }
    for kind, label in labels.items():
        if kind not in found or not found[kind]:
            continue
        seconds = median(found[kind])
        ratio = seconds / one
        target = TARGETS.get(kind)
        verdict = (
            "" if target is None else (f"≤ {target}: {'met' if ratio <= target else '**MISSED**'}")
        )
        pages = "+".join(str(p) for p in sorted(set(found[kind][0]["pages"]), reverse=True))
        used = cpu(found[kind])
        rows.append(
            f"| {label} ({found[kind][0]['files']} files; pages {pages}) | "
            f"{seconds:.2f} s | {ratio:.2f} | {used:.2f} s | {used / one_cpu:.2f} | "
            f"{verdict} |"
        )
    runs = len(found["one"])
    keys = keys_table(found.get("keys", []))
    probe = probe_notes(found.get("probe", []), found.get("reexport", []))
    return [
        START,
        "## Copies, editions and re-export (issue 19)",
        "",
        f"Produced by `{command}`: median of {runs} runs of each, fresh processes, "
        f"taking turns; load average {loads[0]} at the start, {loads[1]} at the end. "
        "What is measured: [README.md](README.md#copies-editions-and-re-export).",
        "",
        "| Distribution, ~300-page brief | Median wall time | Ratio to one export "
        "(the target's) | CPU time, all processes | Ratio in CPU time | Target |",
        "|---|---|---|---|---|---|",
        *rows,
        *keys,
        *probe,
        END,
    ]


def probe_notes(probe: list[dict[str, Any]], reexports: list[dict[str, Any]]) -> list[str]:
    """What section reuse rests on, from ``benchmarks.reuse_probe`` on the same brief."""
    if not probe:
        return []
    found = probe[0]
    shares = found["profile"]
    known, new = found["edit_with_known_glyphs"], found["edit_with_a_new_glyph"]
    reused = sum(bool(run.get("reused")) for run in reexports)
    return [
        "",
        "Section reuse (`python -m benchmarks.reuse_probe FILE` on the same brief, CPU time):",
        "",
        f"- Laying out the edited section alone takes {found['section_alone_ratio']:.3f} of "
        f"the whole export ({found['section_alone_cpu_s'] * 1000:.0f} ms against "
        f"{found['whole_cpu_s']:.2f} s): what a re-export that keeps the other sections "
        "must still lay out. The rest of a reused re-export is pikepdf opening the last "
        "layout's file, replacing the section's pages and saving it, and the structure "
        "tree of the tagged PDF written again with the section's part grafted in "
        "(`render/tagging/grafting.py`): every export is tagged, and so is this one.",
        f"- Of a whole export (under cProfile), measuring and splitting flowables takes about "
        f"{shares['wrap_split']:.0%}, drawing them {shares['draw']:.0%}, writing the file "
        f"(font subsets, compression) {shares['save']:.0%}: keeping laid-out flowables "
        "inside ReportLab would still pay for the drawing of every page, so the pages are "
        "reused in the finished PDF instead.",
        f"- Font subsetting does not block it: ReportLab numbers each subset's glyphs in the "
        f"order the document first draws them, but after an edit in the middle section the "
        f"content streams of the {known['pages_compared']} pages after it were the same on "
        f"{known['same']} pages with known glyphs and on {new['same']} with a glyph the brief "
        "had not used (it takes the next free code; no later glyph moves). The edited "
        "section's pages come with font subsets of their own, so the reused file is a little "
        "larger than a whole export.",
        "- What does block it, and falls back to a whole layout: an edit that changes the "
        "section's page count or moves a heading to another page (every later page number, "
        'the contents\' numbers and the "of Y" would change), a changed title, marking or '
        "tag (the contents, banners and outline), a change outside the section, a layout "
        "with warnings, and a brief with annexes (placed into the finished file).",
        f"- The re-export rows above reused the other sections' pages in {reused} of "
        f"{len(reexports)} runs.",
    ]


def keys_table(runs: list[dict[str, Any]]) -> list[str]:
    """Keystroke-to-screen latency: medians over the runs of each run's percentiles."""
    if not runs:
        return []
    labels = {
        "idle": "No layout running",
        "thread": "A whole-document layout in the app's worker thread (before)",
        "process": "The same layout in the render process (now)",
    }
    rows = []
    for key, label in labels.items():
        p50 = statistics.median(run[key]["p50_ms"] for run in runs)
        p95 = statistics.median(run[key]["p95_ms"] for run in runs)
        verdict = (
            ""
            if key != "process"
            else (f"p95 < {KEYS_P95_MS:.0f} ms: {'met' if p95 < KEYS_P95_MS else '**MISSED**'}")
        )
        keys = sum(run[key]["keys"] for run in runs)
        rows.append(f"| {label} | {p50:.1f} ms | {p95:.1f} ms | {keys} | {verdict} |")
    layout = statistics.median(run["thread_layout_s"] for run in runs)
    return [
        "",
        f"Keystroke to screen in the real window, offscreen, on the same brief "
        f"({runs[0]['pages']} pages; a key every {runs[0]['interval_ms']} ms; the layout "
        f"took {layout:.1f} s in the thread; `python -m benchmarks.keys_child FILE`):",
        "",
        "| Typing into a text block while… | p50 | p95 | Keys | Target |",
        "|---|---|---|---|---|",
        *rows,
    ]


def write_section(path: Path, lines: list[str]) -> None:
    """Put the section into ``path`` in place of an earlier one (or at the end)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    block = "\n".join(lines) + "\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + block + rest.split(END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")


def kept_section(path: Path) -> str:
    """The distribution section of an existing results file ("" for none)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if START not in text or END not in text:
        return ""
    return START + text.split(START, 1)[1].split(END, 1)[0] + END + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--only",
        choices=KINDS[1:],
        action="append",
        help="measure only these next to the one export (repeatable)",
    )
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    kinds = ("one", *(args.only or KINDS[1:]))
    start_load = load_average()
    found = measure(args.runs, kinds)
    flags = f" --runs {args.runs}" + "".join(f" --only {kind}" for kind in args.only or ())
    lines = section(
        found, (start_load, load_average()), f"python -m benchmarks.distribution{flags}"
    )
    print("\n".join(lines))
    if not args.no_write:
        write_section(args.results, lines)
        say(f"written to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
