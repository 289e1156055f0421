"""Names in alphabetical order as a language sorts them.

A small stand-in for the Unicode Collation Algorithm, enough for lists of people:
letters compare by their base letter first (``é`` with ``e``, ``ß`` as ``ss``),
then by accents, then by case. Where a language's alphabet has letters of its own,
they sort where that alphabet puts them: Swedish and Finnish ``å ä ö`` after ``z``,
Danish and Norwegian ``æ ø å`` after ``z``, Spanish ``ñ`` after ``n``, the Polish,
Czech and Turkish letters after their base letter (Czech ``ch`` after ``h``).
"""

from __future__ import annotations

import unicodedata

from briefbook.core.language import primary

# Letters that are letters of their own, per language: letter -> (base, rank after it).
_AFTER_Z_SV = {"å": ("z", 1), "ä": ("z", 2), "æ": ("z", 2), "ö": ("z", 3), "ø": ("z", 3)}
_AFTER_Z_DA = {"æ": ("z", 1), "ä": ("z", 1), "ø": ("z", 2), "ö": ("z", 2), "å": ("z", 3)}
_ALPHABETS: dict[str, dict[str, tuple[str, int]]] = {
    "sv": _AFTER_Z_SV,
    "fi": _AFTER_Z_SV,
    "da": _AFTER_Z_DA,
    "nb": _AFTER_Z_DA,
    "nn": _AFTER_Z_DA,
    "no": _AFTER_Z_DA,
    "es": {"ñ": ("n", 1)},
    "pl": {
        "ą": ("a", 1),
        "ć": ("c", 1),
        "ę": ("e", 1),
        "ł": ("l", 1),
        "ń": ("n", 1),
        "ó": ("o", 1),
        "ś": ("s", 1),
        "ź": ("z", 1),
        "ż": ("z", 2),
    },
    "cs": {"č": ("c", 1), "ch": ("h", 1), "ř": ("r", 1), "š": ("s", 1), "ž": ("z", 1)},
    "tr": {
        "ç": ("c", 1),
        "ğ": ("g", 1),
        "ı": ("h", 1),
        "ö": ("o", 1),
        "ş": ("s", 1),
        "ü": ("u", 1),
    },
}
# Letters with no decomposition that still sort with a base letter everywhere else.
_FOLDED = {
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ß": "ss",
}

Weight = tuple[str, int]


def _lower(text: str, language: str) -> str:
    if language in ("tr", "az"):  # dotted and dotless i are two letters
        text = text.replace("I", "ı").replace("İ", "i")
    return unicodedata.normalize("NFC", text).lower()


def _base(letter: str) -> str:
    decomposed = unicodedata.normalize("NFD", letter)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _FOLDED.get(stripped, stripped).casefold()


def sort_key(text: str, language: str = "en") -> tuple[tuple[Weight, ...], str, str]:
    """A key that sorts ``text`` as ``language`` does (base letters, then accents, then case)."""
    lang = primary(language)
    alphabet = _ALPHABETS.get(lang, {})
    lowered = _lower(text.strip(), lang)
    weights: list[Weight] = []
    i = 0
    while i < len(lowered):
        pair = lowered[i : i + 2]
        if len(pair) == 2 and pair in alphabet:
            weights.append(alphabet[pair])
            i += 2
            continue
        letter = lowered[i]
        i += 1
        if letter in alphabet:
            weights.append(alphabet[letter])
        elif letter.isalnum():
            weights.extend((ch, 0) for ch in _base(letter))
        elif letter.isspace():
            weights.append(("", 0))
        # punctuation is ignored at the first level, as in the UCA's default
    return tuple(weights), lowered, text


def sorted_names(names: list[str], language: str = "en") -> list[str]:
    """``names`` in the language's alphabetical order."""
    return sorted(names, key=lambda name: sort_key(name, language))
