"""One actor across the library: the claims of every article's actors turned into identities.

The rules, in the order they apply (docs/quality.md measures them on 840 articles):

- A full name is one person with every spelling of it (`Recep Tayyip Erdoğan`, `Recep Tayyip
  Erdogan`, `President Recep Tayyip Erdoğan`); with or without middle names (`Donald J. Trump`,
  `Donald Trump`), unless the library has two different middle initials for that name
  (`George W. Bush`, `George H. W. Bush`): then each is its own person, and the name without
  initials stays apart.
- A surname alone joins the full name its own article gives (claims.py), else the only full name in
  the library with that surname (of a fitting gender: `Mrs. Clinton` is not Bill), else the one of
  them named in the most articles when it is named in at least `DOMINANCE` times as many articles as
  the next (`Clinton` in 2016 coverage: Hillary, 558 articles, Bill 87), else it stays apart under
  the surname, as ambiguous: `Bush` with Jeb Bush (79) and George W. Bush (54) names neither.
- Initials join the organisation the articles write them beside (`WHO (World Health Organization)`),
  else the only organisation in the library whose name has those initials, else stay apart.
- The model's mistakes in kind are mended only where the library settles them: a person tagged as an
  organisation (`Trump said` tagged ORG) is that person when the word is a person's surname in more
  articles than it is an organisation's name; a single word tagged a person that no one of the
  library has for a surname (`Politico`) is the organisation of that name when there is one.

Everything is kept in counts per name, updated as analyses arrive or leave; the identities are
worked out again from those counts only when asked after a change (a few ms for a thousand articles).
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from tui.core.model import Analysis

from .claims import (
    Acronym,
    ArticleClaims,
    Claim,
    FullName,
    Group,
    LocalActor,
    Possessed,
    Surname,
    article_claims,
    group_claim,
    person_claim,
)
from .person_names import forename_genders

DOMINANCE = 4.0
"""How many times as many articles the most named of several people sharing a surname needs, over
the next, for a surname alone to be taken for them (see docs/quality.md for the measurement)."""

PersonKey = tuple[str, str]


@dataclass
class Identity:
    """A library actor: its key, the name to show, its label, and how many articles name it."""

    key: str
    name: str
    label: str
    articles: int = 0


@dataclass
class _Tally:
    """What the library's articles say, counted in articles per name."""

    full: dict[PersonKey, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_surname: dict[str, set[PersonKey]] = field(default_factory=lambda: defaultdict(set))
    tails: dict[str, Counter[PersonKey]] = field(default_factory=lambda: defaultdict(Counter))
    surnames: Counter[str] = field(default_factory=Counter)
    groups: Counter[str] = field(default_factory=Counter)
    links: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    initials: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def count(self, claims: ArticleClaims, step: int) -> None:
        seen: set[object] = set()
        for local in claims.actors.values():
            claim = local.claim
            if claim in seen:
                continue
            seen.add(claim)
            if isinstance(claim, FullName):
                person = (claim.forename, claim.surname)
                self.full[person][claim.middle] += step
                self.by_surname[claim.surname].add(person)
                if claim.tail:
                    self.tails[claim.tail][person] += step
            elif isinstance(claim, Surname):
                self.surnames[claim.surname] += step
            elif isinstance(claim, Group):
                self.groups[claim.key] += step
        for letters, key in set(claims.acronym_links):
            self.links[letters][key] += step
        for letters, key in set(claims.initials):
            self.initials[letters][key] += step

    def articles_naming(self, person: PersonKey) -> int:
        return sum(self.full[person].values()) if person in self.full else 0


class ActorIdentities:
    """The library-wide identity of every actor of the articles added, kept as they come and go.

    Thread-safe: the reader adds analyses from a worker while the screen asks for actors.
    """

    def __init__(self) -> None:
        self._articles: dict[str, tuple[Analysis, ArticleClaims]] = {}
        self._tally = _Tally()
        self._lock = threading.RLock()
        self.version = 0
        """Bumped on every change: a cache of anything built from the identities compares it."""
        self._resolved_version = -1
        self._keys: dict[Claim, str] = {}
        self._identities: dict[str, Identity] = {}

    # -- keeping up with the library ---------------------------------------------------------------

    def add(self, article_id: str, analysis: Analysis) -> None:
        """Take in (or take in again) one article's analysis."""
        claims = article_claims(analysis)
        with self._lock:
            old = self._articles.get(article_id)
            if old is not None:
                self._tally.count(old[1], -1)
            self._articles[article_id] = (analysis, claims)
            self._tally.count(claims, 1)
            self.version += 1

    def remove(self, article_id: str) -> None:
        with self._lock:
            old = self._articles.pop(article_id, None)
            if old is not None:
                self._tally.count(old[1], -1)
                self.version += 1

    def holds(self, article_id: str, analysis: Analysis) -> bool:
        """Whether this very analysis of the article is the one taken in."""
        found = self._articles.get(article_id)
        return found is not None and found[0] is analysis

    def article_ids(self) -> list[str]:
        with self._lock:
            return list(self._articles)

    def claims(self, article_id: str) -> ArticleClaims | None:
        found = self._articles.get(article_id)
        return found[1] if found is not None else None

    # -- identities --------------------------------------------------------------------------------

    def key_of(self, claim: Claim) -> str:
        """The library-wide key of whoever `claim` names."""
        with self._lock:
            self._refresh()
            return self._key(claim)

    def identity(self, key: str) -> Identity | None:
        with self._lock:
            self._refresh()
            return self._identities.get(key)

    def identities(self) -> dict[str, Identity]:
        with self._lock:
            self._refresh()
            return dict(self._identities)

    def local_key(self, article_id: str, actor_name: str) -> str | None:
        """The key of the actor an article calls `actor_name` (its canonical name there)."""
        claims = self.claims(article_id)
        local = claims.actors.get(actor_name) if claims is not None else None
        return self.key_of(local.claim) if local is not None else None

    def article_keys(self, article_id: str) -> dict[str, str]:
        """Each actor of one article (by its name there) -> its library-wide key."""
        claims = self.claims(article_id)
        if claims is None:
            return {}
        with self._lock:
            self._refresh()
            return {name: self._key(local.claim) for name, local in claims.actors.items()}

    def key_for_name(self, name: str) -> str | None:
        """The key a name typed by someone (`Erdogan`, `FBI`, `Mr. Trump`) is taken to mean by the
        same rules as an article's actor; None when no actor of the library has that key."""
        claims: list[Claim] = []
        person = person_claim(name)
        if person is not None:
            claims.append(person)
        claims.append(group_claim(name))
        with self._lock:
            self._refresh()
            for claim in claims:
                key = self._key(claim)
                if key in self._identities:
                    return key
        return None

    def _refresh(self) -> None:
        if self._resolved_version == self.version:
            return
        self._keys = {}
        names: dict[str, Counter[tuple[int, str]]] = defaultdict(Counter)
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        articles: Counter[str] = Counter()
        for _, claims in self._articles.values():
            keys_here = set()
            for local in claims.actors.values():
                key = self._key(local.claim)
                keys_here.add(key)
                names[key][(_name_rank(local), local.name)] += 1
                labels[key][local.label] += 1
            articles.update(keys_here)
        identities = {}
        for key, counted in names.items():
            (_, name), _ = max(counted.items(), key=lambda item: (item[0][0], item[1], _spelling(item[0][1])))
            label = "PERSON" if key.startswith(("person:", "surname:")) else labels[key].most_common(1)[0][0]
            identities[key] = Identity(key, name, label, articles[key])
        self._identities = identities
        self._resolved_version = self.version

    def _key(self, claim: Claim) -> str:
        key = self._keys.get(claim)
        if key is None:
            key = self._keys[claim] = self._work_out(claim)
        return key

    def _work_out(self, claim: Claim) -> str:
        tally = self._tally
        if isinstance(claim, FullName):
            return self._person_key(claim)
        if isinstance(claim, Surname):
            person = self._surname_person(claim) if claim.open else None
            if person is not None:
                return self._person_key(FullName(person[0], "", person[1]))
            if not tally.by_surname.get(claim.surname) and tally.groups.get(claim.surname):
                return f"group:{claim.surname}"  # "Politico" tagged a person: the organisation
            return f"surname:{claim.surname}"
        if isinstance(claim, Group):
            if claim.person is not None and tally.articles_naming(_person(claim.person)):
                return self._person_key(claim.person)
            if " " not in claim.key and self._surname_outweighs(claim.key):
                person = self._surname_person(Surname(claim.key))
                if person is not None:
                    return self._person_key(FullName(person[0], "", person[1]))
            return f"group:{claim.key}"
        if isinstance(claim, Acronym):
            return f"group:{self._acronym_key(claim.letters)}"
        owner = self._key(claim.owner)
        return f"group:{owner}'s {claim.thing}"

    def _person_key(self, claim: FullName) -> str:
        tally = self._tally
        person = _person(claim)
        if not claim.middle and claim.forename not in forename_genders():
            # "Wasserman Schultz", two words no forename begins: Debbie Wasserman Schultz, if she is the
            # only one so named and named as often
            tail = tally.tails.get(f"{claim.forename} {claim.surname}", {})
            longer = [p for p, n in tail.items() if n > 0 and p != person]
            if len(longer) == 1 and tally.articles_naming(longer[0]) >= tally.articles_naming(person):
                person = longer[0]
        middles = [m for m, n in tally.full.get(person, {}).items() if m and n > 0]
        distinct = {m[:1] for m in middles}
        forename, surname = person
        if len(distinct) > 1 and claim.middle:  # George W. and George H. W. Bush: two people
            return f"person:{forename} {claim.middle} {surname}"
        return f"person:{forename} {surname}"

    def _surname_person(self, claim: Surname) -> PersonKey | None:
        """The one person of the library a surname alone is taken for, or None when it is open."""
        tally = self._tally
        counted = sorted(
            (
                (tally.articles_naming(person), person)
                for person in tally.by_surname.get(claim.surname, ())
                if _fits(claim, person[0])
            ),
            reverse=True,
        )
        counted = [(n, person) for n, person in counted if n > 0]
        if not counted:
            return None
        if len(counted) == 1 or counted[0][0] >= DOMINANCE * counted[1][0]:
            return counted[0][1]
        return None

    def _surname_outweighs(self, word: str) -> bool:
        """Whether a word tagged an organisation is a person's surname in more of the articles."""
        tally = self._tally
        as_person = tally.surnames.get(word, 0) + sum(
            tally.articles_naming(person) for person in tally.by_surname.get(word, ())
        )
        return as_person > tally.groups.get(word, 0)

    def _acronym_key(self, letters: str) -> str:
        tally = self._tally
        for table in (tally.links, tally.initials):
            found = None
            for key, n in table.get(letters, {}).items():
                if n > 0 and key != letters:
                    if found is not None:
                        return letters  # two organisations with those initials: keep it apart
                    found = key
            if found is not None:
                return found
        return letters


def _person(claim: FullName) -> PersonKey:
    return (claim.forename, claim.surname)


def _fits(claim: Surname, forename: str) -> bool:
    known = forename_genders().get(forename, "")
    return not claim.gender or not known or known == claim.gender


def _name_rank(local: LocalActor) -> int:
    """Which of an identity's names to show: a full name, then an organisation's name, then the rest."""
    claim = local.claim
    if isinstance(claim, FullName):
        return 3
    if isinstance(claim, Group | Possessed):
        return 2
    return 1


@lru_cache(maxsize=65536)
def _spelling(name: str) -> tuple[int, bool, int]:
    """Among names as common, the one with its diacritics (`Erdoğan` over `Erdogan`), then one not
    starting with `the`, then the longer."""
    accents = sum(1 for char in name if ord(char) > 127 and char.isalpha())
    return (accents, not name.lower().startswith("the "), len(name))
