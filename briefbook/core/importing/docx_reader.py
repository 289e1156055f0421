"""Word documents (``.docx``), read with python-docx.

Why python-docx rather than mammoth: it is already a dependency, it gives the
document's own structure (paragraph styles, numbering, table cells, runs) rather
than HTML that would have to be parsed again, and it reads everything locally.

Headings come from the paragraph style (``Heading 1``..., ``Title``, or any style
with an outline level, so translated style names work), list items from list
styles or numbering (bullet or numbered from the numbering definition, nesting
from its level), tables cell by cell (merged cells once), and bold/italic runs
as ``**``/``*``. Content controls are read through; text boxes, headers,
footers and footnotes are not part of the body and are not imported.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefbook.core.importing.inline import InlineBuffer
from briefbook.core.importing.listmarkers import ListBuilder, Marker
from briefbook.core.importing.structure import Element, Heading, Para
from briefbook.core.importing.tables import looks_like_header, make_table
from briefbook.core.model import Block, BulletsBlock, NumberedBlock, TableBlock
from briefbook.core.text import one_line
from briefbook.errors import DocumentContentError, ImportSourceError

#: A .docx whose parts unpack to more than this is refused (a "zip bomb").
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
#: ...and one whose XML parts (the text, styles, numbering...) unpack to more than
#: this. python-docx holds them as lxml trees, about 12 times their size: a 30 MB
#: text part took 360 MB and 27 s, a 290 MB one 4.5 GB. A 200-page Word report
#: has 2 to 10 MB of XML (0.5 to 2 KB a paragraph), so 32 MB is 300 to 1,000 pages.
MAX_XML_BYTES = 32 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def parse_docx(data: bytes, path: Path | None = None) -> list[Element]:
    """The headings and blocks of a Word document, in order."""
    import docx  # python-docx

    _check_archive(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise ImportSourceError(
            path, f"not a readable Word document ({exc.__class__.__name__}: {exc})"
        ) from None
    reader: _Reader | None = None
    try:
        reader = _Reader(document)
        return reader.run()
    except Exception as exc:  # a part python-docx cannot read: name it, never a traceback
        paragraph = (reader.paragraph_number or None) if reader is not None else None
        in_table = reader is not None and reader.in_table
        raise DocumentContentError(
            path,
            f"cannot be read ({_describe(exc)}); fix or remove it in Word and import again",
            paragraph,
            in_table,
        ) from None


def _describe(exc: Exception) -> str:
    """A broken part in words: python-docx's own message, or what was missing."""
    if isinstance(exc, KeyError):
        return f"it refers to {exc.args[0]!r}, which the document does not hold"
    text = str(exc).strip() or exc.__class__.__name__
    return text[:200]


