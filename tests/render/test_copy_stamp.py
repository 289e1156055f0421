"""A numbered copy's stamp as the renderer prints it, and ReportLab settings per render."""

from __future__ import annotations

import pytest
from reportlab import rl_config

from briefbook.core import model as m
from briefbook.render.rlsettings import binary_streams
from tests.render.conftest import make_brief, page_texts, placed_text, render


def test_stamp_prints_as_typed_on_the_cover_and_every_footer() -> None:
    stamp = 'Copy 3 of 12 – <font name="Courier">Eve</font> & <b>Co</b>\x07'
    brief = make_brief([m.Section("One", [m.TextBlock("Body. " * 400)])])
    _, reader = render(brief, copy_stamp=stamp)
    shown = 'Copy 3 of 12 – <font name="Courier">Eve</font> & <b>Co</b>'
    texts = page_texts(reader)
    assert len(texts) >= 3
    assert all(shown in text for text in texts)
    height = float(reader.pages[0].mediabox.height)
    assert any(shown == text and y > height - 60 for text, _, y in placed_text(reader, 0))
    assert "\x07" not in "".join(texts)


def test_a_long_stamp_is_shortened_not_spilled() -> None:
    name = "Permanent Representation to the International Organisations in Geneva " * 3
    brief = make_brief([m.Section("One", [m.TextBlock("Body.")])])
    _, reader = render(brief, copy_stamp=f"Copy 1 of 2 – {name}")
    width = float(reader.pages[1].mediabox.width)
    footer = [(text, x) for text, x, y in placed_text(reader, 1) if 30 < y < 60]
    stamp = next(text for text, _ in footer if text.startswith("Copy 1 of 2"))
    assert stamp.endswith("…")
    assert all(0 <= x < width for _, x in footer)


def test_no_stamp_no_box() -> None:
    _, reader = render(make_brief([m.Section("One", [m.TextBlock("Body.")])]))
    assert "Copy " not in page_texts(reader)[0]


def test_binary_streams_only_inside_the_block() -> None:
    before = rl_config.useA85
    with pytest.raises(RuntimeError), binary_streams():
        assert rl_config.useA85 == 0
        raise RuntimeError("a render fails")
    assert rl_config.useA85 == before
    result, _ = render(make_brief([m.Section("One", [m.TextBlock("Body.")])]))
    assert b"/ASCII85Decode" not in result.pdf
    assert rl_config.useA85 == before
