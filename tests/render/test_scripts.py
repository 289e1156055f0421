"""Every script prints: fallback faces per character run, shaping, right-to-left order,
and a named placeholder for characters no shipped font has. Read back from the PDF."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import ContentStream
from render.conftest import fonts_used, make_brief, page_texts, placed_text, render, rich_sections

from briefbook.core import model as m
from briefbook.render.pocket.card import render_pocket_card
from briefbook.render.text import scripts

#: (script, a name as a delegation would type it, the embedded face that prints it)
NAMES = [
    ("Arabic", "وزير الخارجية فيصل بن فرحان", "NotoSansArabic-Regular"),
    ("Persian", "عباس عراقچی", "NotoSansArabic-Regular"),
    ("Hebrew", "שר החוץ גדעון סער", "NotoSansHebrew-Regular"),
    ("Chinese", "王毅", "DroidSansFallback"),
    ("Japanese", "岸田文雄 きしだ ふみお", "DroidSansFallback"),
    ("Korean", "윤석열 대통령", "NanumGothic"),
    ("Hindi", "नरेन्द्र मोदी प्रधान मंत्री", "NotoSansDevanagari-Regular"),
    ("Thai", "ประยุทธ์ จันทร์โอชา", "NotoSansThai-Regular"),
    ("Georgian", "ირაკლი კობახიძე", "NotoSansGeorgian-Regular"),
    ("Armenian", "Նիկոլ Փաշինյան", "NotoSansArmenian-Regular"),
    ("symbols", "→ ✓ ☎", "NotoSansSymbols-Regular NotoSansSymbols2-Regular"),
]

NEW_FACES = (
    "Arabic",
    "Hebrew",
    "Devanagari",
    "Thai",
    "Georgian",
    "Armenian",
    "Symbols",
    "DroidSans",
    "Nanum",
)


def _font_names(reader: PdfReader) -> set[str]:
    return {name.split("+", 1)[-1] for name, _, _ in fonts_used(reader)}


def _to_unicode(reader: PdfReader) -> dict[str, str]:
    """Every embedded font's ToUnicode map, joined: BaseFont -> all the text it maps to."""
    found: dict[str, str] = {}
    for page in reader.pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            font = ref.get_object()
            if "/ToUnicode" not in font:
                continue
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            cmap = cmap[cmap.index("beginbfchar") : cmap.index("endbfchar")]
            text = "".join(
                bytes.fromhex(hexa).decode("utf-16-be")
                for hexa in re.findall(r"<[0-9A-F]{2}> <([0-9A-F]+)>", cmap)
            )
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            found[name] = found.get(name, "") + text
    return found


def _cmap_of(font: object) -> dict[int, str]:
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")  # type: ignore[index]
    cmap = cmap[cmap.index("beginbfchar") : cmap.index("endbfchar")]
    return {
        int(code, 16): bytes.fromhex(text).decode("utf-16-be")
        for code, text in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]+)>", cmap)
    }


def drawn_runs(reader: PdfReader, index: int) -> list[tuple[str, str]]:
    """(font, text) of each string a page's content stream shows, glyphs in drawing
    (left-to-right, visual) order, decoded with the font's ToUnicode map."""
    page = reader.pages[index]
    fonts = {name: ref.get_object() for name, ref in page["/Resources"]["/Font"].items()}
    maps = {name: _cmap_of(font) for name, font in fonts.items() if "/ToUnicode" in font}
    found: list[tuple[str, str]] = []
    current = ""
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"Tf":
            current = operands[0]
        elif operator in (b"Tj", b"TJ"):
            items = operands[0] if operator == b"TJ" else [operands[0]]
            raw = b"".join(
                bytes(getattr(i, "original_bytes", i))
                for i in items
                if not isinstance(i, (int, float))
            )
            name = str(fonts[current]["/BaseFont"]).split("+", 1)[-1]
            found.append((name, "".join(maps.get(current, {}).get(b, "?") for b in raw)))
    return found


def _text_brief(*texts: str, **meta: object) -> m.Brief:
    return make_brief([m.Section("Names", [m.TextBlock(t) for t in texts])], **meta)


@pytest.mark.parametrize(("script", "name", "face"), NAMES, ids=[n[0] for n in NAMES])
def test_each_script_prints_in_its_face(script: str, name: str, face: str) -> None:
    result, reader = render(_text_brief(f"{script}: {name}"))
    body = page_texts(reader)[-1]
    assert f"{script}: {name}" in body.splitlines()  # as typed, in typed order, one line
    assert set(face.split()) <= _font_names(reader)
    # The glyphs are in the embedded subsets: their ToUnicode maps hold every letter.
    maps = _to_unicode(reader)
    mapped = "".join(maps[f] for f in face.split())
    assert set(name.replace(" ", "")) <= set(mapped)
    assert not result.warnings


