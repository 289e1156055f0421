"""One error hierarchy for briefbook; every error carries the place it is about.

Library code raises these and never exits or prints. The command line turns
them into one line on stderr and exit status 2; the app turns them into a dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefbook.core.text import plural

#: A message repeated more often than this shows its first places, then a count.
SAME_MESSAGE_SHOWN = 5
#: At most this many lines are listed for one file; the rest are counted.
MAX_PROBLEMS_SHOWN = 100


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a warning) in a brief, with its place.

    ``where`` names the place in words (e.g. ``section "Schedule", block 2``)
    when there is no line, as for a brief built in memory.
    """

    message: str
    path: Path | None = None
    line: int | None = None
    column: int | None = None
    where: str = ""

    def __str__(self) -> str:
        place = [str(self.path) if self.path is not None else "<brief>"]
        if self.line is not None:
            place.append(str(self.line))
            if self.column is not None:
                place.append(str(self.column))
        text = ":".join(place) + ": "
        if self.where:
            text += f"{self.where}: "
        return text + self.message


def summarize(problems: Sequence[Problem]) -> list[Problem]:
    """The problems as they are listed to a user: bounded, and never buried by a flood.

    A message (compared by its text) that occurs more than :data:`SAME_MESSAGE_SHOWN`
    times is shown at its first places, followed by "… and N more like this"; after
    :data:`MAX_PROBLEMS_SHOWN` lines the rest are counted in one last line. The
    order of first appearance is kept.
    """
    seen: dict[str, int] = {}
    shown: list[Problem] = []
    hidden: dict[str, int] = {}
    last_shown: dict[str, int] = {}
    dropped = 0
    for problem in problems:
        count = seen.get(problem.message, 0) + 1
        seen[problem.message] = count
        if count > SAME_MESSAGE_SHOWN:
            hidden[problem.message] = hidden.get(problem.message, 0) + 1
        elif len(shown) < MAX_PROBLEMS_SHOWN:
            last_shown[problem.message] = len(shown)
            shown.append(problem)
        else:
            dropped += 1
    if not hidden and not dropped:
        return list(problems)
    listed: list[Problem] = []
    after = {index: message for message, index in last_shown.items() if message in hidden}
    for index, problem in enumerate(shown):
        listed.append(problem)
        if index in after:
            more = hidden.pop(after[index])
            listed.append(Problem(f"… and {more:,} more like this", problem.path))
    dropped += sum(hidden.values())  # repeats of messages that were themselves not listed
    if dropped:
        path = problems[0].path
        listed.append(Problem(f"… and {dropped:,} more {plural(dropped, 'problem')}", path))
    return listed


class BriefbookError(Exception):
    """The base of every error a user can cause; ``str()`` is a one-line message."""


class BriefFormatError(BriefbookError):
    """A brief file that cannot be read: bad YAML, wrong types, unknown keys...

    ``problems`` holds the problems found, in file order, as :func:`summarize` lists
    them (so a flood of one message is counted, not listed); ``count`` is how many
    were found in all. The message is the first.
    """

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("BriefFormatError needs at least one problem")
        self.count = len(problems)
        self.problems = summarize(problems)
        more = self.count - 1
        suffix = f" (and {more} more {plural(more, 'problem')})" if more else ""
        super().__init__(str(problems[0]) + suffix)

    @property
    def path(self) -> Path | None:
        return self.problems[0].path

    @property
    def line(self) -> int | None:
        return self.problems[0].line

    @property
    def column(self) -> int | None:
        return self.problems[0].column


class FileAccessError(BriefbookError):
    """A file that cannot be read or written (missing, permission, disk full...)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class RenderError(BriefbookError):
    """The PDF could not be laid out; ``where`` names the section or block."""

    def __init__(self, message: str, where: str = "") -> None:
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class TemplateError(BriefbookError):
    """An unknown template name."""


class ImportSourceError(BriefbookError):
    """Material that cannot be imported (binary data, an unreadable document...)."""

    def __init__(self, path: Path | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path is not None else reason)


class DocumentContentError(ImportSourceError):
    """Something inside an imported document that cannot be read (a broken part, a
    value outside the format's schema); ``paragraph`` is its 1-based number among
    the body's paragraphs when known (with ``in_table``: the last paragraph before
    the table that holds it)."""

    def __init__(
        self, path: Path | None, reason: str, paragraph: int | None = None, in_table: bool = False
    ) -> None:
        self.paragraph = paragraph
        self.in_table = in_table
        where = f"paragraph {paragraph}" if paragraph else ""
        if in_table:
            where = f"the table after {where}" if where else "the first table"
        super().__init__(path, f"{where}: {reason}" if where else reason)
