"""HTML as a tree of nodes, built with the standard library's ``html.parser``.

The few tag rules below (void tags, implied ends of ``p``, ``li``, ``td``, ``tr``,
stray end tags ignored) make a usable tree of what Word, browsers, Google Docs and
Outlook put on the clipboard; :mod:`briefbook.core.importing.html_reader` walks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from briefbook.core.text import one_line

#: Elements nested deeper than this are read as the text they hold.
MAX_TREE_DEPTH = 100

_VOID = frozenset(
    {
        "br",
        "img",
        "hr",
        "meta",
        "link",
        "input",
        "col",
        "wbr",
        "source",
        "area",
        "base",
        "embed",
        "param",
        "track",
        "keygen",
    }
)
SKIP = frozenset(
    {
        "script",
        "style",
        "head",
        "title",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "select",
        "textarea",
        "button",
        "xml",
    }
)
BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "blockquote",
        "center",
        "figure",
        "figcaption",
        "address",
        "pre",
        "form",
        "fieldset",
        "dl",
        "dt",
        "dd",
        "body",
        "html",
        "details",
        "summary",
        "li",
        "ul",
        "ol",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
    }
)
#: Inside a table cell or a list item, these only separate words.
SPACED = BLOCKS | {"td", "th", "tr", "thead", "tbody", "tfoot", "caption"}

#: A start tag that ends an open element of these kinds (HTML's implied end tags).
_CLOSED_BY: dict[str, frozenset[str]] = {
    "p": frozenset(BLOCKS - {"body", "html"}),
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "td": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "th": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "tr": frozenset({"tr", "tbody", "thead", "tfoot"}),
    "thead": frozenset({"tbody", "tfoot"}),
    "tbody": frozenset({"tbody", "tfoot"}),
    # Not what a browser does, but what a heading left open in pasted HTML means:
    **{h: frozenset(BLOCKS - {"body", "html"}) for h in ("h1", "h2", "h3", "h4", "h5", "h6")},
}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """A forgiving tree: void tags, implied end tags, stray end tags ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack: list[Node] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        while len(self.stack) > 1 and tag in _CLOSED_BY.get(self.stack[-1].tag, frozenset()):
            self.stack.pop()
        node = Node(tag, {k.lower(): (v or "") for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID and len(self.stack) < MAX_TREE_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag.lower(), {k.lower(): (v or "") for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def read_tree(html: str) -> Node:
    """The tree of an HTML document or fragment (also Windows' CF_HTML clipboard text)."""
    builder = _TreeBuilder()
    builder.feed(_strip_clipboard_header(html))
    builder.close()
    return builder.root


def _strip_clipboard_header(html: str) -> str:
    """Windows' CF_HTML starts with ``Version:0.9 StartHTML:...``; the HTML follows."""
    head = html[:400].lower()
    if head.startswith("version:") and "starthtml:" in head:
        start = html.find("<")
        return html[start:] if start >= 0 else html
    return html


def text_of(node: Node | str) -> str:
    """All the text below a node, iteratively (no recursion, whatever the depth)."""
    parts: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            parts.append(current)
        elif current.tag not in SKIP:
            if current.tag == "br":
                parts.append("\n")
            elif current.tag in SPACED:
                parts.append(" ")
                stack.append(" ")
            stack.extend(reversed(current.children))
    return "".join(parts)


def collapse(text: str) -> str:
    """HTML whitespace: runs of spaces, tabs and newlines are one space (``\\n`` from <br> kept)."""
    lines = [one_line(part) for part in text.split("\n")]
    return "\n".join(lines)
