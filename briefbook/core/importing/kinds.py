"""Section kinds read from headings: "Key points", "Recommendations", "Programme"...

A heading that names a kind of briefing-book section gives the section's
content the matching block kind where it fits: recommendations become a
``recommendations`` block, key points become bullets, and a single time-led
line under "Programme" is already a schedule.
"""

from __future__ import annotations

import re
from typing import Literal

from briefbook.core.kinds.lists import item_texts
from briefbook.core.model import (
    Block,
    BulletsBlock,
    ListItem,
    NumberedBlock,
    Priority,
    Recommendation,
    RecommendationsBlock,
    Section,
    TableBlock,
    TextBlock,
)

Kind = Literal["recommendations", "points", "schedule"]

_KIND_WORDS: dict[str, Kind] = {
    "recommendation": "recommendations",
    "recommendations": "recommendations",
    "recommended": "recommendations",
    "recommend": "recommendations",
    "raccomandazioni": "recommendations",
    "recommandations": "recommendations",
    "empfehlungen": "recommendations",
    "recomendaciones": "recommendations",
    "schedule": "schedule",
    "programme": "schedule",
    "program": "schedule",
    "agenda": "schedule",
    "itinerary": "schedule",
    "timetable": "schedule",
    "programma": "schedule",
    "ordine": "schedule",
    "timeline": "schedule",
    "points": "points",
    "messages": "points",
    "lines": "points",
    "takeaways": "points",
    "highlights": "points",
}
_POINT_QUALIFIERS = frozenset(
    {
        "key",
        "talking",
        "main",
        "press",
        "defensive",
        "points",
        "lines",
        "messages",
        "to",
        "make",
        "takeaways",
        "highlights",
        "core",
        "speaking",
        "our",
    }
)
_FILLER = frozenset(
    {
        "the",
        "and",
        "of",
        "for",
        "our",
        "expert",
        "experts",
        "s",
        "policy",
        "main",
        "key",
        "proposed",
        "visit",
        "day",
        "detailed",
        "draft",
        "final",
        "official",
    }
)
#: A heading longer than this many words is a headline, not the name of a section kind.
_MAX_KIND_WORDS = 4

_PRIORITIES: dict[str, Priority] = {
    "high": "high",
    "medium": "medium",
    "low": "low",
    "urgent": "high",
    "critical": "high",
    "normal": "medium",
    "moderate": "medium",
    "alta": "high",
    "media": "medium",
    "bassa": "low",
}
_TEXT_COLUMNS = ("recommendation", "recommended action", "action", "recommendations", "measure")
_RATIONALE_COLUMNS = ("rationale", "reason", "why", "justification", "because", "background")
_OWNER_COLUMNS = ("owner", "lead", "responsible", "who", "by", "assigned to")


_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    """The lower-case words of (the start of) ``text``."""
    return _WORD.findall(text[:200].lower())


def section_kind(title: str) -> Kind | None:
    """The kind a heading names (``Expert recommendations`` → recommendations), or None."""
    words = _words(title)
    if not words or len(words) > _MAX_KIND_WORDS:
        return None
    kinds = [_KIND_WORDS[w] for w in words if w in _KIND_WORDS]
    if not kinds:
        return None
    kind = kinds[0]
    others = [w for w in words if w not in _KIND_WORDS and w not in _FILLER]
    if kind == "points":
        return "points" if all(w in _POINT_QUALIFIERS for w in words) else None
    return kind if len(others) <= 1 else None


def apply_kind(section: Section) -> None:
    """Give the section's blocks the kind its title names, where they fit."""
    kind = section_kind(section.title)
    if kind == "recommendations":
        section.blocks = [_as_recommendations(block) for block in section.blocks]
    elif kind == "points":
        section.blocks = [_as_points(block) for block in section.blocks]


# --- recommendations ------------------------------------------------------------


def _as_recommendations(block: Block) -> Block:
    if isinstance(block, BulletsBlock | NumberedBlock):
        return RecommendationsBlock(items=[_recommendation(item) for item in block.items])
    if isinstance(block, TableBlock):
        converted = _table_recommendations(block)
        return converted if converted is not None else block
    return block


def _recommendation(item: ListItem) -> Recommendation:
    rec = Recommendation()
    rationale: list[str] = []
    _take_labelled(item.text, rec, rationale, first=True)
    for text in item_texts(item.items):
        _take_labelled(text, rec, rationale, first=False)
    rec.text = rec.text.strip()
    rec.rationale = " ".join(part for part in rationale if part).strip()
    if not rec.text:
        rec.text = rec.rationale or item.text
        if rec.text == rec.rationale:
            rec.rationale = ""
    return rec


