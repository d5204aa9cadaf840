"""Who speaks for a cue: the subject of a reporting verb, as the words written in the text.

The speaker mention is the phrase a reader would point at: a pronoun ("he"), a named entity
("Tokayev"), or a noun phrase without its relative clauses ("the Minister of Foreign Affairs of
Kazakhstan", "The statement"). Resolving that mention to a person is actors.py's job.
"""

from __future__ import annotations

import re
from typing import Any

from .lexicon import role_nouns, speech_nouns, verb_for

Token = Any
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_ISSUED = {"paper", "policy", "resolution", "proposal", "notice", "order", "ruling", "decision"}
"""Things issued that say something, besides speech nouns: "issued a policy paper calling for"."""
_DROP_FROM_PHRASE = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis", "prep_"}
_CLIMB = {"conj", "advcl", "xcomp", "pcomp", "acl", "ccomp", "dep", "prep", "pobj", "advmod", "acomp"}
"""What a cue hangs on when its subject is another verb's: "aside from saying", "stopped short of calling",
"won't be able to brag"."""


def doc_text(doc: Any) -> str:
    """The document's text, built once: spaCy joins every token again each time `doc.text` is read."""
    text = doc.user_data.get("newsreader_text")
    if text is None:
        text = doc.user_data["newsreader_text"] = doc.text
    return text


_RELATIVE = {"who", "that", "which", "whom"}


def antecedent(subject: Token) -> Token:
    """Who a relative pronoun stands for ("Morial, who said" -> Morial); any other subject is itself.

    The mention shown stays the pronoun, as annotators mark it; the actor comes from the antecedent.
    """
    if subject.lower_ in _RELATIVE and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


_DATELINE = re.compile(
    r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:,[^\n—–]{0,40}?)?(?: ?\([\w .]+\))? ?(?:—|–|--|-) ?"
)
"""`WASHINGTON (AP) — `, `CLEVELAND, July 19 (UPI) — `: the place a wire story was filed from."""


def past_dateline(subject: Token) -> Token:
    """The speaker after a dateline when the parser took the dateline's place for the subject.

    In `CLEVELAND (UPI) — Former Attorney General Michael Mukasey said` the subject is Mukasey: the head
    of the noun phrase that follows the dash.
    """
    doc = subject.doc
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, subject.idx) + 1
    dateline = _DATELINE.match(text, line_start)
    if dateline is None or subject.idx >= dateline.end():
        return subject
    after = next((t for t in doc[subject.i :] if t.idx >= dateline.end()), None)
    if after is None or after.sent != subject.sent:
        return subject
    while (
        after.dep_ in {"compound", "nmod", "amod", "det", "poss", "nummod"}
        and after.head.idx >= dateline.end()
        and after.head.pos_ in {"NOUN", "PROPN"}
    ):
        after = after.head
    return after if after.pos_ in {"NOUN", "PROPN", "PRON"} else subject


def _past_rubric(subject: Token, verb: Token) -> Token:
    """`The Latest: Trump urges ...`: words before a colon are a rubric, and the subject comes after it."""
    doc = subject.doc
    if subject.i > verb.i:
        return subject
    colons = [t.i for t in doc[subject.i + 1 : verb.i] if t.text == ":"]
    if not colons:
        return subject
    after = [t for t in doc[colons[-1] + 1 : verb.i] if t.pos_ in {"PROPN", "NOUN", "PRON"}]
    return after[-1] if after else subject


def _passive_participle(verb: Token) -> bool:
    """A cue in the passive with no agent: `Asked about it, she said`, `it was announced`."""
    if verb.tag_ != "VBN" or verb.lower_ == "quoted":
        return False
    return verb.dep_ == "advcl" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def subject_of(verb: Token) -> Token | None:
    """The subject that says something through `verb`, climbing from "noting"/"adding" to its main verb.

    `said Tokayev` and `Tokayev said` give Tokayev; `..., noting that` takes the subject of the verb
    it hangs on; `it was announced by the ministry` gives the agent.
    """
    if verb.dep_ == "compound" and verb.head.pos_ == "PROPN" and verb.i < verb.head.i:
        return verb.head  # "Said Ellis: ..." parsed as a name with "Said" in it
    shown = _shown_speaking(verb)
    if shown is not None:
        return shown
    named = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        named is not None
        and named.head.i == verb.i
        and named.pos_ == "PROPN"
        and named.dep_ in {"advmod", "npadvmod", "dep"}
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    ):
        return named  # `Still, McNeely said disease can ...` parsed with McNeely as an adverb of `said`
    current = verb
    for _ in range(6):
        climbed = current is not verb
        for child in subjects_first(current):
            if (
                child.dep_ in {"nsubj", "csubj"}
                and child.text.strip(_DASHES_AND_QUOTES)
                and not _titled(child)
            ):
                # a dash or a quote mark the parser took for a subject ("made public ― Trump boasted",
                # "...,’’ says the founder") is none; "89%" is one
                if climbed and child.lower_ == "it" and current.lemma_ == "be":
                    return None  # "It is worth noting that": no one
                return _past_rubric(past_dateline(child), current)
        for child in current.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        for child in current.children:
            # "he was asked", and "After saying ..., she was whisked off": passive subjects speak
            # when the cue itself is a question or a telling, or when we climbed to another verb
            if child.dep_ == "nsubjpass" and (climbed or current.lower_ in {"quoted", "told"}):
                return child
        if not climbed and _passive_participle(current):
            return None  # "Asked whether ..., 75 percent said", "he was asked": the asker is not named
        if current.dep_ in _CLIMB and current.head is not current:
            participle = current.tag_ == "VBG"
            current = current.head
            if current.dep_ == "dobj" and current.lower_ in speech_nouns() | _ISSUED:
                current = current.head  # "the Council issued a statement calling ...": who issued it
            # "..., noting that": the one noting is who made the report the participle hangs on
            while participle and current.dep_ in {"ccomp", "conj"} and current.head is not current:
                current = current.head
            continue
        break
    return _name_right_before(verb) or (_name_right_before(current) if current is not verb else None)


