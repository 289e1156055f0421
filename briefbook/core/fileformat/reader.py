"""The reader of a brief's node values: typed scalars, lists, mappings and their keys,
each problem recorded at its node instead of raised (see :mod:`.reading`)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from briefbook.core import model as m
from briefbook.core.fileformat.yamlnodes import Node
from briefbook.core.timezones import zone_problem
from briefbook.core.typeddates import parse_typed_time
from briefbook.errors import Problem

T = TypeVar("T")

_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


class Reader:
    """Collects problems while the node tree is turned into the model."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.problems: list[Problem] = []
        #: Every marking read, with its node: checked against the scheme at the end.
        self.markings: list[tuple[Node, str]] = []
        #: One copy of each message text: a flood of one problem costs a pointer each.
        self._messages: dict[str, str] = {}
        #: Where ``portion_marks`` was switched on (every portion then needs a marking).
        self.portion_marks_node: Node | None = None
        #: Every section read, with its node (empty ones are warned about).
        self.sections: list[tuple[Node, m.Section]] = []
        #: What is worth a warning only (a language briefbook has no words in).
        self.warnings: list[Problem] = []
        #: Every annex block read, with its node (``validate`` checks their files).
        self.annexes: list[tuple[Node, m.PdfBlock]] = []

    def problem(self, node: Node, message: str) -> None:
        message = self._messages.setdefault(message, message)
        self.problems.append(Problem(message, self.path, node.line, node.column))

    # --- scalars --------------------------------------------------------------

    def text(self, node: Node, what: str) -> str:
        if node.is_null:
            return ""
        if node.kind != "scalar":
            self.problem(node, f"{what} should be text, not {node.kind_name}")
            return ""
        return node.text

    def date(self, node: Node, what: str) -> dt.date | None:
        if node.is_null:
            return None
        if node.kind == "scalar":
            found = _DATE.match(node.text)
            if found:
                try:
                    return dt.date(*(int(part) for part in found.groups()))
                except ValueError:
                    pass
            self.problem(
                node, f"{what} {node.text!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-06-12"
            )
            return None
        self.problem(node, f"{what} should be a date (YYYY-MM-DD), not {node.kind_name}")
        return None

    def time(self, node: Node, what: str) -> dt.time | None:
        """A time of day as staff write it (``1130``, ``11.30``, ``11h30``, ``9:30 am``)."""
        if node.is_null:
            return None
        if node.kind == "scalar":
            found = parse_typed_time(node.text)
            if found is not None:
                return found
            self.problem(
                node, f"{what} {node.text!r} is not a time; write it as HH:MM, from 00:00 to 23:59"
            )
            return None
        self.problem(node, f"{what} should be a time (HH:MM), not {node.kind_name}")
        return None

    def zone(self, node: Node, what: str) -> str:
        """An IANA time zone name, checked against the database shipped with briefbook."""
        value = self.text(node, what).strip()
        problem = zone_problem(value)
        if problem:
            self.problem(node, problem)
        return value

    def boolean(self, node: Node, what: str) -> bool:
        value = self.text(node, what).strip().lower()
        if value in ("true", "yes", "on"):
            return True
        if value in ("false", "no", "off", ""):
            return False
        self.problem(node, f"{what} should be true or false, not {node.text!r}")
        return False

    def marking(self, node: Node, what: str) -> str:
        value = self.text(node, what).strip()
        if value:
            self.markings.append((node, value))
        return value

    def choice(self, node: Node, what: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.text(node, what).strip()
        if not value and "" not in allowed:
            return default
        for option in allowed:
            if value.lower() == option.lower():
                return option
        listed = ", ".join(repr(option) for option in allowed if option)
        self.problem(node, f"{what} {value!r} is not one of {listed}{self._hint(value, allowed)}")
        return default

    def text_list(self, node: Node, what: str) -> list[str]:
        if node.is_null:
            return []
        if node.kind == "scalar":
            return [node.text]
        if node.kind != "seq":
            self.problem(node, f"{what} should be a list of text, not {node.kind_name}")
            return []
        return [self.text(item, f"an item of {what}") for item in node.items]

    # --- collections ----------------------------------------------------------

    def items(self, node: Node, what: str, read: Callable[[Node], T | None]) -> list[T]:
        """A list whose items are read by ``read``; ``None`` results are dropped."""
        if node.is_null:
            return []
        if node.kind != "seq":
            self.problem(node, f"{what} should be a list, not {node.kind_name}")
            return []
        found = [read(item) for item in node.items]
        return [item for item in found if item is not None]

    def fields(
        self, node: Node, what: str, known: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict[str, Node] | None:
        """The key -> value nodes of a mapping, reporting unknown, repeated and missing keys."""
        if node.refused:
            return None
        if node.kind != "map":
            self.problem(
                node, f"{what} should be a mapping of keys to values, not {node.kind_name}"
            )
            return None
        found: dict[str, Node] = {}
        for key, value in node.pairs:
            name = key.text if key.kind == "scalar" else ""
            if name not in known:
                self.problem(key, f"unknown key {name!r} in {what}{self._hint(name, known)}")
                continue
            if name in found:
                self.problem(key, f"the key {name!r} appears twice in {what}")
                continue
            found[name] = value
        for name in required:
            if name not in found or found[name].is_null:
                self.problem(node, f"{what} needs '{name}'")
        return found

    @staticmethod
    def _hint(value: str, options: tuple[str, ...]) -> str:
        lowered = {option.lower(): option for option in options if option}
        close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
        if close:
            return f" (did you mean {lowered[close[0]]!r}?)"
        if options and len(options) <= 12:
            return " (expected one of: " + ", ".join(o for o in options if o) + ")"
        return ""
