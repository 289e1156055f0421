"""Fonts for every script: which shipped face prints a character, and which none can.

The body faces (Noto Serif and Noto Sans) cover Latin, Greek and Cyrillic. Any
other character is printed by a fallback face from the top-level ``assets/fonts``
(Arabic, Hebrew, Devanagari, Thai, Georgian, Armenian, symbols, Chinese and
Japanese, Korean), chosen per character run so that a mixed line ("Talks with
王毅 in Beijing") stays one paragraph. The fallback faces are registered with
ReportLab the first time a character outside the body faces is met, so a
Latin-only brief neither loads nor embeds them.

A character that no shipped face has is *unprintable*: ``briefbook validate``
names it, export warns about it, and the PDF prints its code (``[U+1F9A9]``)
instead of an empty box.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont, TTFontFile

from briefbook.render.theme import FONT_FILES, fonts_dir


@dataclass(frozen=True)
class Face:
    """A fallback face: its registered name, files, and whether it is shaped or right-to-left."""

    name: str
    regular: str
    bold: str | None = None
    #: Needs HarfBuzz shaping (joined letters, reordered vowel signs, stacked marks).
    shaped: bool = False
    #: Its script is written right to left.
    rtl: bool = False


#: The fallback faces, in the order they are tried for a character.
FACES: tuple[Face, ...] = (
    Face("BB-Arabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", True, True),
    Face("BB-Hebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", True, True),
    Face("BB-Devanagari", "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", True),
    Face("BB-Thai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", True),
    Face("BB-Georgian", "NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf"),
    Face("BB-Armenian", "NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Bold.ttf"),
    Face("BB-Symbols", "NotoSansSymbols-Regular.ttf"),
    Face("BB-Symbols2", "NotoSansSymbols2-Regular.ttf"),
    Face("BB-CJK", "DroidSansFallbackFull.ttf"),
    Face("BB-Hangul", "NanumGothic.ttf"),
)
_BY_NAME = {face.name: face for face in FACES}

#: Unicode blocks whose characters go to one face first (Hangul must not take Droid's
#: three stray Hangul glyphs, nor Chinese characters NanumGothic's Korean-style Hanja).
_PREFERRED: tuple[tuple[int, int, str], ...] = (
    (0x1100, 0x11FF, "BB-Hangul"),
    (0x3130, 0x318F, "BB-Hangul"),
    (0xA960, 0xA97F, "BB-Hangul"),
    (0xAC00, 0xD7FF, "BB-Hangul"),
)

#: Characters that print nothing and need no glyph (joiners, marks of direction).
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u061c")

_lock = threading.Lock()
_registered = False


@cache
def _cmap(filename: str) -> frozenset[int]:
    """The code points a shipped font file has a glyph for."""
    return frozenset(TTFontFile(str(fonts_dir() / filename)).charToGlyph)


@cache
def body_coverage() -> frozenset[int]:
    """Code points every body face (Noto Serif and Noto Sans, all styles) prints."""
    sets = [_cmap(name) for name in sorted(set(FONT_FILES.values()))]
    return frozenset.intersection(*sets)


class ScriptFont(TTFont):
    """A TrueType face whose ToUnicode map gives shaped glyphs the characters typed.

    ``actual_text`` maps the code ReportLab writes for a substituted glyph (an
    Arabic contextual form, a Devanagari conjunct) to the typed characters it
    stands for; :func:`briefbook.render.text.direction.record_actual_text` fills it.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.actual_text: dict[int, str] = {}

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        if not self.actual_text:
            return
        for n, subset in enumerate(subsets):
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))
            stream = doc.idToObject.get("toUnicodeCMap:" + base.decode("pdfdoc"))
            if stream is not None and any(code in self.actual_text for code in subset):
                stream.content = _to_unicode_cmap(base.decode("pdfdoc"), subset, self.actual_text)


