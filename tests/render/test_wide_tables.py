"""Tables too wide for the page: printed in column groups that repeat the first column;
validate, export and the preview agree (none fails)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.core import model as m
from briefbook.core.fileformat import save, validate
from briefbook.render.blocks.table import column_groups, columns_per_group

from .conftest import page_texts, render


def wide_brief(n: int, rows: int = 3) -> m.Brief:
    brief = m.Brief()
    brief.meta.title = "Trade figures"
    table = m.TableBlock(
        columns=["Partner", *(f"Y{i}" for i in range(1, n))],
        rows=[[f"Land{r}", *(f"{r}.{i}" for i in range(1, n))] for r in range(rows)],
        caption="Exports by partner",
    )
    brief.sections = [m.Section(title="Figures", blocks=[table])]
    return brief


@pytest.mark.parametrize("n", [60, 100, 200])
def test_a_wide_table_prints_every_cell_in_column_groups(n: int, tmp_path: Path) -> None:
    brief = wide_brief(n)
    path = tmp_path / "wide.brief.yaml"
    save(brief, path)
    assert validate(path) == []
    _, reader = render(brief)
    joined = " ".join(page_texts(reader))
    text = joined.split()
    groups = joined.count("Exports by partner (columns 1 and ")
    frame = (21.0 - 2 * 2.2) / 2.54 * 72  # A4 less the theme's margins
    assert groups == len(column_groups(n, columns_per_group(frame, 5)))
    assert text.count("Land2") == groups  # the first column repeats in each group
    for i in range(1, n):
        assert f"Y{i}" in text and f"2.{i}" in text
    assert f"of {n})" in joined


def test_the_groups_cover_each_column_once_after_the_first() -> None:
    groups = column_groups(60, 12)
    assert all(group[0] == 0 and len(group) <= 12 for group in groups)
    assert sorted(i for group in groups for i in group[1:]) == list(range(1, 60))
    assert column_groups(12, 12) == [list(range(12))]
    assert columns_per_group((21.0 - 2 * 2.2) / 2.54 * 72, 5) == 11


def test_a_table_that_fits_is_not_split() -> None:
    _, reader = render(wide_brief(8))
    text = " ".join(page_texts(reader))
    assert text.count("Partner") == 1 and "columns 1 and" not in text
