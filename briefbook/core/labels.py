"""The words briefbook itself prints (headings, field labels, page numbers), by language.

Each language's words live as data in ``assets/labels/<language>.yaml``; a brief chooses
its language with ``meta.language`` and may override any word with ``meta.labels``. A
label missing from a language's file falls back to English.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from briefbook.assets_path import assets_dir
from briefbook.core.language import primary


@cache
def _table(language: str) -> dict[str, str]:
    path = assets_dir() / "labels" / f"{language}.yaml"
    if not path.is_file():
        return {}
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(key): str(value) for key, value in data.items() if key != "_complete"}


def has_language(language: str) -> bool:
    """Whether briefbook has its printed words in ``language`` (any region)."""
    return primary(language) == "en" or bool(_table(primary(language)))


def label(key: str, language: str = "en", overrides: dict[str, str] | None = None,
          **values: object) -> str:
    """The printed word for ``key`` in ``language``, with ``{name}`` fields filled in.

    A brief's own ``overrides`` win; then the language's file (region first, "pt-BR",
    then "pt"); then English. An unknown key is a programming error (KeyError).
    """
    text = (overrides or {}).get(key)
    if text is None:
        for name in (language.strip(), primary(language)):
            text = _table(name).get(key) if name else None
            if text is not None:
                break
    if text is None:
        text = _table("en")[key]
    return text.format(**values) if values else text
