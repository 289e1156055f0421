"""The words briefbook itself prints (headings, field labels, page numbers), by language.

Each language's words live as data in ``assets/labels/<language>.yaml``; a brief chooses
its language with ``meta.language`` and may override any word with ``meta.labels``. A
label missing from a language's file falls back to English. A file that holds every
English key says so with ``_complete: true``.
"""

from __future__ import annotations

import difflib
import string
from functools import cache
from typing import Any

import yaml

from briefbook.assets_path import assets_dir
from briefbook.core.language import primary


@cache
def _table(language: str) -> dict[str, str]:
    path = assets_dir() / "labels" / f"{language}.yaml"
    if not language.replace("-", "").isalnum() or not path.is_file():
        return {}
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(key): str(value) for key, value in data.items() if not str(key).startswith("_")}


@cache
def languages() -> tuple[str, ...]:
    """The languages briefbook has its words in, as their file names say ("en", "fr"...)."""
    return tuple(sorted(path.stem for path in (assets_dir() / "labels").glob("*.yaml")))


def has_language(language: str) -> bool:
    """Whether briefbook has its printed words in ``language`` (any region)."""
    return primary(language) == "en" or bool(_table(primary(language)))


def no_words_message(language: str) -> str:
    """The warning for a language briefbook has no words in."""
    return (
        f"briefbook has no words in the language {language.strip()!r}: its own labels "
        f"print in English (it has {', '.join(languages())})"
    )


def fields(text: str) -> set[str]:
    """The ``{names}`` a label text fills in (empty for one that does not parse)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return set()


def override_problem(key: str, text: str) -> str:
    """Why ``meta.labels`` may not set ``key`` to ``text`` ("" when it may)."""
    english = _table("en")
    if key not in english:
        close = difflib.get_close_matches(key, list(english), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"meta 'labels': {key!r} is not a word briefbook prints{hint}"
    allowed = fields(english[key])
    try:
        used = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        used = {"{"}
    if not used <= allowed:
        need = ", ".join("{" + name + "}" for name in sorted(allowed)) or "no fields"
        return (
            f"meta 'labels': the label {key!r} may use {need} only; write a brace "
            "itself as {{ or }}"
        )
    return ""


def label(
    key: str, language: str = "en", overrides: dict[str, str] | None = None, **values: object
) -> str:
    """The printed word for ``key`` in ``language``, with ``{name}`` fields filled in.

    A brief's own ``overrides`` win; then the language's file (region first, "pt-BR",
    then "pt"); then English. An unknown key is a programming error (KeyError).
    """
    choices = [(overrides or {}).get(key)]
    choices += [_table(name).get(key) for name in (language.strip(), primary(language)) if name]
    choices.append(_table("en").get(key))
    if all(text is None for text in choices):
        raise KeyError(key)
    for text in choices:
        if text is None:
            continue
        try:
            return text.format(**values) if values else text
        except (KeyError, IndexError, ValueError, AttributeError):
            continue  # a field the text may not use: the next choice prints instead
    return key
