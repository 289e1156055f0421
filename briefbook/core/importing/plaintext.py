"""Plain text, read with hand-written line rules (no parser applies to it).

What the rules recognise, in the order they are tried at the start of a block:
schedules (time-led lines under dates), pipe tables, tab-separated tables,
space-aligned tables, bullet and numbered lists nested by indentation,
Markdown ``#`` headings, underlined headings, short lines without final
punctuation standing above a paragraph or a list (headings), and paragraphs
joined across hard-wrapped lines. Anything else is a paragraph: no line is
dropped except rules (``-----``) and table separator rows, which are markup.

Each line is looked at a bounded number of times, so the time is linear in the
size of the text.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from briefbook.core.importing.kinds import section_kind
from briefbook.core.importing.line_shapes import (
    MAX_HEADING_CHARS,
    ends_sentence,
    ends_terminal,
    hash_heading,
    heading_shape,
    is_rule,
)
from briefbook.core.importing.listmarkers import (
    WORD_LEVEL_BULLETS,
    ListBuilder,
    Marker,
    leading_columns,
    parse_marker,
)
from briefbook.core.importing.schedule import (
    ScheduleContext,
    SourceLine,
    date_line,
    find_schedule,
    time_led,
)
from briefbook.core.importing.structure import Element, Heading
from briefbook.core.importing.tables import (
    find_pipe_table,
    find_space_table,
    find_tab_table,
    is_separator_row,
)
from briefbook.core.model import Block, BulletsBlock, NumberedBlock, TextBlock

#: How many paragraph lines the wrap-width guess looks at.
_WRAP_SAMPLE = 5000


def normalize_newlines(text: str) -> str:
    """Windows and old Mac line ends as ``\\n``; a leading byte-order mark removed."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n\n")
        .replace("\x0c", "\n")
        .replace("\x0b", "\n")
    )


def parse_plain_text(text: str) -> list[Element]:
    """The headings and blocks of plain text, in order."""
    return _Parser(normalize_newlines(text)).run()


def _wrap_width(lines: list[str]) -> int | None:
    """The width text was hard-wrapped at, when most inner lines of paragraphs fill it."""
    inner: list[int] = []
    for a, b in pairwise(lines):
        if a.strip() and b.strip() and parse_marker(b) is None and "|" not in a:
            inner.append(len(a.rstrip()))
            if len(inner) >= _WRAP_SAMPLE:
                break
    if len(inner) < 4:
        return None
    inner.sort()
    width = inner[int(len(inner) * 0.9)]
    if not 30 <= width <= 120:
        return None
    full = sum(1 for n in inner if n >= width * 0.75)
    return width if full >= len(inner) * 0.7 else None


