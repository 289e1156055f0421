"""Numbered copies: stamps, file name parts and recipients lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefbook.core.distribution.copies import (
    MAX_COPIES,
    Copy,
    copy_path,
    numbered_copies,
    parse_recipients,
    read_recipients,
)
from briefbook.errors import BriefbookError, FileAccessError


def test_stamp_and_suffix() -> None:
    assert Copy(3, 12, "Jane Doe").stamp == "Copy 3 of 12 – Jane Doe"
    assert Copy(3, 12).stamp == "Copy 3 of 12"
    assert Copy(3, 12, "Jane Doe").suffix == "copy 03 Jane Doe"
    assert Copy(7, 120).suffix == "copy 007"


def test_numbered_copies_counts_from_one() -> None:
    assert [c.stamp for c in numbered_copies(3)] == ["Copy 1 of 3", "Copy 2 of 3", "Copy 3 of 3"]
    for bad in (0, -1, MAX_COPIES + 1):
        with pytest.raises(BriefbookError, match="between 1 and"):
            numbered_copies(bad)


def test_recipients_skip_blank_lines_and_comments(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text(
        "\ufeff# delegation\nJane Doe\n\n   \n  # not a name\n"
        "  Ana  María\tLópez \nO'Brien <b>&</b> Co\n",
        encoding="utf-8",
    )
    copies = read_recipients(names)
    assert [c.stamp for c in copies] == [
        "Copy 1 of 3 – Jane Doe",
        "Copy 2 of 3 – Ana María López",
        "Copy 3 of 3 – O'Brien <b>&</b> Co",
    ]


def test_recipients_file_problems_name_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("# nobody yet\n\n", encoding="utf-8")
    with pytest.raises(FileAccessError, match=r"empty\.txt.*no names"):
        read_recipients(empty)
    with pytest.raises(FileAccessError, match=r"missing\.txt"):
        read_recipients(tmp_path / "missing.txt")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Jos\xe9\n".encode("latin-1"))
    with pytest.raises(FileAccessError, match="UTF-8"):
        read_recipients(latin)


def test_copy_path_is_safe_beside_the_export(tmp_path: Path) -> None:
    target = tmp_path / "2025-06-12 Visit v3 press.pdf"
    path = copy_path(target, Copy(2, 12, 'Dr. A/B: "C"?'))
    assert path.parent == tmp_path
    assert path.name == "2025-06-12 Visit v3 press copy 02 Dr. A B C.pdf"


@given(st.lists(st.text(max_size=40), max_size=30))
def test_any_text_parses_to_clean_names(lines: list[str]) -> None:
    for name in parse_recipients("\n".join(lines)):
        assert name and name == name.strip() and "\n" not in name
        assert not name.startswith("#") and all(ch.isprintable() for ch in name)


def test_long_names_keep_the_copy_number(tmp_path: Path) -> None:
    target = tmp_path / ("A very long title " * 10 + ".pdf")
    paths = {copy_path(target, c) for c in numbered_copies(12)}
    assert len(paths) == 12
    assert all(len(p.stem) <= 120 and p.suffix == ".pdf" for p in paths)
    assert copy_path(tmp_path / "out", Copy(1, 2)).name == "out copy 01.pdf"
