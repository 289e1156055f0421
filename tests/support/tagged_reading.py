"""Reading a tagged PDF back with pikepdf: its structure tree in reading order and the
marked content of its pages."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf

TEXT_OPERATORS = frozenset({"Tj", "TJ", "'", '"'})


@dataclass(frozen=True)
class Node:
    role: str
    depth: int
    alt: str
    scope: str
    kids: tuple[str, ...]  # the roles of its element children


def structure(data: bytes) -> list[Node]:
    """Every structure element, parent first, in reading order."""
    pdf = pikepdf.open(io.BytesIO(data))
    found: list[Node] = []

    def walk(node: pikepdf.Object, depth: int) -> None:
        kids = node.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
        elements = [k for k in items if isinstance(k, pikepdf.Dictionary) and "/S" in k]
        attrs = node.get("/A")
        scope = str(attrs.get("/Scope", "")) if isinstance(attrs, pikepdf.Dictionary) else ""
        found.append(
            Node(
                str(node.S)[1:],
                depth,
                str(node.get("/Alt", "")),
                scope[1:],
                tuple(str(k.S)[1:] for k in elements),
            )
        )
        for kid in elements:
            walk(kid, depth + 1)

    walk(pdf.Root.StructTreeRoot.K, 0)
    return found


@dataclass
class PageMarks:
    text_outside: int = 0  # text operators in no marked sequence
    furniture_inside: int = 0  # page furniture forms painted as content
    furniture_outside: int = 0  # page furniture forms painted outside any artifact
    nested: int = 0  # a sequence begun inside another


FURNITURE = tuple(f"/FormXob.{name}" for name in ("bbBody", "bbCover", "bbMark", "bbPage", "bbToc"))


def page_marks(data: bytes) -> list[PageMarks]:
    """What each page's content stream marks, and how."""
    pdf = pikepdf.open(io.BytesIO(data))
    found = []
    for page in pdf.pages:
        marks = PageMarks()
        stack: list[str] = []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                if stack:
                    marks.nested += 1
                stack.append(str(operands[0]))
            elif op == "EMC":
                stack.pop()
            elif op in TEXT_OPERATORS and not stack:
                marks.text_outside += 1
            elif op == "Do" and str(operands[0]).startswith(FURNITURE):
                if not stack:
                    marks.furniture_outside += 1
                elif stack[-1] != "/Artifact":
                    marks.furniture_inside += 1
        found.append(marks)
    return found