class _Parser:
    """One pass over the lines; ``run`` returns the element stream."""

    def __init__(self, text: str) -> None:
        self.raw = [line.rstrip() for line in text.split("\n")]
        self.src = [SourceLine(line.strip(), leading_columns(line)[0]) for line in self.raw]
        self.n = len(self.raw)
        self.wrap = _wrap_width(self.raw)
        self.out: list[Element] = []
        self.context = ScheduleContext()
        # How far runs already read found no schedule / no space table: never read twice.
        self.no_schedule_before = 0
        self.no_space_table_before = 0
        self.year = self._first_year()

    def _first_year(self) -> int | None:
        for line in self.src[:2000]:
            if len(line.text) <= 60 and (found := date_line(line.text)) and found.year:
                return found.year
        return None

    # --- the main loop ----------------------------------------------------

    def run(self) -> list[Element]:
        i = 0
        while i < self.n:
            i = self._block_at(i)
        return self.out

    def _block_at(self, i: int) -> int:
        text = self.src[i].text
        if not text:
            return i + 1
        if is_rule(text):
            return i + 1
        found = self._structured_block(i)
        if found is not None:
            block, end = found
            self.out.append(block)
            return end
        marker = parse_marker(self.raw[i])
        if marker is not None and not self._numbered_heading(i, marker):
            return self._list(i, marker)
        hashed = hash_heading(text)
        if hashed is not None:
            self._heading(*hashed)
            return i + 1
        if self._underlined_heading(i):
            self._heading(text, 1 if self.src[i + 1].text.lstrip()[0] == "=" else 2)
            return i + 2
        if self._is_heading(i):
            title = text[:-1].rstrip() if text.endswith(":") else text
            self._heading(title, 1)
            return i + 1
        return self._paragraph(i)

    def _heading(self, text: str, level: int) -> None:
        self.out.append(Heading(text=text, level=level))
        found = date_line(text)
        date = found.resolve(self.year) if found else None
        agenda = section_kind(text) == "schedule" or date is not None
        self.context = ScheduleContext(agenda=agenda, date=date, year=self.year)
        if agenda:
            self.no_schedule_before = 0  # what failed without the heading may be a schedule now

    def _structured_block(self, i: int) -> tuple[Block, int] | None:
        """A schedule or a table starting at line ``i``."""
        text = self.src[i].text
        if i >= self.no_schedule_before and (
            time_led(text) is not None or (len(text) <= 60 and date_line(text) is not None)
        ):
            block, end = find_schedule(self.src, i, self.context)
            if block is not None:
                return block, end
            self.no_schedule_before = end
        if "|" in text or is_separator_row(text):
            table = find_pipe_table(self.raw, i)
            if table is not None:
                return table
        if "\t" in self.raw[i].strip() and parse_marker(self.raw[i]) is None:
            table = find_tab_table(self.raw, i)
            if table is not None:
                return table
        if "  " in text and i >= self.no_space_table_before and parse_marker(self.raw[i]) is None:
            table = find_space_table(self.raw, i)
            if table is not None:
                return table
            self.no_space_table_before = self._gap_run_end(i)
        return None

    def _gap_run_end(self, i: int) -> int:
        j = i
        while j < self.n and "  " in self.src[j].text:
            j += 1
        return max(j, i + 1)

    def _starts_block(self, j: int) -> bool:
        """Whether line ``j`` cannot continue a paragraph: a list, table, schedule, heading..."""
        text = self.src[j].text
        if not text or is_rule(text) or hash_heading(text) is not None:
            return True
        marker = parse_marker(self.raw[j])
        if marker is not None:
            if marker.kind == "bullet" or marker.style == "decimal":
                return True
            # "a)" or "ii." start a list after a colon, or when another item follows.
            after_colon = j > 0 and self.src[j - 1].text.endswith(":")
            if after_colon or (j + 1 < self.n and parse_marker(self.raw[j + 1]) is not None):
                return True
        return self._structured_block_peek(j)

    def _structured_block_peek(self, j: int) -> bool:
        text = self.src[j].text
        quick = (
            "|" in text
            or "\t" in self.raw[j].strip()
            or ("  " in text and j >= self.no_space_table_before)
            or (
                j >= self.no_schedule_before
                and (
                    time_led(text) is not None or (len(text) <= 60 and date_line(text) is not None)
                )
            )
        )
        if not quick:
            return False
        return self._structured_block(j) is not None

    # --- headings -----------------------------------------------------------

    def _next_nonblank(self, i: int) -> int | None:
        limit = min(self.n, i + 50)
        while i < limit:
            if self.src[i].text:
                return i
            i += 1
        return None

    def _underlined_heading(self, i: int) -> bool:
        """``Title`` over ``=====`` or ``-----``."""
        if i + 1 >= self.n:
            return False
        under = self.src[i + 1].text
        if not under or not is_rule(under) or under[0] not in "=-":
            return False
        return heading_shape(self.src[i].text)

    def _is_heading(self, i: int) -> bool:
        """A short line standing above a paragraph, a list, a table or a schedule."""
        text = self.src[i].text
        if text.endswith(":") and len(text.split()) <= 4 and section_kind(text[:-1]):
            return self._next_nonblank(i + 1) is not None
        if not heading_shape(text) or self.src[i].indent > 8:
            return False
        k = self._next_nonblank(i + 1)
        if k is None:
            return False
        if k > i + 1:
            return True
        nxt = self.src[k].text
        span = time_led(nxt)
        if parse_marker(self.raw[k]) is not None or (span is not None and not span.weak):
            return True
        if nxt[0].islower():
            return False
        if self.wrap is not None and len(text) >= self.wrap * 0.75:
            return False
        if self._starts_block(k):
            return True
        # Two short lines in a row (an address, a signature) are text. (A date line
        # that heads a schedule was taken as the start of a block above.)
        short = len(nxt) <= 60 and (self.wrap is None or len(nxt) < self.wrap * 0.7)
        return not (short and heading_shape(nxt))

    def _numbered_heading(self, i: int, marker: Marker) -> bool:
        """``1. Introduction`` above a paragraph (not above ``2. ...``) is a heading."""
        if marker.style != "decimal" or marker.indent > 0:
            return False
        k = self._next_nonblank(i + 1)
        if k is None or parse_marker(self.raw[k]) is not None:
            return False
        return self._is_heading(i)

    # --- lists ----------------------------------------------------------------

    def _list(self, i: int, first: Marker) -> int:
        builder = ListBuilder(first)
        base = first.indent
        j = i + 1
        while j < self.n:
            text = self.src[j].text
            if not text:
                k = self._next_nonblank(j)
                if k is None or k - j > 1:
                    break
                nxt = parse_marker(self.raw[k])
                if (
                    nxt is None
                    or nxt.indent < base
                    or (nxt.indent == base and nxt.kind != first.kind)
                ):
                    break
                j = k
                continue
            marker = parse_marker(self.raw[j])
            if marker is not None:
                marker = self._nested_enumeration(marker, first, base)
                if marker.indent <= base and marker.kind != first.kind:
                    break
                if marker.indent < base:
                    break
                builder.add(marker)
                j += 1
                continue
            if self.src[j].indent > base and not self._starts_block(j):
                builder.continue_item(text)
                j += 1
                continue
            last = builder.top[-1] if builder.top else None
            if (
                last is not None
                and not ends_sentence(last.text)
                and text[0].islower()
                and (not self._starts_block(j))
            ):
                builder.continue_item(text)
                j += 1
                continue
            break
        block: Block
        block = (
            BulletsBlock(items=builder.top)
            if first.kind == "bullet"
            else NumberedBlock(items=builder.top)
        )
        self.out.append(block)
        return j

    @staticmethod
    def _nested_enumeration(marker: Marker, first: Marker, base: int) -> Marker:
        """``a)`` items right under ``1.`` items at the same indentation are nested."""
        nested = marker.style in ("alpha", "roman") and marker.indent <= base
        if first.style == "decimal" and nested:
            return replace(marker, indent=base + 2)
        level = WORD_LEVEL_BULLETS.get(marker.label, 0)
        if level and marker.indent <= base and first.label not in WORD_LEVEL_BULLETS:
            return replace(marker, indent=base + 2 * level)
        return marker

    # --- paragraphs -------------------------------------------------------------

    def _paragraph(self, i: int) -> int:
        parts = [self.src[i].text]
        j = i + 1
        while j < self.n:
            text = self.src[j].text
            if not text or self._starts_block(j):
                break
            previous = parts[-1]
            if not self._joins(previous, text, j):
                break
            parts.append(("\n" if self._line_break(previous, text) else " ") + text)
            j += 1
        self.out.append(TextBlock(text="".join(parts)))
        return j

    def _joins(self, previous: str, text: str, j: int) -> bool:
        """Whether line ``j`` (``text``) continues the paragraph that ``previous`` ends."""
        if text[0].islower():
            return True
        if self.wrap is not None:
            if ends_sentence(previous) and len(previous) < self.wrap * 0.8:
                return False
            return not self._is_heading(j) or not ends_sentence(previous)
        # Not hard-wrapped: a line break is the writer's, unless the line clearly goes on.
        return previous.rstrip().endswith((",", "-", "–", "(", "/", "&")) or (
            previous.rstrip()[-1:].islower()
            and len(previous) > MAX_HEADING_CHARS
            and not self._is_heading(j)
        )

    def _line_break(self, previous: str, text: str) -> bool:
        """Short lines without punctuation (an address, a signature) keep their line breaks."""
        limit = (self.wrap or 80) * 0.6
        return len(previous) < limit and not ends_terminal(previous) and not text[0].islower()


__all__ = ["normalize_newlines", "parse_plain_text"]
