"""What the material is: bytes to text (with a clear fallback), and text to a format.

Decoding tries, in order: a byte-order mark (UTF-8, UTF-16), UTF-8, then
Windows-1252 (the usual encoding of text saved by older Windows programs), then
Latin-1, which decodes any byte. Binary data (NUL bytes, mostly control
characters, known file signatures) is refused with :class:`ImportSourceError`.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from briefbook.errors import ImportSourceError

Format = Literal["text", "markdown", "html"]
FORMATS: tuple[str, ...] = ("auto", "text", "markdown", "html")

#: How much of the start of the data the binary test reads.
_SNIFF = 65536
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file; copy its text and paste it instead"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Office (.doc) file; save it as .docx first"),
    (b"PK\x03\x04", "a ZIP archive (or an Office file with the wrong extension)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document; save it as .docx or plain text first"),
)


@dataclass(frozen=True)
class DecodedText:
    """Text read from bytes, and the encoding that read it.

    ``fallback`` is true when the data was not UTF-8 and a legacy encoding was
    used; the user should be told, in case some characters look wrong.
    """

    text: str
    encoding: str
    fallback: bool = False

    @property
    def note(self) -> str:
        """A sentence for the user about the decoding, empty when it was plain UTF-8."""
        if not self.fallback:
            return ""
        return (
            f"the file is not UTF-8; it was read as {self.encoding}, "
            "check accented letters and symbols"
        )


def decode_bytes(data: bytes, path: Path | None = None) -> DecodedText:
    """The text of ``data``; raises :class:`ImportSourceError` for binary data."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return DecodedText(_clean(data.decode(encoding)), encoding.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise ImportSourceError(
                    path, f"the text is not valid {encoding}: {exc.reason} at byte {exc.start}"
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return DecodedText(_clean(data.decode(utf16)), utf16)
        except UnicodeDecodeError:
            pass
    reason = binary_reason(data)
    if reason is not None:
        raise ImportSourceError(path, f"this is not text but {reason}")
    try:
        return DecodedText(_clean(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return DecodedText(_clean(data.decode("cp1252")), "cp1252", fallback=True)
    except UnicodeDecodeError:
        return DecodedText(_clean(data.decode("latin-1")), "latin-1", fallback=True)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL, as in ASCII text saved as UTF-16."""
    sample = data[:_SNIFF]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.9 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.9 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text (a known file type, NUL bytes, control bytes), or None."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return what
    sample = data[:_SNIFF]
    if b"\x00" in sample:
        return "binary data (it contains NUL bytes)"
    if not sample:
        return None
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    if controls > max(8, len(sample) // 20):
        return "binary data (mostly control bytes)"
    return None


def _clean(text: str) -> str:
    """Drop a byte-order mark and NUL characters, which no text field can hold."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\x00", "") if "\x00" in text else text


def detect_format(text: str) -> Format:
    """Guess whether ``text`` is HTML, Markdown or plain text.

    HTML starts with a tag and closes block tags. Markdown needs clear Markdown
    (``#`` headings, fenced code, links, emphasis...); text that only has ``-``
    bullets and pipe rows, like a press text, reads better as plain text.
    """
    head = text[:8192].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<body", "<meta", "<head")) or (
        head.startswith("version:") and "starthtml:" in head
    ):
        return "html"
    if head.startswith("<") and any(
        tag in head
        for tag in (
            "</p>",
            "</div>",
            "</table>",
            "</li>",
            "</h1>",
            "</h2>",
            "</h3>",
            "</span>",
            "</b>",
            "</strong>",
            "<br>",
            "<br/>",
            "<br />",
            "</td>",
        )
    ):
        return "html"
    return "markdown" if markdown_score(text) >= 3 else "text"


def markdown_score(text: str) -> int:
    """Points for Markdown-only constructs in the first lines of ``text``."""
    score = 0
    previous = ""
    for count, raw in enumerate(text.splitlines()):
        if count > 4000 or score >= 3:
            break
        line = raw.strip()
        if line.startswith("#"):
            hashes = len(line) - len(line.lstrip("#"))
            if hashes <= 6 and line[hashes : hashes + 1] == " ":
                score += 3
        elif line.startswith(("```", "~~~")):
            score += 3
        elif line and previous and set(line) == {"="} and len(line) >= 3:
            score += 2
        if "](" in line and "[" in line:
            score += 2
        if line.count("**") >= 2 or line.count("__") >= 2:
            score += 1
        if line.startswith("> "):
            score += 1
        if line.count("`") >= 2:
            score += 1
        previous = line
    return score
