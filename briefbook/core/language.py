"""The brief's language: a BCP 47 tag (``meta.language``) checked for its shape.

The tag becomes the PDF's ``/Lang`` (what a screen reader speaks the dossier in) and
chooses the words briefbook itself prints (:mod:`briefbook.core.labels`).
"""

from __future__ import annotations

import re

#: language[-script][-region][-variant...], as BCP 47 writes them ("en", "pt-BR",
#: "sr-Latn-RS", "de-CH-1996"); private-use and extension subtags are accepted too.
_TAG = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?"
    r"(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[A-WY-Za-wy-z0-9](-[A-Za-z0-9]{2,8})+)*"
    r"(-[xX](-[A-Za-z0-9]{1,8})+)?$"
)


def language_problem(tag: str) -> str:
    """Why ``tag`` is not a language tag, or "" when it is one (or empty: English)."""
    if not tag.strip():
        return ""
    if _TAG.match(tag.strip()):
        return ""
    return (
        f"meta 'language' {tag!r} is not a language tag; write it as BCP 47 does, "
        "e.g. 'en', 'fr', 'pt-BR' or 'sv'"
    )


def primary(tag: str) -> str:
    """The language subtag in lower case: "pt" for "pt-BR", "en" for ""."""
    return (tag.strip().split("-")[0] or "en").lower()
