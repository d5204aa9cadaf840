"""Actors: the people and organisations of an article, each under one canonical name.

Named mentions are grouped by surname for people ("Tokayev", "President Kassym-Jomart Tokayev" ->
"Kassym-Jomart Tokayev") and by normalised name or acronym for organisations. A speaker mention that
names no one is resolved in the article's own terms: a pronoun to the nearest fitting actor before it
(he/she to people, it/they to organisations), a role noun ("the minister") to the actor who holds that
role here, a speech noun ("The statement") to whoever issued that statement, and a descriptive phrase
("the Minister of Foreign Affairs of Kazakhstan") becomes an actor of its own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .actor_names import (
    ACRONYM_LENGTH,
    NAME_PARTICLES,
    common_speakers,
    credit_spans,
    looks_like_name,
    speaker_name_tokens,
)
from .lexicon import (
    document_nouns,
    forename_genders,
    group_nouns,
    name_titles,
    organisation_nouns,
    platforms,
    role_nouns,
    speech_nouns,
)
from .offices import Office, office_of, same_place
from .speakers import antecedent, doc_text, subject_of

Doc = Any
Token = Any

RECENT_SPEAKER_REACH = 150
"""How far (in characters) a pronoun looks past the nearest named person for the last speaker."""
PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "we"}
GROUP_PRONOUNS = {"it", "they", "we"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_INDEFINITE = {"a", "an", "another", "one"}
"""Words that open a description of someone unnamed: "a collision expert", "another member of the public"."""
_DEFINITE = {"the", "this", "that"}
_QUANTIFIERS = {
    "some",
    "several",
    "many",
    "most",
    "few",
    "two",
    "three",
    "four",
    "other",
    "all",
    "both",
    "various",
}
_INSIDE_A_NAME = {"of", "for", "and", "&", "the", "de", "on"}
"""Words before capitalised words that make them part of a longer name, not a person's."""
DESCRIPTION_REACH = 400
"""How far (in characters) back a description ("the prime minister") looks for the person it describes."""


class ActorKind(Enum):
    """How an actor came to be known, which decides how other mentions may join it."""

    PERSON = "person"
    """A named person, grouped by forename and surname."""
    GROUP = "group"
    """A named organisation, place or people, grouped by name or acronym."""
    DESCRIBED = "described"
    """Known only by a description: "the Minister of Foreign Affairs of Kazakhstan", "the police"."""


@dataclass(frozen=True)
class ActorKey:
    """What makes two mentions one actor: its kind and its name in lower case ("kassym-jomart tokayev")."""

    kind: ActorKind
    name: str

    @property
    def forename(self) -> str:
        return self.name.split()[0]

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class ActorBuilder:
    name: str
    label: str
    key: ActorKey
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    gender: str = ""
    head_word: str = ""
    """For an actor known by description, the noun it was described by ("person", "expert")."""
    plural: bool = False
    """A body of people named by a plural ("officials"): "they", never "it"."""
    listed: bool = True
    """False for a name known only as a subject spaCy did not tag: listed once it has a statement."""


@dataclass(frozen=True)
class _Mention:
    """A name found outside spaCy's entities, shaped like one: its text, where it is, its label."""

    text: str
    start_char: int
    end_char: int
    label_: str

    def __iter__(self) -> Any:
        return iter(())  # no tokens: never taken for a person's name spaCy called an organisation


def _clean_name(text: str) -> str:
    text = re.sub(r"['’]s?$", "", text.strip())
    text = re.sub(r"^(the|The)\s+", "", text)
    text = re.sub(r"\s*\([^)]*$", "", text)  # "World Health Organization (WHO": the bracket never closes
    return " ".join(text.split())


def _person_words(name: str) -> list[str]:
    words = [w for w in re.split(r"\s+", name) if w]
    while words and words[0].lower().rstrip(".") in name_titles():
        words = words[1:]
    return words


def _acronym(name: str) -> str:
    return "".join(
        w[0] for w in name.split() if w[:1].isupper() and w.lower() not in {"of", "the", "and", "for"}
    )