def _check_archive(data: bytes, path: Path | None) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            total = sum(info.file_size for info in archive.infolist())
            xml = sum(
                info.file_size
                for info in archive.infolist()
                if info.filename.lower().endswith((".xml", ".rels"))
            )
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ImportSourceError(
            path, "not a Word document (.docx is a ZIP package; this file is not one)"
        ) from None
    if "word/document.xml" not in names:
        raise ImportSourceError(path, "not a Word document (no word/document.xml inside)")
    if total > MAX_UNPACKED_BYTES:
        raise ImportSourceError(
            path, f"the document unpacks to {total // 1_000_000} MB, more than briefbook reads"
        )
    if xml > MAX_XML_BYTES:
        raise ImportSourceError(
            path,
            f"the document's text and styles unpack to "
            f"{xml / (1024 * 1024):.0f} MB of XML; briefbook imports Word "
            f"documents with up to {MAX_XML_BYTES // (1024 * 1024)} MB "
            "(about 300 to 1,000 pages): split it",
        )


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.out: list[Element] = []
        self.list: ListBuilder | None = None
        self.numbering = _numbering_formats(document)
        self.styles = _StyleTable(document)
        self._style_cache: dict[str, tuple[int | None, tuple[str, int] | None]] = {}
        #: The body paragraph being read (1-based), for messages; and whether the
        #: reader is in the table after it.
        self.paragraph_number = 0
        self.in_table = False

    def run(self) -> list[Element]:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in _body_children(self.document.element.body):
            if child.tag == f"{_W}p":
                self.paragraph_number += 1
                self._paragraph(Paragraph(child, self.document))
            elif child.tag == f"{_W}tbl":
                self._end_list()
                self.in_table = True
                self.out.append(self._table(Table(child, self.document)))
                self.in_table = False
        self._end_list()
        return self.out

    # --- paragraphs ---------------------------------------------------------

    def _paragraph(self, paragraph: Any) -> None:
        text = _runs_markup(paragraph, self.styles)
        style = self.styles.paragraph_style(paragraph)
        style_name = style.name if style is not None else ""
        heading_level, style_list = self._style_info(style)
        if not text.strip():
            return
        if style_name == "Title":
            self._end_list()
            self.out.append(Heading(text=_plain(text), level=0))
            return
        outline = _outline_level(paragraph._p.pPr)
        level = outline if outline is not None else heading_level
        if level is not None and level < 9:
            self._end_list()
            self.out.append(Heading(text=_plain(text), level=level + 1))
            return
        listed = self._list_kind(paragraph) or style_list
        if listed is not None:
            kind, ilvl = listed
            marker = Marker(
                "bullet" if kind == "bullet" else "number",
                kind,
                ilvl * 4,
                ilvl * 4 + 2,
                text.replace("\n", " ").strip(),
            )
            if self.list is None or (ilvl == 0 and marker.kind != self.list.kind):
                self._end_list()
                self.list = ListBuilder(marker)
            else:
                self.list.add(marker)
            return
        self._end_list()
        self.out.append(
            Para(lines=[line for line in text.split("\n") if line.strip()], breaks=True)
        )

    def _end_list(self) -> None:
        if self.list is not None:
            built = self.list
            self.list = None
            block: Block = (
                BulletsBlock(items=built.top)
                if built.kind == "bullet"
                else NumberedBlock(items=built.top)
            )
            self.out.append(block)

    def _list_kind(self, paragraph: Any) -> tuple[str, int] | None:
        """("bullet" or "decimal", level) from the paragraph's own numbering, if any."""
        ppr = paragraph._p.pPr
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num_pr is None:
            return None
        return self._numbering_kind(num_pr)

    def _numbering_kind(self, num_pr: Any) -> tuple[str, int] | None:
        num_id_el = num_pr.find(f"{_W}numId")
        ilvl_el = num_pr.find(f"{_W}ilvl")
        num_id = num_id_el.get(f"{_W}val") if num_id_el is not None else None
        if num_id in (None, "0"):
            return None
        ilvl = _int(ilvl_el.get(f"{_W}val") if ilvl_el is not None else "0")
        fmt = self.numbering.get((str(num_id), ilvl), "bullet")
        return ("bullet" if fmt in ("bullet", "none") else "decimal"), min(ilvl, 8)

    def _style_info(self, style: Any) -> tuple[int | None, tuple[str, int] | None]:
        """(heading level from the style or its bases, list kind from the style's numbering)."""
        if style is None:
            return None, None
        key = str(style.style_id)
        if key in self._style_cache:
            return self._style_cache[key]
        heading: int | None = None
        listed: tuple[str, int] | None = None
        current = style
        for _ in range(10):  # follow "based on", not forever
            if current is None:
                break
            name = (current.name or "").lower()
            if heading is None and name.startswith("heading ") and name[8:].isdigit():
                heading = int(name[8:]) - 1
            ppr = current.element.find(f"{_W}pPr")
            if heading is None and ppr is not None:
                heading = _outline_level(ppr)
            if listed is None and name.startswith(("list bullet", "list number")):
                tail = name.split()[-1]
                depth = int(tail) - 1 if tail.isdigit() else 0
                listed = ("bullet" if "bullet" in name else "decimal", depth)
            if listed is None and ppr is not None and (num := ppr.find(f"{_W}numPr")) is not None:
                listed = self._numbering_kind(num)
            current = current.base_style
        self._style_cache[key] = (heading, listed)
        return heading, listed

    # --- tables ------------------------------------------------------------------

    def _table(self, table: Any) -> TableBlock:
        rows: list[list[str]] = []
        header = False
        for index, row in enumerate(table.rows):
            cells: list[str] = []
            seen: set[int] = set()
            try:
                row_cells = row.cells
            except ValueError:  # e.g. a vertical merge that continues a row above the first
                from docx.table import _Cell

                row_cells = [_Cell(tc, table) for tc in row._tr.tc_lst]
            for cell in row_cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.append(_cell_text(cell, self.styles))
            rows.append(cells)
            if index == 0:
                tr_pr = row._tr.trPr
                header = tr_pr is not None and tr_pr.find(f"{_W}tblHeader") is not None
        return make_table(rows, header or looks_like_header(rows), unbold=True)


def _body_children(body: Any) -> Iterator[Any]:
    """Paragraphs and tables of the body in order, looking inside content controls."""
    stack = list(reversed(list(body.iterchildren())))
    while stack:
        child = stack.pop()
        if child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                stack.extend(reversed(list(content.iterchildren())))
        else:
            yield child


