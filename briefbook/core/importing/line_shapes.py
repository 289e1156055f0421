"""What one line of plain text looks like: a rule, a Markdown ``#`` heading, a line
shaped like a heading, the end of a sentence (used by :mod:`.plaintext`)."""

from __future__ import annotations

#: Punctuation that ends a sentence (and so a line that cannot be a heading).
TERMINAL = ".!?…:;,"
_SENTENCE_END = ".!?…:;"
_CLOSERS = "\"'”’»)]*_"
_GREETINGS = (
    "dear ",
    "hi ",
    "hello",
    "best",
    "kind regards",
    "regards",
    "thanks",
    "thank you",
    "sincerely",
    "cheers",
    "yours",
    "warm regards",
    "many thanks",
    "ciao",
    "bonjour",
)
_FIELD_LABELS = frozenset(
    {
        "from",
        "sent",
        "to",
        "cc",
        "bcc",
        "subject",
        "date",
        "re",
        "fw",
        "fwd",
        "tel",
        "phone",
        "mobile",
        "fax",
        "email",
        "e-mail",
        "web",
        "address",
        "through",
        "thru",
        "attendees",
        "location",
        "time",
        "purpose",
    }
)
#: Headings are at most this long (characters, words).
MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 14


def ends_sentence(text: str) -> bool:
    """Whether the line ends a sentence (``.!?…:;``, also before a closing quote or bracket)."""
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def ends_terminal(text: str) -> bool:
    """Whether the line ends with punctuation a heading never ends with (also ``,``)."""
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in TERMINAL


def is_rule(text: str) -> bool:
    """``-----``, ``=====``, ``* * *``, ``___``: a line that only draws a line."""
    body = text.replace(" ", "")
    return len(body) >= 3 and len(set(body)) == 1 and body[0] in "-=_*~#•"


def heading_shape(text: str) -> bool:
    """Short, no final punctuation, starts with a capital or a digit: reads as a heading."""
    if not text or len(text) > MAX_HEADING_CHARS or ends_terminal(text):
        return False
    if len(text.split()) > MAX_HEADING_WORDS or "|" in text or "\t" in text:
        return False
    if not any(ch.isalpha() for ch in text) or text[0].islower():
        return False
    if text[0] in "([{<\"'“‘*_" and not text.startswith(("**", "__")):
        return False
    label, colon, value = text.partition(":")
    if colon and "," in value and len(label.split()) <= 3:
        return False  # "Participants: Minister, delegation" is a labelled line
    if colon and label.strip().lower() in _FIELD_LABELS:
        return False  # "From: Maria Rossi", "Tel: +39 06 ...": a field of a message or card
    return not text.lower().startswith(_GREETINGS)


def hash_heading(text: str) -> tuple[str, int] | None:
    """``## Title`` → ("Title", 2)."""
    if not text.startswith("#"):
        return None
    level = 0
    while level < len(text) and text[level] == "#":
        level += 1
    if level > 6 or level >= len(text) or text[level] not in " \t":
        return None
    title = text[level:].strip()
    closing = title.rstrip("#")
    if closing != title and (not closing or closing.endswith((" ", "\t"))):
        title = closing.strip()
    return (title, level) if title else None
