"""The results as Markdown tables, each figure next to its target from issue 6."""

from __future__ import annotations

import statistics
from typing import Any

#: Targets from issue 6 (on the 2-core development machine).
EXPORT_RATIO_MAX = 1.15
PEAK_MB_MAX = 400.0
#: "Growing no faster than linearly": MB per page at 1,500 pages at most this times that at 300.
LINEAR_SLACK = 1.25
PREVIEW_300_MAX_S = 0.250
STARTUP_RATIO_MAX = 1.5
#: What ``startup_child pieces`` times, as the start-up table names it.
STARTUP_PIECES = (
    ("qt_namespace", "Part of the first screen: PySide creating the `Qt` namespace's enums"),
    ("qstyle", "Part of the first screen: PySide creating `QStyle` (standard icons)"),
    ("yaml", "Part of the first screen: importing PyYAML"),
    ("model", "Part of the first screen: briefbook's model (dataclasses)"),
    ("gui_modules", "Part of the first screen: the rest of the main window's imports"),
)
LOAD_1500_MAX_S = 0.5

Results = dict[str, Any]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def mark(ok: bool) -> str:
    return "met" if ok else "**MISSED**"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def sec(seconds: float) -> str:
    return f"{seconds:.2f} s"


def mb(kb_or_bytes: float, unit: int = 1024) -> str:
    return f"{kb_or_bytes / unit:.1f} MB"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def export_figures(runs: dict[str, list[dict[str, Any]]]) -> dict[str, float]:
    """Medians of one size's export runs."""
    bb, base = runs["briefbook"], runs["baseline"]
    own = [r["peak_rss_kb"] - r["rss_before_kb"] for r in bb]
    return {
        "pages": bb[0]["pages"],
        "base_pages": base[0]["pages"],
        "time": median([r["seconds"] for r in bb]),
        "base_time": median([r["seconds"] for r in base]),
        "cpu": median([r["cpu_seconds"] for r in bb]),
        "base_cpu": median([r["cpu_seconds"] for r in base]),
        "bytes": bb[0]["bytes"],
        "base_bytes": base[0]["bytes"],
        "peak_kb": max(r["peak_rss_kb"] for r in bb),
        "base_peak_kb": max(r["peak_rss_kb"] for r in base),
        "own_kb": max(own),
        "runs": len(bb),
    }


def export_section(results: Results) -> list[str]:
    sizes = sorted(results["export"], key=int)
    figs = {size: export_figures(results["export"][size]) for size in sizes}
    head = ["Export", *[f"~{int(s):,} pages" for s in sizes], "Target"]
    rows = [
        [
            "Pages: briefbook / baseline",
            *[f"{figs[s]['pages']} / {figs[s]['base_pages']}" for s in sizes],
            "",
        ],
        ["Runs (median of)", *[str(figs[s]["runs"]) for s in sizes], ""],
        ["briefbook export", *[sec(figs[s]["time"]) for s in sizes], ""],
        ["Baseline (plain platypus, one pass)", *[sec(figs[s]["base_time"]) for s in sizes], ""],
    ]
    ratios = {s: figs[s]["time"] / figs[s]["base_time"] for s in sizes}
    per_page = {s: ratios[s] * figs[s]["base_pages"] / figs[s]["pages"] for s in sizes}
    rows.append(
        [
            "**Ratio briefbook / baseline**",
            *[f"{ratios[s]:.2f} ({mark(ratios[s] <= EXPORT_RATIO_MAX)})" for s in sizes],
            f"≤ {EXPORT_RATIO_MAX}",
        ]
    )
    cpu = {s: figs[s]["cpu"] / figs[s]["base_cpu"] for s in sizes}
    rows.append(
        [
            "**Ratio in CPU time** (the same on an idle machine; steadier on a busy one)",
            *[f"{cpu[s]:.2f} ({mark(cpu[s] <= EXPORT_RATIO_MAX)})" for s in sizes],
            f"≤ {EXPORT_RATIO_MAX}",
        ]
    )
    rows.append(
        [
            "Ratio per page (time/page over time/page)",
            *[f"{per_page[s]:.2f}" for s in sizes],
            "(for reference)",
        ]
    )
    rows.append(
        [
            "File size: briefbook / baseline",
            *[
                f"{mb(figs[s]['bytes'], 1 << 20)} / {mb(figs[s]['base_bytes'], 1 << 20)}"
                for s in sizes
            ],
            "",
        ]
    )
    largest = sizes[-1]
    rows.append(
        [
            "Peak memory (RSS): briefbook / baseline",
            *[f"{mb(figs[s]['peak_kb'])} / {mb(figs[s]['base_peak_kb'])}" for s in sizes],
            f"< {PEAK_MB_MAX:.0f} MB at ~1,500 pages: "
            f"{mark(figs[largest]['peak_kb'] / 1024 < PEAK_MB_MAX)}",
        ]
    )
    per_page_kb = {s: figs[s]["own_kb"] / figs[s]["pages"] for s in sizes}
    linear = len(sizes) < 2 or per_page_kb[sizes[-1]] <= LINEAR_SLACK * per_page_kb[sizes[-2]]
    rows.append(
        [
            "Memory the export adds (peak − RSS before)",
            *[f"{mb(figs[s]['own_kb'])} ({per_page_kb[s]:.0f} KB/page)" for s in sizes],
            f"linear in pages: {mark(linear)}",
        ]
    )
    return table(head, rows)


