"""File names derived from a brief: safe on Windows, macOS and Linux alike."""

from __future__ import annotations

import re
import unicodedata

from briefbook.core.model import Brief

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 120


def safe_file_stem(text: str, fallback: str = "brief") -> str:
    """``text`` made into a file name stem that every operating system accepts.

    Characters that Windows refuses become spaces, runs of spaces fold, trailing
    dots and spaces go, reserved device names get a suffix, and the length is capped.
    """
    text = unicodedata.normalize("NFC", text)
    text = _FORBIDDEN.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip().strip(".").strip()
    if len(text) > MAX_STEM:
        text = text[:MAX_STEM].rstrip(" .")
    if not text:
        text = fallback
    if text.split(".")[0].upper() in _RESERVED:
        text += " brief"
    return text


def default_pdf_name(brief: Brief, suffix: str = "") -> str:
    """The PDF's default name: ``2025-06-12 Visit to Italy v3.pdf``.

    Made of the start date, the title and the version, each when present;
    ``suffix`` (e.g. an edition's name) is added before the extension.
    """
    parts: list[str] = []
    if brief.meta.dates.start is not None:
        parts.append(brief.meta.dates.start.isoformat())
    parts.append(brief.meta.title.strip() or "Untitled brief")
    version = brief.meta.version.strip()
    if version:
        parts.append(version if version.lower().startswith("v") else f"v{version}")
    if suffix:
        parts.append(suffix)
    return safe_file_stem(" ".join(parts)) + ".pdf"
