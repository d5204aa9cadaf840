"""What one article says about who each of its actors is: a claim, read from the actor's names alone.

The analysis of an article already groups its mentions ("Tokayev", "President Kassym-Jomart
Tokayev") under one actor; a claim says what that actor's names tell about who they are across
articles: a full name (`FullName`), a surname the article leaves open (`Surname`), an organisation,
place or people (`Group`), initials (`Acronym`), or something of someone's (`Possessed`:
`Clinton's campaign`). The library-wide resolver (resolver.py) turns claims into identities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from tui.core.model import Actor, Analysis, Quote

from .group_names import acronym_of, group_key, initials_of
from .person_names import PersonName, parse_person


@dataclass(frozen=True)
class FullName:
    """A person named with a forename: `Donald J. Trump` is (donald, j, trump)."""

    forename: str
    middle: str
    surname: str
    tail: str = ""
    """The last two words when a middle name is written out (`wasserman schultz` for Debbie
    Wasserman Schultz), so that a later `Wasserman Schultz` can be known as her."""


@dataclass(frozen=True)
class Surname:
    """A person named by surname alone (`Mr. Trump`, `Erdoğan`). `open` is False when the article
    itself names two people of that surname: then no other article can say which one it is."""

    surname: str
    gender: str = ""
    open: bool = True
    kin: frozenset[str] = frozenset()
    """The surnames of the other people its article names. A word alone that is a forename
    (`Bill`) is read as a person of the library only when its article names that person's
    surname too: `Bill` in a story that never names a Clinton is not Bill Clinton."""


@dataclass(frozen=True)
class Group:
    """An organisation, place or people by its key (`world health organization`); `person` is the
    name's reading as a full person's name, for a person the model tagged as an organisation."""

    key: str
    person: FullName | None = None


@dataclass(frozen=True)
class Acronym:
    """An organisation written in initials: `fbi` for `F.B.I.`."""

    letters: str


@dataclass(frozen=True)
class Possessed:
    """Something of someone's that speaks as a body: `Hillary Clinton's campaign`."""

    owner: FullName | Surname
    thing: str


Claim = FullName | Surname | Group | Acronym | Possessed

_POSSESSIVE_OF = re.compile(r"^(?:the\s+)?(.+?)['’]s?\s+(\S.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class LocalActor:
    """One actor of one article, as the library's identity sees it."""

    name: str
    label: str
    aliases: tuple[str, ...]
    claim: Claim


@dataclass(frozen=True)
class ArticleClaims:
    """Every actor of one article by its name in that article, and the links its names make between
    initials and the organisation they stand for (`WHO` written beside `World Health Organization`)."""

    actors: dict[str, LocalActor]
    acronym_links: tuple[tuple[str, str], ...] = ()
    initials: tuple[tuple[str, str], ...] = ()
    """(initials, group key) of each organisation of several words: `doj` for Department of Justice."""
    statements: dict[str, list[Quote]] = field(default_factory=dict)
    """Each actor's statements in this article, by the actor's name there, in reading order."""


@lru_cache(maxsize=65536)
def person_claim(name: str) -> FullName | Surname | None:
    """What a person's name says: a full name, a surname alone, or nothing (`Mr.`)."""
    parsed = parse_person(name)
    if parsed is None:
        return None
    return _claim_of(parsed, name)


def _claim_of(parsed: PersonName, name: str) -> FullName | Surname:
    if not parsed.is_full:
        return Surname(parsed.surname, parsed.gender)
    tail = ""
    words = name.split()
    if len(words) >= 3 and len(parsed.middle) == 1 and len(words[-2].strip(".")) > 1:
        tail = parsed.surname if " " in parsed.surname else " ".join(w.casefold() for w in words[-2:])
        tail = group_key(tail)
    return FullName(parsed.forename, parsed.middle, parsed.surname, tail)


def _best_person_claim(names: tuple[str, ...]) -> FullName | Surname | None:
    """The fullest claim among an actor's names, its own name first: a full name beats a surname."""
    found: FullName | Surname | None = None
    for name in names:
        claim = person_claim(name)
        if isinstance(claim, FullName):
            return claim
        if found is None and claim is not None:
            found = claim
    return found


@lru_cache(maxsize=65536)
def group_claim(name: str) -> Claim:
    """What an organisation's name says: initials, something of someone's, or a name."""
    letters = acronym_of(name)
    if letters:
        return Acronym(letters)
    possessive = _POSSESSIVE_OF.match(name.strip())
    if possessive and ("'" in name or "’" in name):
        owner = person_claim(possessive.group(1))
        if owner is not None and possessive.group(1)[:1].isupper():
            return Possessed(owner, group_key(possessive.group(2)))
    person = parse_person(name)
    as_person = _claim_of(person, name) if person is not None else None
    return Group(group_key(name), as_person if isinstance(as_person, FullName) else None)


def article_claims(analysis: Analysis) -> ArticleClaims:
    """The claims of every actor of one article, surnames settled by the article's own full names.

    A surname alone joins the one full name of that surname the article gives (of a fitting gender:
    `Mrs. Clinton` is not Bill Clinton); when the article gives two, it stays open to nobody.
    """
    actors = list(analysis.actors)
    known = {actor.name for actor in actors}
    for quote in analysis.quotes:
        if quote.actor and quote.actor not in known:
            known.add(quote.actor)
            actors.append(Actor(quote.actor, "PERSON"))
    locals_: dict[str, LocalActor] = {}
    links: list[tuple[str, str]] = []
    initials: list[tuple[str, str]] = []
    for actor in actors:
        names = (actor.name, *actor.aliases)
        claim: Claim | None = _best_person_claim(names) if actor.label == "PERSON" else None
        if claim is None:
            claim = group_claim(actor.name)
            links.extend(_acronym_links(claim, names))
        if isinstance(claim, Group):
            initials.extend((letters, claim.key) for letters in initials_of(actor.name))
        locals_[actor.name] = LocalActor(actor.name, actor.label, tuple(actor.aliases), claim)
    full = [local.claim for local in locals_.values() if isinstance(local.claim, FullName)]
    surnames = {
        local.claim.surname for local in locals_.values() if isinstance(local.claim, FullName | Surname)
    }
    for name, local in locals_.items():
        if isinstance(local.claim, Surname):
            settled = _settle_in_article(local.claim, full)
            if isinstance(settled, Surname) and settled.open:
                settled = replace(settled, kin=frozenset(surnames - {settled.surname}))
            if settled != local.claim:
                locals_[name] = LocalActor(local.name, local.label, local.aliases, settled)
    statements: dict[str, list[Quote]] = {}
    for quote in analysis.quotes:
        if quote.actor:
            statements.setdefault(quote.actor, []).append(quote)
    return ArticleClaims(locals_, tuple(links), tuple(initials), statements)


def _acronym_links(claim: Claim, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """(initials, organisation key) pairs an actor's names link: `WHO` and `World Health Organization`."""
    if isinstance(claim, Acronym):
        return [
            (claim.letters, group_key(name))
            for name in names
            if not acronym_of(name) and claim.letters in initials_of(name)
        ]
    if isinstance(claim, Group):
        return [(letters, claim.key) for name in names if (letters := acronym_of(name))]
    return []


def _settle_in_article(surname: Surname, full: list[FullName]) -> Claim:
    namesakes = {
        (f.forename, f.surname)
        for f in full
        if f.surname == surname.surname and _gender_fits(surname, f.forename)
    }
    if len(namesakes) == 1:
        forename, family = namesakes.pop()
        middles = {f.middle for f in full if (f.forename, f.surname) == (forename, family)}
        return FullName(forename, max(middles, key=len), family)
    if namesakes:  # two people of that surname here: the article leaves it open, and so do we
        return Surname(surname.surname, surname.gender, open=False)
    return surname


def _gender_fits(surname: Surname, forename: str) -> bool:
    return PersonName("", "", surname.surname, surname.gender).may_be(forename)
