"""Turn pasted or received material into sections: plain text, Markdown, HTML and Word.

The public functions::

    import_text(text, fmt="auto")   -> Brief     # "text", "markdown", "html" or "auto"
    import_html(html)               -> Brief     # the clipboard's HTML
    import_file(path)               -> Brief     # .txt, .md/.markdown, .html/.htm, .docx
    import_file_report(path)        -> ImportReport   # the brief, format, encoding, warnings
    paste_sections(text, html)      -> list[Section]  # "Paste as sections"

The brief's title is a lone first heading above the others, else the first line of
the text above the first heading (a heading that starts a section never names the
brief as well), else the file's name;
what comes before the first heading goes into a section called "Overview".
Nothing is dropped: text the importer cannot classify becomes a paragraph; only
markup (list markers, table pipes and rules, heading marks) is consumed. Time is
linear in the size of the input; no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefbook.core.importing.detect import FORMATS, DecodedText, decode_bytes, detect_format
from briefbook.core.importing.language_guess import brief_language
from briefbook.core.importing.structure import PREAMBLE_TITLE, Element, build_brief
from briefbook.core.model import Brief, Section
from briefbook.errors import ImportSourceError

#: Files larger than this are refused before reading (50 MB).
MAX_IMPORT_BYTES = 50 * 1024 * 1024
#: Text files with more lines than this (blank ones aside) are refused before they
#: are structured: a 200-page report has about 10,000, the 10 MB of mixed material
#: in the tests 163,000; a 10 MB Markdown list of 1.5 million items took minutes.
MAX_IMPORT_LINES = 250_000

#: File suffixes and the format each is read as.
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
}

__all__ = [
    "MAX_IMPORT_BYTES",
    "MAX_IMPORT_LINES",
    "PREAMBLE_TITLE",
    "SUFFIX_FORMATS",
    "ImportReport",
    "import_file",
    "import_file_report",
    "import_html",
    "import_text",
    "paste_sections",
]


@dataclass
class ImportReport:
    """What an import of a file produced, for the command line or a dialog to report.

    ``source_format`` is ``text``, ``markdown``, ``html`` or ``docx``; ``encoding``
    the text encoding used (empty for .docx); ``warnings`` sentences for the user,
    e.g. that a legacy encoding was assumed.
    """

    brief: Brief
    source_format: str
    encoding: str = ""
    warnings: list[str] = field(default_factory=list)


#: Control characters other than tab and line ends: not text, removed.
_CONTROLS = dict.fromkeys((*range(0, 9), *range(14, 32), 0x7F))


def _clean_text(text: str) -> str:
    """Control characters other than tabs and line ends are not text; lone surrogates neither."""
    text = text.translate(_CONTROLS)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Surrogate pairs become the character they encode, lone surrogates U+FFFD.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def _elements(text: str, fmt: str) -> list[Element]:
    if fmt == "html":
        from briefbook.core.importing.html_reader import parse_html

        return parse_html(text)
    if fmt == "markdown":
        from briefbook.core.importing.markdown_reader import parse_markdown

        return parse_markdown(text)
    from briefbook.core.importing.plaintext import parse_plain_text

    return parse_plain_text(text)


def resolve_format(text: str, fmt: str) -> str:
    """``fmt`` itself, or for ``auto`` the format :func:`detect_format` finds."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown import format {fmt!r}; one of: {', '.join(FORMATS)}")
    return detect_format(text) if fmt == "auto" else fmt


def import_text(text: str, *, fmt: str = "auto") -> Brief:
    """Structure ``text`` into a brief: sections from headings, blocks from the rest.

    ``fmt`` is ``text``, ``markdown``, ``html`` or ``auto`` (detect). Never raises
    for any text; raises ``ValueError`` for an unknown ``fmt``.
    """
    cleaned = _clean_text(text)
    return _with_language(build_brief(_elements(cleaned, resolve_format(cleaned, fmt))))


def import_html(html: str) -> Brief:
    """Structure HTML (e.g. the clipboard's ``text/html``) into a brief."""
    return import_text(html, fmt="html")


def paste_sections(text: str = "", html: str = "") -> list[Section]:
    """The sections to insert for "Paste as sections": from the HTML when there is some.

    The clipboard usually offers both; HTML keeps tables, lists and bold/italic,
    so it is preferred unless it holds no text.
    """
    if html.strip():
        sections = import_html(html).sections
        if any(s.blocks or s.subsections or s.title != PREAMBLE_TITLE for s in sections):
            return sections
    return import_text(text).sections


def import_file(path: Path | str) -> Brief:
    """Import a ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm`` or ``.docx`` file.

    Text files are read as UTF-8 (with or without a byte-order mark, or UTF-16
    with one), falling back to Windows-1252 then Latin-1. Raises
    :class:`ImportSourceError` for binary data or a broken document and
    :class:`FileAccessError` when the file cannot be read.
    """
    return import_file_report(path).brief


def import_file_report(path: Path | str) -> ImportReport:
    """Like :func:`import_file`, with the format and encoding used and any warnings."""
    source = Path(path)
    data = _read(source)
    suffix = source.suffix.lower()
    fmt = SUFFIX_FORMATS.get(suffix, "auto")
    if fmt == "docx" or (fmt == "auto" and data.startswith(b"PK\x03\x04")):
        from briefbook.core.importing.docx_reader import parse_docx

        brief = _with_language(build_brief(parse_docx(data, source)))
        _title_from_name(brief, source)
        return ImportReport(brief=brief, source_format="docx")
    decoded: DecodedText = decode_bytes(data, source)
    text = _clean_text(decoded.text)
    _check_lines(text, source)
    resolved = resolve_format(text, fmt)
    brief = _with_language(build_brief(_elements(text, resolved)))
    warnings = [decoded.note] if decoded.note else []
    _title_from_name(brief, source)
    if not brief.sections:
        warnings.append("the file holds no text to import")
    return ImportReport(
        brief=brief, source_format=resolved, encoding=decoded.encoding, warnings=warnings
    )


def _with_language(brief: Brief) -> Brief:
    """The brief in the language its text is written in, when that is clear."""
    brief.meta.language = brief_language(brief) or "en"
    return brief


def _title_from_name(brief: Brief, source: Path) -> None:
    """A brief whose text names no title is named after its file (``visit-press-text.txt``
    → "Visit press text")."""
    if brief.meta.title or not brief.sections:
        return
    words = source.name.split(".")[0].replace("_", " ").replace("-", " ").split()
    if words:
        brief.meta.title = " ".join(words)[:1].upper() + " ".join(words)[1:]


def _check_lines(text: str, path: Path) -> None:
    """Refuse text with more lines than a brief can hold, before the work of reading it."""
    if text.count("\n") < MAX_IMPORT_LINES:
        return
    lines = sum(1 for line in text.splitlines() if line.strip())
    if lines > MAX_IMPORT_LINES:
        raise ImportSourceError(
            path,
            f"the file has {lines:,} lines of text; briefbook imports "
            f"at most {MAX_IMPORT_LINES:,} (a brief this large is not "
            "supported): split it",
        )


def _read(path: Path) -> bytes:
    from briefbook.core.safety.safe_read import FileTooLargeError, megabytes, read_user_file

    try:
        data = read_user_file(path, "a file to import", MAX_IMPORT_BYTES)
    except FileTooLargeError as exc:
        raise ImportSourceError(
            path,
            f"the file is {megabytes(exc.size)}; briefbook imports "
            f"files up to {megabytes(MAX_IMPORT_BYTES)}",
        ) from None
    return data