def _numbering_formats(document: Any) -> dict[tuple[str, int], str]:
    """(numId, level) → numFmt (``bullet``, ``decimal``, ``lowerLetter``...)."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, AttributeError, NotImplementedError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for node in numbering.findall(f"{_W}abstractNum"):
        levels: dict[int, str] = {}
        for lvl in node.findall(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            levels[_int(lvl.get(f"{_W}ilvl", "0"))] = (
                fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal"
            )
        abstract[str(node.get(f"{_W}abstractNumId"))] = levels
    formats: dict[tuple[str, int], str] = {}
    for num in numbering.findall(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is None:
            continue
        for level, fmt in abstract.get(str(ref.get(f"{_W}val")), {}).items():
            formats[(str(num.get(f"{_W}numId")), level)] = fmt
    return formats


def _outline_level(ppr: Any) -> int | None:
    if ppr is None:
        return None
    node = ppr.find(f"{_W}outlineLvl")
    if node is None:
        return None
    level = _int(node.get(f"{_W}val", "9"))
    return level if level < 9 else None


def _int(value: str | None) -> int:
    try:
        return int(value or "0")
    except ValueError:
        return 0


class _StyleTable:
    """The document's styles by id, looked up once.

    python-docx finds a paragraph's or run's style by scanning every style of the
    document on each access (and the default style by another scan), which made a
    3,000-paragraph document take a minute; here each id is a dictionary look-up.
    """

    def __init__(self, document: Any) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        styles = document.styles
        self.by_id: dict[str, Any] = {str(style.style_id): style for style in styles}
        self.default_paragraph = styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default_character = styles.default(WD_STYLE_TYPE.CHARACTER)
        self._flags: dict[str | None, tuple[bool | None, bool | None]] = {}

    def paragraph_style(self, paragraph: Any) -> Any:
        style_id = paragraph._p.style
        return (
            self.by_id.get(style_id, self.default_paragraph) if style_id else self.default_paragraph
        )

    def run_flags(self, run: Any) -> tuple[bool | None, bool | None]:
        """(bold, italic) set by the run's character style (None: not set there)."""
        style_id = run._r.style
        if style_id not in self._flags:
            style = (
                self.by_id.get(style_id, self.default_character)
                if style_id
                else self.default_character
            )
            font = getattr(style, "font", None)
            self._flags[style_id] = (font.bold, font.italic) if font is not None else (None, None)
        return self._flags[style_id]


def _runs_markup(paragraph: Any, styles: _StyleTable) -> str:
    """The paragraph's text with bold and italic runs marked, links as ``[label](url)``."""
    from docx.text.hyperlink import Hyperlink

    buffer = InlineBuffer()
    current: tuple[bool, bool] = (False, False)

    def switch(bold: bool, italic: bool) -> None:
        nonlocal current
        if (bold, italic) == current:
            return
        if current[1]:
            buffer.close("*")
        if current[0]:
            buffer.close("**")
        if bold:
            buffer.open("**")
        if italic:
            buffer.open("*")
        current = (bold, italic)

    for part in _inner_content(paragraph):
        if isinstance(part, Hyperlink):
            switch(False, False)
            try:
                url = part.url or ""
            except KeyError:  # a link whose target is missing from the document: its text
                url = ""
            buffer.open("link", url)
            buffer.text(part.text)
            buffer.close("link")
            continue
        text = part.text
        if not text:
            continue
        if text.strip():
            bold, italic = part.bold, part.italic
            if bold is None or italic is None:
                style_bold, style_italic = styles.run_flags(part)
                bold = style_bold if bold is None else bold
                italic = style_italic if italic is None else italic
            switch(bool(bold), bool(italic))
        buffer.text(text)
    switch(False, False)
    return buffer.value()


#: Elements whose runs are part of the paragraph's text: tracked insertions, content
#: controls, smart tags, simple fields. Tracked deletions (``w:del``) are not.
_RUN_CONTAINERS = frozenset(
    f"{_W}{tag}"
    for tag in ("ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "moveTo")
)


def _inner_content(paragraph: Any) -> Iterator[Any]:
    """The paragraph's runs and hyperlinks in order, also those python-docx's own
    ``iter_inner_content`` leaves out (inside tracked insertions, content controls...)."""
    from docx.text.hyperlink import Hyperlink
    from docx.text.run import Run

    stack = list(reversed(list(paragraph._p.iterchildren())))
    while stack:
        node = stack.pop()
        if node.tag == f"{_W}r":
            yield Run(node, paragraph)
        elif node.tag == f"{_W}hyperlink":
            yield Hyperlink(node, paragraph)
        elif node.tag in _RUN_CONTAINERS:
            stack.extend(reversed(list(node.iterchildren())))


def _plain(text: str) -> str:
    """Heading text without emphasis marks."""
    return one_line(text.replace("**", ""))


def _cell_text(cell: Any, styles: _StyleTable) -> str:
    """A cell's paragraphs (and nested tables) as one line of marked-up text."""
    parts = [_runs_markup(p, styles).replace("\n", " ").strip() for p in cell.paragraphs]
    for nested in cell.tables:
        for row in nested.rows:
            parts.append(" | ".join(c.text.strip() for c in row.cells))
    return " ".join(part for part in parts if part)
