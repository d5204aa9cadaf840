"""The words that signal speech, read once from the data files beside this module.

`data/reporting_verbs.txt` lists each reporting verb with all its inflections and its frames
(`clause`: the content is a reported clause, "said that ..."; `object`: the content is the verb's
object, "called him a liar"). Matching on listed forms, not on spaCy's lemma, means a lemmatizer slip
never loses a cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class ReportingVerb:
    lemma: str
    frames: frozenset[str]
    prepositions: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, ReportingVerb]:
    """Every inflected form (lower case) -> its verb."""
    forms: dict[str, ReportingVerb] = {}
    for line in (DATA / "reporting_verbs.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, _, frames = line.partition("|")
        lemma, _, inflections = head.partition(":")
        frame_words = frames.split()
        preps = {p for f in frame_words if f.startswith("prep:") for p in f[5:].split(",") if p}
        verb = ReportingVerb(lemma.strip(), frozenset(f.split(":")[0] for f in frame_words), frozenset(preps))
        for form in [lemma.strip(), *inflections.split()]:
            forms.setdefault(form.lower(), verb)
    return forms


@cache  # one entry per list: with one, lists read in turn were read from disk each time
def _word_list(name: str) -> frozenset[str]:
    words = set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line.lower())
    return frozenset(words)


def speech_nouns() -> frozenset[str]:
    """Nouns that carry what someone said: "in a statement", "the announcement"."""
    return _word_list("speech_nouns.txt")


def writing_nouns() -> frozenset[str]:
    """What someone writes and signs: "a comment by Akin", "a post by the ministry"."""
    return _word_list("writing_nouns.txt")


def role_nouns() -> frozenset[str]:
    """Titles and roles that name a person by office: "the minister", "the president"."""
    return _word_list("role_nouns.txt")


def group_nouns() -> frozenset[str]:
    """Bodies of people that speak as one: "the police", "the government"."""
    return _word_list("group_nouns.txt")


def name_titles() -> frozenset[str]:
    """Words written before a name that are no part of it: "Mr.", "Prime Minister", "the late"."""
    return _word_list("name_titles.txt")


def organisation_nouns() -> frozenset[str]:
    """Nouns that stand for an organisation the article names: "the company", "the utility"."""
    return _word_list("organisation_nouns.txt")


def document_nouns() -> frozenset[str]:
    """Things that say something but are no one: "the memo", "figures", "the list"."""
    return _word_list("document_nouns.txt")


def platforms() -> frozenset[str]:
    """Online platforms spaCy's small model mistakes for people: "Twitter", "Orkut"."""
    return _word_list("platforms.txt")


def verb_for(word: str) -> ReportingVerb | None:
    return reporting_verbs().get(word.lower())


@lru_cache(maxsize=1)
def forename_genders() -> dict[str, str]:
    """Forename (lower case) -> "f" or "m": a hint for he/she when the article gives none."""
    genders = {}
    for line in (DATA / "forenames.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith("#"):
            genders[parts[0]] = parts[1]
    return genders
