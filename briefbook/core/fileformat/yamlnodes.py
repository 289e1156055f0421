"""Safe YAML reading into a small node tree that keeps each node's line and column.

The tree is built from PyYAML's event stream (the C parser when available), not
by PyYAML's constructors: nothing is ever instantiated from a tag, aliases are
refused (which also rules out "billion laughs" expansion), and nesting depth is
bounded without recursion. Scalars keep their source text, so ``title: 2025`` is
the string ``"2025"`` and a time ``9:30`` is not read as a sexagesimal number.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefbook.errors import Problem

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

#: Deeper nesting than this is refused; a real brief needs fewer than 10 levels.
MAX_DEPTH = 64

#: Tags that only restate what a plain scalar, sequence or mapping is anyway.
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "!",
}

#: Reading stops after this many problems: the list is long enough to act on.
MAX_PROBLEMS = 200

#: A file holding more values (keys, scalars, lists and mappings) than this is
#: refused. A 200-page brief holds about 50,000 (a few per paragraph, list item,
#: table cell or schedule entry); the example brief about 300; an import of 50,000
#: schedule lines about 250,000. The bound keeps reading a hostile file under about
#: 300 MB and a few seconds, where 2.5 million values in a 5 MB flow list took 1.6 GB.
MAX_NODES = 500_000

_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(slots=True)
class Node:
    """A YAML node of kind "map", "seq" or "scalar"; line and column are 1-based."""

    kind: str
    line: int
    column: int
    #: The scalar's text (escapes already decoded); empty for collections.
    text: str = ""
    #: True for an unquoted scalar (only those can mean null).
    plain: bool = True
    items: list[Node] = field(default_factory=list)
    pairs: list[tuple[Node, Node]] = field(default_factory=list)
    #: Carried a tag that is not allowed (already reported): reads as empty.
    refused: bool = False

    @property
    def is_null(self) -> bool:
        return self.refused or (self.kind == "scalar" and self.plain and self.text in _NULLS)

    @property
    def kind_name(self) -> str:
        """How the node reads to a user, for messages: 'a list', 'a mapping', 'text'."""
        if self.kind == "map":
            return "a mapping"
        if self.kind == "seq":
            return "a list"
        return "nothing" if self.is_null else f"the text {self.text[:40]!r}"


class YamlReadError(Exception):
    """The YAML text itself is unusable; carries one problem with its place."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def parse_nodes(text: str, path: Path | None = None) -> tuple[Node | None, list[Problem]]:
    """Parse YAML text into a :class:`Node` tree (``None`` for an empty document).

    Tags, anchors and aliases are reported as problems (the tagged or aliased
    value reads as empty) so that every one of them is listed. Raises
    :class:`YamlReadError` for broken YAML, several documents, or nesting deeper
    than :data:`MAX_DEPTH`.
    """
    problems: list[Problem] = []

    def note(message: str, mark: yaml.Mark) -> None:
        problems.append(Problem(message, path, mark.line + 1, mark.column + 1))

    def fail(message: str, mark: yaml.Mark | None) -> YamlReadError:
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        return YamlReadError(Problem(message, path, line, column))

    stack: list[Node] = []
    pending_key: list[Node | None] = []
    root: Node | None = None
    documents = 0
    nodes = 0
    scalar_event, end_events = yaml.ScalarEvent, (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        # Dispatch is on type(event) for speed, which mypy does not narrow: events are Any.
        events: Iterator[Any] = yaml.parse(text, Loader=_Loader)
        for event in events:
            kind = type(event)
            if kind in end_events:
                stack.pop()
                pending_key.pop()
                continue
            if kind is scalar_event:
                mark = event.start_mark
                node = Node(
                    "scalar",
                    mark.line + 1,
                    mark.column + 1,
                    text=event.value,
                    plain=event.style is None and event.implicit[0],
                )
            elif kind is yaml.MappingStartEvent:
                mark = event.start_mark
                node = Node("map", mark.line + 1, mark.column + 1)
            elif kind is yaml.SequenceStartEvent:
                mark = event.start_mark
                node = Node("seq", mark.line + 1, mark.column + 1)
            elif kind is yaml.AliasEvent:
                mark = event.start_mark
                note("YAML aliases ('*name') are not allowed in a brief; write the value out", mark)
                node = Node("scalar", mark.line + 1, mark.column + 1, refused=True)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise fail(
                        "a brief file holds one YAML document; remove the second '---'",
                        event.start_mark,
                    )
                continue
            else:  # stream and document ends
                continue
            nodes += 1
            if nodes > MAX_NODES:
                raise fail(
                    f"the file holds more than {MAX_NODES:,} values; a brief this large "
                    "is not supported",
                    mark,
                )
            if kind is not yaml.AliasEvent:
                if event.anchor is not None:
                    note("YAML anchors ('&name') are not allowed in a brief", mark)
                tag = event.tag
                if tag is not None and tag not in _STANDARD_TAGS:
                    shown = tag.replace("tag:yaml.org,2002:", "!!")
                    note(
                        f"the YAML tag {shown!r} is not allowed in a brief (a brief holds "
                        "plain data only; nothing in it is ever run)",
                        mark,
                    )
                    node.refused = True
            if len(problems) >= MAX_PROBLEMS:
                break
            if stack:
                parent = stack[-1]
                if parent.kind == "seq":
                    parent.items.append(node)
                else:
                    key = pending_key[-1]
                    if key is None:
                        pending_key[-1] = node
                    else:
                        parent.pairs.append((key, node))
                        pending_key[-1] = None
            else:
                root = node
            if node.kind != "scalar":
                if len(stack) >= MAX_DEPTH:
                    raise fail(f"the file is nested more than {MAX_DEPTH} levels deep", mark)
                stack.append(node)
                pending_key.append(None)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "broken YAML"
        if "nesting depth" in reason:  # libyaml's own limit, in newer PyYAML builds
            raise fail(f"the file is nested more than {MAX_DEPTH} levels deep", mark) from None
        raise fail(f"not valid YAML: {reason}", mark) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (NUL...)
        raise _character_error(exc, text, path) from None
    except yaml.YAMLError as exc:
        raise fail(f"not valid YAML: {exc}", None) from None
    return root, problems


def _character_error(exc: yaml.reader.ReaderError, text: str, path: Path | None) -> YamlReadError:
    """One problem at the line and column of a character that YAML refuses."""
    position = max(exc.position, 0)
    if _Loader is not yaml.SafeLoader:  # libyaml counts in UTF-8 bytes, not characters
        position = len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore"))
    position = min(position, len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    name = {0: " (NUL)", 0x7F: " (DEL)", 0xFEFF: " (a byte-order mark)"}.get(code, "")
    return YamlReadError(
        Problem(
            f"the control character U+{code:04X}{name} cannot be in a brief; remove it",
            path,
            line,
            column,
        )
    )
