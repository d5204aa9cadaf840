"""Organisations, places and peoples under one key however they are written: `the World Health
Organization` and `World Health Organisation`, `F.B.I.` and `FBI`, and the initials that stand for a
name (`WHO` for World Health Organization, `DOJ` for Department of Justice).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .folding import fold, name_words

ACRONYM_LETTERS = range(2, 7)
"""An organisation written in this many capitals (`EU`, `NATO`, `UNICEF`) is initials."""
CONNECTORS = frozenset({"of", "the", "and", "for", "&", "on", "in", "at", "to", "a", "de", "du", "des", "la"})
_SPELLINGS = ((re.compile(r"isation\b"), "ization"), (re.compile(r"ise\b"), "ize"))
"""British and American spellings of one name: `Organisation` and `Organization`."""


@lru_cache(maxsize=65536)
def group_key(name: str) -> str:
    """An organisation's name as a key: folded, without a leading `the`, spelt the American way."""
    folded = fold(name)
    if folded.startswith("the "):
        folded = folded[4:]
    for pattern, spelling in _SPELLINGS:
        folded = pattern.sub(spelling, folded)
    return folded


@lru_cache(maxsize=65536)
def acronym_of(name: str) -> str:
    """The initials `name` is written in (`fbi` for `F.B.I.`, `nato` for `NATO`), or "" when the name
    is words (`Reuters`, `Twitter`: capital first, lower case after)."""
    words = name_words(name)
    if words and words[0].casefold() == "the":
        words = words[1:]
    if len(words) != 1:
        return ""
    word = words[0]
    letters = [char for char in word if char.isalpha()]
    if len(letters) not in ACRONYM_LETTERS or not all(char.isupper() for char in letters):
        return ""
    return word.casefold()


@lru_cache(maxsize=65536)
def initials_of(name: str) -> frozenset[str]:
    """The initials a name of several words may be known by: `Federal Bureau of Investigation` ->
    {`fbi`, `fboi`}, `Department of Justice` -> {`dj`, `doj`}. Empty for a name of one word."""
    words = list(name_words(name))
    if words and words[0].casefold() == "the":
        words = words[1:]
    if len(words) < 2 or not all(word[:1].isupper() or word.casefold() in CONNECTORS for word in words):
        return frozenset()
    significant = "".join(word[0] for word in words if word.casefold() not in CONNECTORS).casefold()
    every = "".join(word[0] for word in words if word.casefold() != "the").casefold()
    return frozenset(found for found in (significant, every) if len(found) in ACRONYM_LETTERS)
