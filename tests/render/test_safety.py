"""User text stays text; bad input gives a PDF or a RenderError, never anything else."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.platypus import Flowable

from briefbook.core import model as m
from briefbook.errors import RenderError
from briefbook.render.api import export_pdf, render_pdf
from briefbook.render.blocks import BUILDERS
from briefbook.render.options import RenderOptions
from tests.render.conftest import links, make_brief, page_texts, render

HOSTILE = (
    'AT&T <img src="/etc/passwd"> <font name="Courier" size="40">big</font> '
    '<a href="javascript:alert(1)">click</a> <b>unclosed '
    '[js](javascript:alert(1)) [file](file:///etc/passwd) <link href="file:///etc/passwd">x</link>'
)


def hostile_brief(text: str = HOSTILE) -> m.Brief:
    blocks: list[m.Block] = [
        m.TextBlock(text),
        m.BulletsBlock([m.ListItem(text, [m.ListItem(text)])]),
        m.NumberedBlock([m.ListItem(text)]),
        m.TableBlock([text, "b"], [[text, text], [text]], caption=text),
        m.ScheduleBlock(
            [
                m.ScheduleEntry(
                    dt.date(2025, 6, 12), dt.time(9), None, text, text, [text], "open", text
                )
            ]
        ),
        m.RecommendationsBlock([m.Recommendation(text, text, text, "high")]),
        m.PeopleBlock([m.Person(text, text, text, text, "", text)]),
        m.ContactsBlock([m.Contact(text, text, text, text, text)]),
        m.NoteBlock(text, text, "info"),
    ]
    return make_brief(
        [m.Section(text, blocks, subsections=[m.Section(text, blocks)])], title=text, marking=text
    )


def test_markup_characters_print_literally() -> None:
    _, reader = render(hostile_brief())
    text = " ".join(" ".join(page_texts(reader)).split())
    for literal in (
        "AT&T",
        '<img src="/etc/passwd">',
        '<font name="Courier" size="40">big</font>',
        '<a href="javascript:alert(1)">click</a>',
        "<b>unclosed",
        "[js](javascript:alert(1))",
        "[file](file:///etc/passwd)",
    ):
        assert literal in text, literal
    assert "AT&T;" not in text


def test_no_link_to_javascript_or_local_files_and_no_embedded_file() -> None:
    result, reader = render(hostile_brief())
    for _, annot in links(reader):
        action = annot.get("/A")
        if action is not None:
            uri = str(action.get("/URI", ""))
            assert uri.startswith(("http://", "https://", "mailto:")), uri
    assert all(not page.images for page in reader.pages)
    assert b"/JavaScript" not in result.pdf and b"/Launch" not in result.pdf


def test_allowed_links_become_annotations() -> None:
    brief = make_brief(
        [
            m.Section(
                "Links",
                [m.TextBlock("[NATO](https://www.nato.int/) and [mail](mailto:press@example.org)")],
            )
        ]
    )
    _, reader = render(brief)
    uris = {str(a["/A"]["/URI"]) for _, a in links(reader) if "/A" in a}
    assert uris == {"https://www.nato.int/", "mailto:press@example.org"}


hostile_text = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<",
                ">",
                "&",
                "**",
                "*",
                "[",
                "](",
                ")",
                "\n",
                "\n\n",
                "<b>",
                "</i>",
                '<img src="x">',
                "&amp;",
                "&#0;",
                "https://",
                "javascript:",
                " ",
                "\x00",
                "\ud800",
                "€",
                "ł",
                "Ж",
            ]
        ),
        st.text(max_size=8),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_random_text_renders_or_raises_render_error(text: str) -> None:
    brief = hostile_brief(text)
    try:
        result = render_pdf(brief)
    except RenderError:
        return
    assert result.pdf.startswith(b"%PDF-") and result.page_count >= 3


def test_five_megabyte_paragraph() -> None:
    text = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit <&> " * 90_000)[:5_000_000]
    brief = make_brief([m.Section("Huge", [m.TextBlock(text)])])
    result = render_pdf(brief)
    assert result.page_count > 500


def _created(pdf: bytes) -> str:
    """The creation date in the PDF's document information (which may sit in an
    object stream, so it is read, not searched for in the bytes)."""
    import io

    from pypdf import PdfReader

    return str(PdfReader(io.BytesIO(pdf)).trailer["/Info"]["/CreationDate"])


def test_reproducible_bytes_with_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch, rich_brief: m.Brief
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1749686400")
    first = render_pdf(rich_brief).pdf
    time.sleep(1.1)
    second = render_pdf(rich_brief).pdf
    assert first == second
    assert _created(first).startswith("D:20250612000000")


def test_reproducible_option(rich_brief: m.Brief) -> None:
    first = render_pdf(rich_brief, RenderOptions(reproducible=True)).pdf
    time.sleep(1.1)
    assert render_pdf(rich_brief, RenderOptions(reproducible=True)).pdf == first
    assert _created(first).startswith("D:20250612000000")  # the brief's first day


def test_failed_export_leaves_the_earlier_pdf_untouched(
    tmp_path: Path, rich_brief: m.Brief
) -> None:
    target = tmp_path / "dossier.pdf"
    export_pdf(rich_brief, target)
    before = target.read_bytes()
    with pytest.raises(RenderError):
        export_pdf(rich_brief, target, RenderOptions(page_size="A0"))
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.pdf"]


class Exploding(Flowable):
    """A flowable whose layout fails, as a ReportLab bug would."""

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        raise ValueError("boom")


def test_layout_failure_names_the_section_and_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(BUILDERS, "table", lambda block, ctx: [Exploding()])
    brief = make_brief([m.Section("Initiatives", [m.TextBlock("x"), m.TableBlock(["A"], [["1"]])])])
    with pytest.raises(RenderError) as caught:
        render_pdf(brief)
    assert caught.value.where == 'section "Initiatives", block 2 (table)'
    assert "boom" in str(caught.value)


def test_export_result(tmp_path: Path, rich_brief: m.Brief) -> None:
    result = export_pdf(rich_brief, tmp_path / "out.pdf")
    assert result.path.read_bytes() == result.pdf
    assert result.size == len(result.pdf)
    assert result.page_count >= 7


def test_text_without_markup_characters_prints_literally_too() -> None:
    # No '*' or '[': this text takes the path that never meets ReportLab's parser.
    text = 'AT&T <img src="/etc/passwd"> <b>open &amp; &#60;\n  two   spaces\u00a0kept'
    brief = make_brief([m.Section("Plain", [m.TextBlock(text), m.TableBlock(["A"], [[text]])])])
    _, reader = render(brief)
    body = page_texts(reader)[2]
    assert body.count('AT&T <img src="/etc/passwd"> <b>open &amp; &#60;') == 2
    assert "two spaces" in body


def test_plain_and_parsed_paragraphs_lay_out_alike() -> None:
    from briefbook.render.blocks.context import safe_paragraph
    from briefbook.render.flowables import plain_text_paragraph
    from briefbook.render.text.markup import escape
    from briefbook.render.theme import DEFAULT_THEME, register_fonts

    register_fonts()
    style = DEFAULT_THEME.styles["body"]
    text = "Lorem ipsum dolor sit amet, consectetur <adipiscing> elit & more. " * 12
    fast = plain_text_paragraph(text + "\nsecond line", style)
    parsed = safe_paragraph(escape(text) + "<br/>second line", style)
    assert fast.wrap(300, 1000) == parsed.wrap(300, 1000)


def test_rationale_without_markup_characters_is_not_parsed() -> None:
    hostile = '<img src="/etc/passwd"/> <a href="javascript:alert(1)">x</a> AT&T'
    brief = make_brief(
        [
            m.Section(
                "Advice",
                [m.RecommendationsBlock([m.Recommendation("Act", hostile, "Unit", "high")])],
            )
        ]
    )
    _, reader = render(brief)
    text = " ".join(page_texts(reader)[2].split())
    assert f"Rationale: {hostile}" in text
    assert all("/A" not in annot for _, annot in links(reader))
    assert all(not page.images for page in reader.pages)
