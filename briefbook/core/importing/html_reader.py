"""HTML from the clipboard or a file, read with the standard library's ``html.parser``.

Why the standard library: clipboard HTML (Word, browsers, Google Docs, Outlook)
is small and forgiving parsing is all we need; ``html.parser`` never fetches
anything, has no C extension to ship, and with a few tag rules (void tags, implied
ends of ``p``, ``li``, ``td``, ``tr``: :mod:`briefbook.core.importing.html_tree`) it
builds a usable tree, which this module walks.

Headings, paragraphs, lists (also Word's ``MsoListParagraph`` paragraphs),
tables, bold/italic (tags or CSS, as Google Docs writes them) and links become
the model's elements; scripts, styles and comments are not content.
"""

from __future__ import annotations

from itertools import zip_longest

from briefbook.core.importing.html_tree import (
    BLOCKS,
    MAX_TREE_DEPTH,
    SKIP,
    SPACED,
    Node,
    collapse,
    read_tree,
    text_of,
)
from briefbook.core.importing.inline import InlineBuffer
from briefbook.core.importing.listmarkers import MAX_DEPTH, ListBuilder, Marker, parse_marker
from briefbook.core.importing.structure import Element, Heading, Para
from briefbook.core.importing.tables import looks_like_header, make_table
from briefbook.core.kinds.lists import item_texts
from briefbook.core.model import Block, BulletsBlock, ListItem, NumberedBlock
from briefbook.core.text import one_line

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
#: What Word's Symbol and Wingdings bullets look like once copied as text.
_WORD_BULLETS = ("o ", "§ ", "Ø ", "ü ", "· ", "- ")


def parse_html(html: str) -> list[Element]:
    """The headings and blocks of an HTML document or fragment, in order."""
    walker = _Walker()
    walker.block(read_tree(html), 0)
    walker.flush()
    walker.end_word_list()
    return walker.out


def _style(node: Node) -> str:
    return node.attrs.get("style", "").replace(" ", "").lower()


def _marks(node: Node) -> list[str]:
    """The marks a tag (or its CSS) puts on its text: ``**``, ``*``, or both."""
    style = _style(node)
    marks: list[str] = []
    bold = node.tag in ("b", "strong")
    if "font-weight:normal" in style or "font-weight:400" in style:
        bold = False
    if any(f"font-weight:{w}" in style for w in ("bold", "bolder", "600", "700", "800", "900")):
        bold = True
    italic = node.tag in ("i", "em") or "font-style:italic" in style
    if "font-style:normal" in style:
        italic = False
    if bold:
        marks.append("**")
    if italic:
        marks.append("*")
    return marks