def fresh_shaping_state() -> None:
    """Forget what earlier renders in this process shaped, so a PDF depends on its own text.

    Two maps outlive a render unless cleared here: each :class:`ScriptFont`'s
    ``actual_text`` (first assignment wins, so a glyph shaped earlier for another
    character, as SARA AA is for SARA AM, would keep that character), and the
    private-use codes ReportLab's ``TTFont.hbAddPrivate`` gives glyphs without a
    character of their own (numbered in order of first use, kept on the font and
    its face for the whole process). Both are reset to what a fresh process has;
    the font files are not read again. Call it under the render lock
    (:func:`briefbook.render.rlsettings.render_session`) before anything is shaped.
    """
    for name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
        if not isinstance(font, TTFont):
            continue
        if isinstance(font, ScriptFont):
            font.actual_text.clear()
        private: dict[str, int] | None = getattr(font, "_TTFont__hbUnis", None)
        if private:
            face = font.face
            # ``glyphToChar`` is set by ReportLab's reader, but not declared in its stubs.
            glyph_to_char: dict[int, list[int]] = face.glyphToChar  # type: ignore[attr-defined]
            for code in private.values():
                gid = face.charToGlyph.pop(code, None)
                face.charWidths.pop(code, None)
                chars = glyph_to_char.get(gid) if gid is not None else None
                if chars is not None and code in chars:
                    chars.remove(code)
                    if not chars:
                        del glyph_to_char[gid]
            private.clear()
        if private is not None:
            font._TTFont__hbPrivate = 0xE000  # type: ignore[attr-defined]


def _to_unicode_cmap(name: str, subset: list[int], actual: dict[int, str]) -> str:
    """ReportLab's ToUnicode CMap, with several characters where a glyph stands for them."""

    def utf16(text: str) -> str:
        return text.encode("utf-16-be").hex().upper()

    entries = [
        f"<{i:02X}> <{utf16(actual.get(code) or chr(code))}>" for i, code in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({name})",
            f"/Ordering ({name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def register_fallback_fonts() -> None:
    """Register the fallback faces and their families with ReportLab (once, thread-safe).

    A face without a bold prints bold text in its regular weight; italics print upright.
    """
    global _registered
    with _lock:
        if _registered:
            return
        folder = fonts_dir()
        for face in FACES:
            kind = ScriptFont if face.shaped else TTFont
            pdfmetrics.registerFont(kind(face.name, str(folder / face.regular)))
            bold = face.name
            if face.bold:
                bold = f"{face.name}-Bold"
                pdfmetrics.registerFont(kind(bold, str(folder / face.bold)))
            pdfmetrics.registerFontFamily(
                face.name, normal=face.name, bold=bold, italic=face.name, boldItalic=bold
            )
        _registered = True


@cache
def face_for(code: int) -> Face | None:
    """The fallback face that prints ``code`` (None: no shipped face has it)."""
    for low, high, name in _PREFERRED:
        if low <= code <= high and code in _cmap(_BY_NAME[name].regular):
            return _BY_NAME[name]
    for face in FACES:
        if code in _cmap(face.regular):
            return face
    return None


def face_named(font_name: str) -> Face | None:
    """The fallback face a registered font name belongs to (``BB-Arabic-Bold`` too)."""
    return _BY_NAME.get(font_name.removesuffix("-Bold"))


@cache
def _outside_body() -> re.Pattern[str]:
    """A pattern matching any character the body faces lack (searched at C speed)."""
    codes = sorted(body_coverage())
    ranges: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code != prev + 1:
            ranges.append(
                re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else "")
            )
            start = code
        prev = code
    return re.compile("[^" + "".join(ranges) + "]")


def needs_fallback(text: str) -> bool:
    """Whether some character of ``text`` is not in the body faces (cheap for Latin)."""
    if text.isascii():
        return False
    return _outside_body().search(text) is not None


def is_unprintable(ch: str) -> bool:
    """No shipped face has a glyph for ``ch`` (and it is not an invisible format mark)."""
    code = ord(ch)
    if code in body_coverage() or ch in _INVISIBLE or ch in "\n\t ":
        return False
    if unicodedata.category(ch) in ("Cc", "Cf"):
        return False
    return face_for(code) is None


def describe(ch: str) -> str:
    """``'🦩' U+1F9A9 FLAMINGO``: the character, its code and its Unicode name."""
    name = unicodedata.name(ch, "") or _unnamed(ch)
    return f"{ch!r} U+{ord(ch):04X} {name}"


