"""User text to safe ReportLab paragraph markup.

Everything a user types is text. It is escaped before ReportLab's paragraph
parser sees it, so ``<img src=...>``, ``<font>``, ``<a href="javascript:...">``,
``AT&T`` or an unclosed ``<b>`` print exactly as typed. The only markup is ours:

* ``**bold**`` and ``*italic*`` (markers must hug the text: ``2 * 3 * 4`` is not italic);
* ``[label](url)`` for ``http``, ``https`` and ``mailto`` links (any other scheme
  prints as typed);
* a blank line separates paragraphs, a single newline is a line break.

The parser is linear in the length of the text (closers are found by bisection
in precomputed position lists), and very long paragraphs are cut into pieces
so that a 5 MB paragraph lays out in reasonable time.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

_PARA_SPLIT = re.compile(r"\n[ \t\f\v]*\n\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPECIAL = re.compile(r"[*\[]")
_LINK = re.compile(r"\[([^\[\]\n]{1,1000})\]\(([^\s()<>\"]{1,2000})\)")
_ALLOWED_URL = re.compile(r"(?i)(?:https?://[^\s/]|mailto:[^\s@]+@)")
_STARS = re.compile(r"\*+")


def escape(text: str) -> str:
    """Escape text for ReportLab's paragraph parser (``&``, ``<``, ``>``, ``"``)."""
    # Chained replace is several times faster than str.translate with a dict.
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def clean(text: str) -> str:
    """Make arbitrary text printable: normalise newlines, drop control characters.

    Tabs become spaces, lone surrogates (which cannot be encoded) become U+FFFD
    and the text is put in Unicode NFC form so accents use precomposed glyphs.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if text.isascii():
        return text
    text = _SURROGATE.sub("\ufffd", text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def plain(text: str) -> str:
    """Escaped text with no inline markup; newlines become line breaks."""
    return escape(clean(text)).replace("\n", "<br/>")


def split_paragraphs(text: str, max_chars: int = 6000, piece_chars: int = 2000) -> list[str]:
    """Split user text into raw paragraphs at blank lines. Empty paragraphs are dropped.

    A paragraph longer than ``max_chars`` (pasted material, a 5 MB log...) is cut
    into pieces of about ``piece_chars``, at a sentence end, a newline or a space
    where possible: ReportLab re-wraps the rest of a paragraph at every page
    break, so one huge paragraph would take quadratic time to lay out.
    """
    text = clean(text)
    found: list[str] = []
    for para in _PARA_SPLIT.split(text):
        para = para.strip("\n")
        if not para.strip():
            continue
        if len(para) <= max_chars:
            found.append(para)
        else:
            found.extend(_cut(para, min(piece_chars, max_chars)))
    return found


def _cut(para: str, size: int) -> list[str]:
    """Cut one long paragraph into pieces of at most ``size`` characters."""
    pieces: list[str] = []
    start = 0
    n = len(para)
    while n - start > size:
        limit = start + size
        floor = start + size // 2
        cut = para.rfind(". ", floor, limit)
        if cut >= 0:
            cut += 1  # keep the full stop with its sentence
        else:
            cut = para.rfind("\n", floor, limit)
        if cut < 0:
            cut = para.rfind(" ", floor, limit)
        if cut < 0:
            pieces.append(para[start:limit])
            start = limit
        else:
            pieces.append(para[start:cut])
            start = cut + 1
    if start < n:
        pieces.append(para[start:])
    return [p for p in pieces if p.strip()]


@dataclass
class _Positions:
    """Where closing markers may stand (right after a non-space), for O(log n) look-ups."""

    doubles: list[int]
    singles: list[int]


def has_markup(paragraph: str) -> bool:
    """Whether a raw paragraph may hold our inline markup (``*`` or ``[``)."""
    return "*" in paragraph or "[" in paragraph


def to_markup(paragraph: str, link_color: str = "#1f4e8c") -> str:
    """Turn one raw paragraph (as from :func:`split_paragraphs`) into safe markup."""
    if not has_markup(paragraph):
        return escape(paragraph).replace("\n", "<br/>")
    pos = _closers(paragraph)
    out: list[str] = []
    _parse(paragraph, 0, len(paragraph), pos, out, frozenset(), link_color)
    return "".join(out)


def _closers(s: str) -> _Positions:
    """Where ``**`` and ``*`` may close a span: right after a non-space character.

    In a run of three stars the single star closes first (``***`` ends an italic
    span inside a bold one, as in Markdown); longer runs close one bold span.
    """
    doubles: list[int] = []
    singles: list[int] = []
    for run in _STARS.finditer(s):
        p, length = run.start(), run.end() - run.start()
        if p == 0 or s[p - 1].isspace():
            continue
        if length == 1:
            singles.append(p)
        elif length == 3:
            singles.append(p)
            doubles.append(p + 1)
        else:
            doubles.append(p)
    return _Positions(doubles=doubles, singles=singles)


def paragraphs_markup(text: str, max_chars: int = 6000, link_color: str = "#1f4e8c") -> list[str]:
    """User text to a list of safe markup strings, one per paragraph."""
    return [to_markup(p, link_color) for p in split_paragraphs(text, max_chars)]


def _emit_text(s: str, out: list[str]) -> None:
    if s:
        out.append(escape(s).replace("\n", "<br/>"))


def _next_closer(positions: list[int], after: int, before: int) -> int:
    """The first position >= ``after`` and < ``before``, or -1."""
    k = bisect_right(positions, after - 1)
    if k < len(positions) and positions[k] < before:
        return positions[k]
    return -1


def _parse(
    s: str,
    start: int,
    end: int,
    pos: _Positions,
    out: list[str],
    active: frozenset[str],
    link_color: str,
) -> None:
    """Append the markup for ``s[start:end]`` to ``out``; ``active`` holds open styles."""
    i = start
    text_from = start
    while i < end:
        m = _SPECIAL.search(s, i, end)
        if m is None:
            break
        j = m.start()
        ch = s[j]
        handled_to = -1
        if ch == "[" and "a" not in active:
            lm = _LINK.match(s, j, end)
            if lm is not None and _ALLOWED_URL.match(lm.group(2)):
                _emit_text(s[text_from:j], out)
                url = escape(lm.group(2))
                out.append(f'<a href="{url}" color="{link_color}"><u>')
                _parse(s, lm.start(1), lm.end(1), pos, out, active | {"a"}, link_color)
                out.append("</u></a>")
                handled_to = lm.end()
        elif s.startswith("**", j) and "b" not in active:
            inner = j + 2
            if inner < end and not s[inner].isspace():
                close = _next_closer(pos.doubles, inner + 1, end)
                if close >= 0:
                    _emit_text(s[text_from:j], out)
                    out.append("<b>")
                    _parse(s, inner, close, pos, out, active | {"b"}, link_color)
                    out.append("</b>")
                    handled_to = close + 2
        elif ch == "*" and not s.startswith("**", j) and "i" not in active:
            inner = j + 1
            if inner < end and not s[inner].isspace():
                close = _next_closer(pos.singles, inner + 1, end)
                if close >= 0:
                    _emit_text(s[text_from:j], out)
                    out.append("<i>")
                    _parse(s, inner, close, pos, out, active | {"i"}, link_color)
                    out.append("</i>")
                    handled_to = close + 1
        if handled_to >= 0:
            i = text_from = handled_to
        else:
            i = j + (2 if s.startswith("**", j) else 1)
    _emit_text(s[text_from:end], out)