@pytest.mark.parametrize(
    "typed", ["وزير الخارجية", "שר החוץ גדעון סער", "Talks with وزير الخارجية at 10:00"]
)
def test_right_to_left_words_are_drawn_right_to_left(typed: str) -> None:
    _, reader = render(_text_brief(typed))
    drawn = [
        text
        for font, text in drawn_runs(reader, len(reader.pages) - 1)
        if "Arabic" in font or "Hebrew" in font
    ]
    assert len(drawn) == 1  # the phrase is one run
    visual = drawn[0].split(" ")
    # Drawn left to right, the last word typed comes first: read from the right, the
    # words are in typed order (their letters are checked by the extraction tests).
    rtl_words = [w for w in typed.split(" ") if not w.isascii()]
    assert [sorted(w) for w in reversed(visual)] == [sorted(w) for w in rtl_words]
    assert visual != rtl_words


def test_right_to_left_paragraphs_align_right() -> None:
    _, reader = render(_text_brief("وزير الخارجية", "Latin"))
    placed = {t: x for t, x, _ in placed_text(reader, len(reader.pages) - 1)}
    assert placed["وزير الخارجية"] > 300 > placed["Latin"]


def test_mixed_lines_stay_one_paragraph_in_reading_order() -> None:
    lines = ["Talks with 王毅 in Beijing", "Talks with وزير الخارجية at 10:00"]
    _, reader = render(_text_brief(*lines))
    body = page_texts(reader)[-1].splitlines()
    for line in lines:
        assert line in body
    # One paragraph: each line's runs share one baseline.
    placed = placed_text(reader, len(reader.pages) - 1)
    talks = {round(y, 1) for t, _, y in placed if t == "Talks with"}
    for parts in (("王毅", "in Beijing"), ("وزير الخارجية", "at 10:00")):
        ys = {round(y, 1) for t, _, y in placed if t in parts}
        assert len(ys) == 1 and ys <= talks, parts


def test_bold_text_takes_the_fallback_bold() -> None:
    _, reader = render(_text_brief("**وزير الخارجية** and **王毅**"))
    names = _font_names(reader)
    assert "NotoSansArabic-Bold" in names
    assert "DroidSansFallback" in names  # no bold: printed in its regular weight


def test_names_print_in_tables_schedules_cover_header_and_pocket_card() -> None:
    table = m.TableBlock(["Name", "Role"], [["王毅", "Minister"], ["גדעון סער", "שר החוץ"]])
    schedule = m.ScheduleBlock(
        [
            m.ScheduleEntry(
                dt.date(2025, 6, 12), dt.time(9), None, "Talks with 윤석열", "北京", ["नरेन्द्र मोदी"]
            )
        ]
    )
    brief = make_brief(
        [m.Section("Programme ✓", [table, schedule])], title="Visit to 北京 and تهران"
    )
    result, reader = render(brief)
    texts = page_texts(reader)
    assert "Visit to 北京 and تهران" in texts[0]  # cover
    assert "Visit to 北京 and تهران" in texts[-1]  # running header
    body = texts[-1]
    for name in (
        "王毅",
        "גדעון סער",
        "שר החוץ",
        "Talks with 윤석열",
        "北京",
        "नरेन्द्र मोदी",
        "Programme ✓",
    ):
        assert name in body
    card = render_pocket_card(brief)
    card_text = "\n".join(page_texts(PdfReader(__import__("io").BytesIO(card.pdf))))
    assert "Talks with 윤석열" in card_text and "Visit to 北京" in card_text
    assert not result.warnings and not card.warnings


def test_unprintable_character_prints_its_code_and_warns() -> None:
    result, reader = render(_text_brief("A flamingo 🦩 and a private \ue000 sign"))
    body = page_texts(reader)[-1]
    assert "A flamingo [U+1F9A9] and a private [U+E000] sign" in body
    messages = [str(w) for w in result.warnings]
    assert any(
        "'🦩' U+1F9A9 FLAMINGO has no glyph" in w and 'section "Names"' in w for w in messages
    )
    assert any("U+E000 (private use character)" in w for w in messages)


def test_pocket_card_warns_about_unprintable_characters() -> None:
    brief = make_brief([m.Section("Key points", [m.BulletsBlock([m.ListItem("Bring 🦩")])])])
    card = render_pocket_card(brief)
    assert any("U+1F9A9 FLAMINGO" in str(w) for w in card.warnings)


def test_latin_only_brief_embeds_none_of_the_new_fonts() -> None:
    _, reader = render(make_brief(rich_sections()))
    names = _font_names(reader)
    assert names and all(n.startswith(("NotoSerif", "NotoSans-")) for n in names), names
    assert not any(face in n for n in names for face in NEW_FACES)


