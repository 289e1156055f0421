"""The changes between two versions of a brief, as data: each change and the whole list.

Built by :func:`briefbook.core.compare.diff.diff_briefs`; printed by the command line and laid
out by ``render/dossier/changes.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from briefbook.core.compare.words import Segment, as_text
from briefbook.core.text import one_line
from briefbook.core.wording import ENGLISH, Wording

ChangeKind = Literal[
    "meta_changed",
    "section_added",
    "section_removed",
    "section_renamed",
    "section_moved",
    "section_changed",
    "entry_added",
    "entry_cancelled",
    "entry_retimed",
    "entry_moved",
    "entry_changed",
    "table_added",
    "table_removed",
    "table_changed",
    "row_added",
    "row_removed",
    "row_changed",
    "text_added",
    "text_removed",
    "text_changed",
]

#: The short label of each kind of change, as the changes page tags it.
TAGS: dict[str, str] = {
    "meta_changed": "CHANGED",
    "section_added": "ADDED",
    "section_removed": "REMOVED",
    "section_renamed": "RENAMED",
    "section_moved": "MOVED",
    "section_changed": "CHANGED",
    "entry_added": "ADDED",
    "entry_cancelled": "CANCELLED",
    "entry_retimed": "RE-TIMED",
    "entry_moved": "MOVED",
    "entry_changed": "CHANGED",
    "table_added": "ADDED",
    "table_removed": "REMOVED",
    "table_changed": "CHANGED",
    "row_added": "ADDED",
    "row_removed": "REMOVED",
    "row_changed": "CHANGED",
    "text_added": "ADDED",
    "text_removed": "REMOVED",
    "text_changed": "CHANGED",
}

#: The groups a reader sees, in order: "The brief", "Sections", "Schedule", then one per section.
COVER_GROUP, SECTIONS_GROUP, SCHEDULE_GROUP = "The brief", "Sections", "Schedule"


@dataclass(frozen=True)
class Change:
    """One change: its kind, the group it belongs to, a one-line summary in plain
    text and, for changed text, the compact word difference (shown after the
    summary: ``summary: words``)."""

    kind: ChangeKind
    group: str
    summary: str
    words: tuple[Segment, ...] = ()

    @property
    def tag(self) -> str:
        return TAGS[self.kind]

    def text(self) -> str:
        """The change on one line, changed words as ``[-old-]{+new+}``."""
        if not self.words:
            return self.summary
        return f"{self.summary}: {as_text(self.words)}"


@dataclass(frozen=True)
class BriefDiff:
    """The changes from an earlier brief to a later one."""

    old_version: str
    new_version: str
    changes: tuple[Change, ...] = field(default_factory=tuple)
    #: The earlier brief's file name, when it has one (for the page's introduction).
    old_name: str = ""

    @property
    def title(self) -> str:
        """``Changes since version 2`` (or ``since the earlier version`` without one)."""
        version = one_line(self.old_version)
        return (
            f"Changes since version {version}" if version else ("Changes since the earlier version")
        )

    def groups(self) -> list[tuple[str, list[Change]]]:
        """The changes grouped, groups in reading order."""
        found: dict[str, list[Change]] = {}
        for change in self.changes:
            found.setdefault(change.group, []).append(change)
        return list(found.items())

    def count(self, *prefixes: str) -> int:
        """How many changes have a kind starting with one of ``prefixes``."""
        return sum(1 for c in self.changes if c.kind.startswith(prefixes))

    def __bool__(self) -> bool:
        return bool(self.changes)


def now_was(label: str, now: str, was: str, words: Wording = ENGLISH) -> str:
    """``Status: now final (was draft)``; an empty value is "not set"."""
    unset = words("change_not_set")
    return labelled(label, words("change_now_was", now=now or unset, was=was or unset), words)


def labelled(label: str, text: str, words: Wording = ENGLISH) -> str:
    """``paragraph: text``, as the language sets a label before its text."""
    return words("change_labelled", label=label, text=text)


def quoted(text: str, words: Wording = ENGLISH) -> str:
    """A title between the language's quotation marks: ``“Key points”``."""
    return words("change_quoted", text=text)


def title_key(title: str) -> str:
    """A title as compared between versions: one line, case folded."""
    return one_line(title).casefold()
