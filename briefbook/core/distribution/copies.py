"""Numbered copies for controlled distribution: "Copy 3 of 12 – Name".

A numbered export makes one file per copy. Copies are either counted
(``--copies 12``) or named after their recipients, one name a line in a text
file (``--recipients names.txt``; blank lines and ``#`` comments ignored).
Each copy carries a stamp, printed on its cover and in every footer, and a
file name suffix (``copy 03 Name``) made safe by :mod:`briefbook.core.distribution.naming`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefbook.core.distribution.naming import with_suffix
from briefbook.core.text import one_line
from briefbook.core.wording import ENGLISH, Wording
from briefbook.errors import BriefbookError, FileAccessError

#: The most copies one export makes (a typo such as 1000 should not write a thousand files).
MAX_COPIES = 500
#: The longest recipient name kept (the stamp has to fit in a footer line).
MAX_NAME = 80
#: The largest recipients file read (a list of names, not a document).
MAX_LIST_BYTES = 256 * 1024


@dataclass(frozen=True)
class Copy:
    """One numbered copy: its number (from 1), how many there are, and for whom."""

    number: int
    total: int
    recipient: str = ""

    @property
    def stamp(self) -> str:
        """What the copy prints: ``Copy 3 of 12 – Jane Doe`` (en dash), or ``Copy 3 of 12``."""
        return self.stamp_in(ENGLISH)

    def stamp_in(self, words: Wording) -> str:
        """The stamp in the brief's language: ``Exemplaire 3 sur 12 – Jane Doe``."""
        text = words("copy_stamp", number=self.number, total=self.total)
        return f"{text} – {self.recipient}" if self.recipient else text

    @property
    def suffix(self) -> str:
        """The file name part: ``copy 03 Jane Doe``, the number padded so that files sort."""
        width = max(2, len(str(self.total)))
        text = f"copy {self.number:0{width}d}"
        return f"{text} {self.recipient}" if self.recipient else text


def numbered_copies(count: int) -> list[Copy]:
    """``count`` anonymous copies; raises :class:`BriefbookError` outside 1 to MAX_COPIES."""
    if not 1 <= count <= MAX_COPIES:
        raise BriefbookError(f"the number of copies must be between 1 and {MAX_COPIES}")
    return [Copy(number, count) for number in range(1, count + 1)]


def recipient_copies(names: list[str]) -> list[Copy]:
    """One copy per name, numbered in the list's order."""
    cleaned = [clean_name(name) for name in names]
    cleaned = [name for name in cleaned if name]
    if not cleaned:
        raise BriefbookError("the list of recipients holds no names")
    if len(cleaned) > MAX_COPIES:
        raise BriefbookError(f"at most {MAX_COPIES} recipients, not {len(cleaned)}")
    return [Copy(number, len(cleaned), name) for number, name in enumerate(cleaned, start=1)]


def parse_recipients(text: str) -> list[str]:
    """The names in a recipients list: one a line; blank lines and ``#`` comments ignored."""
    names = []
    for line in text.splitlines():
        name = clean_name(line)
        if name and not name.startswith("#"):
            names.append(name)
    return names


def read_recipients(path: Path) -> list[Copy]:
    """The copies for the names in a recipients file (UTF-8, one name a line).

    Raises :class:`FileAccessError` naming the file when it cannot be read, and
    :class:`BriefbookError` when it holds no names or too many.
    """
    from briefbook.core.safety.safe_read import read_user_file

    data = read_user_file(path, "the recipients list", MAX_LIST_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileAccessError(path, "is not UTF-8 text; save the list as UTF-8") from None
    try:
        return recipient_copies(parse_recipients(text))
    except BriefbookError as exc:
        raise FileAccessError(path, str(exc)) from None


def clean_name(text: str) -> str:
    """A name on one line: control characters gone, white space folded, length capped."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = one_line(text)
    return text[:MAX_NAME].rstrip()


def copy_path(path: Path, copy: Copy) -> Path:
    """Where one copy of an export to ``path`` goes: ``NAME copy 03 Jane Doe.pdf``, beside it.

    The name is shortened before the copy's part, never in it, so that no two
    copies can share a file.
    """
    stem = path.stem if path.suffix.lower() == ".pdf" else path.name
    return path.with_name(with_suffix(stem, copy.suffix) + ".pdf")
