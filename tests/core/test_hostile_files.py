"""Hostile or broken brief files: each is refused with a clear message, nothing is run."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbook.core import fileformat as ff
from briefbook.core.fileformat.reading import BRIEF_KEYS, META_KEYS, SECTION_KEYS
from briefbook.core.model import BLOCK_KINDS
from briefbook.errors import BriefbookError

CORPUS = sorted((Path(__file__).parents[1] / "data" / "hostile").glob("*.brief.yaml"))


def expected_message(path: Path) -> str:
    first = path.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace")
    return first.removeprefix("# expect: ") if first.startswith("# expect: ") else "UTF-8"


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_file_is_refused_with_its_message(path: Path) -> None:
    problems = ff.validate(path)
    assert problems, path.name
    assert any(expected_message(path) in str(p) for p in problems), [str(p) for p in problems]
    assert all(str(p).startswith(f"{path}:") for p in problems)
    with pytest.raises(BriefbookError):
        ff.load(path)


def test_corpus_is_not_empty() -> None:
    assert len(CORPUS) >= 10


# --- fuzzing --------------------------------------------------------------------

KEYS = (
    list(BRIEF_KEYS + META_KEYS + SECTION_KEYS)
    + list(BLOCK_KINDS)
    + ["columns", "rows", "time", "end", "date", "items", "text", "name", "path", "start"]
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["09:00", "25:99", "2025-06-12", "2025-13-45", "draft", "A4"]),
    st.dates(),
)
trees = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), children, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(BRIEF_KEYS), trees, max_size=3))
def test_random_trees_load_or_fail_with_a_message(data: dict) -> None:
    data.setdefault("briefbook", 1)
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        brief = ff.loads(text)
    except ff.BriefFormatError as exc:
        assert all(p.line is not None and p.message for p in exc.problems)
        return
    assert ff.loads(ff.dumps(brief)) == brief


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_raises_anything_else(text: str) -> None:
    try:
        ff.loads(text)
    except ff.BriefFormatError as exc:
        assert str(exc)
