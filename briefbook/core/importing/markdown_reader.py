"""Markdown, read from markdown-it-py's tokens (CommonMark with GFM tables).

Headings, paragraphs, nested lists, tables, emphasis and links come from the
parser; the model's own inline markup happens to be Markdown's, so emphasis and
links are written back as ``**``/``*``/``[label](url)``. Reference-style link
definitions are left as text (so no line silently disappears).

Table rows are re-read from their source lines so that a row with more cells
than the header keeps them (GFM would drop them). Code blocks are read with
the plain-text rules (they often hold a pasted agenda or an aligned table); the
word after the opening fence is kept as a line of text.

If the parser gives up on some lines (nesting deeper than it allows) or runs
out of stack, the whole text is read as plain text instead: nothing is lost.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefbook.core.importing.inline import InlineBuffer
from briefbook.core.importing.listmarkers import MAX_DEPTH
from briefbook.core.importing.plaintext import normalize_newlines, parse_plain_text
from briefbook.core.importing.schedule import time_led
from briefbook.core.importing.structure import Element, Heading, Para
from briefbook.core.importing.tables import (
    is_separator_row,
    looks_like_header,
    make_table,
    split_pipe_row,
)
from briefbook.core.kinds import flat_words
from briefbook.core.model import Block, BulletsBlock, ListItem, NumberedBlock

#: Deeper nesting than this is read as plain text (markdown-it would drop it).
MAX_NESTING = 60

_INLINE_TAGS = {"b": "**", "strong": "**", "i": "*", "em": "*"}
_SILENT_TAGS = frozenset(
    {
        "span",
        "u",
        "sup",
        "sub",
        "small",
        "mark",
        "font",
        "abbr",
        "ins",
        "del",
        "s",
        "strike",
        "cite",
        "q",
        "kbd",
        "code",
        "tt",
        "var",
        "samp",
    }
)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    md.enable(["table", "strikethrough"])
    md.disable("reference")
    return md


#: Markdown is parsed this many lines at a time: markdown-it keeps several token
#: objects per line (about 2.5 KB a list item), so a 10 MB list parsed whole took
#: 5.8 GB; parsed a piece at a time, only one piece's tokens are alive.
CHUNK_LINES = 2000


def parse_markdown(text: str) -> list[Element]:
    """The headings and blocks of Markdown text, in order.

    Long text is parsed a piece at a time. A piece keeps the blocks the parser
    closed (in CommonMark a block is final once the next one has started) and the
    next piece starts again at the last block's first line; inside one long
    top-level list, at its last item's first line, and the items are joined back
    into one list.
    """
    source = normalize_newlines(text)
    lines = source.split("\n")
    md = _parser()
    out: list[Element] = []
    start, joins = 0, False
    while start < len(lines):
        end, next_joins = len(lines), False
        tokens: list[Token] | None = None
        if len(lines) - start > CHUNK_LINES:
            probe = _tokens(md, lines[start : start + CHUNK_LINES])
            cut = _safe_cut(probe) if probe is not None else None
            if probe is not None and cut is not None:
                line, next_joins, tokens = cut
                end = start + line
        elements = _parse_piece(md, lines[start:end], tokens)
        if joins and elements and out and _same_list(out[-1], elements[0]):
            out[-1].items.extend(elements.pop(0).items)  # type: ignore[union-attr,arg-type]
        out.extend(elements)
        start, joins = end, next_joins
    return out


def _tokens(md: MarkdownIt, lines: list[str]) -> list[Token] | None:
    try:
        return md.parse("\n".join(lines))
    except RecursionError:
        return None


def _safe_cut(tokens: list[Token]) -> tuple[int, bool, list[Token]] | None:
    """Where the next piece may start: (line, inside a list, the tokens before it),
    or None for nowhere. The tokens before a cut inside a list end with its close."""
    for index in range(len(tokens) - 1, 0, -1):
        token = tokens[index]
        if token.level == 0 and token.nesting >= 0 and token.map and token.map[0] > 0:
            return token.map[0], False, tokens[:index]
    opening = tokens[0] if tokens else None
    if opening is None or opening.type not in ("bullet_list_open", "ordered_list_open"):
        return None
    for index in range(len(tokens) - 1, 0, -1):
        token = tokens[index]
        if token.type == "list_item_open" and token.level == 1 and token.map and token.map[0] > 0:
            close = Token(opening.type.replace("_open", "_close"), opening.tag, -1)
            return token.map[0], True, [*tokens[:index], close]
    return None


def _parse_piece(md: MarkdownIt, lines: list[str], tokens: list[Token] | None) -> list[Element]:
    if tokens is None:
        tokens = _tokens(md, lines)
    if tokens is None or not _covers(tokens, lines):
        return parse_plain_text("\n".join(lines))
    return _Walker(md, lines).run(tokens)


def _same_list(before: Element, after: Element) -> bool:
    return (isinstance(before, BulletsBlock) and isinstance(after, BulletsBlock)) or (
        isinstance(before, NumberedBlock) and isinstance(after, NumberedBlock)
    )


def _covers(tokens: list[Token], lines: list[str]) -> bool:
    """Whether every line with a letter or digit belongs to a token that keeps its text."""
    covered = bytearray(len(lines) + 1)
    for token in tokens:
        if token.map and token.type in (
            "inline",
            "fence",
            "code_block",
            "html_block",
            "hr",
            "heading_open",
            "table_open",
        ):
            start, end = token.map
            covered[start:end] = b"\x01" * (end - start)
    for index, line in enumerate(lines):
        if not covered[index] and any(ch.isalnum() for ch in line):
            return False
    return True


class _ListState:
    def __init__(self, ordered: bool) -> None:
        self.ordered = ordered
        self.items: list[ListItem] = []


class _Walker:
    """Walks the flat token stream once, keeping a stack of open lists."""

    def __init__(self, md: MarkdownIt, lines: list[str]) -> None:
        self.md = md
        self.lines = lines
        self.out: list[Element] = []
        self.lists: list[_ListState] = []
        self.items: list[ListItem] = []  # the open list items, innermost last

    def run(self, tokens: list[Token]) -> list[Element]:
        i = 0
        while i < len(tokens):
            i = self._token(tokens, i)
        return self.out

    def _emit(self, element: Element) -> None:
        if self.items:
            self._add_to_item(element)
        else:
            self.out.append(element)

    def _add_to_item(self, element: Element) -> None:
        """Text met inside a list item (a paragraph, a table, code) joins the item's text.

        After a nested list, it joins the last nested item instead, so that the reading
        order stays the order of the source.
        """
        item = self.items[-1]
        while item.items:
            item = item.items[-1]
        if isinstance(element, Para):
            text = " ".join(line.strip() for line in element.lines if line.strip())
        elif isinstance(element, Heading):
            text = element.text
        else:
            text = _block_text(element)
        if text:
            item.text = f"{item.text} {text}" if item.text else text

    def _token(self, tokens: list[Token], i: int) -> int:
        token = tokens[i]
        kind = token.type
        if kind == "heading_open":
            inline = tokens[i + 1]
            self._emit(Heading(text=self._inline(inline, plain=True), level=int(token.tag[1:])))
            return i + 3
        if kind == "inline":
            lines = self._inline(token, hard_break=_HARD_BREAK + "\n").split("\n")
            hard = frozenset(k for k, line in enumerate(lines) if line.endswith(_HARD_BREAK))
            self._emit(
                Para(lines=[line.removesuffix(_HARD_BREAK) for line in lines], hard_breaks=hard)
            )
            return i + 1
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists.append(_ListState(kind == "ordered_list_open"))
            return i + 1
        if kind == "list_item_open":
            item = ListItem()
            depth = len(self.lists)
            if depth > MAX_DEPTH and len(self.items) >= MAX_DEPTH - 1:
                # Too deep for a briefing book: keep the item at the deepest level kept.
                parent_items = self.items[MAX_DEPTH - 2].items
            elif depth > 1 and self.items:
                parent_items = self.items[-1].items
            else:
                parent_items = self.lists[-1].items
            parent_items.append(item)
            self.items.append(item)
            return i + 1
        if kind == "list_item_close":
            if self.items:
                self.items.pop()
            return i + 1
        if kind in ("bullet_list_close", "ordered_list_close"):
            state = self.lists.pop()
            if not self.lists:
                self._emit_list(state)
            return i + 1
        if kind == "table_open":
            return self._table(tokens, i)
        if kind in ("fence", "code_block"):
            if token.info.strip():  # what follows ``` is text too (nothing is dropped)
                self._emit(Para(lines=[token.info.strip()]))
            for element in parse_plain_text(token.content):
                self._emit(element)
            return i + 1
        if kind == "html_block":
            from briefbook.core.importing.html_reader import parse_html

            for element in parse_html(token.content):
                self._emit(element)
            return i + 1
        return i + 1

    def _emit_list(self, state: _ListState) -> None:
        """A finished top-level list: a schedule when every item is led by a time."""
        texts = _flat_lines(state.items)
        if state.items and all(time_led(item.text) for item in state.items):
            self.out.append(Para(lines=texts))
            return
        block: Block = (
            NumberedBlock(items=state.items) if state.ordered else BulletsBlock(items=state.items)
        )
        self.out.append(block)

    def _table(self, tokens: list[Token], i: int) -> int:
        token = tokens[i]
        end = i
        while end < len(tokens) and tokens[end].type != "table_close":
            end += 1
        if token.map is None:
            return end + 1
        start, stop = token.map
        rows: list[list[str]] = []
        header_seen = False
        for raw in self.lines[start:stop]:
            line = _unquote(raw)
            if is_separator_row(line):
                header_seen = header_seen or len(rows) == 1
                continue
            cells = split_pipe_row(line)
            if cells is None:
                cells = [line.strip()]
            rows.append([self._inline_text(cell) for cell in cells])
        header = header_seen or looks_like_header(rows)
        self._emit(make_table(rows, header, unbold=True))
        return end + 1

    def _inline_text(self, text: str) -> str:
        if not text:
            return ""
        tokens = self.md.parseInline(text)
        return self._inline(tokens[0]).replace("\n", " ") if tokens else text

    def _inline(self, token: Token, plain: bool = False, hard_break: str = "\n") -> str:
        """The inline token's children in the model's markup (``plain``: no marks).

        A line break (soft, from a wrapped line, or hard: two trailing spaces, a
        backslash, ``<br>``) is a newline; ``hard_break`` is written for a hard one.
        """
        buffer = InlineBuffer()
        for child in token.children or []:
            kind = child.type
            if kind == "text":
                buffer.text(child.content)
            elif kind == "softbreak":
                buffer.text(" " if plain else "\n")
            elif kind == "hardbreak":
                buffer.text(" " if plain else hard_break)
            elif kind == "code_inline":
                buffer.text(child.content)
            elif kind in ("strong_open", "em_open"):
                if not plain:
                    buffer.open("**" if kind == "strong_open" else "*")
            elif kind in ("strong_close", "em_close"):
                if not plain:
                    buffer.close("**" if kind == "strong_close" else "*")
            elif kind == "link_open":
                if not plain:
                    buffer.open("link", str(child.attrGet("href") or ""))
            elif kind == "link_close":
                if not plain:
                    buffer.close("link")
            elif kind == "image":
                alt = child.content or "".join(c.content for c in child.children or [])
                src = str(child.attrGet("src") or "")
                buffer.text(f"{alt} ({src})" if src and not plain else alt)
            elif kind == "html_inline":
                self._html_inline(buffer, child.content, plain, hard_break)
            elif kind in ("s_open", "s_close"):
                continue
            else:
                buffer.text(child.content)
        return buffer.value()

    @staticmethod
    def _html_inline(buffer: InlineBuffer, tag_text: str, plain: bool, hard_break: str) -> None:
        """``<b>``, ``</em>``, ``<br>``: marks; an unknown ``<tag>`` stays as typed."""
        body = tag_text.strip("<>/ ").split()
        name = body[0].lower() if body else ""
        closing = tag_text.startswith("</")
        if name == "br":
            buffer.text(" " if plain else hard_break)
        elif name in _INLINE_TAGS:
            if not plain:
                (buffer.close if closing else buffer.open)(_INLINE_TAGS[name])
        elif name in _SILENT_TAGS or tag_text.startswith("<!--"):
            return
        else:
            buffer.text(tag_text)


#: Ends a line that ends in a hard break, between reading a paragraph and splitting its
#: lines (markdown-it turns any NUL of the input into U+FFFD, so none is the reader's own).
_HARD_BREAK = "\x00"


def _unquote(line: str) -> str:
    """A table line inside a block quote, without the ``>`` marks."""
    stripped = line.lstrip()
    while stripped.startswith(">"):
        stripped = stripped[1:].lstrip()
    return stripped


def _flat_lines(items: list[ListItem], depth: int = 0) -> list[str]:
    """Item texts as lines; nested items indented below their parent (read as details)."""
    lines: list[str] = []
    stack: list[tuple[ListItem, int]] = [(item, depth) for item in reversed(items)]
    while stack:
        item, level = stack.pop()
        lines.append(("  " * level) + ("- " if level else "") + item.text)
        stack.extend((child, level + 1) for child in reversed(item.items))
    return lines


def _block_text(block: Block) -> str:
    """The words of a block met where only text fits (inside a list item)."""
    return " ".join(word for word in flat_words(block) if word)