def _take_labelled(text: str, rec: Recommendation, rationale: list[str], first: bool) -> None:
    """Split ``Do X. Rationale: Y. Owner: Z. Priority: high`` into the record's fields."""
    parts = _split_labels(text)
    for label, value in parts:
        if label is None:
            if first and not rec.text:
                body, priority = _trailing_priority(value)
                rec.text = body
                if priority and not rec.priority:
                    rec.priority = priority
            else:
                rationale.append(value)
        elif label == "owner" and not rec.owner:
            rec.owner = value
        elif label == "priority" and value.lower().strip(" .") in _PRIORITIES and not rec.priority:
            rec.priority = _PRIORITIES[value.lower().strip(" .")]
        elif label == "rationale":
            rationale.append(value)
        else:
            rationale.append(f"{label.capitalize()}: {value}")


_LABEL_NAMES = {
    "rationale": "rationale",
    "why": "rationale",
    "reason": "rationale",
    "owner": "owner",
    "lead": "owner",
    "responsible": "owner",
    "priority": "priority",
}


def _split_labels(text: str) -> list[tuple[str | None, str]]:
    """``A. Owner: B. Priority: high`` → [(None, "A."), ("owner", "B."), ("priority", "high")]."""
    out: list[tuple[str | None, str]] = []
    label: str | None = None
    start = 0
    i = 0
    lower = text.lower()
    while i < len(text):
        colon = text.find(":", i)
        if colon < 0:
            break
        k = colon - 1
        while k >= 0 and lower[k].isalpha():
            k -= 1
        word = lower[k + 1 : colon]
        boundary = k < 0 or text[k] in " \t(;,.–—-"
        if word in _LABEL_NAMES and boundary and colon - start >= 0:
            chunk = text[start : k + 1].strip(" ;,(–—-")
            if chunk or label is not None:
                out.append((label, chunk))
            label = _LABEL_NAMES[word]
            start = colon + 1
        i = colon + 1
    if label is None:
        return [(None, text.strip())]  # no labels: the text as written
    tail = text[start:].strip(" ;,")
    if label is not None and tail.endswith(")") and "(" not in tail:
        tail = tail[:-1].rstrip()
    if tail or label is not None:
        out.append((label, tail))
    return out or [(None, text)]


def _trailing_priority(text: str) -> tuple[str, Priority]:
    """``Expand exercises (high priority)`` → ("Expand exercises", "high")."""
    stripped = text.rstrip()
    for opener, closer in (("(", ")"), ("[", "]")):
        if stripped.endswith(closer) and opener in stripped:
            head, _, inner = stripped[:-1].rpartition(opener)
            words = _words(inner)
            found = [w for w in words if w in _PRIORITIES]
            if found and len(words) <= 2 and set(words) <= {*_PRIORITIES, "priority"}:
                return head.rstrip(" ,–-"), _PRIORITIES[found[0]]
    return text, ""


def _column(columns: list[str], names: tuple[str, ...]) -> int | None:
    for index, name in enumerate(columns):
        if name.strip().lower().strip("*:") in names:
            return index
    return None


def _table_recommendations(table: TableBlock) -> RecommendationsBlock | None:
    """A table with a Recommendation column (and maybe Rationale, Owner, Priority)."""
    columns = table.columns
    text_col = _column(columns, _TEXT_COLUMNS)
    if text_col is None:
        return None
    rationale_col = _column(columns, _RATIONALE_COLUMNS)
    owner_col = _column(columns, _OWNER_COLUMNS)
    priority_col = _column(columns, ("priority", "urgency", "importance"))
    items: list[Recommendation] = []
    for row in table.rows:
        cells = row + [""] * (len(columns) - len(row))
        rec = Recommendation(text=cells[text_col])
        extra: list[str] = []
        for index, cell in enumerate(cells):
            if index == text_col or not cell:
                continue
            if index == rationale_col:
                extra.insert(0, cell)
            elif index == owner_col:
                rec.owner = cell
            elif index == priority_col and cell.lower().strip(" .") in _PRIORITIES:
                rec.priority = _PRIORITIES[cell.lower().strip(" .")]
            else:
                name = columns[index] if index < len(columns) and columns[index] else ""
                extra.append(f"{name}: {cell}" if name else cell)
        rec.rationale = " ".join(extra)
        if not rec.text:
            rec.text, rec.rationale = rec.rationale, ""
        items.append(rec)
    return RecommendationsBlock(items=items)


# --- key points -----------------------------------------------------------------


def _as_points(block: Block) -> Block:
    """Several short paragraphs under "Key points" read as bullets."""
    if not isinstance(block, TextBlock):
        return block
    paragraphs = [p.strip() for p in block.text.split("\n\n") if p.strip()]
    if len(paragraphs) < 2 or any(len(p) > 500 for p in paragraphs):
        return block
    return BulletsBlock(items=[ListItem(text=p) for p in paragraphs])
