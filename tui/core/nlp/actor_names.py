"""Which named entities a reader would list as actors: people and organisations that are named.

spaCy's small model tags things that are no names at all ("Articles 2" and "Hoo Boy." as people,
"Speech" at the start of a sentence as an organisation) and calls platforms people ("on Twitter").
The entities stay as spaCy gives them (the article view shows them); only the actor list is
cleaned here, and never of an actor who has statements: then the reader must see who spoke.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .lexicon import group_nouns, name_titles, organisation_nouns, platforms, role_nouns, speech_nouns
from .offices import role_abbreviations

Token = Any

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
_ROMAN = re.compile(r"^[IVX]+$")
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


_NOT_A_NAME_ENTITY = {"GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                      "ORDINAL"}  # fmt: skip
"""Entity labels that say a word is no one's name; a speaker tagged a building or a work of art
("Stanovaya said" as FAC) is a person the small model did not know."""
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "who", "that", "which", "this", "these", "those"}
ACRONYM_LENGTH = range(2, 6)
"""An all-capital word this long is an organisation's initials ("EDC"); a longer one is a shouted heading."""


def speaker_name_tokens(head: Token, strict: bool = True) -> list[Token]:
    """The tokens of the name a speaker mention gives, when the mention is a name spaCy did not tag.

    `Markstrom said`, `Vancouver's Bo Horvat said`, `fellow Bahraini Esra'a explains`: the capitalised
    words ending at the mention's head, without a place or nationality before them, a possessive, or a
    title ("Coach"). Empty when the head names no one by name: a pronoun, a common noun starting its
    sentence ("Officials said"), a description with an article ("the Crown"), a heading in capitals.
    With `strict` off, a name spaCy tagged a place ("Marina Stanovaya" as LOC) is still read as a name.
    """
    text = head.text
    if not text[:1].isalpha() or not text[:1].isupper() or (strict and head.ent_type_ in _NOT_A_NAME_ENTITY):
        return []
    if _ROMAN.match(text) and head.i > 0 and head.doc[head.i - 1].pos_ == "PROPN":
        return [*speaker_name_tokens(head.doc[head.i - 1], strict), head]  # "Queen Elizabeth II"
    if text.isupper() and len(text) > 1 and text in role_abbreviations():
        return []  # "Kazakh FM": an office, for offices.py
    if text.isupper() and len(text) > 1:
        # initials stand alone ("EDC said"); more capitals around them are a dateline or a heading
        alone = head.i == 0 or not head.doc[head.i - 1].text.isupper()
        return [head] if len(text) in ACRONYM_LENGTH and alone and head.pos_ == "PROPN" else []
    lowered = head.lower_
    if lowered in PRONOUNS or lowered in common_speakers():
        return []
    if head.pos_ != "PROPN" and (head.pos_ not in {"NOUN", "PRON", "ADJ", "X"} or head.is_sent_start):
        return []
    if any(c.dep_ in {"det", "nummod", "predet"} or c.lower_ in {"the", "a", "an"} for c in head.lefts):
        return []  # "the Crown", "One MP": a description
    tokens = [head]
    doc = head.doc
    entity_start = head.i
    while head.ent_iob_ == "I" and entity_start > 0 and doc[entity_start].ent_iob_ == "I":
        entity_start -= 1
    i = head.i - 1
    while i >= 0 and len(tokens) < 4:
        token = doc[i]
        word = token.text
        in_head_entity = not strict and head.ent_iob_ != "O" and i >= entity_start
        if token.lower_ in common_speakers() | name_titles():
            break
        if token.ent_type_ in _NOT_A_NAME_ENTITY and not in_head_entity:
            break
        if not (word[:1].isupper() and word[:1].isalpha()) and token.lower_ not in NAME_PARTICLES:
            break
        if word.isupper() and len(word) > 1:
            break
        if token.pos_ not in {"PROPN", "NOUN", "ADJ", "X"} or (token.is_sent_start and token.pos_ != "PROPN"):
            break
        tokens.insert(0, token)
        i -= 1
    while tokens and tokens[0].lower_ in NAME_PARTICLES:
        tokens.pop(0)
    return tokens


@lru_cache(maxsize=1)
def common_speakers() -> frozenset[str]:
    """Words that name a kind of speaker, not one by name: roles, groups, speech and organisation nouns."""
    return role_nouns() | group_nouns() | speech_nouns() | organisation_nouns()


_CREDIT_NAME = r"[A-Z][\w.'’&-]*(?:[ \t]+(?:[A-Z][\w.'’&-]*|of|and|the))*"
_CREDIT = re.compile(rf"(?:{_CREDIT_NAME}[ \t]*/[ \t]*)+(?:{_CREDIT_NAME})?")
_PARENTHESES = re.compile(r"\([^()\n]*\)")
_CAPTION = re.compile(
    r"^[^\n]*\w, (?:left|right|centre|center|middle|top|bottom|front|back)[,)][^\n]*$", re.MULTILINE
)
"""A photo caption placing people in the picture: "his daughters Judy, centre, Jaidaa, left, and ..."."""


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Where the article credits a photo: `(Robert Short/CBC)`, `Jane Doe / Reuters` ending a caption,
    `Getty/Instagram.` on a line of its own, and a caption that places people in the picture ("Judy,
    centre, and Ali, left,"). Names there took or are in the picture; they said nothing.

    A slash between names is a credit inside parentheses or at the end of its line; inside a
    sentence ("a Washington Post/ABC News poll") it is not. Sorted and apart, in one pass over the text.
    """
    spans = [m.span() for m in _PARENTHESES.finditer(text) if _CREDIT.search(m.group())]
    spans += [m.span() for m in _CAPTION.finditer(text)]
    for match in _CREDIT.finditer(text):
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        if not text[match.end() : line_end].strip(" \t.)"):
            spans.append(match.span())
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