class ActorBook:
    """The actors of one article, built from its entities, then grown by resolving speaker mentions."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: list[ActorBuilder] = []
        self._by_key: dict[ActorKey, ActorBuilder] = {}
        self.timeline: list[tuple[int, ActorBuilder]] = []  # (char offset, actor) of named mentions
        self._named_speakers: dict[int, ActorBuilder] = {}  # head token of a speaker mention -> who it names
        self._tokens_by_text: dict[str, list[int]] | None = None  # capitalised words, built when first needed
        self._offices: dict[int, set[str]] | None = None  # roles named people are written with, when needed
        self._token_starts: list[int] | None = None
        self._contents: list[
            tuple[int, int]
        ] = []  # what statements report, sorted: no salient subjects there
        self._collect_entities()

    def learn_written_names(self, names: list[tuple[tuple[int, int], int]]) -> None:
        """Speakers named as written (`Stiletos in the Sand`, `@xaxo6v`; see Statement.written_name),
        each (span, head token): an actor of that name, whatever spaCy tagged inside it. A lone word
        the article gives as part of a person's name joins that person instead; a person spaCy tagged
        as the name's first words (`Stiletos`) is the same one."""
        text = doc_text(self.doc)
        for (start, end), head in names:
            name = " ".join(text[start:end].split())
            if " " not in name and self._people_named(name):
                continue
            key = ActorKey(ActorKind.PERSON, name.lower())
            actor = self._by_key.get(key)
            if actor is None:
                actor = ActorBuilder(name, "PERSON", key)
                self._by_key[key] = actor
                self.actors.append(actor)
                for other in list(self.actors):
                    if (
                        other is not actor
                        and (name + " ").startswith(other.name + " ")
                        and all(start <= s and e <= end for s, e in other.mentions)
                    ):
                        self._merge_into(actor, other)
            self._mention(actor, start, end, name)
            self._named_speakers[head] = actor
        self.timeline.sort(key=lambda pair: pair[0])

    def learn_speaker_names(self, heads: list[int], contents: list[tuple[int, int]] | None = None) -> None:
        """Speakers written by a name spaCy did not tag (`Markstrom said`): each joins the person of that
        name in the article ("Jacob Markstrom", tagged or not), else becomes an actor of its own.

        Called with every statement's speaker head before any is resolved, so that a pronoun can find a
        person the article names only untagged. Full names go first, so that a lone surname joins them.
        `contents` are the spans of what the statements report.
        """
        self._contents = sorted(contents or [])
        self._speaker_heads = set(heads)
        found = []
        for index in heads:
            head = self.doc[index]
            if index in self._named_speakers or self._in_credit(head.idx):
                continue
            tagged = self._entity_actor(head.idx, head.idx + len(head.text))
            if tagged is not None and tagged.label in {"GPE", "NORP", "ORG"} and tagged.label != "PERSON":
                full = None if self._people_named(head.text) else self._untagged_full_name(head)
                if full is not None and " " in full.text and self._reads_as_a_persons_name(full):
                    self._add_person(
                        full
                    )  # "Kopgli doubts", where the article named Rodrigue Kopgli (as a place)
                if self._people_named(head.text) and (tagged.label != "ORG" or full is not None):
                    # "Vuori said" tagged a nationality, where the article names Anna Vuori
                    mention = _Mention(head.text, head.idx, head.idx + len(head.text), "PERSON")
                    person = self._add_person(mention)
                    if person is not None:
                        self._named_speakers[index] = person
                    continue
            if tagged is not None:
                continue
            tokens = speaker_name_tokens(head)
            if tokens:
                found.append(tokens)
            for appos in head.rights:  # "Wise's dad, Darrin"
                if (
                    appos.dep_ == "appos"
                    and appos.pos_ == "PROPN"
                    and appos.ent_type_ not in {"PERSON", "ORG"}
                ):
                    named = speaker_name_tokens(appos, strict=False)  # a speaker's name, even tagged a place
                    if named:
                        found.append(named)
        for tokens in sorted(found, key=lambda ts: (-len(ts), ts[0].i)):
            actor = self._add_named_speaker(tokens)
            if actor is not None:
                self._named_speakers[tokens[-1].i] = actor
        self._learn_subject_names()
        self.timeline.sort(key=lambda pair: pair[0])
        self._guess_genders()

    def _learn_subject_names(self) -> None:
        """People the article names untagged, as the subject of a sentence ("Purdy, 73, credits his
        dog") or in full anywhere: known, so that a later "he" or "the retiree" can be them, but listed
        only if they speak."""
        from spacy.attrs import POS
        from spacy.symbols import PROPN

        found = []
        proper = (
            [i for i, pos in enumerate(self.doc.to_array([POS]).tolist()) if pos == PROPN]
            if len(self.doc)
            else []
        )
        for index in proper:  # only proper nouns: making every token in Python costs more than the parse
            token = self.doc[index]
            if token.dep_ == "compound" or token.i in self._named_speakers:
                continue
            if token.text.isupper():
                continue  # initials or a heading: only a speaker's own name makes them an actor
            if self._in_credit(token.idx):
                continue
            if token.ent_type_ and self._entity_actor(token.idx, token.idx + len(token.text)) is not None:
                continue
            tokens = speaker_name_tokens(token)
            if not tokens or token.tag_ == "NNPS":
                continue
            before = self.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
            if before is not None and before.lower_ in _INSIDE_A_NAME:
                continue  # "Minister of Foreign Affairs", "the Heart and Stroke Foundation"
            # a subject ("Purdy credits his dog"), or anywhere a forename and surname ("accountant Ann Oduya")
            if token.dep_ in {"nsubj", "nsubjpass"} or len(tokens) >= 2:
                found.append(tokens)
        for tokens in sorted(found, key=lambda ts: (-len(ts), ts[0].i)):
            known = len(self.actors)
            actor = self._add_named_speaker(tokens)
            if actor is not None:
                if actor in self.actors[known:]:
                    actor.listed = False
                self._named_speakers[tokens[-1].i] = actor

    def _add_named_speaker(self, tokens: list[Token]) -> ActorBuilder | None:
        doc = self.doc
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        name = _clean_name(doc_text(doc)[start:end])
        words = _person_words(name)
        if not words:
            return None
        if len(words) == 1 and (
            (name.isupper() and len(name) in ACRONYM_LENGTH) or name.lower() in platforms()
        ):
            return self._add_group(_Mention(name, start, end, "ORG"))
        if len(words) == 1 and not self._people_named(words[0]):
            group = next((a for a in self.actors if a.label == "ORG" and a.name.split()[-1] == name), None)
            if group is not None:  # "BC Hydro" named earlier, "Hydro said"
                self._mention(group, start, end, name)
                return group
            full = self._untagged_full_name(tokens[-1])
            if full is not None:
                self._add_person(full)
        actor = self._add_person(_Mention(name, start, end, "PERSON"))
        if actor is not None and len(words) > 1:
            self._absorb_lone_surname(actor)
        return actor

    def _untagged_full_name(self, surname: Token) -> _Mention | None:
        """The first place the article writes this surname after a forename, tagged or not: "Maria Lopez"."""
        if self._tokens_by_text is None:
            self._tokens_by_text = {}
            text = doc_text(self.doc)
            starts = [*self._starts(), len(text)]
            for i in range(len(starts) - 1):  # word texts from offsets: no spaCy token is made
                if text[starts[i] : starts[i] + 1].isupper():
                    word = text[starts[i] : starts[i + 1]].rstrip()
                    self._tokens_by_text.setdefault(word, []).append(i)
        for index in self._tokens_by_text.get(surname.text, []):
            token = self.doc[index]
            if token.i == surname.i:
                continue
            tokens = speaker_name_tokens(token, strict=False)
            if len(tokens) >= 2:
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                return _Mention(doc_text(self.doc)[start:end], start, end, "PERSON")
        return None

    def _absorb_lone_surname(self, actor: ActorBuilder) -> None:
        """A person known by surname alone ("Malashenko") is the one whose full name a speaker gives,
        unless the article names two people of that surname."""
        namesakes = [a for a in self._people_named(actor.key.surname) if a.key.surname == actor.key.surname]
        if len(namesakes) == 2:
            other = next(a for a in namesakes if a is not actor)
            if " " not in other.key.name:
                self._merge_into(actor, other)

    def _collect_entities(self) -> None:
        self._credits = credit_spans(doc_text(self.doc))
        # spaCy rebuilds doc.ents on every access; a photo credit names no actor
        ents = [
            e for e in self.doc.ents if not (self._in_credit(e.start_char) or self._in_credit(e.end_char - 1))
        ]
        platform = {
            e.start_char for e in ents if e.label_ == "PERSON" and _clean_name(e.text).lower() in platforms()
        }
        # "Ottawa, Ont." and "Amherst, N.S.": a province after a town is no person
        ents = [e for e in ents if not (e.label_ == "PERSON" and _after_a_place(e))]
        persons = [
            self._with_untagged_forename(e) if e.label_ == "PERSON" else e
            for e in ents
            if (e.label_ == "PERSON" and e.start_char not in platform) or _person_called_organisation(e)
        ]
        # full names first, so "Tokayev" can join "Kassym-Jomart Tokayev"; then bare names in text order
        full = [e for e in persons if len(_person_words(_clean_name(e.text))) >= 2]
        for ent in sorted(full, key=lambda e: (-len(_person_words(_clean_name(e.text))), e.start_char)):
            self._add_person(ent)
        self.timeline.sort(key=lambda pair: pair[0])
        for ent in persons:
            if len(_person_words(_clean_name(ent.text))) == 1:
                self._add_person(ent)
                self.timeline.sort(key=lambda pair: pair[0])
        for ent in ents:
            if ent.label_ in {"ORG", "GPE", "NORP"} and not _person_called_organisation(ent):
                self._add_group(ent)
            elif ent.start_char in platform:  # "Facebook" tagged a person is an organisation: "it"
                self._add_group(_Mention(ent.text, ent.start_char, ent.end_char, "ORG"))
        self.timeline.sort(key=lambda pair: pair[0])
        self._guess_genders()

    def _reads_as_a_persons_name(self, name: _Mention) -> bool:
        """Whether a full name found for a speaker spaCy tagged a group is a person's: no part of an
        organisation's name (`Statistics Canada`, `Foreign Affairs Minister`), and a first word the
        article never writes in lower case (`Rodrigue Kopgli`, not `Global Affairs`)."""
        if any(
            e.label_ == "ORG" and e.start_char < name.end_char and name.start_char < e.end_char
            for e in self.doc.ents
        ):
            return False
        first = name.text.split()[0].lower()
        return first not in common_speakers() and not re.search(
            rf"\b{re.escape(first)}\b", doc_text(self.doc)
        )

    def _with_untagged_forename(self, ent: Any) -> Any:
        """A person's entity with the forename spaCy left out of it: `Mahmood Al Yousif` where only
        `Al Yousif` is tagged. Only a capitalised proper noun joined to the name, never a title, a role
        or a nationality (`Bahraini`, tagged or a people of a place the article names elsewhere)."""
        doc = self.doc
        first = ent.start
        if first == 0 or ent.end - ent.start < 2:
            return ent
        token = doc[first - 1]
        if not (
            token.pos_ == "PROPN"
            and token.dep_ == "compound"
            and not token.ent_type_
            and token.text[:1].isupper()
            and token.text.isalpha()
            and not token.text.isupper()
            and ent.start <= token.head.i < ent.end
            and token.lower_ not in name_titles() | common_speakers()
            and not self._nationality(token.text)
            and (not token.is_sent_start or token.lower_ in forename_genders())  # "Blogger Juan Perez"
            and not re.search(rf"\b{re.escape(token.lower_)}\b", doc_text(doc))  # a common noun
        ):
            return ent
        start = token.idx
        return _Mention(doc_text(doc)[start : ent.end_char], start, ent.end_char, "PERSON")

    def _nationality(self, word: str) -> bool:
        """Whether the article uses `word` as a place or people: tagged so somewhere, or the adjective
        of a place it names (`Bahraini` and `Bahrain`)."""
        places = {e.text for e in self.doc.ents if e.label_ in {"GPE", "NORP", "LOC"}}
        return word in places or any(same_place(word, place) for place in places if " " not in place)

    def _people_named(self, word: str) -> list[ActorBuilder]:
        word = word.lower()
        return [
            a
            for a in self.actors
            if a.label == "PERSON"
            and a.key.kind is ActorKind.PERSON
            and word in (a.key.surname, a.key.forename)
        ]

    def _closest(self, candidates: list[ActorBuilder], char: int) -> ActorBuilder:
        """The candidate named last before `char`, else the first named after it."""
        before = [(self._last_mention_before(a, char), i, a) for i, a in enumerate(candidates)]
        best = max(before, key=lambda x: (x[0], -x[1]))
        if best[0] > -(10**9):
            return best[2]
        return min(candidates, key=lambda a: min(s for s, _ in a.mentions))

    def _add_person(self, ent: Any) -> ActorBuilder | None:
        words = _person_words(_clean_name(ent.text))
        if not words:
            return None
        first, surname = words[0].lower(), words[-1].lower()
        if len(words) == 1:
            candidates = self._people_named(surname)
            title = doc_text(self.doc)[max(0, ent.start_char - 5) : ent.start_char] + ent.text
            wanted = (
                "m" if re.search(r"\bMr\b", title) else "f" if re.search(r"\b(Mrs|Ms|Miss)\b", title) else ""
            )
            forenames = forename_genders()
            fitting = [
                c
                for c in candidates
                if not wanted or forenames.get(c.name.split()[0].lower(), wanted) == wanted
            ]
            candidates = fitting or candidates
            if len(candidates) > 1 and not wanted:
                # "Greenspan" after "her husband, Michael Greenspan": the person the article is
                # about, introduced first, not the relative named last
                actor = min(candidates, key=lambda a: min(s for s, _ in a.mentions))
            else:
                actor = self._closest(candidates, ent.start_char) if candidates else None
        else:
            actor = next(
                (
                    a
                    for a in self._people_named(surname)
                    if a.key.surname == surname
                    and (
                        a.key.forename == first
                        or a.key.forename[:1] == first[:1]
                        # "Al Mnajer" is Mohammad Al Mnajer's surname with its particle
                        or (first in NAME_PARTICLES and f" {first} {surname}" in f" {a.name.lower()}")
                    )
                ),
                None,
            )
        if actor is None:
            key = ActorKey(ActorKind.PERSON, f"{first} {surname}" if len(words) > 1 else surname)
            actor = ActorBuilder(" ".join(words), "PERSON", key)
            self._by_key[actor.key] = actor
            self.actors.append(actor)
        self._mention(actor, ent.start_char, ent.end_char, ent.text)
        return actor

    def _guess_genders(self) -> None:
        """he/she for each person: Mr./Mrs. before a mention, pronouns right after it (before another
        person is named), else the forename."""
        text = doc_text(self.doc)
        forenames = forename_genders()
        offsets = [at for at, _ in self.timeline]
        for actor in self.actors:
            if actor.label != "PERSON":
                continue
            votes = {"m": 0, "f": 0}
            for start, end in actor.mentions:
                # a pronoun after the next person named is more likely theirs ("Kim says. Purdy walks
                # his dog. He says"), unless that one is only an owner ("Lee called Kim's plan a ...")
                reach = end + 120
                credit = bisect.bisect_right(self._credits, (end, end))
                if credit < len(self._credits):  # nor past a photo caption ("his daughters ..., left,")
                    reach = min(reach, max(end, self._credits[credit][0]))
                for at, other in self.timeline[bisect.bisect_right(offsets, end) :]:
                    if at >= reach:
                        break
                    if other is not actor and other.label == "PERSON" and not self._is_possessive_at(at):
                        reach = at
                        break
                title = text[max(0, start - 5) : start].lower()
                if re.search(r"\bmr\.?\s*$", title):
                    votes["m"] += 3
                elif re.search(r"\b(mrs|ms|miss)\.?\s*$", title):
                    votes["f"] += 3
                kin = _KINSHIP.search(text[max(0, start - 25) : start].lower())
                if kin:  # "her son Kody Cook", "his wife, Ann"
                    votes["m" if kin.group(1) in _MALE_KIN else "f"] += 3
                after = text[end:reach].lower()
                he = re.search(r"\b(he|his|him)\b", after)
                she = re.search(r"\b(she|her|hers)\b", after)
                if he and (not she or he.start() < she.start()):
                    votes["m"] += 1
                elif she:
                    votes["f"] += 1
            hint = forenames.get(actor.name.split()[0].lower()) if len(actor.name.split()) > 1 else None
            if hint:
                votes[hint] += 2
            if votes["m"] != votes["f"]:
                actor.gender = "m" if votes["m"] > votes["f"] else "f"

    def _add_group(self, ent: Any) -> ActorBuilder:
        name = _clean_name(ent.text)
        words = _person_words(name)
        people = self._people_named(words[-1]) if words else []
        person = self._closest(people, ent.start_char) if people else None
        if person is not None and all(t.pos_ in {"PROPN", "PUNCT"} for t in ent):
            # spaCy sometimes calls a person's full name an organisation: "Kassym-Jomart Tokayev"
            if len(person.name.split()) == 1 < len(words):  # "Tokayev" gets his forename, not a place
                person.aliases.add(person.name)
                person.name = " ".join(words)
            self._mention(person, ent.start_char, ent.end_char, ent.text)
            return person
        key = ActorKey(ActorKind.GROUP, name.lower())
        actor = self._by_key.get(key)
        if actor is None:
            acronym = _acronym(name)
            if len(acronym) >= 2:
                actor = self._by_key.get(ActorKey(ActorKind.GROUP, acronym.lower()))
            if actor is None and name.isupper():
                actor = next(
                    (a for a in self.actors if a.label != "PERSON" and _acronym(a.name) == name), None
                )
            if actor is None:
                actor = ActorBuilder(name, ent.label_, key)
                self.actors.append(actor)
            self._by_key[key] = actor
        if len(name) > len(actor.name) and not name.isupper() and actor.label == ent.label_:
            actor.aliases.add(actor.name)
            actor.name = name
        self._mention(actor, ent.start_char, ent.end_char, ent.text)
        return actor

    def _mention(self, actor: ActorBuilder, start: int, end: int, text: str) -> None:
        if (start, end) not in actor.mentions:
            actor.mentions.append((start, end))
            bisect.insort(self.timeline, (start, actor), key=lambda pair: pair[0])
        if _clean_name(text) != actor.name:
            actor.aliases.add(_clean_name(text))

    def _entity_actor(self, start: int, end: int) -> ActorBuilder | None:
        for actor in self.actors:
            for m_start, m_end in actor.mentions:
                if m_start < end and start < m_end and actor.label in ACTOR_LABELS:
                    return actor
        return None

    def _nearest_before(self, char: int, labels: set[str], fits: Any = None) -> ActorBuilder | None:
        best = None
        for offset, actor in self.timeline:
            if offset >= char:
                break
            if actor.label in labels and (fits is None or fits(actor)):
                best = actor
        return best

    def resolve(
        self, mention: tuple[int, int], head_index: int | None, recent: list[ActorBuilder]
    ) -> str | None:
        """The canonical name of who a speaker mention is, or None when no one fits.

        `recent` holds the actors of earlier statements, latest last: a pronoun prefers the last of
        them that fits, as a reader does.
        """
        doc = self.doc
        start, end = mention
        head = doc[head_index] if head_index is not None else None
        if head is None:
            named = self._entity_actor(start, end)
            return named.name if named else None
        if head.i in self._named_speakers:
            return self._named_speakers[head.i].name
        # the entity the mention's head is part of: in "A spokeswoman for Trudeau" that is no one
        named = self._entity_actor(head.idx, head.idx + len(head.text)) if head.ent_type_ else None
        if named is None and head.pos_ == "PROPN":
            named = self._actor_called(head.text)  # "the AU" left untagged here, named elsewhere
        word = head.lower_
        phrase = doc_text(doc)[start:end]
        first = phrase.split()[0].lower() if phrase.split() else ""
        definite = first in _DEFINITE or any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.lefts)
        if head.dep_ == "appos" and head.pos_ == "NOUN":
            described = self._person_named_by(head.head)  # "Nunes, the ferocious brawler who said"
            if described is not None:
                return described.name
        if word in role_nouns():
            holder = self._person_in(head) or self._role_holder(head, start)
            if holder is None and first in _DEFINITE:
                holder = self._person_described(head, start, recent)
            if holder is not None:
                return holder
            return self._descriptive_actor(head, start, end)
        if named is not None and named.label in {"PERSON", "ORG"}:
            return named.name
        holder = self._person_in(head)
        if holder is not None:
            return holder
        if word in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun_actor(word, start, recent)
        if named is not None and not (definite and named.label == "NORP"):
            return named.name  # a country or a people; but "the Kentucky Republican" is a person
        if word in speech_nouns():
            return self._issuer_of(head, recent)
        if head.pos_ not in {"NOUN", "PROPN"} or {word, head.lemma_.lower()} & document_nouns():
            return None  # "some", "those", "the memo": no one to name
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            # "his office", "Trudeau's campaign" and "Johnson's critics" speak; "Wise's dad" is no name
            if word in organisation_nouns() | group_nouns() or head.tag_ in {"NNS", "NNPS"}:
                return self._owned_group(head, owner, recent)
            return None
        if definite:
            return self._described(head, start, end, recent)
        if head.tag_ in {"NNS", "NNPS"}:
            return self._group_actor(head).name  # "officials", "Some experts", "Rights organizations"
        if first in _INDEFINITE:
            return self._descriptive_actor(head, start, end, named_as_written=True)  # "a collision expert"
        return None

    def _described(self, head: Token, start: int, end: int, recent: list[ActorBuilder]) -> str | None:
        """Who a definite description is: "the company" the organisation just named, "the 26-year-old
        right wing" the player just named, "the person" the one an earlier "a person familiar with
        the talks" was; else the description is an actor of its own."""
        word = head.lower_
        hyphenated = head.i > 0 and self.doc[head.i - 1].text == "-"  # "the sergeant-at-arms"
        if word in organisation_nouns():
            # "The department" is the department named before, sooner than "the federal department"
            group = self._organisation_described(head, start, recent)
            if group is not None:
                return group.name
        earlier = self._described_before(head, start)
        if earlier is not None:
            return earlier.name
        if word in organisation_nouns():
            return self._descriptive_actor(head, start, end)
        if head.tag_ in {"NNS", "NNPS"} and not hyphenated:
            return self._group_actor(head).name
        if word not in group_nouns():
            holder = self._person_described(head, start, recent)
            if holder is not None:
                return holder
        return self._descriptive_actor(head, start, end)

    def _person_in(self, head: Token) -> str | None:
        """A named person in apposition to a role ("The President of Kazakhstan, Kassym-Jomart Tokayev"),
        or to any description ("Wise's dad, Darrin"), tagged or not."""
        appositions = [c for c in head.rights if c.dep_ == "appos"]
        for token in [*appositions, *head.subtree]:
            if token.dep_ == "appos" or (token.i > head.i and token.ent_type_ == "PERSON"):
                actor = self._named_at(token) or self._entity_actor(token.idx, token.idx + len(token.text))
                if actor is not None and actor.label == "PERSON":
                    return actor.name
        return None

    def _pronoun_actor(self, word: str, start: int, recent: list[ActorBuilder]) -> str | None:
        people = word in PERSON_PRONOUNS - {"we"}
        wanted = {"PERSON"} if people else {"ORG", "GPE", "NORP"}
        gender = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(word, "")

        def fits(actor: ActorBuilder) -> bool:
            if word == "it" and actor.plural:
                return False  # "officials" are "they"
            if not actor.listed and not actor.gender:
                return False  # a name spaCy did not tag, with nothing to say it is a person
            return actor.label in wanted and not (gender and actor.gender and actor.gender != gender)

        chosen = self._salient_subject(start, fits, reach=3) or self._nearest_or_recent(
            start, wanted, fits, recent
        )
        return chosen.name if chosen else None

    def introduced_before(self, start: int, end: int) -> str | None:
        """Who a quote with no cue and no speaker is most likely from: the person or organisation
        the sentence before it is about ("Trevor Nicholson, a policy analyst, outlined how ..." then
        the quote), else one named just before it ("District Attorney Jane Smith" over a quote).

        Only a quote that opens its sentence and reads as speech: a title ("The Kid Who Would Be
        King") or a few words inside a sentence are nobody's statement.
        """
        text = doc_text(self.doc)
        words = text[start:end].split()
        if len(words) < 6 or sum(w[:1].isupper() for w in words) > 0.6 * len(words):
            return None
        before = text[:start].rstrip(" \t")
        if before and before[-1] not in ".!?:\n":
            return None

        def named(actor: ActorBuilder) -> bool:
            return (
                actor.label in {"PERSON", "ORG"}
                and actor.key.kind is not ActorKind.DESCRIBED
                and (actor.listed or bool(actor.gender))
                and looks_like_name(actor.name, actor.label, actor.mentions, text)
            )

        actor = self._salient_subject(start, named)
        if actor is None:
            # a name on the line above ("District Attorney Jane Smith"), nothing else between
            actor = self._nearest_before(start, {"PERSON"}, named)
            last = max((e for s_, e in actor.mentions if s_ < start), default=0) if actor else 0
            if actor is not None and text[last:start].strip(" \t\n.,:;—-"):
                actor = None
        return actor.name if actor is not None else None

    def _nearest_or_recent(
        self, start: int, wanted: set[str], fits: Any, recent: list[ActorBuilder]
    ) -> ActorBuilder | None:
        """The last actor named before `start`, or the last one quoted if named not long before it."""
        nearest = self._nearest_before(start, wanted, fits)
        for actor in reversed(recent):
            if fits(actor):
                if nearest is None or self._last_mention_before(actor, start) >= (
                    self._last_mention_before(nearest, start) - RECENT_SPEAKER_REACH
                ):
                    return actor
                return nearest
        return nearest

    def _salient_subject(self, start: int, fits: Any, reach: int = 1) -> ActorBuilder | None:
        """The actor a reader has in mind for "he" or "the 26-year-old": the named subject of the
        sentence so far, else of the sentence before ("Facebook told staff it works with Apple. It
        also told ..."), outside what anyone is quoted as saying.

        With `reach` above 1, sentences that name no one who fits are passed over, up to that many
        ("Vickers kept firing. RCMP officers fired as well. In an address, he said"); a sentence that
        names someone fitting other than as its subject ends the search ("For Ann Lee, Friday ...").
        """
        doc = self.doc
        if not len(doc):
            return None
        token = doc[self._token_at(start)]
        sentence = token.sent
        spans = [(sentence.start, token.i)]
        before = sentence
        for _ in range(3 * reach):  # sentences before, past lines holding only " ."
            if before.start == 0 or len(spans) > reach:
                break
            before = doc[before.start - 1].sent
            if any(t.is_alpha for t in before):
                spans.append((before.start, before.end))
        for first, last in spans:
            named_here = None
            for mention in reversed(doc[first:last]):
                subject = mention.dep_ in {"nsubj", "nsubjpass"}
                if subject and mention.head.dep_ not in {"ROOT", "conj", "ccomp"}:
                    continue  # "Although Trump has tweeted that ..., its inclusion ...": not what it is about
                if not (subject or mention.ent_type_ or mention.pos_ == "PROPN"):
                    continue
                if self._in_content(mention.idx) and mention.i not in self._speaker_heads:
                    continue
                actor = self._named_at(antecedent(mention), described=subject)  # "Espinos, who ..."
                if actor is None or not fits(actor):
                    continue
                if subject:
                    return actor
                if named_here is None and mention.dep_ not in {"compound", "poss"}:
                    named_here = actor
            if named_here is not None:
                return None  # someone fitting is named here, not as the subject: no one stands out
        return None

    def _actor_called(self, name: str) -> ActorBuilder | None:
        """The named organisation or person the article calls exactly `name` elsewhere ("AU")."""
        return next(
            (
                a
                for a in self.actors
                if a.key.kind is not ActorKind.DESCRIBED
                and a.label in {"PERSON", "ORG"}
                and (a.name == name or name in a.aliases)
            ),
            None,
        )

    def _person_named_by(self, token: Token) -> ActorBuilder | None:
        """The person a capitalised name token stands for, tagged or not ("Nunes")."""
        actor = self._named_at(token)
        if (actor is None or actor.label != "PERSON") and token.pos_ == "PROPN" and token.text[:1].isupper():
            people = self._people_named(token.text)
            actor = self._closest(people, token.idx) if people else None
        return actor if actor is not None and actor.label == "PERSON" else None

    def _named_at(self, token: Token, described: bool = False) -> ActorBuilder | None:
        """The actor a token names: an entity, a name spaCy missed, or with `described` also an
        actor known by description ("The ministry's consular office also published ...")."""
        if token.i in self._named_speakers:
            return self._named_speakers[token.i]
        if not token.ent_type_ and not described:
            return None
        return self._entity_actor(token.idx, token.idx + len(token.text))

    def _is_possessive_at(self, char: int) -> bool:
        """Whether the name starting at `char` only owns something ("Kim's" in "Kim's plan")."""
        token = self.doc[self._token_at(char)]
        while token.dep_ in {"compound", "flat"} and token.head.i > token.i:
            token = token.head
        return token.dep_ == "poss"

    def _token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._starts(), char) - 1)

    def _starts(self) -> list[int]:
        """Where each token starts, read in one call rather than token by token."""
        if self._token_starts is None:
            from spacy.attrs import IDX

            self._token_starts = self.doc.to_array([IDX]).tolist() if len(self.doc) else []
        return self._token_starts

    def _in_credit(self, char: int) -> bool:
        """Whether `char` is inside a photo credit: "(Robert Short/CBC)"."""
        i = bisect.bisect_right(self._credits, (char, float("inf"))) - 1
        return i >= 0 and self._credits[i][0] <= char < self._credits[i][1]

    def _in_content(self, char: int) -> bool:
        """Whether `char` is inside what a statement reports (its speaker's words, not the narrative)."""
        i = bisect.bisect_right(self._contents, (char, float("inf"))) - 1
        return i >= 0 and self._contents[i][0] <= char < self._contents[i][1]

    def _last_mention_before(self, actor: ActorBuilder, char: int) -> int:
        return max((s for s, _ in actor.mentions if s < char), default=-(10**9))

    def _role_holder(self, head: Token, char: int) -> str | None:
        word = head.lower_
        if word not in role_nouns():
            return None
        modifiers = {c.lower_ for c in head.children if c.dep_ in {"compound", "amod"}}
        best, best_distance = None, None
        for actor in self.actors:
            if actor.label != "PERSON":
                continue
            for m_start, _ in actor.mentions:
                window = doc_text(self.doc)[max(0, m_start - 60) : m_start]
                window = re.split(r"\n|\. ", window)[-1].lower()
                if re.search(rf"\b{re.escape(word)}\b", window) and all(m in window for m in modifiers):
                    distance = abs(m_start - char) + (0 if m_start < char else 200)
                    if best_distance is None or distance < best_distance:
                        best, best_distance = actor, distance
        return best.name if best else None

    def _source_of(self, noun: Token) -> ActorBuilder | None:
        """The named source of a statement: "from the EU", "by the ministry", "released by X", and
        its owner: "a UN report", "the WHO's website", "The Turkish statement"."""
        for child in noun.lefts:
            if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.ent_type_ in ACTOR_LABELS:
                actor = self._entity_actor(child.idx, child.idx + len(child.text))
                if actor is not None:
                    return actor
        for child in noun.children:
            preps = [child] if child.dep_ == "prep" and child.lower_ in {"from", "by"} else []
            if child.dep_ == "acl":
                preps = [
                    c for c in child.children if c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "from"}
                ]
            for prep in preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_:
                        actor = self._entity_actor(pobj.idx, pobj.idx + len(pobj.text))
                        if actor is not None:
                            return actor
                    if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN" and pobj.text[:1].isupper():
                        return self._body_as_written(pobj)  # "released by the Prime Minister's Office"
        return None

    def _issuer_of(self, head: Token, recent: list[ActorBuilder]) -> str | None:
        """Who a speech noun ("The statement") belongs to: the one it is from ("A statement from the
        EU", "a statement released by the ministry"), the speaker it was given in, or its issuer."""
        own = self._source_of(head)
        if own is not None:
            return own.name
        for token in reversed(self.doc[: head.i]):
            if token.lemma_ != head.lemma_ or token.i == head.i:
                continue
            for child in token.children:
                if child.dep_ == "acl":
                    for agent in child.children:
                        if agent.dep_ == "agent":
                            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                            if pobj is not None and pobj.ent_type_:
                                actor = self._entity_actor(pobj.idx, pobj.idx + len(pobj.text))
                                if actor:
                                    return actor.name
            if token.head.dep_ == "prep" or token.dep_ == "pobj":
                verb = token.head.head if token.dep_ == "pobj" else token.head

                subject = subject_of(verb)
                if subject is not None:
                    actor = self._entity_actor(subject.idx, subject.idx + len(subject.text))
                    if actor:
                        return actor.name
            break
        return recent[-1].name if recent else None

    def _descriptive_actor(
        self, head: Token, start: int, end: int, named_as_written: bool = False
    ) -> str | None:
        """A speaker known only by description: "the Minister of Foreign Affairs of Kazakhstan".

        A bare common noun ("the text", "the attack") names no one; a bare body of people ("the
        police") or a role ("the minister") does. `named_as_written` keeps the article of an unnamed
        person ("A collision expert"), who is one of many.
        """
        written = doc_text(self.doc)[start:end]
        name = " ".join(written.split()) if named_as_written else _clean_name(written)
        word = head.lower_
        known = {word, name.lower()} & (role_nouns() | group_nouns() | organisation_nouns())
        if not known and not named_as_written and (len(name.split()) == 1 or not _describes_a_person(head)):
            return None  # "the first thing", "the attack": no one
        key = ActorKey(ActorKind.DESCRIBED, name.lower())
        actor = self._by_key.get(key)
        if actor is None:
            is_group = word in group_nouns() or word in organisation_nouns()
            label = "PERSON" if word in role_nouns() or not is_group else "ORG"
            actor = ActorBuilder(name[:1].upper() + name[1:], label, key, head_word=word)
            self._by_key[key] = actor
            self.actors.append(actor)
        self._mention(actor, start, end, written)
        return actor.name

    def _group_actor(self, head: Token) -> ActorBuilder:
        """A body of people named by a plural ("officials", "Some experts", "refugee advocates"): one
        actor per kind, named by the noun and the words that qualify it, without quantifiers."""
        tokens = [head]
        while tokens[0].i > 0:
            left = self.doc[tokens[0].i - 1]
            if (
                left.head.i != head.i
                or left.dep_ not in {"compound", "amod", "nmod"}
                or left.lower_ in _QUANTIFIERS
            ):
                break
            tokens.insert(0, left)
        # "sources familiar with the talks" and "sources" are one group: named by the noun alone
        start, end = tokens[0].idx, head.idx + len(head.text)
        name = " ".join(doc_text(self.doc)[start:end].split())
        name = name[:1].upper() + name[1:]
        key = ActorKey(ActorKind.DESCRIBED, name.lower())
        actor = self._by_key.get(key)
        if actor is None:
            actor = ActorBuilder(name, "ORG", key, head_word=head.lower_, plural=True)
            self._by_key[key] = actor
            self.actors.append(actor)
        self._mention(actor, start, end, doc_text(self.doc)[start:end])
        return actor

    def _owned_group(self, head: Token, owner: Token, recent: list[ActorBuilder]) -> str | None:
        """The office, campaign or critics of someone: "his office" -> "Justin Trudeau's office"."""
        pronouns = {"his": "he", "her": "she", "their": "they", "its": "it"}
        if owner.lower_ in pronouns:
            owner_name = self._pronoun_actor(pronouns[owner.lower_], owner.idx, recent)
        else:
            found = self._named_at(owner) or self._entity_actor(owner.idx, owner.idx + len(owner.text))
            owner_name = found.name if found is not None else None
        after_owner = owner.i + 1
        while after_owner < head.i and self.doc[after_owner].tag_ == "POS":
            after_owner += 1
        start, end = self.doc[after_owner].idx, head.idx + len(head.text)
        if owner_name is not None:
            name = f"{owner_name}'s {' '.join(doc_text(self.doc)[start:end].split())}"
        elif owner.pos_ in {"NOUN", "PROPN"}:
            # "the school's defenders", "the Prime Minister's Office": named as written
            return self._body_as_written(head).name
        else:
            return None
        actor = self._body_named(name, head)
        self._mention(actor, owner.idx, end, doc_text(self.doc)[owner.idx : end])
        return actor.name

    def _body_named(self, name: str, head: Token) -> ActorBuilder:
        """The organisation or group described as `name`, made the first time it is written."""
        key = ActorKey(ActorKind.DESCRIBED, name.lower())
        actor = self._by_key.get(key)
        if actor is None:
            plural = head.tag_ in {"NNS", "NNPS"}
            actor = ActorBuilder(name, "ORG", key, head_word=head.lower_, plural=plural)
            self._by_key[key] = actor
            self.actors.append(actor)
        return actor

    def _body_as_written(self, head: Token) -> ActorBuilder:
        """An organisation or group known by the words that name it here ("the Prime Minister's
        Office", "the school's defenders"), one actor however often it is written so."""
        start, end = head.left_edge.idx, head.idx + len(head.text)
        written = doc_text(self.doc)[start:end]
        name = _clean_name(written)
        name = name[:1].upper() + name[1:]
        actor = self._body_named(name, head)
        self._mention(actor, start, end, written)
        return actor

    def _described_before(self, head: Token, start: int) -> ActorBuilder | None:
        """An unnamed person described the same way earlier: "a person familiar with the talks" ...
        "the person"."""
        word = head.lower_
        best = None
        for actor in self.actors:
            if actor.key.kind is ActorKind.DESCRIBED and actor.head_word == word:
                last = self._last_mention_before(actor, start)
                if last > -(10**9) and (best is None or last > self._last_mention_before(best, start)):
                    best = actor
        return best

    def _organisation_described(
        self, head: Token, start: int, recent: list[ActorBuilder]
    ) -> ActorBuilder | None:
        """The organisation "the company" or "the diocese" stands for: the last one named before it
        whose name has that word ("Roman Catholic Diocese of Covington"), else the last one quoted,
        else the last one named. "The paramedics union" names one of its own unless a union of
        paramedics is named."""
        word = head.lower_
        qualifiers = [c.lower_ for c in head.lefts if c.dep_ in {"compound", "nmod"} or c.pos_ == "PROPN"]

        def named_so(actor: ActorBuilder) -> bool:
            name = actor.name.lower()
            return actor.key.kind is ActorKind.GROUP and all(
                re.search(rf"\b{re.escape(w)}", name) for w in [word, *qualifiers]
            )

        named = self._nearest_before(start, {"ORG"}, named_so)
        if named is not None or qualifiers:
            return named
        for actor in reversed(recent):
            if actor.label == "ORG" and actor.key.kind is ActorKind.GROUP:
                return actor
        return self._nearest_before(
            start, {"ORG"}, lambda a: a.key.kind is ActorKind.GROUP and a.name.lower() not in platforms()
        )  # "posted a photo on Twitter": a platform is where, not who

    def _person_described(self, head: Token, start: int, recent: list[ActorBuilder]) -> str | None:
        """The named person a description stands for ("The prime minister said", "the 26-year-old
        right wing said"): the person a reader has in mind, named or quoted just before, as for "he".
        A person known to hold another office is not the one a role describes."""
        word = head.lower_
        if word not in role_nouns() and not _describes_a_person(head):
            return None  # "the attack", "the embassy"
        offices = self._known_offices()

        def fits(actor: ActorBuilder) -> bool:
            if actor.label != "PERSON" or actor.key.kind is not ActorKind.PERSON:
                return False
            held = offices.get(id(actor), set())
            return not (word in role_nouns() and held and word not in held)

        person = self._salient_subject(start, fits) or self._nearest_or_recent(
            start, {"PERSON", "ORG", "GPE", "NORP"}, fits, recent
        )
        if person is None or self._last_mention_before(person, start) < start - DESCRIPTION_REACH:
            return None
        return person.name

    def _known_offices(self) -> dict[int, set[str]]:
        """The roles each named person is written with ("Prime Minister Justin Trudeau"), by actor id."""
        if self._offices is None:
            places = {
                w for e in self.doc.ents if e.label_ in {"GPE", "NORP"} for w in _clean_name(e.text).split()
            }
            self._offices = {}
            for actor, office in self._office_holders(places):
                self._offices.setdefault(id(actor), set()).add(office.role)
        return self._offices

    def merge_offices(self) -> dict[str, str]:
        """One actor per office: "Kazakh FM", "the Minister of Foreign Affairs" and "the Minister of
        Foreign Affairs of Kazakhstan" are one person, and the person named with that title
        ("Foreign Minister Mukhtar Tileuberdi") is who they are.

        Returns the old name of every actor merged away -> the name it now goes by.
        """
        places = {
            w for e in self.doc.ents if e.label_ in {"GPE", "NORP"} for w in _clean_name(e.text).split()
        }
        offices: list[tuple[ActorBuilder, Office]] = []
        for actor in self.actors:
            # spaCy tags "the Minister of Foreign Affairs" an organisation; "General Motors" is one
            title_like = actor.label == "ORG" and re.match(r"(?i)(\w+) (of|for) ", actor.name)
            if title_like and title_like.group(1).lower() not in role_nouns():
                title_like = None
            if actor.key.kind is ActorKind.DESCRIBED or (title_like and actor.key.kind is ActorKind.GROUP):
                office = office_of(actor.name, places)
                if office is not None and (office.portfolio or office.place):
                    offices.append((actor, office))
        if not offices:
            return {}
        groups = _office_groups(offices)
        holders = self._office_holders(places)
        renamed: dict[str, str] = {}
        for group in groups:
            members = [actor for actor, _ in group]
            holder = next(
                (p for p, held in holders if any(held.same_as(office) for _, office in group)), None
            )
            if holder is None:
                if len(members) < 2:
                    continue
                holder = max(members, key=lambda a: (bool(office_of(a.name, places).place), len(a.name)))
                holder.label = "PERSON"
            for actor in members:
                if actor is not holder:
                    self._merge_into(holder, actor)
                    renamed[actor.name] = holder.name
        return renamed

    def _office_holders(self, places: set[str]) -> list[tuple[ActorBuilder, Office]]:
        """Named people and the office written with their name: before it ("Kazakhstan President
        Tokayev") or in apposition after it ("Tileuberdi, the foreign minister,")."""
        text = doc_text(self.doc)
        held = []
        for actor in self.actors:
            if actor.label != "PERSON" or actor.key.kind is not ActorKind.PERSON:
                continue
            for start, end in actor.mentions:
                for title in (_title_before(text[max(0, start - 80) : start]), _title_after(text, end)):
                    office = office_of(title, places) if title else None
                    if office is not None:
                        held.append((actor, office))
        return held

    def _merge_into(self, keeper: ActorBuilder, other: ActorBuilder) -> None:
        keeper.aliases |= {other.name, *other.aliases} - {keeper.name}
        for start, end in other.mentions:
            if (start, end) not in keeper.mentions:
                keeper.mentions.append((start, end))
        self.actors.remove(other)
        self.timeline = [(at, keeper if actor is other else actor) for at, actor in self.timeline]
        for key, actor in list(self._by_key.items()):
            if actor is other:
                self._by_key[key] = keeper

    def by_name(self, name: str) -> ActorBuilder | None:
        return next((a for a in self.actors if a.name == name), None)

    def add_mention(self, name: str, span: tuple[int, int]) -> None:
        actor = self.by_name(name)
        if actor is not None and span not in actor.mentions:
            actor.mentions.append(span)