class _Walker:
    """Turns the tree into elements; inline content gathers in a buffer until a block ends."""

    def __init__(self) -> None:
        self.out: list[Element] = []
        self.buffer = InlineBuffer()
        self.word_list: ListBuilder | None = None  # Word's list paragraphs being gathered
        self.inline_only = 0  # > 0 while reading a cell or an item: blocks are just text

    # --- blocks ---------------------------------------------------------------

    def flush(self) -> None:
        """End the current paragraph."""
        text = collapse(self.buffer.take())
        lines = [line.strip() for line in text.split("\n")]
        if any(lines):
            self.end_word_list()
            self.out.append(Para(lines=[line for line in lines if line], breaks=True))

    def _emit(self, element: Element) -> None:
        self.flush()
        self.end_word_list()
        self.out.append(element)

    def block(self, node: Node, depth: int) -> None:
        """Walk a node's children at block level."""
        for child in node.children:
            if isinstance(child, str):
                self.buffer.text(child)
                continue
            self.node(child, depth + 1)

    def node(self, node: Node, depth: int) -> None:
        tag = node.tag
        if tag in SKIP:
            return
        if depth > MAX_TREE_DEPTH:
            self.buffer.text(text_of(node))
            return
        if self.inline_only:
            if tag in SPACED:
                self.buffer.text(" ")
                self.block(node, depth)
                self.buffer.text(" ")
            else:
                self.inline(node, depth)
            return
        if tag in _HEADINGS:
            text = one_line(text_of(node))
            if text:
                self._emit(Heading(text=text, level=_HEADINGS[tag]))
            return
        if tag in ("ul", "ol"):
            self.flush()
            self.end_word_list()
            items = self._list_items(node, depth, 1)
            if items:
                block: Block = (
                    NumberedBlock(items=items) if tag == "ol" else BulletsBlock(items=items)
                )
                self.out.append(block)
            return
        if tag == "table":
            for element in self._table(node, depth):
                self._emit(element)
            return
        if tag == "p" and "msolist" in node.attrs.get("class", "").lower():
            self.flush()
            self._word_list_paragraph(node, depth)
            return
        if tag in BLOCKS:
            self.flush()
            self.block(node, depth)
            self.flush()
            return
        self.inline(node, depth)

    # --- inline -----------------------------------------------------------------

    def inline(self, node: Node, depth: int) -> None:
        tag = node.tag
        if tag == "br":
            self.buffer.text("\n")
            return
        if tag == "img":
            self.buffer.text(node.attrs.get("alt", ""))
            return
        if depth > MAX_TREE_DEPTH:
            self.buffer.text(text_of(node))
            return
        marks = _marks(node)
        link = node.attrs.get("href", "") if tag == "a" else ""
        for mark in marks:
            self.buffer.open(mark)
        if link:
            self.buffer.open("link", link)
        self.block(node, depth)
        if link:
            self.buffer.close("link")
        for mark in reversed(marks):
            self.buffer.close(mark)

    def _inline_text(self, node: Node, depth: int) -> str:
        """A node's inline content in markup, without touching the paragraph being built."""
        saved = self.buffer
        self.buffer = InlineBuffer()
        self.inline_only += 1
        try:
            self.block(node, depth)
            text = collapse(self.buffer.take()).replace("\n", " ").strip()
        finally:
            self.inline_only -= 1
            self.buffer = saved
        return text

    # --- lists ---------------------------------------------------------------------

    def _list_items(self, node: Node, depth: int, level: int) -> list[ListItem]:
        items: list[ListItem] = []
        for child in node.children:
            if isinstance(child, str):
                if child.strip():
                    items.append(ListItem(text=one_line(child)))
                continue
            if child.tag == "li":
                items.append(self._item(child, depth + 1, level))
            elif child.tag in ("ul", "ol") and items:
                items[-1].items.extend(self._list_items(child, depth + 1, level + 1))
            elif child.tag not in SKIP:
                text = self._inline_text(child, depth + 1)
                if text:
                    items.append(ListItem(text=text))
        return items

    def _item(self, node: Node, depth: int, level: int) -> ListItem:
        """A list item; text after a nested list joins the last nested item (reading order)."""
        item = ListItem()
        holder = Node("span", {}, [])

        def place(text: str) -> None:
            if not text:
                return
            target = item
            while target.items:
                target = target.items[-1]
            target.text = f"{target.text} {text}" if target.text else text

        for child in node.children:
            if isinstance(child, Node) and child.tag in ("ul", "ol"):
                place(self._inline_text(holder, depth))
                holder.children.clear()
                nested = self._list_items(child, depth + 1, level + 1)
                if level >= MAX_DEPTH:
                    place(" ".join(text for text in item_texts(nested) if text))
                else:
                    item.items.extend(nested)
            else:
                holder.children.append(child)
        place(self._inline_text(holder, depth))
        return item

    def _word_list_paragraph(self, node: Node, depth: int) -> None:
        """Word writes list items as ``<p class=MsoListParagraph>`` with a typed bullet."""
        text = self._inline_text(node, depth).replace("\xa0", " ")
        level = _word_list_level(_style(node))
        marker = parse_marker(text)
        if marker is None and text.startswith(_WORD_BULLETS) and text[2:].strip():
            marker = Marker("bullet", "bullet", 0, 0, text[2:].strip())
        if marker is None:
            marker = Marker("bullet", "bullet", 0, 0, text)
        marker = Marker(marker.kind, marker.style, level * 4, level * 4 + 2, marker.text)
        if self.word_list is None or (level == 0 and marker.kind != self.word_list.kind):
            self.end_word_list()
            self.word_list = ListBuilder(marker)
        else:
            self.word_list.add(marker)

    def end_word_list(self) -> None:
        if self.word_list is not None:
            built = self.word_list
            self.word_list = None
            block: Block = (
                BulletsBlock(items=built.top)
                if built.kind == "bullet"
                else NumberedBlock(items=built.top)
            )
            self.out.append(block)

    # --- tables ---------------------------------------------------------------------

    def _table(self, node: Node, depth: int) -> list[Element]:
        """The table, after a paragraph of any text that sat outside its cells."""
        rows: list[list[str]] = []
        header_rows = 0
        # Rows in document order (not those of nested tables). Text outside any cell
        # stays where it was: in a row, as one more cell; between rows, as a row.
        ordered: list[tuple[Node | str, int, bool]] = []
        stack: list[tuple[Node | str, int, bool]] = [
            (c, depth + 1, False) for c in reversed(node.children)
        ]
        while stack:
            current, level, in_head = stack.pop()
            if isinstance(current, str) or current.tag == "tr":
                ordered.append((current, level, in_head))
            elif current.tag in ("thead", "tbody", "tfoot"):
                head = in_head or current.tag == "thead"
                stack.extend((c, level + 1, head) for c in reversed(current.children))
            elif current.tag not in ("caption", "col", "colgroup"):
                ordered.append((text_of(current), level, in_head))
        for row, level, in_head in ordered:
            if isinstance(row, str):
                if row.strip():
                    rows.append([one_line(row)])
                continue
            cells: list[str] = []
            all_th = True
            for cell in row.children:
                if isinstance(cell, Node) and cell.tag in ("td", "th"):
                    all_th = all_th and cell.tag == "th"
                    cells.append(self._inline_text(cell, level + 1))
                    span = _int(cell.attrs.get("colspan", "1"))
                    cells.extend([""] * (min(span, 64) - 1))
                else:
                    text = one_line(text_of(cell))
                    if text:
                        all_th = False
                        cells.append(text)
            if cells:
                if (in_head or all_th) and len(rows) == header_rows:
                    header_rows += 1
                rows.append(cells)
        if header_rows > 1:
            merged = [
                " ".join(p for p in parts if p)
                for parts in zip_longest(*rows[:header_rows], fillvalue="")
            ]
            rows = [merged, *rows[header_rows:]]
            header_rows = 1
        elements: list[Element] = []
        caption = ""
        for child in node.children:
            if isinstance(child, Node) and child.tag == "caption":
                caption = one_line(text_of(child))
        if rows:
            table = make_table(rows, header_rows == 1 or looks_like_header(rows), unbold=True)
            table.caption = caption
            elements.append(table)
        elif caption:
            elements.append(Para(lines=[caption]))
        return elements


def _int(value: str) -> int:
    try:
        return max(1, int(value.strip() or "1"))
    except ValueError:
        return 1


def _word_list_level(style: str) -> int:
    """``mso-list:l0 level2 lfo1`` → 1."""
    at = style.find("level")
    if at < 0:
        return 0
    digits = ""
    for ch in style[at + 5 : at + 7]:
        if ch.isdigit():
            digits += ch
        else:
            break
    return max(0, int(digits) - 1) if digits else 0
