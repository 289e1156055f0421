"""Characters a brief cannot hold: named with their place, on reading and on saving."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.cli import main
from briefbook.core import model as m
from briefbook.core.fileformat import load, save, validate
from briefbook.errors import BriefbookError, BriefFormatError

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"


def test_a_nul_byte_is_one_line_with_line_and_column(capsys: pytest.CaptureFixture[str]) -> None:
    path = HOSTILE / "nul-byte.brief.yaml"
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"{path}:4:11: the control character U+0000 (NUL) cannot be in a brief; remove it\n"
    )
    with pytest.raises(BriefFormatError) as caught:
        load(path)
    assert (caught.value.line, caught.value.column) == (4, 11)


def test_the_column_counts_characters_not_bytes(tmp_path: Path) -> None:
    path = tmp_path / "c.brief.yaml"
    path.write_bytes("briefbook: 1\nmeta:\n  title: Zürich\x01\n".encode())
    assert [str(p) for p in validate(path)] == [
        f"{path}:3:16: the control character U+0001 cannot be in a brief; remove it"
    ]


def _brief_with(text: str) -> m.Brief:
    brief = m.Brief()
    brief.meta.title = "Visit"
    brief.sections = [
        m.Section(
            title="Talks",
            blocks=[
                m.TextBlock(text="fine"),
                m.BulletsBlock(items=[m.ListItem("one"), m.ListItem(text)]),
            ],
        )
    ]
    return brief


def test_saving_a_lone_surrogate_is_refused_naming_the_field(tmp_path: Path) -> None:
    path = tmp_path / "s.brief.yaml"
    save(_brief_with("ok"), path)
    before = path.read_bytes()
    with pytest.raises(BriefbookError) as caught:
        save(_brief_with("broken \ud800 paste"), path)
    message = str(caught.value)
    assert message.startswith(
        f"{path}: not saved: section 'Talks', block 2 'items', item 2 "
        "'text' holds a broken character (U+D800"
    )
    assert path.read_bytes() == before


def test_a_surrogate_in_the_meta_is_named_too(tmp_path: Path) -> None:
    brief = _brief_with("ok")
    brief.meta.keywords = ["a", "\udc00"]
    with pytest.raises(BriefbookError, match="meta 'keywords', item 2 holds"):
        save(brief, tmp_path / "k.brief.yaml")
