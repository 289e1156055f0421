"""Helpers for the importer tests: a brief flattened to text, and the input's content characters.

"Every character of the input is in the output" is checked as: the content
characters of the input (every non-space character except the markup the
importer turns into structure) form a subsequence of the flattened brief.

Control characters (other than line ends and tabs) and a leading byte-order
mark are not text and are not counted. The markup allowance is deliberately
generous (it may remove more than the importer consumes, never less): list
markers at the start of a line, ``#`` heading marks, table pipes and
rule/separator lines, a trailing colon, and in time-led lines the time itself,
the range words, the press words and the separators between activity and place
(times are re-written as ``HH:MM``, press phrases become a field, and the
separators are markup). Labelled lines (``Participants: ...``) are not checked
for order: below a schedule entry they fill its fields. In table rows the same
goes for each cell, and a row of schedule column titles (``Time | Activity``)
is markup when the table becomes a schedule. Lines that only name a
date are markup too: the date moves into the schedule entries.
"""

from __future__ import annotations

import re
import unicodedata

from briefbook.core.importing.schedule_tables import column_field
from briefbook.core.kinds import flat_words
from briefbook.core.model import (
    Brief,
    BulletsBlock,
    IfAskedBlock,
    ListItem,
    MemoBlock,
    NoteBlock,
    NumberedBlock,
    RecommendationsBlock,
    ScenarioBlock,
    ScheduleBlock,
    Section,
    TableBlock,
    TalkingPointsBlock,
    TextBlock,
)


def _items(items: list[ListItem]) -> list[str]:
    out: list[str] = []
    for item in items:
        out.append(item.text)
        out.extend(_items(item.items))
    return out


def _section(section: Section) -> list[str]:
    out = [section.title]
    for block in section.blocks:
        if isinstance(block, TextBlock):
            out.append(block.text)
        elif isinstance(block, BulletsBlock | NumberedBlock):
            out.extend(_items(block.items))
        elif isinstance(block, TableBlock):
            out.extend(block.columns)
            for row in block.rows:
                out.extend(row)
            out.append(block.caption)
        elif isinstance(block, ScheduleBlock):
            for e in block.entries:
                out += [
                    e.time.strftime("%H:%M") if e.time else "",
                    e.end.strftime("%H:%M") if e.end else "",
                    e.title,
                    e.place,
                    *e.participants,
                    e.press,
                    e.notes,
                ]
        elif isinstance(block, RecommendationsBlock):
            for r in block.items:
                out += [r.text, r.rationale, r.owner, r.priority]
        elif isinstance(block, NoteBlock):
            out += [block.title, block.text]
        elif isinstance(block, MemoBlock | TalkingPointsBlock | IfAskedBlock | ScenarioBlock):
            out.extend(flat_words(block))  # the forms (their labels are markup)
        else:
            raise AssertionError(f"the importer made an unexpected block: {block!r}")
    for sub in section.subsections:
        out.extend(_section(sub))
    return out


def flatten(brief: Brief) -> str:
    """The brief's text in reading order: its title, section titles, each block's texts."""
    parts: list[str] = [brief.meta.title]
    for section in brief.sections:
        parts.extend(_section(section))
    return "\n".join(p for p in parts if p)


