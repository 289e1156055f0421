"""The forms briefing papers use, recognised in imported material: a memo's header
("FROM: / TO: / SUBJECT:"), points to make, if-asked (defensive) lines, and a
scenario's steps ("Arrival (5 mins) (OPEN PRESS)").

Runs on a section's blocks once the section is assembled; what it does not
recognise stays as it was.
"""

from __future__ import annotations

import re

from briefbook.core.kinds.scenario import STEP_PRESS, parse_start
from briefbook.core.model import (
    Block,
    BulletsBlock,
    IfAsked,
    IfAskedBlock,
    ListItem,
    MemoBlock,
    NumberedBlock,
    ScenarioBlock,
    Section,
    Step,
    TalkingPointsBlock,
    TextBlock,
)

# --- the memo header ---------------------------------------------------------------

#: A header line's label -> the memo's attribute.
_MEMO_LABELS: dict[str, str] = {
    "to": "to",
    "memorandum for": "to",
    "for": "to",
    "from": "sender",
    "through": "through",
    "thru": "through",
    "via": "through",
    "subject": "subject",
    "subj": "subject",
    "re": "subject",
    "date": "date",
    "time": "time",
    "location": "location",
    "place": "location",
    "venue": "location",
    "attendees": "attendees",
    "participants": "attendees",
}
#: "FROM: X", and as Markdown and Word bring it, "**From:** X", "**From**: X".
_MEMO_LINE = re.compile(
    r"^\s*(?:\*\*|__)?("
    + "|".join(sorted(_MEMO_LABELS, key=len, reverse=True))
    + r")(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$",
    re.IGNORECASE,
)
#: A header names at least one of these (a lone "Date:" line is not a memo).
_MEMO_KEYS = frozenset({"to", "sender", "subject"})


_LABEL_WORDS = "|".join(sorted(_MEMO_LABELS, key=len, reverse=True))
#: Where a header line starts inside a paragraph whose lines were joined (Markdown):
#: before a bold label, or a label in capitals.
_JOINED = re.compile(
    r"\s+(?=(?:\*\*|__)(?i:"
    + _LABEL_WORDS
    + r")(?:\*\*|__)?\s*:|(?:"
    + _LABEL_WORDS.upper()
    + r")\s*:)"
)


def _memo(text: str) -> tuple[MemoBlock, str] | None:
    """A memo header at the start of a text block, and the text after it; None when the
    text does not open with at least two header lines, one of them To, From or Subject."""
    first, _, rest = text.partition("\n\n")
    if _MEMO_LINE.match(first):
        text = "\n".join(_JOINED.split(first)) + ("\n\n" + rest if rest else "")
    lines = text.split("\n")
    memo = MemoBlock()
    seen: set[str] = set()
    used = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        found = _MEMO_LINE.match(line)
        if found is None or not found.group(2):
            break
        attr = _MEMO_LABELS[found.group(1).lower()]
        if attr in seen:
            break
        seen.add(attr)
        value = found.group(2)
        if attr == "attendees":
            memo.attendees = [p.strip() for p in re.split(r"[;]|,(?![^()]*\))", value) if p.strip()]
        else:
            setattr(memo, attr, value)
        used = index + 1
    if len(seen) < 2 or not seen & _MEMO_KEYS:
        return None
    return memo, "\n".join(lines[used:]).strip()


# --- if-asked lines ------------------------------------------------------------------

_ASKED = re.compile(
    r"^\s*(?:if\s+(?:asked|pressed)|defensive(?:\s+lines?)?)\b\s*(?:about\b)?"
    r"\s*[:,–—-]?\s*",
    re.IGNORECASE,
)
#: A lead-in that opens a run of defensive lines: "Defensive lines:", "If asked:".
_ASKED_HEAD = re.compile(
    r"^\s*(?:if\s+asked|defensive(?:\s+lines?)?|defensives)\s*:?\s*$", re.IGNORECASE
)


def _asked(text: str, led: bool = False) -> IfAsked | None:
    """One defensive line: "If asked about X: Y", "If asked: Q? Y", "Defensive: Q? Y";
    with ``led`` (under a "Defensive lines:" lead-in) also a bare "Q? Y" or "X: Y". A
    line that names no question (no colon, no question mark) is prose, not one."""
    found = _ASKED.match(text)
    if found is not None:
        rest = text[found.end() :]
    elif led:
        rest = text
    else:
        return None
    rest = " ".join(rest.split())
    for separator in ("?", ":", " – ", " — "):
        at = rest.find(separator)
        if at > 0 and (separator in "?:" or led):
            keep = separator if separator == "?" else ""
            question, answer = rest[:at] + keep, rest[at + len(separator) :].strip()
            return IfAsked(question.strip(), answer)
    return IfAsked(rest, "") if rest and led else None