def preview_section(results: Results) -> list[str]:
    sizes = sorted(results["preview"], key=int)
    p = {s: results["preview"][s] for s in sizes}
    big = "300" if "300" in p else sizes[-1]
    head = [
        "Preview (edit of one section → its page as an image)",
        *[f"~{int(s):,} pages" for s in sizes],
        "Target",
    ]
    section_ok = p[big]["section_total_s"] < PREVIEW_300_MAX_S
    rows = [
        ["Pages, edits measured", *[f"{p[s]['pages']}, {p[s]['edits']}" for s in sizes], ""],
        [
            "Pauses in typing set in the app: the edited section alone / the whole document",
            *[f"{p[s].get('section_pause_ms', '–')} ms / {p[s]['debounce_ms']} ms" for s in sizes],
            "",
        ],
        [
            "Edits shown section-first (the edited section laid out alone, then the whole)",
            *[f"{p[s]['section_first']} of {p[s]['edits']}" for s in sizes],
            "",
        ],
        [
            "**Edit → the section's page as an image, the pause included**",
            *[ms(p[s]["section_total_s"]) for s in sizes],
            f"< {ms(PREVIEW_300_MAX_S)} at ~300 pages: {mark(section_ok)}",
        ],
        [
            "… of which the pause",
            *[
                ms(p[s].get("section_pause_s", p[s]["section_total_s"] - p[s]["section_s"]))
                for s in sizes
            ],
            "",
        ],
        ["… after the pause", *[ms(p[s]["section_s"]) for s in sizes], ""],
        [
            "… CPU time from the edit to that image (both threads)",
            *[ms(p[s]["section_cpu_s"]) for s in sizes],
            "",
        ],
        [
            "Edit → the whole new document shown (that page as an image), the pause included",
            *[ms(p[s]["full_total_s"]) for s in sizes],
            "(follows)",
        ],
        ["… after the pause", *[ms(p[s]["full_s"]) for s in sizes], ""],
        [
            "… of which render in the worker + load into QPdfDocument",
            *[ms(p[s]["render_and_swap_s"]) for s in sizes],
            "",
        ],
        ["… of which rasterising the section's page", *[ms(p[s]["image_s"]) for s in sizes], ""],
        [
            "… CPU time from the edit to that image (both threads)",
            *[ms(p[s]["full_cpu_s"]) for s in sizes],
            "",
        ],
        [
            "Brief copied for the worker (Document.snapshot, on the GUI thread), per render",
            *[ms(p[s]["snapshot_s"]) for s in sizes],
            "",
        ],
        [
            "… of which the GUI thread's CPU time (the rest is waiting for Python's lock)",
            *[
                ms(p[s]["snapshot_cpu_s"]) if p[s].get("snapshot_cpu_s") is not None else "–"
                for s in sizes
            ],
            "",
        ],
        [
            "… the first copy, with nothing copied before",
            *[ms(p[s]["snapshot_cold_s"]) for s in sizes],
            "",
        ],
        [
            "Bare export of the same brief (render_pdf)",
            *[ms(p[s]["bare_export_s"]) for s in sizes],
            "",
        ],
        [
            "Ratio to the bare export: the whole document after the pause",
            *[f"{p[s]['full_s'] / p[s]['bare_export_s']:.2f}" for s in sizes],
            "",
        ],
        [
            "Preview followed the edited section",
            *[str(p[s]["followed_section"]) for s in sizes],
            "",
        ],
    ]
    return table(head, rows)


