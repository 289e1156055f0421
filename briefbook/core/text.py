"""Small text helpers shared by the core, the renderer, the app and the command line.

One home for what was written three or four times over: text on one line, text clipped
with an ellipsis, a file size for people and a count with its noun ("1 section",
"3 sections"). Plain Python, no Qt and no ReportLab.
"""

from __future__ import annotations

ELLIPSIS = "…"


def one_line(text: str) -> str:
    """``text`` on one line, each run of white space (line breaks too) as one space."""
    return " ".join(text.split())


def clip(text: str, limit: int = 160, *, tail: str = " " + ELLIPSIS, strip: str = " ,;:.") -> str:
    """``text`` on one line, cut at a word boundary to about ``limit`` characters.

    The cut falls at the last space in the second half of the first ``limit``
    characters (mid-word only when there is none); the characters in ``strip`` are
    taken off the cut end before ``tail`` is added.
    """
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return text[: cut if cut > 0 else limit].rstrip(strip) + tail


def truncate(text: str, limit: int) -> str:
    """``text`` as it is when it has ``limit`` characters or fewer, else its first
    ``limit - 1`` characters and an ellipsis (``limit`` characters in all)."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def human_size(size: int) -> str:
    """A file size for people: "812 bytes", "277 KB", "7.9 MB"."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``noun`` for one, ``many`` (``noun`` + "s" unless given) for any other count."""
    if count == 1:
        return noun
    return many if many is not None else noun + "s"


def counted(count: int, noun: str, many: str | None = None) -> str:
    """A count with its noun: "1 section", "3 sections", "0 sections"."""
    return f"{count} {plural(count, noun, many)}"
