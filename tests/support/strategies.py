"""Hypothesis strategies that build any valid brief."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from briefbook.core import model as m
from briefbook.core.markings import PRESETS

# Any text a file can hold: every character but lone surrogates (not encodable in UTF-8).
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
short = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
texts = st.lists(short, max_size=4)
dates = st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
times = st.none() | st.times().map(lambda t: dt.time(t.hour, t.minute))


_UNMARKED = st.just("")


def _list_items(
    depth: int, markings: st.SearchStrategy[str] = _UNMARKED
) -> st.SearchStrategy[list[m.ListItem]]:
    children = _list_items(depth - 1, markings) if depth > 0 else st.just([])
    return st.lists(st.builds(m.ListItem, text=text, items=children, marking=markings), max_size=3)


def _sorted_range(pair: tuple[dt.time | None, dt.time | None]) -> tuple:
    start, end = pair
    if start and end and end < start:
        start, end = end, start
    return start, end


def _entry(markings: st.SearchStrategy[str]) -> st.SearchStrategy[m.ScheduleEntry]:
    return st.builds(
        lambda d, tr, title, place, participants, press, notes, mark: m.ScheduleEntry(
            d, tr[0], tr[1], title, place, participants, press, notes, marking=mark
        ),
        dates,
        st.tuples(times, times).map(_sorted_range),
        text,
        short,
        texts,
        st.sampled_from(m.PRESS_VALUES),
        text,
        markings,
    )


entry = _entry(_UNMARKED)


def _row_markings(found: list[str]) -> list[str]:
    while found and not found[-1]:
        found.pop()
    return found


def blocks_with(markings: st.SearchStrategy[str]) -> st.SearchStrategy[m.Block]:
    """Any block, each block, item, row and entry marked from ``markings``."""
    return st.one_of(
        st.builds(m.TextBlock, text=text, marking=markings),
        st.builds(m.BulletsBlock, items=_list_items(2, markings), marking=markings),
        st.builds(m.NumberedBlock, items=_list_items(1, markings), marking=markings),
        st.builds(
            m.TableBlock,
            columns=texts,
            rows=st.lists(texts, max_size=3),
            caption=short,
            marking=markings,
            row_markings=st.lists(markings, max_size=3).map(_row_markings),
        ).filter(lambda t: len(t.row_markings) <= len(t.rows)),
        st.builds(
            m.ScheduleBlock, entries=st.lists(_entry(markings), max_size=3), marking=markings
        ),
        st.builds(
            m.RecommendationsBlock,
            items=st.lists(
                st.builds(
                    m.Recommendation,
                    text=text,
                    rationale=short,
                    owner=short,
                    priority=st.sampled_from(m.PRIORITIES),
                ),
                max_size=3,
            ),
            marking=markings,
        ),
        st.builds(
            m.PeopleBlock,
            people=st.lists(
                st.builds(
                    m.Person,
                    name=short,
                    title=short,
                    organisation=short,
                    pronunciation=short,
                    photo=short,
                    bio=text,
                ),
                max_size=2,
            ),
            marking=markings,
        ),
        st.builds(
            m.ContactsBlock,
            contacts=st.lists(
                st.builds(m.Contact, name=short, role=short, phone=short, email=short, notes=short),
                max_size=2,
            ),
            marking=markings,
        ),
        st.builds(m.ImageBlock, path=short, caption=short, marking=markings),
        st.builds(
            m.NoteBlock,
            text=text,
            title=short,
            style=st.sampled_from(m.NOTE_STYLES),
            marking=markings,
        ),
        st.builds(
            m.MemoBlock,
            to=short,
            sender=short,
            through=short,
            subject=text,
            date=short,
            time=short,
            location=short,
            attendees=texts,
            marking=markings,
        ),
        st.builds(
            m.ScenarioBlock,
            steps=st.lists(
                st.builds(
                    m.Step,
                    title=text,
                    duration=st.none() | st.integers(0, 24 * 60),
                    lead=short,
                    press=st.lists(st.sampled_from(m.STEP_PRESS), max_size=2, unique=True),
                    text=text,
                    points=_list_items(1, markings),
                    marking=markings,
                ),
                max_size=3,
            ),
            time=times,
            marking=markings,
        ),
        st.builds(m.TalkingPointsBlock, items=_list_items(1, markings), marking=markings),
        st.builds(
            m.IfAskedBlock,
            items=st.lists(
                st.builds(m.IfAsked, question=text, answer=text, marking=markings), max_size=3
            ),
            marking=markings,
        ),
        st.just(m.PageBreakBlock()),
        st.builds(
            m.PdfBlock,
            path=short,
            pages=st.sampled_from(["", "1", "1-3,7", "2-"]),
            title=short,
            scale=st.sampled_from(m.ANNEX_SCALES),
            marking=markings,
        ),
    )


blocks = blocks_with(_UNMARKED)


def _section(
    subsections: st.SearchStrategy[list[m.Section]], markings: st.SearchStrategy[str]
) -> st.SearchStrategy[m.Section]:
    return st.builds(
        m.Section,
        title=short,
        blocks=st.lists(blocks_with(markings), max_size=3),
        subsections=subsections,
        marking=markings,
        tags=texts,
        title_marking=markings,
        label=st.one_of(st.just(""), short),
        new_page=st.sampled_from([None, True, False]),
    )


def _sections(markings: st.SearchStrategy[str]) -> st.SearchStrategy[list[m.Section]]:
    return st.lists(
        _section(st.lists(_section(st.just([]), markings), max_size=2), markings), max_size=3
    )


def _date_range(pair: tuple[dt.date | None, dt.date | None]) -> m.DateRange:
    start, end = pair
    if start and end and end < start:
        start, end = end, start
    return m.DateRange(start, end)


marking_word = st.text(
    st.characters(blacklist_categories=("Cs", "Zs", "Cc", "Zl", "Zp")), min_size=1, max_size=10
)


@st.composite
def briefs(draw: st.DrawFn) -> m.Brief:
    names = draw(
        st.lists(
            marking_word.filter(lambda w: w.strip() == w and w not in PRESETS),
            max_size=4,
            unique=True,
        )
    )
    preset = draw(st.sampled_from(["", *PRESETS])) if not names else ""
    scheme = [m.MarkingLevel(name, f"P{i}") for i, name in enumerate(names)]
    used = [name for name, _ in PRESETS.get(preset, ())] or names or list(m.DEFAULT_MARKINGS)
    markings = st.sampled_from(["", *used])
    meta = draw(
        st.builds(
            m.Meta,
            title=text,
            subtitle=short,
            dates=st.tuples(dates, dates).map(_date_range),
            location=short,
            organisation=short,
            prepared_by=short,
            marking=markings,
            version=short,
            status=st.sampled_from(m.STATUSES),
            page_size=st.sampled_from(m.PAGE_SIZES),
            timezone=short,
            home_timezone=short,
            logo=short,
            keywords=texts,
            markings=st.just(scheme),
            marking_preset=st.just(preset),
            portion_marks=st.booleans(),
            classification_block=st.builds(
                m.ClassificationBlock,
                classified_by=short,
                derived_from=short,
                reason=short,
                declassify_on=short,
            ),
        )
    )
    if meta.portion_marks and not meta.marking:
        meta.marking = used[0]  # with portion marks, every portion needs a marking
    editions = draw(
        st.lists(
            st.builds(
                m.Edition,
                name=marking_word,
                ceiling=markings,
                include_tags=texts,
                exclude_tags=texts,
                description=short,
                exclude_controls=st.lists(
                    st.sampled_from(["NOFORN", "ORCON"]), max_size=2, unique=True
                ),
            ),
            max_size=3,
            unique_by=lambda e: e.name,
        )
    )
    return m.Brief(meta=meta, sections=draw(_sections(markings)), editions=editions)
