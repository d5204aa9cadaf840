"""Offices: which role a descriptive name stands for, so its several spellings become one actor.

A news article names one office many ways: the headline's "Kazakh FM", the body's "the Minister of
Foreign Affairs of Kazakhstan", spaCy's entity "the Minister of Foreign Affairs". A reader sees one
person. Each name is read as an `Office` (role, portfolio, place): abbreviations are spelled out
(FM -> foreign minister), "Minister of Foreign Affairs" and "foreign minister" give the same
portfolio, and a nationality adjective names its country (Kazakh -> Kazakhstan). Two names are the
same office when role and portfolio agree and their places do not differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import DATA, role_nouns

_CONNECTORS = {"of", "for", "on"}
_DROPPED = {"the", "a", "an", "and", "&", "affairs", "former", "then", "acting", "deputy", "new", "current"}
_SPELLINGS = {"defence": "defense", "labour": "labor"}
"""British and American spellings of one portfolio."""


@dataclass(frozen=True)
class Office:
    role: str
    portfolio: frozenset[str]
    place: str

    def same_as(self, other: Office) -> bool:
        """The same office: one role and portfolio, and no two different places."""
        if self.role != other.role or self.portfolio != other.portfolio:
            return False
        if not (self.portfolio or (self.place and other.place)):
            return False  # "the president" alone names no office in particular
        return not (self.place and other.place and not same_place(self.place, other.place))


@lru_cache(maxsize=1)
def role_abbreviations() -> dict[str, str]:
    """FM -> "foreign minister", as read from data/role_abbreviations.txt."""
    table = {}
    for line in (DATA / "role_abbreviations.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            short, _, long = line.strip().partition(" ")
            table[short] = long.strip()
    return table


@lru_cache(maxsize=1)
def _irregular_demonyms() -> dict[str, str]:
    table = {}
    for line in (DATA / "demonyms.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            adjective, _, country = line.strip().partition(" ")
            table[adjective] = country.strip()
    return table


def _place_key(word: str) -> str:
    word = word.lower()
    return _irregular_demonyms().get(word, word)


def same_place(a: str, b: str) -> bool:
    """ "Kazakh" and "Kazakhstan", "Russian" and "Russia": a nationality adjective names its country.

    The adjective must begin with the country's name less its last letter (Russia-n, Chin-ese,
    Austria-n but not Australia), or the country be the adjective and "stan" (Kazakh-stan);
    the irregular ones (French, Dutch) are listed in data/demonyms.txt.
    """
    a, b = _place_key(a), _place_key(b)
    if a == b:
        return True
    for adjective, country in ((a, b), (b, a)):
        stem = country if len(country) <= 4 else country[:-1]
        if len(stem) >= 4 and adjective.startswith(stem) and len(adjective) - len(country) <= 4:
            return True
        if len(adjective) >= 4 and country in (adjective + "stan", adjective + "istan"):
            return True
    return False


def _words(name: str) -> list[str]:
    words = []
    for word in re.findall(r"[\w.&'’-]+", name):
        word = re.sub(r"['’]s?$", "", word)
        expansion = role_abbreviations().get(word) if word.isupper() else None
        words.extend(expansion.split() if expansion else [word])
    return words


def office_of(name: str, places: set[str]) -> Office | None:
    """The office a descriptive name stands for, or None when it names no role.

    `places` are the article's place and nationality words (its GPE and NORP entities): they tell the
    country in "Kazakh foreign minister" from the portfolio.
    """
    words = _words(name)
    roles = role_nouns()
    lowered = [_SPELLINGS.get(w.lower(), w.lower()) for w in words]
    heads = [i for i, w in enumerate(lowered) if w in roles and " " not in w]
    if not heads:
        return None
    head = heads[-1] if not any(w in _CONNECTORS for w in lowered) else heads[0]
    if any(w in _CONNECTORS for w in lowered[:head]):
        return None  # "Spokesman of the Minister": the role is the first word, not a later one

    def is_place(word: str) -> bool:
        return word[:1].isupper() and any(same_place(word, p) for p in places)

    place = ""
    portfolio = set()
    for index, (original, word) in enumerate(zip(words, lowered, strict=True)):
        if index == head or word in _DROPPED or word in _CONNECTORS:
            continue
        if is_place(original):
            place = place or original
        else:
            portfolio.add(word)
    return Office(lowered[head], frozenset(portfolio), place)
