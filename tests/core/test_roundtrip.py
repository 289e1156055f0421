"""Saving then loading gives the same brief, and saving is byte-stable."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from support.strategies import briefs

from briefbook.core.fileformat import dumps, loads
from briefbook.core.model import Brief


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_load_of_save_is_the_same_brief(brief: Brief) -> None:
    text = dumps(brief)
    again = loads(text)
    assert again == brief
    assert dumps(again) == text


def test_example_saves_to_the_same_bytes_twice(example_brief: Brief) -> None:
    first = dumps(example_brief)
    assert dumps(loads(first)) == first
