"""Where the time goes: cProfile of an export, of loading and saving, or of the baseline.

    python -m benchmarks.profiles export 300      # briefbook's export of the ~300-page brief
    python -m benchmarks.profiles baseline 300    # the plain platypus baseline, same brief
    python -m benchmarks.profiles load 1500       # briefbook.load of the ~1,500-page file
    python -m benchmarks.profiles save 1500       # briefbook.save of it

Prints the functions with the most time of their own, the most cumulative
time, and the share of each source file, as percentages of the profiled call.
The profiler counts CPU time of this process (``time.process_time``), so other
work on the machine does not distort the shares. cProfile slows Python code
down about twofold; the shares, not the seconds, are what to read. Not part of
``run``: profile one figure at a time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import SIZES, write_brief

#: The standard library or site-packages part of a path, cut off when printing.
_LIB = re.compile(r"/lib/python3\.\d+/(?:site-packages/)?")


def short(path: str) -> str:
    """A file path from the package down (``reportlab/platypus/tables.py``)."""
    if path == "~":
        return "(built-in functions)"
    found = _LIB.search(path)
    if found:
        return path[found.end() :]
    for marker in ("/briefbook/", "/benchmarks/"):
        if marker in path:
            return marker.strip("/") + "/" + path.split(marker, 1)[1]
    return path


def task(kind: str, brief_path: Path) -> Callable[[], object]:
    import briefbook

    brief = briefbook.load(brief_path)
    if kind == "export":
        import briefbook.render.dossier.document
        from briefbook.render import render_pdf

        return lambda: render_pdf(brief)
    if kind == "baseline":
        from benchmarks import baseline

        return lambda: baseline.build(brief, brief_path.parent)
    if kind == "load":
        return lambda: briefbook.load(brief_path)
    target = brief_path.with_name("saved.brief.yaml")
    return lambda: briefbook.save(brief, target)


def report(stats: pstats.Stats, top: int) -> None:
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for (_cc, _nc, tt, _ct, _callers) in raw.values())
    print(f"\nprofiled: {total:.2f} s of CPU time in total\n")
    by_file: dict[str, float] = defaultdict(float)
    for (file, _line, _name), (_cc, _nc, tt, _ct, _callers) in raw.items():
        by_file[short(file)] += tt
    print("share of own time by file")
    for file, tt in sorted(by_file.items(), key=lambda x: -x[1])[:top]:
        print(f"  {100 * tt / total:5.1f}%  {file}")
    for key, title in (("tottime", "own time"), ("cumtime", "cumulative time")):
        print(f"\nfunctions by {title}")
        rows = sorted(raw.items(), key=lambda item: -item[1][2 if key == "tottime" else 3])
        for (file, line, name), (_cc, calls, tt, ct, _callers) in rows[:top]:
            print(
                f"  own {100 * tt / total:5.1f}%  cum {100 * ct / total:5.1f}%  "
                f"{calls:>9} calls  {short(file)}:{line} {name}"
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=("export", "baseline", "load", "save"))
    parser.add_argument("pages", type=int, choices=SIZES)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--dump", type=Path, help="also write the raw profile here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        brief_path = write_brief(args.pages, Path(folder))
        run = task(args.what, brief_path)
        profiler = cProfile.Profile(time.process_time)
        profiler.runcall(run)
    if args.dump:
        profiler.dump_stats(args.dump)
    report(pstats.Stats(profiler, stream=sys.stdout), args.top)


if __name__ == "__main__":
    main()
