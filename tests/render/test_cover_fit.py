"""The cover is one page, whatever it holds, and prints no page number; the other pages
count it, so "Page X of Y" is the PDF's page and the contents agree."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PIL import Image

from briefbook.core import model as m
from tests.render.conftest import page_texts, placed_text, render

LONG = (
    "Working visit of the Minister for Foreign Affairs and International Cooperation to "
    "the Italian Republic, the French Republic and the United Kingdom of Great Britain "
    "and Northern Ireland, with talks on the Mediterranean, migration, energy security "
    "and the reform of the United Nations Security Council, and a joint press conference"
)


def cover_brief(folder: Path, title: str, size: str = "Letter") -> m.Brief:
    Image.new("RGB", (400, 600), (30, 60, 120)).save(folder / "logo.png")
    meta = m.Meta(
        title=title,
        subtitle="Bilateral consultations " * 6,
        organisation="Ministry of Foreign Affairs, Directorate-General for Europe",
        dates=m.DateRange(dt.date(2025, 9, 15), dt.date(2025, 9, 17)),
        location="Rome, Paris and London",
        prepared_by="Directorate " * 8,
        version="3",
        page_size=size,
        marking="RESTRICTED",  # type: ignore[arg-type]
        logo="logo.png",
    )
    brief = m.Brief(meta, [m.Section("Programme", [m.TextBlock("Hello.")])])
    brief.source = folder / "b.brief.yaml"
    return brief


@pytest.mark.parametrize("size", ["Letter", "A4"])
@pytest.mark.parametrize("title", [LONG, LONG * 2, "Short"])
def test_the_cover_is_one_page(tmp_path: Path, title: str, size: str) -> None:
    result, reader = render(cover_brief(tmp_path, title, size))
    texts = page_texts(reader)
    assert result.page_count == 3  # cover, contents, the one section
    assert "Contents" in texts[1] and "Programme" in texts[2]
    cover = " ".join(texts[0].split())
    assert "MARKING RESTRICTED" in cover and title.split()[0] in cover
    assert "Page" not in texts[0]
    assert len(reader.pages[0].images) == 1  # the logo


def test_page_numbers_count_the_cover_and_match_the_contents(tmp_path: Path) -> None:
    brief = cover_brief(tmp_path, "Visit")
    brief.sections.append(m.Section("Second", [m.TextBlock("Words. " * 900)]))
    brief.sections.append(m.Section("Third", [m.TextBlock("End.")]))
    result, reader = render(brief)
    texts = page_texts(reader)
    total = result.page_count
    for index, text in enumerate(texts[1:], start=2):
        assert f"Page {index} of {total}" in text
    runs = placed_text(reader, 1)
    for title in ("Programme", "Second", "Third"):
        (y,) = [y for text, _x, y in runs if text == title]
        (number,) = [
            text
            for text, x, yy in runs
            if abs(yy - y) < 1 and x > 300 and re.fullmatch(r"\d+", text)
        ]
        assert title in texts[int(number) - 1]