def _if_asked_items(items: list[ListItem], led: bool) -> IfAskedBlock | None:
    lines = [_asked(item.text, led) for item in items]
    if not items or any(line is None for line in lines):
        return None
    block = IfAskedBlock([line for line in lines if line is not None])
    for line, item in zip(block.items, items, strict=True):
        extra = " ".join(sub.text for sub in item.items)
        if extra:
            line.answer = f"{line.answer} {extra}".strip()
    return block


def _paragraph_forms(text: str) -> list[Block]:
    """A text block's paragraphs, runs of defensive lines cut out as if-asked blocks and
    runs of step lines (two or more, each with its minutes) as scenarios."""
    found: list[Block] = []
    plain: list[str] = []
    lines: list[IfAsked] = []
    steps: list[str] = []  # the step lines of the run being gathered
    step_paragraphs: list[str] = []  # and the paragraphs they came from

    def flush_lines() -> None:
        if lines:
            found.append(IfAskedBlock(list(lines)))
            lines.clear()

    def flush_plain() -> None:
        if plain:
            found.append(TextBlock("\n\n".join(plain)))
            plain.clear()

    def flush_steps() -> None:
        scenario = (
            _scenario(NumberedBlock([ListItem(line) for line in steps]), False)
            if len(steps) >= 2
            else None
        )
        if scenario is not None:
            flush_plain()
            found.append(scenario)
        else:
            plain.extend(step_paragraphs)
        steps.clear()
        step_paragraphs.clear()

    head = ""  # a "Defensive lines:" lead-in, dropped once lines follow it
    for paragraph in text.split("\n\n"):
        parts = [p for p in paragraph.split("\n") if p.strip()]
        if parts and all(_MINUTES.search(p) for p in parts):
            flush_lines()
            steps.extend(parts)
            step_paragraphs.append(paragraph)
            continue
        flush_steps()
        if len(parts) == 1 and _ASKED_HEAD.match(parts[0]):
            if head:
                plain.append(head)
            head = paragraph
            continue
        asked = [_asked(p, bool(head)) for p in parts]
        if parts and all(line is not None for line in asked):
            flush_plain()
            lines.extend(line for line in asked if line is not None)
        else:
            flush_lines()
            if head:
                plain.append(head)
            plain.append(paragraph)
        head = ""
    flush_steps()
    flush_lines()
    if head:
        plain.append(head)
    flush_plain()
    return found


# --- scenario steps ------------------------------------------------------------------

_MINUTES = re.compile(r"[(\[]\s*(\d{1,3})\s*(?:m|mins?|minutes?)\.?\s*[)\]]", re.IGNORECASE)
_PRESS = re.compile(
    r"[(\[]\s*(open\s+press|closed\s+press|press\s+open|closed(?:\s+to\s+"
    r"press)?|press\s+pool|pool(?:\s+spray)?|photo[\s-]*spray|photo\s+op)"
    r"\s*[)\]]",
    re.IGNORECASE,
)
#: A press status in capitals closing a step's line without brackets: "… OPEN PRESS".
_BARE_PRESS = re.compile(
    r"[\s,;–—-]+(OPEN PRESS|CLOSED PRESS|PRESS POOL|POOL SPRAY|POOL|"
    r"PHOTO SPRAY|CLOSED)\s*$"
)
_LEAD = re.compile(r"[(\[]\s*lead\s*:\s*([^()\[\]]+?)\s*[)\]]|\blead\s*:\s*(.+)$", re.IGNORECASE)
_STEP_TIME = re.compile(r"^\s*(\d{1,2}[:.h]?\d{2})\s*(?:hrs?\b|[-–—:]\s*)?\s*")


def _press_of(phrase: str) -> str:
    words = " ".join(phrase.lower().replace("-", " ").split())
    if "photo" in words:
        return "photo spray"
    if "pool" in words:
        return "pool"
    if "closed" in words:
        return "closed"
    return "open"