_PERSON_ENDINGS = (
    "er",
    "or",
    "ist",
    "ian",
    "ant",
    "ent",
    "ee",
    "man",
    "woman",
    "person",
    "ess",
    "ick",
    "wing",
)
_AGE = re.compile(r"^\d+-year-old$")


def _describes_a_person(head: Token) -> bool:
    """Whether "the ..." reads as a description of a person named before: a noun for someone doing
    something ("professor", "resident", "labourer") qualified by what a writer says of a person ("the
    lanky, bespectacled professor", "the 26-year-old labourer"). A bare noun ("the attacker") may be
    someone new."""
    if head.ent_type_ == "NORP":
        return True  # "the Kentucky Republican", "the Canadian"
    qualifiers = [c for c in head.lefts if c.dep_ in {"amod", "compound", "nmod", "npadvmod"}]
    qualifiers += [c for c in head.rights if c.dep_ == "prep" and c.lower_ in {"of", "at", "for"}]
    aged = any(_AGE.match(t.text) or t.lower_ == "year" for c in qualifiers for t in c.subtree)
    word = head.lower_
    doc = head.doc
    first = head.i
    while first >= 2 and doc[first - 1].text == "-":
        first -= 2  # "sergeant-at-arms" is a sergeant
    if first != head.i:
        word = doc[first].lower_
    return bool(qualifiers) and (aged or word.endswith(_PERSON_ENDINGS))


