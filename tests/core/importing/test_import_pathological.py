"""Hostile and pathological material: huge, deep, wide or degenerate input imports without a crash.

No test here times anything (speed is measured by the benchmarks); the inputs
are sized so that anything worse than linear time would make the suite crawl.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import flatten

from briefbook.core.fileformat import dumps, loads
from briefbook.core.importing import import_file, import_text
from briefbook.core.model import Brief, TableBlock

CASES: dict[str, tuple[str, str]] = {
    "one 1 MB line": ("word " * 200_000, "text"),
    "one 1 MB word": ("x" * 1_000_000, "text"),
    "pipes only": ("|" * 200_000, "text"),
    "a row of 10000 cells": (" | ".join(["c"] * 10_000) + "\n" + "---|" * 10_000 + "\n", "text"),
    "20000 ragged rows": (
        "".join(" | ".join(["x"] * (1 + i % 7)) + "\n" for i in range(20_000)),
        "text",
    ),
    "tabs only": ("\t" * 100_000 + "\n" + "\t\t\n" * 1000, "text"),
    "2000 nesting levels": ("".join("  " * i + "- item\n" for i in range(2000)), "text"),
    "alternating markers": (
        "".join(("- " if i % 2 else "1. ") + "x\n" for i in range(20_000)),
        "text",
    ),
    "50000 time lines": ("09:30 Meeting, Palazzo Chigi\n" * 50_000, "text"),
    "50000 year lines": ("1930 Dinner\n" * 50_000, "text"),
    "50000 date lines": ("Thursday 12 June 2025\n" * 50_000, "text"),
    "50000 short lines": ("Heading\n" * 50_000, "text"),
    "aligned columns": ("Name     Role     Room\n" * 20_000, "text"),
    "double spaces": ("The end.  Next  sentence here and  more\n" * 20_000, "text"),
    "markdown deep quotes": ("> " * 5000 + "x", "markdown"),
    "markdown deep list": ("".join("  " * i + "- item\n" for i in range(500)), "markdown"),
    "markdown emphasis": ("*" * 20_000 + "x" + "*" * 20_000, "markdown"),
    "markdown brackets": ("[" * 20_000 + "x" + "]" * 20_000, "markdown"),
    "markdown links": ("[a](" * 10_000, "markdown"),
    "markdown table 5000 rows": ("a | b\n---|---\n" + "1 | 2 | 3\n" * 5000, "markdown"),
    "html deep divs": ("<div>" * 20_000 + "x" + "</div>" * 20_000, "html"),
    "html deep bold": ("<b>" * 20_000 + "x", "html"),
    "html unclosed cells": ("<table>" + "<tr><td>x" * 5000, "html"),
    "html nested tables": ("<table><tr><td>" * 300 + "x" + "</td></tr></table>" * 300, "html"),
    "html nested lists": ("<ul><li>" * 2000 + "x", "html"),
    "html comments": ("<!--" * 10_000 + "x", "html"),
    "html huge colspan": ("<table><tr><td colspan=99999999>x</td></tr></table>", "html"),
}


def _valid(brief: Brief) -> None:
    assert loads(dumps(brief)) == brief


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_input_imports_into_a_valid_brief(name: str) -> None:
    text, fmt = CASES[name]
    brief = import_text(text, fmt=fmt)
    _valid(brief)
    letters = [ch for ch in text if ch.isalnum()]
    flat = flatten(brief)
    assert sum(ch.isalnum() for ch in flat) >= min(len(letters), 1)


def test_ragged_rows_are_padded_not_dropped() -> None:
    text = "".join(" | ".join(["x"] * (2 + i % 7)) + "\n" for i in range(1, 100))
    table = import_text(text).sections[0].blocks[0]
    assert isinstance(table, TableBlock)
    assert len(table.rows) + 1 == 99
    assert all(len(row) == len(table.columns) == 8 for row in table.rows)
    assert sum(cell == "x" for row in [table.columns, *table.rows] for cell in row) == sum(
        2 + i % 7 for i in range(1, 100)
    )


def test_ten_megabyte_file(tmp_path: Path, import_data: Path) -> None:
    parts = [
        (import_data / name).read_text("utf-8")
        for name in (
            "visit-press-text.txt",
            "agenda-formats.txt",
            "tables-forms.txt",
            "nested-lists.txt",
            "press-release-wrapped.txt",
            "email-forward.txt",
        )
    ]
    chunk = "\n\n".join(parts) + "\n\n"
    path = tmp_path / "ten.txt"
    path.write_text(chunk * (10_000_000 // len(chunk) + 1), encoding="utf-8")
    assert path.stat().st_size >= 10_000_000
    brief = import_file(path)
    assert (
        sum(s.title == "Concluding Remarks" for s in brief.sections) == 10_000_000 // len(chunk) + 1
    )