def subjects_first(verb: Token) -> list[Token]:
    """The children of `verb`, the subject nearest before it first when the parser hung two on it with a
    verb between them: the far one belongs to a clause before the cue (`The people who stand by them
    tend to be worth it, he said`, `Back when he wrote it, Mr. McKinley said`). With no verb between
    them the first is the one: `Mohammad Ali Abtahi, former vice president writes`."""
    children = list(verb.children)
    before = [c for c in children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(before) > 1:
        near = before[-1]
        doc = verb.doc
        if any(t.pos_ in {"VERB", "AUX"} for t in doc[before[0].i + 1 : near.left_edge.i]):
            return [near, *(c for c in children if c is not near)]
    return children


_DASHES_AND_QUOTES = "―—–-\"“”‘’'`"


def _titled(subject: Token) -> bool:
    """Whether a subject after its verb opens a quoted title (`said on Fox News's "Fox and Friends."`):
    the parser's guess, not who speaks."""
    start = subject.left_edge.i
    opening = {'"', "“", "‘"}
    marked = subject.doc[start].text in opening or (start > 0 and subject.doc[start - 1].text in opening)
    return subject.i > subject.head.i and marked


_RECORDINGS = {"footage", "video", "clip", "recording", "tape", "audio", "film"}


def _shown_speaking(verb: Token) -> Token | None:
    """`The ad uses footage of Hillary Clinton asking, "..."`: who a recording shows speaking, when the
    cue is a participle hanging on the verb that holds the recording; None otherwise."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"xcomp", "acl", "advcl"}:
        return None
    for noun in verb.head.children:
        if noun.lower_ not in _RECORDINGS or noun.i > verb.i:
            continue
        for prep in noun.children:
            if prep.lower_ == "of":
                person = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if person is not None and person.pos_ == "PROPN" and person.i < verb.i:
                    return person
    return None


def _name_right_before(verb: Token) -> Token | None:
    """A name written right before a cue the parser did not make its subject: `McNeely said` parsed
    with McNeely as an adverb, or split off as a sentence of its own after a heading."""
    if verb.i == 0 or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    before = verb.doc[verb.i - 1]
    if before.text == ",":  # "Flynn, a top surrogate, said": the name before the description
        commas = [t for t in verb.doc[max(0, verb.i - 10) : verb.i - 1] if t.text == ","]
        between = verb.doc[commas[-1].i + 1 : verb.i - 1] if commas else []
        # a description or a participle ("leading a coalition"), not a clause ("Paradata, uses big data,")
        if commas and commas[-1].i > 0 and not any(t.tag_ in {"VBZ", "VBD", "VBP", "MD"} for t in between):
            before = verb.doc[commas[-1].i - 1]
    if before.pos_ != "PROPN" or not before.text[:1].isupper() or before.dep_ in {"compound", "poss", "pobj"}:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} and not _titled(c) for c in verb.children):
        return None
    return before


def mention_tokens(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the phrase that names the speaker headed by `head`."""
    doc = head.doc
    if head.ent_type_ and head.ent_iob_ != "O" and head.lower_ not in role_nouns():
        # walk the IOB tags rather than doc.ents, which spaCy rebuilds on every access
        start = head.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = head.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        while start < head.i and verb_for(doc[start].lower_) is not None:
            start += 1  # "Said Ellis:" tagged as one name: the cue is no part of the speaker
        return start, end
    if head.pos_ == "PRON":
        return head.i, head.i + 1
    if head.pos_ == "NOUN":
        # "The head of the Super PAC backing Bush, Mike Murphy, praised": the name is who a reader points at
        for child in head.rights:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON" and child.ent_iob_ != "O":
                return mention_tokens(child)
    start = end = head.i
    for child in head.lefts:
        if child.dep_ not in _DROP_FROM_PHRASE:
            start = min(start, child.left_edge.i)
    for child in head.rights:
        if (child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "from", "in"}) or child.dep_ in {
            "compound",
            "amod",
            "nummod",
        }:
            end = max(end, child.right_edge.i)
        else:
            break
    # never let a phrase run over a sentence break or a quote mark
    while end > start and doc[end].is_punct:
        end -= 1
    return start, end + 1
