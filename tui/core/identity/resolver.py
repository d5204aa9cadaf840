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
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

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

FORENAME_ARTICLES = 10
"""How many articles must name someone in full before their forename alone (`Hillary`) is theirs."""
ALONE = "alone:"
"""The key of a forename written alone that no one in particular bears (`Bob`): one actor per
article, since two articles' Bobs are no more one person than two Bobs anywhere."""

PersonKey = tuple[str, str]


@dataclass
class Identity:
    """A library actor: its key, the name to show and its label."""

    key: str
    name: str
    label: str


@dataclass
class _Share:
    """What one claim brings, article by article: the local actors that make it, and their names."""

    by_article: dict[str, list[LocalActor]] = field(default_factory=dict)
    names: Counter[tuple[int, str]] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)

    def take(self, article_id: str, local: LocalActor, step: int) -> None:
        self.names[(_name_rank(local), local.name)] += step
        self.labels[local.label] += step
        if step > 0:
            self.by_article.setdefault(article_id, []).append(local)
        else:
            self.by_article.pop(article_id, None)


@dataclass
class _Tally:
    """What the library's articles say, counted in articles per name."""

    full: dict[PersonKey, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_surname: dict[str, set[PersonKey]] = field(default_factory=lambda: defaultdict(set))
    by_forename: dict[str, set[PersonKey]] = field(default_factory=lambda: defaultdict(set))
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
                self.by_forename[claim.forename].add(person)
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

    Work is in proportion to the change: an article arriving or leaving marks the surnames and
    initials its actors bear; only the claims bearing those are resolved again, and only the actors
    whose claims changed are built again. Thread-safe: the reader adds analyses from a worker while
    the screen asks for actors.
    """

    def __init__(self) -> None:
        self._articles: dict[str, tuple[Analysis, ArticleClaims]] = {}
        self._tally = _Tally()
        self._lock = threading.RLock()
        self.version = 0
        """Bumped on every change: a cache of anything built from the identities compares it."""
        self._shares: dict[Claim, _Share] = {}
        self._by_token: dict[str, set[Claim]] = defaultdict(set)
        self._keys: dict[Claim, str] = {}
        self._claims_of_key: dict[str, set[Claim]] = defaultdict(set)
        self._identities: dict[str, Identity] = {}
        self._dirty_tokens: set[str] = set()
        self._dirty_keys: set[str] = set()
        self._renamed: set[str] = set()  # actors whose built summary took one more article
        self._alone: dict[str, set[str]] = {}  # a forename alone -> its one identity per article
        self._built: dict[str, Any] = {}  # key -> summary made by `summaries`, until its actor changes
        self._ordered: tuple[int, list[Any]] | None = None
        self._order: dict[str, int] = {}  # article id -> when it came: statements in that order

    # -- keeping up with the library ---------------------------------------------------------------

    def add(self, article_id: str, analysis: Analysis) -> None:
        """Take in (or take in again) one article's analysis."""
        claims = article_claims(analysis)
        with self._lock:
            if article_id in self._articles:
                self._take(article_id, -1)
            self._articles[article_id] = (analysis, claims)
            self._order.setdefault(article_id, len(self._order))
            self._take(article_id, 1)

    def remove(self, article_id: str) -> None:
        with self._lock:
            if article_id in self._articles:
                self._take(article_id, -1)
                del self._articles[article_id]
                self._order.pop(article_id, None)

    def _take(self, article_id: str, step: int) -> None:
        _, claims = self._articles[article_id]
        self._tally.count(claims, step)
        grown: dict[str, list[LocalActor]] = defaultdict(list)
        for local in claims.actors.values():
            claim = local.claim
            share = self._shares.get(claim)
            if share is None:
                share = self._shares[claim] = _Share()
                self._by_token[_token(claim)].add(claim)
            share.take(article_id, local, step)
            self._dirty_tokens.add(_token(claim))
            if isinstance(claim, FullName):  # a forename alone may be this person now
                self._dirty_tokens.add(claim.forename)
            key = self._keys.get(claim)
            if key is None:
                continue
            if step > 0 and key in self._built and key not in self._dirty_keys:
                grown[key].append(local)  # an actor known before, in one more article: added to
            else:
                self._dirty_keys.add(key)
        for key, locals_ in grown.items():
            _add_article(self._built[key], article_id, locals_, claims)
            self._renamed.add(key)
        self._dirty_tokens.update(f"letters:{letters}" for letters, _ in claims.acronym_links)
        self._dirty_tokens.update(f"letters:{letters}" for letters, _ in claims.initials)
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

    def analysis(self, article_id: str) -> Analysis | None:
        found = self._articles.get(article_id)
        return found[0] if found is not None else None

    # -- identities --------------------------------------------------------------------------------

    def key_of(self, claim: Claim) -> str:
        """The library-wide key of whoever `claim` names."""
        with self._lock:
            self._refresh()
            return self._key(claim) if claim in self._shares else self._work_out(claim)

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
        return _in_article(self.key_of(local.claim), article_id) if local is not None else None

    def article_keys(self, article_id: str) -> dict[str, str]:
        """Each actor of one article (by its name there) -> its library-wide key."""
        claims = self.claims(article_id)
        if claims is None:
            return {}
        with self._lock:
            self._refresh()
            return {
                name: _in_article(self._key(local.claim), article_id) for name, local in claims.actors.items()
            }

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
                key = self._key(claim) if claim in self._shares else self._work_out(claim)
                if key in self._identities:
                    return key
        return None

    def summaries(self, make: Callable[[str, str, str], Any]) -> list[Any]:
        """Every actor of the library as a summary, most statements first: `make(name, label, key)`
        gives an empty one (tui.core.library.ActorSummary) that is filled here. The summaries are
        kept and made again only for actors that changed: do not change them."""
        with self._lock:
            self._refresh()
            if self._ordered is not None and self._ordered[0] == self.version:
                return list(self._ordered[1])
            for key, identity in self._identities.items():
                if key not in self._built:
                    self._built[key] = self._summary(identity, make)
            ordered = sorted(self._built.values(), key=lambda s: (-len(s.statements), s.name.lower()))
            self._ordered = (self.version, ordered)
            return list(ordered)

    def _summary(self, identity: Identity, make: Callable[[str, str, str], Any]) -> Any:
        summary = make(identity.name, identity.label, identity.key)
        base, _, only = (
            identity.key.partition("@") if identity.key.startswith(ALONE) else (identity.key, "", "")
        )
        claims = self._claims_of_key.get(base, ())
        articles = self._articles
        for claim in claims:
            for article_id, locals_ in self._shares[claim].by_article.items():
                if not only or article_id == only:
                    _add_article(summary, article_id, locals_, articles[article_id][1])
        if len(claims) > 1:  # one claim's articles are in the order they came already
            order = self._order
            summary.statements.sort(key=lambda pair: order.get(pair[0], 0))
        summary.aliases = set(summary.alias_articles) - {summary.name}
        return summary

    def _refresh(self) -> None:
        """Resolve again the claims whose surnames or initials changed, and rebuild their actors."""
        if not self._dirty_tokens and not self._dirty_keys:
            return
        affected = set()
        for token in self._dirty_tokens:
            affected.update(self._by_token.get(token, ()))
        self._dirty_tokens = set()
        old_keys = {claim: self._keys.pop(claim, None) for claim in affected}
        for claim in affected:
            old = old_keys[claim]
            share = self._shares.get(claim)
            if share is None or not share.by_article:
                self._shares.pop(claim, None)
                self._by_token[_token(claim)].discard(claim)
                if old is not None:
                    self._claims_of_key[old].discard(claim)
                    self._dirty_keys.add(old)
                continue
            new = self._key(claim)
            if old != new:
                if old is not None:
                    self._claims_of_key[old].discard(claim)
                    self._dirty_keys.add(old)
                self._claims_of_key[new].add(claim)
                self._dirty_keys.add(new)
        renamed = self._renamed - self._dirty_keys
        for key in self._dirty_keys | renamed:
            if key not in renamed:
                self._built.pop(key, None)
            claims = self._claims_of_key.get(key)
            if key.startswith(ALONE):
                self._split(key, claims or set())
                continue
            if not claims:
                self._claims_of_key.pop(key, None)
                self._identities.pop(key, None)
                self._built.pop(key, None)
                continue
            names: Counter[tuple[int, str]] = Counter()
            labels: Counter[str] = Counter()
            for claim in claims:
                names.update(self._shares[claim].names)
                labels.update(self._shares[claim].labels)
            names = +names
            (_, name), _ = max(names.items(), key=lambda item: (item[0][0], item[1], _spelling(item[0][1])))
            label = "PERSON" if key.startswith(("person:", "surname:")) else (+labels).most_common(1)[0][0]
            self._identities[key] = Identity(key, name, label)
            built = self._built.get(key)
            if built is not None:  # grown by an article: its name may be another one now
                built.name, built.label = name, label
                built.aliases = set(built.alias_articles) - {name}
        self._dirty_keys = set()
        self._renamed = set()

    def _split(self, key: str, claims: set[Claim]) -> None:
        """One identity per article for a forename alone (`Bob`), each named as its article names it."""
        for old in self._alone.pop(key, set()):
            self._identities.pop(old, None)
            self._built.pop(old, None)
        made = set()
        for claim in claims:
            for article_id, locals_ in self._shares[claim].by_article.items():
                one = f"{key}@{article_id}"
                made.add(one)
                self._identities[one] = Identity(one, locals_[0].name, "PERSON")
        if made:
            self._alone[key] = made
        else:
            self._claims_of_key.pop(key, None)

    def _key(self, claim: Claim) -> str:
        """A claim's key, kept for the claims of the articles (whose changes `_refresh` follows);
        worked out afresh for any other (a name typed in a search, the owner in `Clinton's campaign`)."""
        key = self._keys.get(claim)
        if key is None:
            key = self._work_out(claim)
            if claim in self._shares:
                self._keys[claim] = key
        return key

    def _work_out(self, claim: Claim) -> str:
        tally = self._tally
        if isinstance(claim, FullName):
            return self._person_key(claim)
        if isinstance(claim, Surname):
            person = self._alone_person(claim) if claim.open else None
            if person is not None:
                return self._person_key(FullName(person[0], "", person[1]))
            if not any(tally.articles_naming(p) for p in tally.by_surname.get(claim.surname, ())):
                if tally.groups.get(claim.surname):
                    return f"group:{claim.surname}"  # "Politico" tagged a person: the organisation
                if claim.open and self._forename_people(claim, named_in_article=False):
                    return f"{ALONE}{claim.surname}"  # "Bob": a forename of several; one each article
            return f"surname:{claim.surname}"
        if isinstance(claim, Group):
            if claim.person is not None and tally.articles_naming(_person(claim.person)):
                return self._person_key(claim.person)
            if " " not in claim.key and self._surname_outweighs(claim.key):
                person = self._alone_person(Surname(claim.key))
                if person is not None:
                    return self._person_key(FullName(person[0], "", person[1]))
            return f"group:{claim.key}"
        if isinstance(claim, Acronym):
            return f"group:{self._acronym_key(claim.letters)}"
        owner = self._work_out(claim.owner)
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

    def _surname_people(self, claim: Surname) -> list[tuple[int, PersonKey]]:
        tally = self._tally
        return sorted(
            (
                (n, person)
                for person in tally.by_surname.get(claim.surname, ())
                if (n := tally.articles_naming(person)) > 0 and _fits(claim, person[0])
            ),
            reverse=True,
        )

    def _forename_people(
        self, claim: Surname, *, named_in_article: bool = True
    ) -> list[tuple[int, PersonKey]]:
        """The people with the claim's word as forename, most articles first. With
        `named_in_article`, when the library holds several people of that forename (`Bill` Clinton,
        `Bill` Kristol), only those whose surname the claim's own article names too: a forename
        alone is then read in its article, never guessed across the library."""
        tally = self._tally
        people = sorted(
            (
                (n, person)
                for person in tally.by_forename.get(claim.surname, ())
                if (n := tally.articles_naming(person)) > 0 and _fits(claim, person[0])
            ),
            reverse=True,
        )
        if not named_in_article or len(people) < 2:
            return people
        return [(n, person) for n, person in people if person[1] in claim.kin]

    def _alone_person(self, claim: Surname) -> PersonKey | None:
        """The person a name written alone is taken for: the one person of the library with that
        surname, or the one who clearly dominates (`DOMINANCE` times as many articles as the next)
        among those with that surname and those with that forename (`Hillary`: Hillary Clinton).
        A forename counts for 1/`DOMINANCE` of its articles (bare `Martin` is Trayvon Martin's
        surname before it is Martin O'Malley's forename) and needs `FORENAME_ARTICLES` at least;
        None when that leaves it open."""
        by_surname = self._surname_people(claim)
        surnamed = {person for _, person in by_surname}
        counted = [(float(n), person, n) for n, person in by_surname]
        counted += [
            (n / DOMINANCE, person, n)  # news writes people by surname: a forename alone weighs less
            for n, person in self._forename_people(claim)
            if person not in surnamed
        ]
        counted.sort(reverse=True)
        if not counted:
            return None
        top, person, articles = counted[0]
        if person not in surnamed and articles < FORENAME_ARTICLES:
            return None
        if len(counted) == 1 or top >= DOMINANCE * counted[1][0]:
            return person
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


def _in_article(key: str, article_id: str) -> str:
    """A key as one article's actor has it: a forename alone is that article's own."""
    return f"{key}@{article_id}" if key.startswith(ALONE) else key


def _add_article(summary: Any, article_id: str, locals_: list[LocalActor], claims: ArticleClaims) -> None:
    """Add to an actor's summary what one article says of them: its names there, its statements."""
    summary.article_ids.add(article_id)
    names = summary.alias_articles
    for local in locals_:
        names.setdefault(local.name, set()).add(article_id)
        for alias in local.aliases:
            names.setdefault(alias, set()).add(article_id)
        said = claims.statements.get(local.name)
        if said:
            summary.statements.extend([(article_id, quote) for quote in said])


def _token(claim: Claim) -> str:
    """What a claim's resolution hangs on: the surname it bears, or its initials. When the library's
    count of that surname or those initials changes, the claim is resolved again."""
    if isinstance(claim, FullName | Surname):
        return claim.surname
    if isinstance(claim, Group):
        if claim.person is not None:
            return claim.person.surname
        return claim.key if " " not in claim.key else f"group:{claim.key}"
    if isinstance(claim, Acronym):
        return f"letters:{claim.letters}"
    return _token(claim.owner)


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
