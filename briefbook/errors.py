"""One error hierarchy for briefbook; every error carries the place it is about.

Library code raises these and never exits or prints. The command line turns
them into one line on stderr and exit status 2; the app turns them into a dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
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


class BriefbookError(Exception):
    """The base of every error a user can cause; ``str()`` is a one-line message."""


class BriefFormatError(BriefbookError):
    """A brief file that cannot be read: bad YAML, wrong types, unknown keys...

    ``problems`` holds every problem found, in file order; the message is the first.
    """

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("BriefFormatError needs at least one problem")
        self.problems = problems
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
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
