"""The render process: the same PDF as a layout here, errors as they were, superseding."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from briefbook.core import model as m
from briefbook.errors import RenderError
from briefbook.render.api import render_pdf
from briefbook.render.options import RenderOptions
from briefbook.render.service import RenderService, RenderSuperseded, sendable
from tests.render.conftest import SPECIMEN, make_brief


@pytest.fixture
def service() -> Iterator[RenderService]:
    found = RenderService()
    yield found
    found.close()


def test_the_worker_lays_out_what_this_process_would(service: RenderService) -> None:
    brief = make_brief(
        [m.Section("One", [m.TextBlock(SPECIMEN * 40)]), m.Section("Two", [m.TextBlock("Two.")])]
    )
    options = RenderOptions(reproducible=True)
    here, there = render_pdf(brief, options), service.render(brief, options)
    assert there.pdf == here.pdf
    assert (there.page_count, there.section_pages) == (here.page_count, here.section_pages)
    again = service.render(brief, options)  # the same process answers again
    assert again.pdf == here.pdf


def test_errors_come_back_as_they_were_raised(service: RenderService) -> None:
    brief = make_brief([m.Section("One", [m.TextBlock("Body.")])])
    with pytest.raises(Exception) as caught:
        service.render(brief, RenderOptions(only_section=7, first_page=2, total_pages=3))
    assert not isinstance(caught.value, (EOFError, OSError))
    assert service.render(brief, RenderOptions()).page_count >= 1  # and it still works
    error = sendable(RenderError("too wide", where="section 1"))
    assert isinstance(error, RenderError) and "too wide" in str(error)


def test_a_superseded_layout_stops_and_the_next_is_answered(service: RenderService) -> None:
    long = make_brief([m.Section(f"S{i}", [m.TextBlock(SPECIMEN * 30)]) for i in range(60)])
    short = make_brief([m.Section("One", [m.TextBlock("Body.")])])
    service.start()
    with pytest.raises(RenderSuperseded):  # given up at once: any late answer is dropped
        service.render(long, RenderOptions(), lambda: True)
    options = RenderOptions(reproducible=True)
    assert service.render(short, options).pdf == render_pdf(short, options).pdf
