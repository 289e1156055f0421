"""Default PDF names: date, title and version, safe on every operating system."""

from __future__ import annotations

import datetime as dt

import pytest

from briefbook.core import model as m
from briefbook.core.distribution.naming import default_pdf_name, safe_file_stem


def test_example_name() -> None:
    brief = m.Brief(
        m.Meta(title="Visit to Italy", version="3", dates=m.DateRange(dt.date(2025, 6, 12)))
    )
    assert default_pdf_name(brief) == "2025-06-12 Visit to Italy v3.pdf"


def test_without_date_or_version() -> None:
    assert default_pdf_name(m.Brief(m.Meta(title="Talks"))) == "Talks.pdf"
    assert default_pdf_name(m.Brief()) == "Untitled brief.pdf"


@pytest.mark.parametrize(
    "title, expected",
    [
        ('Visit: Rome/Milan <draft> "A|B"?*', "Visit Rome Milan draft A B"),
        ("CON", "CON brief"),
        ("  ...  ", "brief"),
        ("Zürich – Καλημέρα – Москва", "Zürich – Καλημέρα – Москва"),
        ("tab\tand\nnewline", "tab and newline"),
    ],
)
def test_safe_stems(title: str, expected: str) -> None:
    assert safe_file_stem(title) == expected


def test_long_titles_are_capped() -> None:
    assert len(safe_file_stem("x" * 1000)) <= 120
