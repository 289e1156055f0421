"""The pocket card: A6 pages, every schedule entry, the marking top and bottom, days on cards."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefbook.core import model as m
from briefbook.core.distribution.itinerary import schedule_entries
from briefbook.core.fileformat import load
from briefbook.core.templates import new_brief
from briefbook.render.options import PocketOptions
from briefbook.render.pocket.card import CARD_SIZE, CardLook, render_pocket_card
from tests.render.conftest import page_texts, placed_text

HARBOUR = Path(__file__).parents[1] / "data" / "changes" / "harbour-v3.brief.yaml"
A6_POINTS = (297.64, 419.53)


def card(brief: m.Brief, **options: object) -> PdfReader:
    result = render_pocket_card(brief, PocketOptions(**options))  # type: ignore[arg-type]
    reader = PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) == result.page_count
    return reader


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(page_texts(reader)).replace("\u00a0", " ").split())


@pytest.mark.parametrize("source", ["harbour", "example"])
def test_every_card_is_a6(source: str) -> None:
    brief = load(HARBOUR) if source == "harbour" else new_brief("example")
    reader = card(brief)
    assert pytest.approx(A6_POINTS, abs=0.01) == CARD_SIZE
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A6_POINTS, abs=0.01)


@pytest.mark.parametrize("source", ["harbour", "example"])
def test_every_schedule_entry_is_on_the_card(source: str) -> None:
    brief = load(HARBOUR) if source == "harbour" else new_brief("example")
    text = text_of(card(brief))
    entries = schedule_entries(brief)
    assert entries
    for entry in entries:
        assert " ".join(entry.title.split()) in text
        assert entry.time is not None and entry.time.strftime("%H:%M") in text


def test_each_day_starts_a_card_and_key_points_follow() -> None:
    reader = card(load(HARBOUR))
    pages = [" ".join(t.split()) for t in page_texts(reader)]
    assert len(pages) == 3
    assert "Saturday 25 October 2025" in pages[0] and "Sunday" not in pages[0]
    assert "Sunday 26 October 2025" in pages[1]
    assert "Key points" in pages[2] and "Training exchange for harbour pilots" in pages[2]
    assert "Contacts" in pages[2] and "+356 2000 0001" in pages[2]
    for number, page in enumerate(pages, start=1):
        assert f"Card {number} of 3" in page


def test_marking_at_top_and_bottom_of_every_card() -> None:
    reader = card(load(HARBOUR))
    height = A6_POINTS[1]
    for index in range(len(reader.pages)):
        ys = [y for text, _, y in placed_text(reader, index) if text == "RESTRICTED"]
        assert any(y > height - 30 for y in ys), ys
        assert any(y < 30 for y in ys), ys


def test_a_long_day_flows_onto_several_cards_under_its_name() -> None:
    entries = [
        m.ScheduleEntry(
            date=dt.date(2025, 6, 12),
            time=dt.time(7 + i // 4, (i % 4) * 15),
            title=f"Meeting number {i}",
            place="Palazzo Chigi",
            participants=["Envoy", "Adviser"],
            notes="Bring the folder.",
        )
        for i in range(30)
    ]
    brief = m.Brief(
        m.Meta(title="Long day", marking="INTERNAL"),
        [m.Section("Schedule", [m.ScheduleBlock(entries)])],
    )
    reader = card(brief)
    assert len(reader.pages) >= 3
    text = text_of(reader)
    for i in range(30):
        assert f"Meeting number {i} " in text + " "
    for page in page_texts(reader):
        assert "Thursday 12 June 2025" in page


def test_home_times_and_day_changes_print_on_the_card() -> None:
    brief = new_brief("example")
    brief.meta.home_timezone = "Asia/Tokyo"
    text = text_of(card(brief))
    assert "home times (Tokyo)" in text
    assert "Home 15:15–15:45" in text  # 08:15 in Rome
    assert "Home Fri 13 Jun 00:30" in text  # 17:30 departure: past midnight in Tokyo
    assert "Home" not in text_of(card(brief, home_times=False))


def test_user_text_prints_as_typed() -> None:
    title = 'Talks <b>not bold</b> & <font name="Courier">AT&T</font>'
    brief = m.Brief(
        m.Meta(title="<i>Visit</i>"),
        [
            m.Section(
                "Schedule",
                [
                    m.ScheduleBlock(
                        [m.ScheduleEntry(date=dt.date(2025, 6, 12), time=dt.time(9), title=title)]
                    )
                ],
            )
        ],
    )
    text = text_of(card(brief))
    assert title in text
    assert "<i>Visit</i>" in text


def test_an_empty_brief_still_makes_a_card() -> None:
    reader = card(m.Brief())
    assert len(reader.pages) == 1
    assert "no schedule" in page_texts(reader)[0]


def test_reproducible_cards_are_byte_identical() -> None:
    brief = load(HARBOUR)
    first = render_pocket_card(brief, PocketOptions(reproducible=True)).pdf
    assert render_pocket_card(brief, PocketOptions(reproducible=True)).pdf == first


def test_type_stays_readable() -> None:
    sizes = [
        value
        for f in dataclasses.fields(CardLook)
        if f.name.endswith("_size")
        for value in [getattr(CardLook(), f.name)]
    ]
    assert min(sizes) >= 7.0


def test_days_in_order_and_entries_by_time() -> None:
    day1, day2 = dt.date(2025, 6, 12), dt.date(2025, 6, 13)
    brief = m.Brief(
        m.Meta(title="Order"),
        [
            m.Section(
                "Friday",
                [
                    m.ScheduleBlock(
                        [m.ScheduleEntry(date=day2, time=dt.time(9), title="Friday breakfast")]
                    )
                ],
            ),
            m.Section(
                "Thursday",
                [
                    m.ScheduleBlock(
                        [
                            m.ScheduleEntry(date=day1, time=dt.time(15), title="Afternoon talks"),
                            m.ScheduleEntry(date=day1, title="Call, time to be confirmed"),
                            m.ScheduleEntry(date=day1, time=dt.time(8), title="Early walk"),
                        ]
                    )
                ],
            ),
        ],
    )
    pages = [" ".join(t.split()) for t in page_texts(card(brief))]
    assert "Thursday 12 June 2025" in pages[0] and "Friday breakfast" in pages[1]
    first = pages[0]
    assert first.index("Early walk") < first.index("Afternoon talks") < first.index("Call, time")


def test_huge_key_points_stay_a_pocket_card() -> None:
    huge = "A very long point. " * 300_000  # about 5 MB
    brief = m.Brief(
        m.Meta(title="Huge"),
        [
            m.Section(
                "Key points",
                [
                    m.TextBlock(huge),
                    m.TableBlock(
                        [f"C{i}" for i in range(9)],
                        [[f"r{r}c{c}" for c in range(9)] for r in range(500)],
                    ),
                ],
            )
        ],
    )
    reader = card(brief)
    assert len(reader.pages) <= 4
    text = text_of(reader)
    assert "r0c0 — r0c1" in text and "… and 460 more rows in the dossier" in text