def startup_section(results: Results) -> list[str]:
    s = results["startup"]
    bare = median(s["bare"])
    ready = median(s["ready"])
    head = ["Start-up (process start → milestone, offscreen)", "Median", "Target"]
    rows = [
        ["Bare PySide6 window painted", sec(bare), ""],
        ["briefbook window first painted", sec(median(s["painted"])), ""],
        ["**briefbook window painted with the example brief**", sec(ready), ""],
        [
            "**Ratio to the bare window**",
            f"{ready / bare:.2f}",
            f"≤ {STARTUP_RATIO_MAX}: {mark(ready / bare <= STARTUP_RATIO_MAX)}",
        ],
    ]
    if s.get("ready_cpu"):
        cpu = median(s["ready_cpu"]) / median(s["bare_cpu"])
        rows += [
            [
                "CPU time of the process to the same milestones: bare / briefbook",
                f"{sec(median(s['bare_cpu']))} / {sec(median(s['ready_cpu']))}",
                "",
            ],
            [
                "**Ratio in CPU time** (steadier on a busy machine)",
                f"{cpu:.2f}",
                f"≤ {STARTUP_RATIO_MAX}: {mark(cpu <= STARTUP_RATIO_MAX)}",
            ],
        ]
    rows += [
        ["briefbook preview pages on screen", sec(median(s["preview"])), "(after the window)"],
        ["Runs (median of)", str(len(s["bare"])), ""],
    ]
    if s.get("pieces"):
        bare_cpu = median(s["bare_cpu"])
        for key, label in STARTUP_PIECES:
            cost = median([p[key] for p in s["pieces"]])
            rows.append(
                [
                    f"… {label}",
                    f"{cost * 1000:.0f} ms = {cost / bare_cpu:.2f}× the bare window's CPU time",
                    "(for reference)",
                ]
            )
    return table(head, rows)


def fileio_section(results: Results) -> list[str]:
    runs = results["fileio"]
    load = median([r["load_s"] for r in runs])
    head = [
        f"Brief file, ~1,500 pages ({mb(runs[0]['bytes'], 1 << 20)} of YAML)",
        "Median",
        "Target",
    ]
    rows = [
        [
            "**Load (briefbook.load: parse, validate, build the model)**",
            sec(load),
            f"< {LOAD_1500_MAX_S} s: {mark(load < LOAD_1500_MAX_S)}",
        ],
        [
            "Save (briefbook.save: dump, atomic write with fsync)",
            sec(median([r["save_s"] for r in runs])),
            "",
        ],
        ["… of which dumps() alone", sec(median([r["dumps_s"] for r in runs])), ""],
    ]
    if all(r.get("dumps_representer_s") is not None for r in runs):
        rows.append(
            [
                "Reference: the same text through PyYAML's representer (the writer before)",
                sec(median([r["dumps_representer_s"] for r in runs])),
                "",
            ]
        )
    rows += [
        [
            f"Reference: bare yaml.load with {runs[0]['yaml_loader']}",
            sec(median([r["yaml_c_load_s"] for r in runs])),
            "",
        ],
        ["Save gives back the same bytes", str(all(r["round_trip_identical"] for r in runs)), ""],
        ["Runs (median of)", str(len(runs)), ""],
    ]
    return table(head, rows)


def results_tables(results: Results) -> list[str]:
    lines: list[str] = []
    for section in (export_section, preview_section, startup_section, fileio_section):
        key = section.__name__.split("_")[0]
        if results.get(key):
            lines += [*section(results), ""]
    return lines


def markdown(results: Results) -> str:
    """The whole of RESULTS.md."""
    lines = [
        "# briefbook benchmark results",
        "",
        f"Produced by `{results['command']}` ({results['mode']} run, "
        f"{results['elapsed_s'] / 60:.1f} min). What each figure means: "
        "[README.md](README.md).",
        "",
        "## Machine",
        "",
    ]
    lines += table(["", ""], [[k, v] for k, v in results["machine"].items()])
    lines += ["", "## Results", ""]
    lines += results_tables(results)
    return "\n".join(lines).rstrip() + "\n"
