"""Memory bombs under the size limit: reading is bounded and the problem list stays short."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook.cli import main
from briefbook.core import fileformat as ff
from briefbook.core.fileformat.yamlnodes import MAX_NODES
from briefbook.errors import (
    MAX_PROBLEMS_SHOWN,
    SAME_MESSAGE_SHOWN,
    BriefFormatError,
    Problem,
    summarize,
)

ROOT = Path(__file__).parents[2]


def flow_list(path: Path, items: int) -> Path:
    path.write_text("briefbook: 1\nsections: [" + "0," * items + "0]\n", encoding="utf-8")
    return path


def peak_mb(code: str) -> float:
    """The peak memory (in MB) of a fresh interpreter running ``code``.

    Read from VmHWM, the high-water mark of the process's own memory: on Linux,
    ``ru_maxrss`` carries over the parent's peak across exec, so a child of a big
    test process would report the parent's size.
    """
    script = textwrap.dedent(code) + textwrap.dedent("""
        import re
        status = open("/proc/self/status", encoding="ascii").read()
        print(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))
    """)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    return int(done.stdout.split()[-1]) / 1024


def test_a_flow_list_of_millions_of_values_is_refused_with_its_place(tmp_path: Path) -> None:
    path = flow_list(tmp_path / "flow.brief.yaml", 2_500_000)  # 5 MB
    problems = ff.validate(path)
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"{path}:2:")
    assert f"holds more than {MAX_NODES:,} values; a brief this large is not supported" in str(
        problems[0]
    )


linux_only = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")


@linux_only
def test_reading_the_5_mb_flow_list_stays_within_bounded_memory(tmp_path: Path) -> None:
    path = flow_list(tmp_path / "flow.brief.yaml", 2_500_000)
    # Before the bound: 1.6 GB. Now about 150 MB; the bound is generous on purpose.
    assert (
        peak_mb(f"""
        from briefbook.core.fileformat import validate
        assert validate({str(path)!r})
    """)
        < 400
    )


@linux_only
def test_the_largest_accepted_file_stays_within_bounded_memory(tmp_path: Path) -> None:
    path = flow_list(tmp_path / "flow.brief.yaml", MAX_NODES - 10)
    assert (
        peak_mb(f"""
        from briefbook.core.fileformat import validate
        assert validate({str(path)!r})
    """)
        < 600
    )


def test_empty_sections_by_the_million_print_a_short_list(tmp_path: Path, capsys) -> None:
    path = tmp_path / "empty.brief.yaml"
    path.write_text("briefbook: 1\nsections:\n" + "-\n" * 100_000, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == SAME_MESSAGE_SHOWN + 1
    assert lines[0].startswith(f"{path}:3:2: a section should be a mapping")
    assert lines[-1] == f"{path}: … and {100_000 - SAME_MESSAGE_SHOWN:,} more like this"
    with pytest.raises(BriefFormatError) as caught:
        ff.load(path)
    assert caught.value.count == 100_000
    assert len(caught.value.problems) == SAME_MESSAGE_SHOWN + 1
    assert "(and 99999 more problems)" in str(caught.value)


def test_a_flood_of_one_message_does_not_bury_the_others() -> None:
    flood = [Problem("same", Path("b"), line) for line in range(1, 1000)]
    problems = [Problem("first", Path("b"), 0), *flood, Problem("last", Path("b"), 2000)]
    listed = [str(problem) for problem in summarize(problems)]
    assert listed == [
        "b:0: first",
        "b:1: same",
        "b:2: same",
        "b:3: same",
        "b:4: same",
        "b:5: same",
        "b: … and 994 more like this",
        "b:2000: last",
    ]


def test_many_different_messages_are_counted_after_the_cap() -> None:
    problems = [Problem(f"problem {n}", Path("b"), n) for n in range(1, 1001)]
    listed = summarize(problems)
    assert len(listed) == MAX_PROBLEMS_SHOWN + 1
    assert str(listed[-1]) == f"b: … and {1000 - MAX_PROBLEMS_SHOWN} more problems"


def test_a_short_list_is_unchanged() -> None:
    problems = [Problem("a", None, 1), Problem("a", None, 2)]
    assert summarize(problems) == problems


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d"]), st.integers(1, 9)), max_size=400))
def test_fuzz_summarize_accounts_for_every_problem(found: list[tuple[str, int]]) -> None:
    problems = [Problem(message, Path("b"), line) for message, line in found]
    listed = summarize(problems)
    counted = 0
    for problem in listed:
        more = re.match(r"… and ([\d,]+) more", problem.message)
        counted += int(more.group(1).replace(",", "")) if more else 1
    assert counted == len(problems)
    assert len(listed) <= MAX_PROBLEMS_SHOWN + 5
    remaining = iter(problems)
    assert all(any(p is q for q in remaining) for p in listed if not p.message.startswith("…"))


def test_export_warnings_are_summarized_too(tmp_path: Path, capsys) -> None:
    path = tmp_path / "pictures.brief.yaml"
    blocks = "".join(f"  - image: {{path: missing{n}.png}}\n" for n in range(150))
    path.write_text(
        "briefbook: 1\nmeta:\n  title: Pictures\nsections:\n- title: P\n  blocks:\n" + blocks,
        encoding="utf-8",
    )
    assert main(["export", str(path), "-o", str(tmp_path / "p.pdf")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == MAX_PROBLEMS_SHOWN + 1  # the list, then the count
    assert err[-1].endswith(f"… and {150 - MAX_PROBLEMS_SHOWN} more problems (warning)")
