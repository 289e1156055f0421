"""Opening a brief that has problems: the app shows what it could read, lists the
problems, and points each one at the section it is in.

``briefbook validate`` and ``export`` stay strict (``fileformat.load`` refuses a file
with any problem); the app opens such a file with :func:`load_lenient` so that a
misspelt key costs a correction, not the whole brief. What the reader could not use
(an unknown key, a value of the wrong kind) is not in the model; the app says so
before it saves (see ``gui/window/problems.py``). A file that is not YAML, or not a mapping
at its top, is refused as before: there would be nothing to show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefbook.core import model as m
from briefbook.core.fileformat import read_text
from briefbook.core.fileformat.reader import Reader
from briefbook.core.fileformat.reading import read_brief
from briefbook.core.fileformat.yamlnodes import Node, YamlReadError, parse_nodes
from briefbook.errors import BriefFormatError, Problem

SectionPath = tuple[int, ...]


@dataclass
class LenientLoad:
    """A brief as far as it could be read, its problems in file order, and for each
    problem the section (index path, as ``Brief.section_at``) it lies in, or None for
    the cover and the rest of the file."""

    brief: m.Brief
    problems: list[Problem] = field(default_factory=list)
    places: list[SectionPath | None] = field(default_factory=list)


def load_lenient(path: Path | str) -> LenientLoad:
    """Read ``path`` keeping everything readable. Raises :class:`FileAccessError`, or
    :class:`BriefFormatError` when the file is not a YAML mapping at all."""
    path = Path(path)
    text = read_text(path)
    try:
        root, problems = parse_nodes(text, path)
    except YamlReadError as exc:
        raise BriefFormatError([exc.problem]) from None
    if root is None or root.kind != "map" or root.refused:
        reader = Reader(path)
        read_brief(reader, root)
        raise BriefFormatError(
            problems + reader.problems
            or [Problem("the file holds no brief (it should start with 'meta:')", path, 1, 1)]
        )
    version = _value(root, "briefbook")
    if version is not None and version.text.strip() != str(m.FORMAT_VERSION):
        newer = Problem(
            f"this file is format version {version.text!r}; this briefbook reads "
            f"version {m.FORMAT_VERSION}",
            path,
            version.line,
            version.column,
        )
        raise BriefFormatError([*problems, newer])
    reader = Reader(path)
    brief = read_brief(reader, root)
    brief.source = path
    problems.extend(reader.problems)
    problems.sort(key=lambda problem: (problem.line or 0, problem.column or 0))
    starts = section_starts(root)
    return LenientLoad(brief, problems, [section_at_line(starts, p.line) for p in problems])


def section_starts(root: Node) -> list[tuple[int, SectionPath]]:
    """(first line, path) of each section the reader keeps, in file order.

    The reader drops a section that is not a mapping, so those take no index here.
    """
    found: list[tuple[int, SectionPath]] = []

    def walk(seq: Node | None, prefix: SectionPath, top: bool) -> None:
        if seq is None or seq.kind != "seq":
            return
        index = 0
        for item in seq.items:
            if item.kind != "map" or item.refused:
                continue
            path = (*prefix, index)
            found.append((item.line, path))
            if top:
                walk(_value(item, "sections"), path, top=False)
            index += 1

    walk(_value(root, "sections"), (), top=True)
    found.sort()
    return found


def _value(node: Node, key: str) -> Node | None:
    for name, value in node.pairs:
        if name.kind == "scalar" and name.text == key:
            return value
    return None


def section_at_line(starts: list[tuple[int, SectionPath]], line: int | None) -> SectionPath | None:
    """The innermost section whose text holds ``line`` (None before the first)."""
    if line is None:
        return None
    found: SectionPath | None = None
    for start, path in starts:
        if start > line:
            break
        found = path
    return found
