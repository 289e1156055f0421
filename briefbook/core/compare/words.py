"""Word-level differences between two texts, shown compactly.

``word_diff("the talks centre on trade", "the talks focus on trade")`` gives the
unchanged words around each change (a few on either side), the removed words
and the added ones; longer unchanged stretches become a gap (``…``). The
result is plain data: the command line writes it as ``[-old-]{+new+}``, the
PDF strikes out and highlights.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from briefbook.core.text import clip, one_line

SegmentKind = Literal["same", "removed", "added", "gap"]

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
#: Longer stretches of changed words are not compared word by word (that is quadratic).
MAX_TOKENS = 4000


@dataclass(frozen=True)
class Segment:
    """A run of text that is unchanged, removed, added, or a gap standing for unchanged text."""

    kind: SegmentKind
    text: str


def similarity(old: str, new: str, floor: float = 0.0) -> float:
    """How alike two texts are, word by word (0 to 1). Below ``floor`` the answer
    may be any value under it (cheap upper bounds are checked first). Very long
    texts are compared by their common beginning and end only."""
    a, b = old.split(), new.split()
    if not a and not b:
        return 1.0
    if len(a) + len(b) > 2 * MAX_TOKENS:
        head, tail = _common_ends(a, b)
        return 2 * (head + tail) / (len(a) + len(b))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
        return 0.0
    return matcher.ratio()


def _common_ends(a: list[str], b: list[str]) -> tuple[int, int]:
    """How many items ``a`` and ``b`` share at the start, and then at the end."""
    head = 0
    limit = min(len(a), len(b))
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """``SequenceMatcher`` opcodes, computed on what lies between the common start and
    end (so a small edit in a long text is cheap); a long middle is one replacement."""
    head, tail = _common_ends(a, b)
    a_end, b_end = len(a) - tail, len(b) - tail
    found: list[tuple[str, int, int, int, int]] = []
    if head:
        found.append(("equal", 0, head, 0, head))
    if a_end - head <= MAX_TOKENS and b_end - head <= MAX_TOKENS:
        matcher = difflib.SequenceMatcher(None, a[head:a_end], b[head:b_end], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            found.append((tag, i1 + head, i2 + head, j1 + head, j2 + head))
    elif a_end > head or b_end > head:
        found.append(("replace", head, a_end, head, b_end))
    if tail:
        found.append(("equal", a_end, len(a), b_end, len(b)))
    return [op for op in found if op[2] > op[1] or op[4] > op[3]]


def word_diff(old: str, new: str, context: int = 4, max_chars: int = 120) -> tuple[Segment, ...]:
    """The compact difference between ``old`` and ``new`` (both taken on one line).

    ``context`` unchanged words are kept on each side of a change; removed and
    added runs longer than ``max_chars`` are clipped.
    """
    a = _TOKEN.findall(one_line(old))
    b = _TOKEN.findall(one_line(new))
    opcodes = _opcodes(a, b)
    segments: list[Segment] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            segments.extend(
                _context(a[i1:i2], context, first=index == 0, last=index == len(opcodes) - 1)
            )
            continue
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        lead = _common_space(removed, added, str.lstrip)
        trail = _common_space(removed, added, str.rstrip)
        segments.append(Segment("same", lead))
        if removed.strip():
            segments.append(Segment("removed", clip(removed, max_chars)))
        if added.strip():
            segments.append(Segment("added", clip(added, max_chars)))
        segments.append(Segment("same", trail))
    return tuple(_merge(segments))


def _common_space(removed: str, added: str, strip: Callable[[str], str]) -> str:
    """The white space at one end of a change, kept as unchanged text (one space at most)."""
    texts = [text for text in (removed, added) if text.strip()] or [removed + added]
    return " " if max(len(text) - len(strip(text)) for text in texts) else ""


def _context(tokens: list[str], context: int, first: bool, last: bool) -> list[Segment]:
    """An unchanged stretch: whole when short, else its ends around a gap."""
    words = [i for i, token in enumerate(tokens) if not token.isspace()]
    keep_head = 0 if first else context
    keep_tail = 0 if last else context
    if len(words) <= keep_head + keep_tail + 2:
        return [Segment("same", "".join(tokens))]
    found: list[Segment] = []
    if keep_head:
        end = words[keep_head - 1] + 1
        found.append(Segment("same", "".join(tokens[:end]) + " "))
    found.append(Segment("gap", "…"))
    if keep_tail:
        start = words[-keep_tail]
        found.append(Segment("same", " " + "".join(tokens[start:])))
    return found


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbouring runs of a kind, and changes separated only by a space."""
    merged: list[Segment] = []
    for segment in _join_changes([s for s in segments if s.text]):
        if not segment.text:
            continue
        if merged and merged[-1].kind == segment.kind and segment.kind != "gap":
            merged[-1] = Segment(segment.kind, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged


def _join_changes(segments: list[Segment]) -> list[Segment]:
    """``[-a-]{+x+} [-b-]{+y+}`` reads better as ``[-a b-]{+x y+}``."""
    out: list[Segment] = []
    i = 0
    while i < len(segments):
        segment = segments[i]
        is_space = segment.kind == "same" and not segment.text.strip()
        if (
            is_space
            and out
            and out[-1].kind in ("removed", "added")
            and i + 1 < len(segments)
            and segments[i + 1].kind in ("removed", "added")
        ):
            group_start = len(out)
            while group_start > 0 and out[group_start - 1].kind in ("removed", "added"):
                group_start -= 1
            before = out[group_start:]
            after: list[Segment] = []
            i += 1
            while i < len(segments) and segments[i].kind in ("removed", "added"):
                after.append(segments[i])
                i += 1
            del out[group_start:]
            for kind in ("removed", "added"):
                parts = [s.text for s in before if s.kind == kind]
                parts += [s.text for s in after if s.kind == kind]
                if parts:
                    out.append(Segment(kind, " ".join(parts)))
            continue
        out.append(segment)
        i += 1
    return out


def as_text(segments: tuple[Segment, ...]) -> str:
    """Segments in the ``[-removed-]{+added+}`` notation of ``git diff --word-diff``."""
    out: list[str] = []
    for segment in segments:
        if segment.kind == "removed":
            out.append(f"[-{segment.text}-]")
        elif segment.kind == "added":
            out.append(f"{{+{segment.text}+}}")
        else:
            out.append(segment.text)
    return "".join(out).strip()