_MALE_KIN = {
    "son",
    "brother",
    "father",
    "husband",
    "boyfriend",
    "dad",
    "grandson",
    "nephew",
    "uncle",
    "grandfather",
}
_FEMALE_KIN = {"daughter", "sister", "mother", "wife", "girlfriend", "mom", "granddaughter", "niece", "aunt"}
_KINSHIP = re.compile(rf"\b({'|'.join(sorted(_MALE_KIN | _FEMALE_KIN | {'grandmother'}))}),?\s*$")
_FEMALE_KIN.add("grandmother")


def _after_a_place(ent: Any) -> bool:
    doc = ent.doc
    if len(ent) != 1 or len(ent.text.rstrip(".")) > 5:
        return False  # "Ont", "N.S.", "Calif.": an abbreviation, not "De Gaulle, Albert-Bernard Bongo"
    return ent.start >= 2 and doc[ent.start - 1].text == "," and doc[ent.start - 2].ent_type_ == "GPE"


def _person_called_organisation(ent: Any) -> bool:
    """ "Amanda Nunes" tagged an organisation: a forename, then a capitalised word or two that name
    no body ("Victoria Police" stays an organisation)."""
    if ent.label_ != "ORG":
        return False
    words = ent.text.split()
    if not 2 <= len(words) <= 3 or words[0].lower() not in forename_genders():
        return False
    if not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    return not {w.lower() for w in words[1:]} & (group_nouns() | organisation_nouns() | _ORGANISATION_WORDS)


