"""Deterministic briefing-book prose: sentences, titles, names and places from a seeded RNG.

The vocabulary is that of a visit brief (security, cooperation, initiatives),
with the Unicode a real dossier carries: accents, curly quotes, dashes, the
euro sign and a little Greek and Cyrillic. Inline markup (``**bold**``,
``*italic*``) appears as often as staff use it.
"""

from __future__ import annotations

import random

SUBJECTS = (
    "The Secretary General",
    "The delegation",
    "The Minister of Defence",
    "Our mission",
    "The host government",
    "The Maritime Task Force",
    "The regional command",
    "The Alliance",
    "The working group",
    "The Chief of Defence",
    "The policy unit",
    "Each side",
    "The presidency",
    "The joint committee",
    "The industry panel",
    "The cyber centre",
)
VERBS = (
    "will underline",
    "is expected to raise",
    "should welcome",
    "may propose",
    "has agreed to review",
    "will seek support for",
    "intends to highlight",
    "is likely to question",
    "will reaffirm",
    "continues to assess",
    "plans to announce",
    "wants to strengthen",
    "should avoid reopening",
)
OBJECTS = (
    "the expansion of joint naval exercises",
    "funding for the readiness initiative",
    "the cyber defence collaboration announced for 2026",
    "burden sharing across the region",
    "closer intelligence exchange on migration routes",
    "the timeline for the new headquarters",
    "capability targets agreed at the last summit",
    "a common approach to critical infrastructure",
    "support to partners on the southern flank",
    "the €2.4 billion procurement package",
    "the “360-degree” approach to security",
    "training missions in the Sahel",
    "energy security in the eastern Mediterranean",
    "the follow-up to the Tête-à-tête format",
    "cooperation with the Αθήνα liaison office",
    "assistance coordinated through the Київ hub",
    "industrial cooperation on air and missile defence",
    "resilience of undersea cables",
)
TAILS = (
    "",
    "",
    "",
    " before the end of the year",
    " in close consultation with Allies",
    " — subject to parliamentary approval",
    " at the next ministerial meeting",
    " without prejudging national positions",
    " in line with the 2025 guidance",
    " as discussed in Zürich and São Paulo",
    " within existing resources",
)
TITLE_WORDS = (
    "Maritime security",
    "Cyber defence",
    "Defence industry",
    "Southern neighbourhood",
    "Energy security",
    "Migration",
    "Readiness",
    "Capability targets",
    "Partnerships",
    "Counter-terrorism",
    "Climate and security",
    "Space",
    "Arms control",
    "Resilience",
    "Innovation",
    "Women, peace and security",
    "Hybrid threats",
    "Logistics",
)
FIRST_NAMES = (
    "Giulia",
    "Marco",
    "Sofia",
    "Luca",
    "Anna",
    "Pierre",
    "Ingrid",
    "Tomás",
    "Elena",
    "Jan",
    "Ayşe",
    "Nikos",
    "Olena",
    "Pedro",
    "Hanne",
    "Zoë",
)
LAST_NAMES = (
    "Rossi",
    "Bianchi",
    "Conti",
    "Marino",
    "Dupont",
    "Lindqvist",
    "Nowak",
    "García",
    "Papadopoulos",
    "Kovalenko",
    "Müller",
    "Jansen",
    "Öztürk",
    "Silva",
)
ROLES = (
    "Minister of Defence",
    "Chief of Defence",
    "Ambassador",
    "Policy Adviser",
    "Head of Protocol",
    "Military Adviser",
    "Press Officer",
    "Deputy Chief of Staff",
)
PLACES = (
    "Palazzo Baracchini",
    "Palazzo Chigi",
    "Ministry of Foreign Affairs, Farnesina",
    "Ciampino, VIP terminal",
    "Embassy residence",
    "Centro Alti Studi per la Difesa",
    "Joint Force Command, Naples",
    "Hotel conference room B",
)
OWNERS = (
    "Policy Planning",
    "Operations",
    "Private Office",
    "Defence Investment",
    "Public Diplomacy",
    "Legal Office",
    "Political Affairs",
)
TIMELINES = (
    "Q3 2025 onwards",
    "By end 2025",
    "2026",
    "Ongoing",
    "Q1 2026",
    "2025–2027",
    "Before the summit",
    "Within six months",
)


class Prose:
    """A seeded source of briefing-book text."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, options: tuple[str, ...]) -> str:
        return self.rng.choice(options)

    def sentence(self, markup: bool = True) -> str:
        r = self.rng
        obj = self.pick(OBJECTS)
        if markup and r.random() < 0.12:
            obj = f"**{obj}**"
        elif markup and r.random() < 0.08:
            obj = f"*{obj}*"
        text = f"{self.pick(SUBJECTS)} {self.pick(VERBS)} {obj}{self.pick(TAILS)}."
        if r.random() < 0.25:
            text += f" {self.pick(SUBJECTS)} {self.pick(VERBS)} {self.pick(OBJECTS)}."
        return text

    def paragraph(self, sentences: tuple[int, int] = (3, 7)) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(*sentences)))

    def text(self, paragraphs: tuple[int, int] = (1, 4)) -> str:
        return "\n\n".join(self.paragraph() for _ in range(self.rng.randint(*paragraphs)))

    def short(self, words: tuple[int, int] = (2, 6)) -> str:
        """A short phrase (a table cell, a bullet)."""
        obj = self.pick(OBJECTS).split()
        n = min(len(obj), self.rng.randint(*words))
        phrase = " ".join(obj[:n])
        return phrase[0].upper() + phrase[1:]

    def title(self) -> str:
        return self.pick(TITLE_WORDS)

    def person(self) -> str:
        return f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"
