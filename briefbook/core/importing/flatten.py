"""A brief's words in reading order, as plain text.

Used to check that an import kept every character, and to put a block's text
where only text fits (a table inside a Markdown list item). Each kind's words
come from its module in :mod:`briefbook.core.kinds` (``words()``).
"""

from __future__ import annotations

from briefbook.core.kinds import flat_words
from briefbook.core.model import Brief, Section


def section_text(section: Section) -> str:
    """A section's title, blocks and subsections, one text per line."""
    parts = [section.title]
    for block in section.blocks:
        parts.extend(flat_words(block))
    for sub in section.subsections:
        parts.append(section_text(sub))
    return "\n".join(part for part in parts if part)


def brief_text(brief: Brief) -> str:
    """The whole brief as text: its title, then every section in order."""
    parts = [brief.meta.title] + [section_text(s) for s in brief.sections]
    return "\n".join(part for part in parts if part)