_ORGANISATION_WORDS = {"inc", "corp", "ltd", "co", "group", "foundation", "institute", "university", "fund"}


def _office_groups(offices: list[tuple[ActorBuilder, Office]]) -> list[list[tuple[ActorBuilder, Office]]]:
    """Names of one office grouped; a name with no place joins the one group of its office that has
    one, and stays apart when two countries' ministers could be meant."""
    placed: list[list[tuple[ActorBuilder, Office]]] = []
    placeless: list[list[tuple[ActorBuilder, Office]]] = []
    for actor, office in offices:
        pool = placed if office.place else placeless
        group = next((g for g in pool if g[0][1].same_as(office)), None)
        if group is None:
            pool.append([(actor, office)])
        else:
            group.append((actor, office))
    for group in placeless:
        fitting = [g for g in placed if g[0][1].same_as(group[0][1])]
        if len(fitting) == 1:
            fitting[0].extend(group)
        else:
            placed.append(group)
    return placed


def _title_after(text: str, end: int) -> str:
    """The title in apposition after a name: "Mukhtar Tileuberdi, the foreign minister of Kazakhstan,"."""
    match = re.match(r",\s+(?:the|a|an)\s+([^,.;:\n“”\"]{3,60}?)\s*[,.;]", text[end : end + 90])
    return match.group(1) if match else ""


def _title_before(window: str) -> str:
    """The capitalised title right before a name: "... said Russian Foreign Minister " -> that title."""
    window = re.split(r"[.!?\n\"“”]", window)[-1].rstrip()
    window = window.rstrip(",").rstrip()
    words = window.split()
    title: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() or word in {"of", "for", "the"}:
            title.insert(0, word)
        else:
            break
    while title and not title[0][:1].isupper():
        title.pop(0)
    return " ".join(title)