def _unnamed(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Co":
        return "(private use character)"
    if category == "Cn":
        return "(unassigned code point)"
    return f"(no name; category {category})"


def placeholder(ch: str) -> str:
    """What the PDF prints for an unprintable character: its code, in brackets."""
    return f"[U+{ord(ch):04X}]"


@dataclass(frozen=True)
class Run:
    """A stretch of text printed by one face (``face`` None: the body face)."""

    text: str
    face: Face | None


def runs(text: str) -> list[Run]:
    """Split text into runs by the face that prints them.

    Combining marks and joiners stay with the letter before them, so a vowel sign
    or a zero-width joiner never lands in another font than its letter. Spaces and
    punctuation between two runs of one fallback face belong to that face, so an
    Arabic or Hebrew phrase is one run (one text object in the PDF, which text
    extraction reads back in order). Unprintable characters become their placeholder,
    printed by the body face.
    """
    covered = body_coverage()
    faces: list[Face | None] = []
    pieces: list[str] = []
    for ch in text:
        code = ord(ch)
        previous = faces[-1] if faces else None
        if previous is not None and _clings(ch):
            face: Face | None = previous
        elif code in covered:
            face = None
        else:
            face = face_for(code)
            if face is None and is_unprintable(ch):
                ch = placeholder(ch)
        faces.append(face)
        pieces.append(ch)
    _neutrals_join(pieces, faces)
    found: list[Run] = []
    start = 0
    for i in range(1, len(pieces) + 1):
        if i == len(pieces) or faces[i] is not faces[start]:
            found.append(Run("".join(pieces[start:i]), faces[start]))
            start = i
    return found


def _neutrals_join(pieces: list[str], faces: list[Face | None]) -> None:
    """Spaces and punctuation between two runs of one fallback face join that face,
    where it has them ("وزير، الخارجية."), so a right-to-left phrase stays one run."""
    n = len(pieces)
    i = 0
    while i < n:
        if faces[i] is not None or not _neutral(pieces[i]):
            i += 1
            continue
        j = i
        while j < n and faces[j] is None and _neutral(pieces[j]):
            j += 1
        before = faces[i - 1] if i > 0 else None
        after = faces[j] if j < n else None
        if before is not None and before is after:
            cmap = _cmap(before.regular)
            if all(ord(ch) in cmap for ch in pieces[i:j]):
                faces[i:j] = [before] * (j - i)
        i = j


def _neutral(ch: str) -> bool:
    """A space or a punctuation mark (never a digit or letter: numbers keep their face)."""
    return len(ch) == 1 and unicodedata.bidirectional(ch) in ("WS", "CS", "ON", "ES", "ET")


def _clings(ch: str) -> bool:
    """Marks and joiners that belong with the letter before them."""
    return ch in _INVISIBLE or unicodedata.category(ch) in ("Mn", "Mc", "Me")


def unprintable_in(text: str) -> list[tuple[int, str]]:
    """Each unprintable character of ``text`` with its index."""
    if not needs_fallback(text):
        return []
    return [(i, ch) for i, ch in enumerate(text) if is_unprintable(ch)]


def faces_used(font_names: Iterable[str]) -> set[str]:
    """The fallback faces among registered font names (for tests and reports)."""
    return {name for name in font_names if face_named(name) is not None}


# --- fallback applied to ReportLab's text fragments ---------------------------------

_missing: ContextVar[Callable[[str], None] | None] = ContextVar("bb_missing_glyph", default=None)


@contextmanager
def report_missing(callback: Callable[[str], None]) -> Iterator[None]:
    """Within the block, ``callback`` hears of each unprintable character laid out."""
    token = _missing.set(callback)
    try:
        yield
    finally:
        _missing.reset(token)


def fallback_frags(frags: list[Any]) -> list[Any]:
    """Give each run of characters the body face lacks the fallback face that has them.

    ``frags`` are ReportLab's parsed text fragments (escaping and our markup already
    applied); a fragment is split where the face changes and each part keeps its
    style (bold text takes the fallback face's bold, where it has one). Fragments of
    characters the body faces print are returned as they are (the fast path).
    """
    for frag in frags:
        text = getattr(frag, "text", None)
        if text and not text.isascii() and needs_fallback(text):
            break
    else:
        return frags
    register_fallback_fonts()
    out: list[Any] = []
    sink = _missing.get()
    for frag in frags:
        text = getattr(frag, "text", "") or ""
        if hasattr(frag, "cbDefn") or not needs_fallback(text):
            out.append(frag)
            continue
        if sink is not None:
            for _, ch in unprintable_in(text):
                sink(ch)
        for run in runs(text):
            if run.face is None:
                out.append(frag.clone(text=run.text))
            else:
                name = tt2ps(run.face.name, frag.bold, frag.italic)
                out.append(frag.clone(text=run.text, fontName=name))
    return out


def missing_message(ch: str) -> str:
    """The warning for a character no shipped font prints."""
    return f"{describe(ch)} has no glyph in briefbook's fonts; it prints as {placeholder(ch)}"
