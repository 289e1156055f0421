"""File names derived from a brief: safe on Windows, macOS and Linux alike."""

from __future__ import annotations

import re
import unicodedata

from briefbook.core.model import Brief

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
MAX_STEM = 120
#: File systems count a name in bytes (255 on most); leave room for " (12)", ".pdf" and
#: the temporary name an atomic write uses beside it.
MAX_STEM_BYTES = 200


def safe_file_stem(text: str, fallback: str = "brief") -> str:
    """``text`` made into a file name stem that every operating system accepts.

    Characters that Windows refuses become spaces, runs of spaces fold, trailing
    dots and spaces go, reserved device names get a suffix, and the length is capped.
    """
    text = unicodedata.normalize("NFC", text)
    text = _FORBIDDEN.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip().strip(".").strip()
    text = shorten(text, MAX_STEM)
    if not text:
        text = fallback
    if text.split(".")[0].upper() in _RESERVED:
        text += " brief"
    return text


def shorten(text: str, chars: int, max_bytes: int = MAX_STEM_BYTES) -> str:
    """``text`` cut to at most ``chars`` characters and ``max_bytes`` UTF-8 bytes."""
    text = text[: max(0, chars)]
    while text and len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    return text.rstrip(" .")


def with_suffix(stem: str, suffix: str) -> str:
    """``STEM SUFFIX``, made safe, shortening the stem, never the suffix, so that two
    suffixes never give one name."""
    suffix = safe_file_stem(suffix, "") if suffix.strip() else ""
    if not suffix:
        return safe_file_stem(stem)
    room = MAX_STEM - len(suffix) - 1
    room_bytes = MAX_STEM_BYTES - len(suffix.encode("utf-8")) - 1
    base = shorten(safe_file_stem(stem, ""), room, room_bytes) if room > 0 else ""
    return f"{base} {suffix}" if base else suffix


def default_pdf_name(brief: Brief, suffix: str = "") -> str:
    """The PDF's default name: ``2025-06-12 Visit to Italy v3.pdf``.

    Made of the start date, the title and the version, each when present;
    ``suffix`` (what the file is: an edition's name, whose itinerary, pocket card,
    e-mail, copy) is added before the extension. A long title is shortened, never
    the date, the version or the suffix, so the names of different exports differ.
    """
    date = brief.meta.dates.start.isoformat() if brief.meta.dates.start is not None else ""
    title = brief.meta.title.strip() or "Untitled brief"
    version = brief.meta.version.strip()
    if version:
        version = version if version.lower().startswith("v") else f"v{version}"
    tail = " ".join(part for part in (version, suffix.strip()) if part)
    tail = safe_file_stem(tail, "") if tail else ""
    if not date:
        return with_suffix(title, tail) + ".pdf"
    # The date leads and stays whole: the title gives way to it as to the suffix.
    stem = with_suffix(title, f"{tail} {date}" if tail else date)
    stem = stem[: len(stem) - len(date)].rstrip() if stem != date else ""
    return (f"{date} {stem}" if stem else date) + ".pdf"
