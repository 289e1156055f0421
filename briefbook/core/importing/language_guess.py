"""Which language imported material is written in, from its commonest words.

A press text or an agenda in French or Swedish says so through its small words
("le", "des", "est"; "och", "att", "för"): each language's short list of such
words is counted, and a language wins only with enough of them and clearly ahead
of the next. Anything less certain leaves the brief in English.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefbook.core import kinds
from briefbook.core.model import Brief

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is that for with on are was this be by will from has have",
        "fr": "le la les des et est une un du dans pour que qui sur avec par au aux sont ce "
        "ses leur été sera",
        "de": "der die das und ist nicht mit den dem sich auf für ein eine des zu von im wird "
        "auch werden",
        "es": "el los las y del que en por con para una es se al como más su sus ha será",
        "it": "il di che è la le per con una sono del della dei nel alla gli anche sarà ha",
        "pt": "o os as e do da dos das que em no na para com uma é um ao pelo será",
        "nl": "de het een en van is dat op te met voor zijn niet aan ook wordt door bij",
        "sv": "och att det är som en för på med av till den har om inte ett från kommer också",
        "da": "og at det er som en af til på med for den har ikke et fra vil også bliver",
        "nb": "og at det er som en av til på med for den har ikke et fra vil også blir",
        "fi": "ja on että ei se ovat oli myös kanssa sekä tai kun joka mukaan",
        "pl": "i w na z się że do nie jest to od przez dla oraz jak po",
        "cs": "a v na se že je to s z do pro jako od by byl jsou také",
        "el": "και το η του της τα οι των στο με για που είναι στην από",
        "tr": "ve bir bu ile için de da olarak en çok daha olan gibi ise",
    }.items()
}
#: Fewer hits than this say nothing (a title, a list of names).
_MIN_HITS = 8
#: The winner needs this many times the hits of the runner-up.
_MARGIN = 1.5
_MAX_WORDS = 20_000


def guess_language(text: str) -> str:
    """The language tag of ``text`` ("fr", "sv"...), or "" when it cannot tell."""
    return _guess(text.split())


def _guess(tokens: Iterable[str]) -> str:
    counts = dict.fromkeys(_STOPWORDS, 0)
    for n, token in enumerate(tokens):
        if n >= _MAX_WORDS:
            break
        word = token.strip(".,;:!?()«»“”\"'’").lower()
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += 1
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, hits), (_, second) = ranked[0], ranked[1]
    if hits < _MIN_HITS or hits < second * _MARGIN:
        return ""
    return best


def brief_language(brief: Brief) -> str:
    """The language an imported brief's text is written in, or "" when unsure."""
    tokens: list[str] = []
    for _, section in brief.walk_sections():
        tokens += section.title.split()
        for block in section.blocks:
            for text in kinds.flat_words(block):
                tokens += text.split()
        if len(tokens) > _MAX_WORDS:
            break
    return _guess(tokens)
