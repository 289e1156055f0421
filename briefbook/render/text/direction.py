"""Right-to-left text in laid-out lines, and HarfBuzz shaping across font changes.

ReportLab breaks a paragraph into lines in logical (typed) order and shapes each
word with HarfBuzz (its ``shaping`` extra), which joins Arabic letters and puts
each word's glyphs in visual order. Two things are left to us:

* **Word order.** ReportLab's own bidi support needs ``rlbidi`` and is switched
  off for paragraphs of several fonts, which every mixed line is. So each laid-out
  line is reordered here, just before it is drawn, by the Unicode Bidirectional
  Algorithm of python-bidi (rules W1-W7, N1-N2, I1-I2, L1-L2), run over the line's
  words and spaces. The paragraph's direction comes from its first strong letter
  (rule P2). Lines are reordered only for drawing, so splitting a paragraph across
  pages still works on the logical order.
* **Words that change font** (``(وزير)``: parentheses in the body face, letters in
  Arabic). ReportLab shapes such a word with the first font's HarfBuzz face,
  which gives wrong glyphs for the rest; :func:`per_font_shaping` makes it shape
  each font's part on its own while a shaped paragraph is broken into lines.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bidi import algorithm as uba
from bidi import get_base_level
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedFragWord, makeShapedFragWord
from reportlab.platypus import paragraph as rl_paragraph

from briefbook.render.text.scripts import face_named

_PIECES = re.compile(r"\s+|\S+")
_STRONG = frozenset(("L", "R", "AL"))


def is_rtl(text: str) -> bool:
    """Whether a paragraph's first strong letter is right-to-left (rule P2)."""
    return bool(get_base_level(text) == 1)


def visual_lines(bl_para: Any, base_level: int) -> Any:
    """A copy of ReportLab's laid-out lines (``kind`` 1) with each line in visual order."""
    if getattr(bl_para, "kind", 0) != 1:
        return bl_para
    lines = [_visual_line(line, base_level) for line in bl_para.lines]
    return bl_para.clone(lines=lines)


def _visual_line(line: Any, base_level: int) -> Any:
    units: list[dict[str, Any]] = []
    for frag in line.words:
        text = getattr(frag, "text", None)
        if hasattr(frag, "cbDefn") or not text:
            units.append(_unit(frag, None, "ON", base_level))
            continue
        face = face_named(frag.fontName)
        rtl_face = face is not None and face.rtl
        for m in _PIECES.finditer(text):
            piece = text[m.start() : m.end()]  # slicing keeps ReportLab's shaping data
            units.append(_unit(frag, piece, _bidi_type(piece, rtl_face), base_level))
    if not any(u["type"] in ("R", "AL", "AN") for u in units) and base_level == 0:
        return line
    storage = uba.get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = ("L", "R")[base_level]
    storage["chars"] = units
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    words: list[Any] = []
    for unit in storage["chars"]:
        frag, piece = unit["frag"], unit["piece"]
        if piece is None:
            words.append(frag)
            continue
        if unit["level"] % 2 and unit["orig"] == "ON" and len(piece) == 1:
            piece = uba.MIRRORED.get(piece, piece)
        words.append(frag.clone(text=piece))
    return line.clone(words=_join_same(words))


def _unit(frag: Any, piece: str | None, kind: str, level: int) -> dict[str, Any]:
    # The keys python-bidi's rules read (``ch``, ``type``, ``orig``, ``level``) and ours.
    return {
        "ch": piece or "",
        "type": kind,
        "orig": kind,
        "level": level,
        "frag": frag,
        "piece": piece,
    }


def _bidi_type(piece: str, rtl_face: bool) -> str:
    """The bidi class that stands for a whole word: its first strong letter's, else its first
    character's. Glyphs that HarfBuzz gave private-use codes count as letters of their face."""
    if piece[0].isspace():
        return "WS"
    first = ""
    for ch in piece:
        kind = unicodedata.bidirectional(ch)
        if unicodedata.category(ch) == "Co":
            kind = "AL" if rtl_face else "L"
        if kind in _STRONG:
            return kind
        if kind in ("NSM", "BN"):
            continue
        first = first or kind
    return first or ("R" if rtl_face else "ON")


def _join_same(words: list[Any]) -> list[Any]:
    """Join neighbouring pieces of one original run again (fewer text operators)."""
    joined: list[Any] = []
    for frag in words:
        last = joined[-1] if joined else None
        if (
            last is not None
            and hasattr(last, "text")
            and hasattr(frag, "text")
            and not hasattr(last, "cbDefn")
            and not hasattr(frag, "cbDefn")
            and last.fontName == frag.fontName
            and last.fontSize == frag.fontSize
            and last.textColor == frag.textColor
            and last.rise == frag.rise
            and getattr(last, "link", None) == getattr(frag, "link", None)
            and getattr(last, "us_lines", None) == getattr(frag, "us_lines", None)
        ):
            joined[-1] = last.clone(text=last.text + frag.text)
        else:
            joined.append(frag)
    return joined


