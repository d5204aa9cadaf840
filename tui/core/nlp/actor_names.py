"""Which named entities a reader would list as actors: people and organisations that are named.

spaCy's small model tags things that are no names at all ("Articles 2" and "Hoo Boy." as people,
"Speech" at the start of a sentence as an organisation) and calls platforms people ("on Twitter").
The entities stay as spaCy gives them (the article view shows them); only the actor list is
cleaned here, and never of an actor who has statements: then the reader must see who spoke.
"""

from __future__ import annotations

import re

from .lexicon import platforms

NAME_PARTICLES = {
    "al", "el", "bin", "ibn", "ben", "de", "da", "di", "do", "dos", "das", "du", "del", "della",
    "der", "den", "van", "von", "la", "le", "st", "mc", "abu", "y", "ter", "zu",
}  # fmt: skip
"""Lower-case words that belong inside names: "Ludwig van Beethoven", "Osama bin Laden"."""
ORG_CONNECTORS = {
    "of",
    "for",
    "and",
    "on",
    "the",
    "a",
    "in",
    "at",
    "to",
    "&",
    "de",
    "du",
    "des",
    "la",
    "le",
    "y",
}
ABBREVIATIONS = {"jr", "sr", "inc", "co", "corp", "ltd", "plc", "st", "bros", "llc", "dr", "mr", "mrs", "ms"}
_NUMBER = re.compile(r"^[\d.,:/–-]+$")
_SCORE = re.compile(r"\d[–-]\d")
_QUOTE_MARKS = '"“”„«»'


def actor_label(name: str, label: str) -> str:
    """The label to list an actor under: a platform spaCy called a person is an organisation."""
    if label == "PERSON" and name.lower() in platforms():
        return "ORG"
    return label


def looks_like_name(name: str, label: str, mentions: list[tuple[int, int]], text: str) -> bool:
    """Whether a reader would take `name` for the name of a person or organisation.

    `mentions` are where the article names it and `text` the article: a single word that only ever
    starts a sentence, and that the article also writes in lower case ("Speech ..." and "the speech"),
    is a common noun, not a name.
    """
    words = name.split()
    if not words or any(mark in name for mark in _QUOTE_MARKS):
        return False
    last = words[-1].rstrip(".!?,;:")
    # "Hoo Boy." ends a sentence; "Sergey M." and "Robert Downey Jr." end a name
    if name[-1] in ".!?,;:" and last.lower() not in ABBREVIATIONS and len(last) > 1:
        return False
    numbers = [w for w in words if _NUMBER.match(w)]
    # no person is called "Articles 2"; "Group of 20" is an organisation but "Caboolture 43–5" a score
    if numbers and (label == "PERSON" or any(_SCORE.search(w) for w in numbers)):
        return False
    if label == "PERSON":
        if not all(_capitalised(w) or w.lower() in NAME_PARTICLES for w in words):
            return False
        if not any(_capitalised(w) for w in words):
            return False
    elif not any(c.isupper() or c.isdigit() for c in words[0]) or not all(
        any(c.isupper() or c.isdigit() for c in w) or w.lower() in ORG_CONNECTORS | NAME_PARTICLES
        for w in words
    ):
        return False
    only_starts_sentences = mentions and all(_starts_sentence(text, start) for start, _ in mentions)
    return not (
        len(words) == 1 and only_starts_sentences and re.search(rf"\b{re.escape(name.lower())}\b", text)
    )


def _capitalised(word: str) -> bool:
    """ "Obama", and "al-Assad" or "Jong-un" whose first capitalised part carries the name."""
    return any(part[:1].isupper() for part in word.split("-"))


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?\n:"