def _step(item: ListItem) -> tuple[Step, str]:
    """A step from a list item, and the start time it was led by ("" if none)."""
    text = item.text
    step = Step()
    found = _MINUTES.search(text)
    if found:
        step.duration = int(found.group(1))
        text = text[: found.start()] + text[found.end() :]
    for press in _PRESS.finditer(text):
        value = _press_of(press.group(1))
        if value in STEP_PRESS and value not in step.press:
            step.press.append(value)
    text = _PRESS.sub("", text)
    bare = _BARE_PRESS.search(text.rstrip())
    if bare:
        value = _press_of(bare.group(1))
        if value not in step.press:
            step.press.append(value)
        text = text.rstrip()[: bare.start()]
    lead = _LEAD.search(text)
    if lead:
        step.lead = (lead.group(1) or lead.group(2)).strip(" .;,")
        text = text[: lead.start()] + text[lead.end() :]
    start = ""
    timed = _STEP_TIME.match(text)
    if timed:
        start, text = timed.group(1), text[timed.end() :]
    step.title = " ".join(text.split()).strip(" –—-:;,")
    step.points = [ListItem(sub.text, sub.items, sub.marking) for sub in item.items]
    return step, start


def _marked(text: str) -> bool:
    """Whether a line carries a step's minutes or press status."""
    return bool(_MINUTES.search(text) or _PRESS.search(text) or _BARE_PRESS.search(text))


def _scenario(block: BulletsBlock | NumberedBlock, titled: bool) -> ScenarioBlock | None:
    """Steps from a list of two or more items, most of them with their minutes (under a
    "Scenario" heading, any list with a step's minutes or press status)."""
    timed = sum(1 for item in block.items if _MINUTES.search(item.text))
    marked = sum(1 for item in block.items if _marked(item.text))
    if len(block.items) < 2 or (timed * 2 < len(block.items) and not (titled and marked)):
        return None
    scenario = ScenarioBlock()
    for item in block.items:
        step, start = _step(item)
        if not step.title:
            return None
        if start and scenario.time is None and not scenario.steps:
            try:
                scenario.time = parse_start(start)
            except ValueError:
                return None
        scenario.steps.append(step)
    return scenario


# --- the section ---------------------------------------------------------------------

#: What names points to make ("Talking points" and "Key points" stay bullet lists, as the
#: pocket card picks those sections up by their titles anyway).
_POINTS_HEAD = re.compile(
    r"^\s*(?:points\s+to\s+make|lines\s+to\s+take|arguments\s+to\s+use)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)


def _title_says(title: str, pattern: re.Pattern[str]) -> bool:
    return bool(pattern.match(title.strip().rstrip(":")))


def form_blocks(section: Section) -> list[Block]:
    """The section's blocks with the forms recognised in them."""
    points_section = _title_says(section.title, _POINTS_HEAD)
    asked_section = _title_says(section.title, _ASKED_HEAD)
    scenario_section = "scenario" in section.title.lower()
    out: list[Block] = []
    #: "points" or "asked" when the text block before ended with such a lead-in, and its words.
    lead_in, lead_words = "", ""
    for block in section.blocks:
        if isinstance(block, TextBlock):
            lead_in = ""
            memo = _memo(block.text) if not out else None
            text = block.text
            if memo is not None:
                out.append(memo[0])
                text = memo[1]
            paragraphs = text.split("\n\n")
            last = paragraphs[-1].strip() if paragraphs else ""
            if _POINTS_HEAD.match(last) or _ASKED_HEAD.match(last):
                lead_in = "points" if _POINTS_HEAD.match(last) else "asked"
                lead_words = last
                text = "\n\n".join(paragraphs[:-1])
            if text.strip():
                out.extend(_paragraph_forms(text))
            continue
        if isinstance(block, BulletsBlock | NumberedBlock):
            asked = _if_asked_items(block.items, led=lead_in == "asked" or asked_section)
            scenario = _scenario(block, scenario_section)
            if asked is not None:
                out.append(asked)
            elif scenario is not None:
                out.append(scenario)
            elif lead_in == "points" or points_section:
                out.append(TalkingPointsBlock(block.items))
            else:
                if lead_in:
                    out.append(TextBlock(lead_words))
                out.append(block)
            lead_in = ""
            continue
        if lead_in:
            out.append(TextBlock(lead_words))
            lead_in = ""
        out.append(block)
    if lead_in:
        out.append(TextBlock(lead_words))
    return out
