"""User text to ReportLab markup: escaping, the small inline markup, huge paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from briefbook.render.text import markup as tx
from briefbook.render.theme import DEFAULT_THEME, register_fonts

HOSTILE = [
    "AT&T",
    '<img src="/etc/passwd">',
    "<font name=Courier>x</font>",
    '<a href="javascript:alert(1)">click</a>',
    "<b>unclosed",
    "&amp; &#60; &lt;",
    "<br/> <para> </para>",
    '<link href="file:///etc/passwd">x</link>',
]


def markup(text: str) -> str:
    return "".join(tx.paragraphs_markup(text))


def test_reserved_characters_are_escaped() -> None:
    assert markup("AT&T <b>x</b>") == "AT&amp;T &lt;b&gt;x&lt;/b&gt;"
    for sample in HOSTILE:
        out = markup(sample)
        assert "<" not in out.replace("<br/>", "")
        assert "&amp;" in out or "&" not in sample


def test_bold_italic_and_links() -> None:
    out = markup("**bold** and *it* and [NATO](https://www.nato.int/)")
    assert out.startswith("<b>bold</b> and <i>it</i> and ")
    assert '<a href="https://www.nato.int/"' in out and "NATO</u></a>" in out


def test_mailto_link() -> None:
    assert 'href="mailto:duty@example.org"' in markup("[write](mailto:duty@example.org)")


def test_other_link_schemes_print_as_typed() -> None:
    for url in ("javascript:alert(1)", "file:///etc/passwd", "ftp://x.org", "data:text/html,x"):
        out = markup(f"[label]({url})")
        assert "<a" not in out
        assert tx.escape(url) in out


def test_markers_that_do_not_hug_text_stay_literal() -> None:
    assert markup("2 * 3 * 4") == "2 * 3 * 4"
    assert markup("** not bold **") == "** not bold **"
    assert markup("*unclosed") == "*unclosed"
    assert markup("**unclosed") == "**unclosed"


def test_nested_markup_is_well_formed() -> None:
    assert markup("**bold *and italic***") == "<b>bold <i>and italic</i></b>"
    assert markup("***both***") == "<b><i>both</i></b>"
    assert markup("*x**y**z*") == "<i>x<b>y</b>z</i>"
    assert markup("[**b**](https://x.org)") == (
        '<a href="https://x.org" color="#1f4e8c"><u><b>b</b></u></a>'
    )


def test_quotes_in_urls_cannot_break_the_attribute() -> None:
    out = markup('[x](https://a.org/"onclick=")')
    assert 'href="https://a.org/"onclick' not in out


def test_paragraphs_and_line_breaks() -> None:
    assert tx.paragraphs_markup("one\ntwo\n\n\nthree\r\n\r\nfour") == [
        "one<br/>two",
        "three",
        "four",
    ]
    assert tx.paragraphs_markup("   \n\n  ") == []


def test_control_characters_and_surrogates_are_dropped() -> None:
    assert tx.clean("a\x00b\x07c\ud800d") == "abc\ufffdd"
    assert tx.clean("e\u0301") == "é"


def test_huge_paragraph_is_cut_into_pieces() -> None:
    text = ("word " * 1_000_000)[:5_000_000]
    pieces = tx.split_paragraphs(text, 6000)
    chunks = [tx.to_markup(p) for p in pieces]
    assert all(len(p) <= 2000 for p in pieces)
    assert sum(len(p) for p in pieces) > 4_900_000
    assert len(chunks) == len(pieces)


def test_pathological_markers_stay_linear() -> None:
    text = "**a " * 200_000 + "*b " * 200_000 + "[x " * 100_000
    tx.to_markup(text)


def test_word_without_spaces_is_cut_too() -> None:
    pieces = tx.split_paragraphs("x" * 7_000, 6000)
    assert [len(p) for p in pieces] == [2000, 2000, 2000, 1000]


def test_paragraphs_under_the_limit_are_never_cut() -> None:
    text = "A sentence of a long but ordinary paragraph. " * 130
    assert tx.split_paragraphs(text, 6000) == [text]


def test_long_paragraphs_are_cut_after_a_sentence() -> None:
    pieces = tx.split_paragraphs("Short sentence here. " * 1000, 6000)
    assert len(pieces) > 5
    assert all(p.strip().endswith("here.") for p in pieces)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ab <>&\"'*[]()/:;=\n#", "http://", "**", "mailto:a@b", "<b>"]),
        max_size=60,
    ).map("".join)
)
def test_any_text_gives_markup_reportlab_accepts(text: str) -> None:
    register_fonts()
    style = DEFAULT_THEME.styles["body"]
    for chunk in tx.paragraphs_markup(text):
        para = Paragraph(chunk, style)
        para.wrap(300, 1000)
        # Nothing the user typed can have become a tag other than ours.
        stripped = chunk
        for tag in ("<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "</a>", "<br/>"):
            stripped = stripped.replace(tag, "")
        while "<a href=" in stripped:
            start = stripped.index("<a href=")
            end = stripped.index(">", start)
            href = stripped[start:end]
            assert href.startswith(('<a href="http://', '<a href="https://', '<a href="mailto:'))
            stripped = stripped[:start] + stripped[end + 1 :]
        assert "<" not in stripped and ">" not in stripped


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_is_cleaned_and_escaped(text: str) -> None:
    for chunk in tx.paragraphs_markup(text):
        chunk.encode("utf-8")