def non_space(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def is_subsequence(needle: str, haystack: str) -> bool:
    """Whether ``needle``'s characters appear in ``haystack`` in the same order."""
    it = iter(haystack)
    return all(ch in it for ch in needle)


def first_missing(needle: str, haystack: str) -> str:
    """Where the subsequence check fails (for a readable assertion message)."""
    position = 0
    for index, ch in enumerate(needle):
        found = haystack.find(ch, position)
        if found < 0:
            return f"{needle[max(0, index - 30) : index]}[{ch}]{needle[index + 1 : index + 30]}"
        position = found + 1
    return ""


_MARKER = re.compile(
    r"^\s*(?:[-*+•–—·▪◦‣●○■□➢►➤✓✔]|\(?(?:\d{1,3}|[A-Za-z]|[ivxlc]{1,4})[.)]|[o§](?=\t))(?=[ \t])"
)
_HASHES = re.compile(r"^\s*#{1,6}(?=\s)")
_RULE_CHARS = frozenset("-=_*~#•+:| \t")
_TIME_CHARS = frozenset("0123456789:.,;hH -–—‒―~\t()|[]>")
_TIME_WORDS = frozenset(
    {
        "to",
        "until",
        "till",
        "bis",
        "à",
        "a",
        "al",
        "hrs",
        "hours",
        "hr",
        "uhr",
        "am",
        "pm",
        "h",
        "p",
        "m",
    }
)
_SEPARATORS = str.maketrans("", "", "–—-,|;:()\t")
_PRESS_WORDS = frozenset(
    {
        "press",
        "media",
        "pool",
        "open",
        "closed",
        "to",
        "the",
        "only",
        "photo",
        "op",
        "opportunity",
        "spray",
        "tbc",
        "stampa",
        "presse",
    }
)
_LABELS = re.compile(
    r"^(?:participants?|attendees|with|delegation|place|venue|location|where|press|media|"
    r"notes?|remarks|dress(?: code)?)\s*:",
    re.IGNORECASE,
)
_REC_LABELS = re.compile(
    r"\b(?:rationale|why|reason|owner|lead|responsible|priority)\s*:", re.IGNORECASE
)
_PRIORITY = re.compile(
    r"\s*[(\[][^()\[\]]{0,30}\b(?:priority|high|medium|low|urgent|critical|"
    r"normal|moderate)\b[^()\[\]]{0,30}[)\]]$",
    re.IGNORECASE,
)
_LABEL_PUNCTUATION = str.maketrans("", "", "(),;–—-")
_DATE_WORDS = re.compile(
    r"^(?:[\W\d_]|st\b|nd\b|rd\b|th\b|day\b|the\b|of\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"janv|févr|fevr|avr|juin|juil|aoû|aou|déc|gen|mag|giu|lug|ago|set|ott|dic|jän|mär|okt|dez|"
    r"ene|abr|lun|mer|jeu|ven|sam|dim|gio|sab|dom|mai|dia|día|jour|tag|giorno|le|il|der|den|"
    r"de|del|el|er|e|º|°)\w*)+$",
    re.IGNORECASE,
)


def _strip_time(line: str) -> str:
    """Remove a leading time or time range, its separators and the press words after it."""
    i = 0
    while i < len(line):
        word_end = i
        while word_end < len(line) and line[word_end].isalpha():
            word_end += 1
        if word_end > i and line[i:word_end].lower() in _TIME_WORDS:
            i = word_end
            continue
        if line[i] in _TIME_CHARS:
            i += 1
            continue
        break
    rest = line[i:]
    words = re.split(r"(\W+)", rest)
    return "".join(w for w in words if w.lower() not in _PRESS_WORDS).translate(_SEPARATORS)


_CELL_SPLIT = re.compile(r"\s*\|\s*|\t|\s{2,}")


def _is_date(text: str) -> bool:
    return len(text) <= 60 and any(ch.isdigit() for ch in text) and bool(_DATE_WORDS.match(text))


def _cell_content(cell: str) -> str:
    """A table cell as kept: in an agenda table, dates, times and press words are fields."""
    if _is_date(cell):
        return ""
    if cell[:1].isdigit():
        return _strip_time(cell)
    return "".join(w for w in re.split(r"(\W+)", cell) if w.lower() not in _PRESS_WORDS)


def content(text: str) -> str:
    """The input's non-space characters that the importer must keep (see the module doc)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    for separator in "\r\x0b\x0c\u2028\u2029":  # line separators, as the importer reads them
        text = text.replace(separator, "\n")
    text = "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch) != "Cc")
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.replace("\\|", "")  # an escaped pipe: the importer keeps "|" alone
        for _ in range(3):  # "1. • 9:30", "- * a) x": marks of nested lists on one line
            line = _MARKER.sub("", line, count=1)
        hashed = _HASHES.sub("", line, count=1)
        if hashed != line:
            line = hashed.rstrip().rstrip("#")  # "## Title ##": the closing hashes are markup
        if _REC_LABELS.search(line):  # "Do X (Owner: Y)": the labels name fields
            line = _REC_LABELS.sub("", line).translate(_LABEL_PUNCTUATION)
        line = _PRIORITY.sub("", line.rstrip())  # "(high priority)" becomes a field
        stripped = line.strip()
        if not stripped or all(ch in _RULE_CHARS for ch in stripped):
            continue
        if _is_date(stripped):
            continue
        cells = [c.strip() for c in _CELL_SPLIT.split(stripped) if c.strip()]
        if len(cells) > 1 and all(column_field(c) for c in cells):
            continue  # "Time | Activity | Venue": the titles of a table read as a schedule
        if stripped[:1].isdigit():
            line = _strip_time(stripped)
        elif len(cells) > 1 and ("|" in stripped or "\t" in stripped):
            line = " ".join(_cell_content(c) for c in cells)  # a table row
        if _LABELS.match(line.strip()):
            continue  # "Participants: ..." below an entry: its fields keep no order among them
        line = line.replace("\\|", "|").replace("|", "")
        line = line.rstrip().rstrip(":")
        out.append(non_space(line))
    return "".join(out)