# --- shaping words that change font -------------------------------------------------

_shaping_lock = threading.RLock()
_depth = 0
_original_shape = rl_paragraph.shapeFragWord  # type: ignore[attr-defined]  # not in stubs


def _shape_by_font(word: Any, *args: Any, **kwargs: Any) -> Any:
    """ReportLab's ``shapeFragWord``, applied to each single-font part of a word that
    is in a shaped face (Latin parts are left as the body face prints them unshaped)."""
    if isinstance(word, ShapedFragWord):
        return word
    parts = word[1:]
    groups: list[list[Any]] = []
    for f, s in parts:
        if (
            groups
            and not hasattr(f, "cbDefn")
            and not hasattr(groups[-1][-1][0], "cbDefn")
            and groups[-1][-1][0].fontName == f.fontName
        ):
            groups[-1].append((f, s))
        else:
            groups.append([(f, s)])
    shape = [_is_shaped(group) for group in groups]
    if not any(shape):
        return word
    width = 0.0
    pieces: list[Any] = []
    for group, shaped_face in zip(groups, shape, strict=True):
        if not shaped_face:
            pieces.extend(group)
            width += sum(
                getattr(f, "width", 0)
                if hasattr(f, "cbDefn")
                else pdfmetrics.stringWidth(s, f.fontName, f.fontSize)
                for f, s in group
            )
            continue
        sub_width = sum(pdfmetrics.stringWidth(s, f.fontName, f.fontSize) for f, s in group)
        shaped = _original_shape([sub_width, *group], *args, **kwargs)
        width += shaped[0]
        pieces.extend(shaped[1:])
        record_actual_text("".join(s for _, s in group), shaped[1:])
    return makeShapedFragWord(word)([width, *pieces])


def _is_shaped(group: list[Any]) -> bool:
    """Whether a single-font part of a word is shaped: letters of a shaped face.

    Digits are not: HarfBuzz would run Arabic-Indic digits right to left as their
    script is Arabic, while numbers read left to right (the line's bidi pass places them).
    """
    frag = group[0][0]
    if hasattr(frag, "cbDefn"):
        return False
    face = face_named(frag.fontName)
    return face is not None and face.shaped and any(ch.isalpha() for _, s in group for ch in s)


def record_actual_text(source: str, pieces: list[Any]) -> None:
    """Note, in the font, which typed characters a substituted glyph stands for.

    HarfBuzz replaces letters by contextual forms, conjuncts and ligatures, which
    ReportLab writes under their presentation-form or private-use codes; the font's
    ToUnicode map (see :class:`briefbook.render.text.scripts.ScriptFont`) then gives
    text extraction the characters as typed. Each glyph's HarfBuzz cluster names
    the typed characters it came from; in a cluster of several glyphs, glyphs that
    are themselves typed characters keep them and the rest go to the first other glyph.
    """
    for frag, text in pieces:
        data = getattr(text, "__shapeData__", None)
        font = pdfmetrics.getFont(frag.fontName)
        actual = getattr(font, "actual_text", None)
        if data is None or actual is None:
            continue
        starts = sorted({d.cluster for d in data if 0 <= d.cluster < len(source)})
        ends = {
            c: (starts[i + 1] if i + 1 < len(starts) else len(source)) for i, c in enumerate(starts)
        }
        by_cluster: dict[int, list[str]] = {}
        for ch, d in zip(text, data, strict=False):
            if d.cluster in ends:
                by_cluster.setdefault(d.cluster, []).append(ch)
        for cluster, glyphs in by_cluster.items():
            typed = source[cluster : ends[cluster]]
            rest = list(typed)
            for ch in glyphs:
                if ch in rest:
                    rest.remove(ch)
            for ch in glyphs:
                if rest and ch not in typed and ord(ch) not in actual:
                    actual[ord(ch)] = "".join(rest)
                    rest = []


@contextmanager
def per_font_shaping() -> Iterator[None]:
    """Within the block, ReportLab's paragraphs shape each font's part of a word apart.

    ReportLab looks ``shapeFragWord`` up in its paragraph module when it breaks a
    shaped paragraph into lines; the replacement is put there only for that time
    (under a lock; nested uses are counted) and behaves exactly as the original
    for words of one font.
    """
    global _depth
    with _shaping_lock:
        if _depth == 0:
            rl_paragraph.shapeFragWord = _shape_by_font  # type: ignore[attr-defined]
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
            if _depth == 0:
                rl_paragraph.shapeFragWord = _original_shape  # type: ignore[attr-defined]