def test_runs_split_by_face_and_keep_marks_with_their_letter() -> None:
    found = scripts.runs("Talks with 王毅, وزير الخارجية and क्ष")
    assert [(r.text, r.face.name if r.face else None) for r in found] == [
        ("Talks with ", None),
        ("王毅", "BB-CJK"),
        (", ", None),
        ("وزير الخارجية", "BB-Arabic"),
        (" and ", None),
        ("क्ष", "BB-Devanagari"),
    ]
    assert scripts.runs("plain Latin, Ελληνικά, Кириллица") == [
        scripts.Run("plain Latin, Ελληνικά, Кириллица", None)
    ]


def test_fast_path_for_body_text() -> None:
    assert not scripts.needs_fallback("Plain ASCII")
    assert not scripts.needs_fallback("naïve café – Αθήνα – Москва")
    assert scripts.needs_fallback("Talks with 王毅")


def test_describe_names_the_character() -> None:
    assert scripts.describe("🦩") == "'🦩' U+1F9A9 FLAMINGO"
    assert scripts.describe("\U00010000") == "'𐀀' U+10000 LINEAR B SYLLABLE B008 A"
    assert scripts.is_unprintable("\U00010000") and not scripts.is_unprintable("☎")


def test_numbers_in_right_to_left_text_read_left_to_right() -> None:
    _, reader = render(_text_brief("الاجتماع في الساعة ١٠:٣٠ في قصر الضيافة"))
    drawn = "".join(text for _, text in drawn_runs(reader, len(reader.pages) - 1))
    assert "١٠:٣٠" in drawn  # drawn left to right: ten, colon, thirty
    assert "٠١" not in drawn and "٠٣" not in drawn


def test_right_to_left_list_items_stay_by_their_bullet() -> None:
    bullets = m.BulletsBlock([m.ListItem("שר החוץ גדעון סער"), m.ListItem("Latin")])
    _, reader = render(make_brief([m.Section("List", [bullets])]))
    placed = {t: x for t, x, _ in placed_text(reader, len(reader.pages) - 1)}
    assert placed["שר החוץ גדעון סער"] == placed["Latin"]


_ALPHABET = (
    "abc XYZ 0123456789 .,:;()-«»،؟ "
    "وزيرالخارجية عراقچی ١٢٣ שָׁלוֹם החוץ नरेन्द्रमोदीक्षि ประยุทธ์ำ 王毅岸田きしだ 윤석열 "
    "ირაკლი Նիկոլ →✓☎ \u200c\u200d\u0301 🦩\ue000"
)


@settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    st.lists(st.text(st.sampled_from(_ALPHABET), min_size=1, max_size=160), min_size=1, max_size=4)
)
def test_any_mix_of_scripts_lays_out(texts: list[str]) -> None:
    table = m.TableBlock(["A", "B"], [[t[:40], t[40:]] for t in texts])
    bullets = m.BulletsBlock([m.ListItem(t) for t in texts])
    result, reader = render(
        make_brief(
            [m.Section(texts[0][:30] or "S", [*(m.TextBlock(t) for t in texts), table, bullets])],
            title=texts[-1][:50],
        )
    )
    assert len(reader.pages) == result.page_count
    body = "".join(page_texts(reader))
    # Characters no font has are reported, and their code is printed.
    missing = {ch for t in texts for ch in t if scripts.is_unprintable(ch)}
    for ch in missing:
        assert f"[U+{ord(ch):04X}]" in body
        assert any(f"U+{ord(ch):04X}" in str(w) for w in result.warnings)
    # Unshaped scripts come back glyph for glyph.
    for ch in set("".join(texts)) & set("王毅岸田きしだ윤석열ირაკლიՆիկոլ→✓☎"):
        assert ch in body


def test_headings_and_contents_keep_left_to_right_with_an_arabic_title() -> None:
    brief = make_brief([m.Section("وزارة الخارجية", [m.TextBlock("Latin")])])
    _, reader = render(brief)
    contents, body = (placed_text(reader, i) for i in (1, len(reader.pages) - 1))
    left = min(x for t, x, _ in body if t == "Latin")
    heading = [x for t, x, _ in body if "وزارة الخارجية" in t]
    assert heading and heading[0] < left + 5  # the number and title start at the left
    entry = [x for t, x, _ in contents if "وزارة الخارجية" in t]
    assert entry and entry[0] < 150


def test_escaped_text_stays_escaped_around_other_scripts() -> None:
    typed = '<font face="Courier">王毅</font> & <b>שר</b> "وزير"'
    _, reader = render(_text_brief(typed))
    drawn = drawn_runs(reader, len(reader.pages) - 1)[2:-1]  # after the heading, before DRAFT
    # Every character printed as typed (right-to-left runs read from their end).
    assert "".join(t[::-1] if "Arabic" in f or "Hebrew" in f else t for f, t in drawn) == typed
    assert "Courier" not in " ".join(_font_names(reader))
