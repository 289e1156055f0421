"""The shared text helpers: one line, clipped, sizes and counts."""

from __future__ import annotations

from briefbook.core.text import clip, counted, human_size, one_line, plural, truncate


def test_one_line_collapses_every_run_of_white_space() -> None:
    assert one_line("  Visit\n to\t\tItaly  ") == "Visit to Italy"
    assert one_line("") == ""


def test_clip_cuts_at_a_word_and_says_so() -> None:
    assert clip("short", 10) == "short"
    assert clip("the talks centre on trade and energy", 20) == "the talks centre on …"
    assert clip("Talks, then lunch with the minister", 14) == "Talks, then …"
    assert clip("x" * 30, 10) == "x" * 10 + " …"
    assert clip("Talks, then lunch", 14, tail="…", strip=" ,;:") == "Talks, then…"


def test_truncate_keeps_the_limit_with_its_ellipsis() -> None:
    assert truncate("abcdef", 6) == "abcdef"
    assert truncate("abcdefg", 6) == "abcde…"


def test_human_size() -> None:
    assert human_size(812) == "812 bytes"
    assert human_size(277 * 1024) == "277 KB"
    assert human_size(int(7.9 * 1024 * 1024)) == "7.9 MB"


def test_counts_and_plurals() -> None:
    assert counted(1, "section") == "1 section"
    assert counted(3, "section") == "3 sections"
    assert counted(0, "copy", "copies") == "0 copies"
    assert plural(1, "problem") == "problem"
    assert plural(2, "problem") == "problems"
