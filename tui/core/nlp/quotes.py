"""Find statements in a parsed article: what was said, the cue that reports it, and who said it.

Three sources of statements, merged into one list that never overlaps:
- reporting verbs with their clause or object ("Putin said that the mission will end");
- quoted stretches of text (quote_marks.py) tied to the nearest cue in their sentence, or, with no cue
  of their own right after an attributed quote, continuing it (the follow-on inherits its speaker);
- "according to X" and headline attributions ("Kazakh FM: Recent events are ...").
A quote inside reported speech makes the statement "mixed"; a quote split by its cue
("We will stay," he said, "until it is stable.") is one statement whose `parts` are its two pieces.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from .lexicon import role_nouns, verb_for
from .page_furniture import Furniture
from .quote_marks import QuotedSpan, find_quoted_spans, is_separator_line, is_title, only_separators
from .signed_paragraphs import signed_paragraphs
from .speakers import antecedent, doc_text, mention_tokens, subject_of, subjects_first

Doc = Any
Token = Any

_TRIM = set(" \t\n,;:-—–")


@dataclass(kw_only=True)
class Statement:
    """A statement while it is being built (offsets are characters; token indices for the parse links).

    Built by name only: a dozen rules make statements, and positional fields this alike (two spans, two
    token indices) would be easy to swap unnoticed.
    """

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    speaker: tuple[int, int] | None = None
    speaker_token: int | None = None
    inherited: bool = False
    quotes: int = 0
    parts: list[tuple[int, int]] = field(default_factory=list)
    written_name: tuple[int, int] | None = None
    """Where the speaker is named as written, a name of its own whatever spaCy tags in it: a blog
    (`Stiletos in the Sand`), a handle (`@xaxo6v`), a pen name (`Fattractive Egyptian woman`)."""


class _Index:
    """Character <-> token lookups and the quoted spans of one document."""

    def __init__(self, doc: Doc, quoted: list[QuotedSpan]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.starts = [t.idx for t in doc]
        self.quoted = quoted
        self.quote_starts = [q.start for q in quoted]

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def quote_containing(self, char: int) -> int | None:
        i = bisect.bisect_right(self.quote_starts, char) - 1
        if i >= 0 and self.quoted[i].start <= char < self.quoted[i].end:
            return i
        return None

    def in_quote(self, token: Token) -> bool:
        return self.quote_containing(token.idx) is not None

    @functools.cached_property
    def _sentences(self) -> tuple[list[Any], list[int]]:
        sentences = list(self.doc.sents)
        return sentences, [sent.start for sent in sentences]

    def sentence(self, i: int) -> Any:
        """The sentence of token `i`, as `doc[i].sent` gives it, found by bisection: spaCy's `.sent` walks
        the sentence token by token on every call, which costs quadratic time in a long sentence of quotes."""
        sentences, starts = self._sentences
        return sentences[bisect.bisect_right(starts, i) - 1]

    @functools.cached_property
    def cues(self) -> tuple[list[int], list[int]]:
        """Token indices and character offsets, in order, of the reporting verbs outside quotes."""
        tokens = [t.i for t in self.doc if _is_cue(t) and not self.in_quote(t)]
        return tokens, [self.doc[i].idx for i in tokens]

    def cues_around(self, quote: QuotedSpan, sent: Any) -> list[Token]:
        """In `sent`, the last cue before `quote` and the first after it, in text order.

        Any other cue of the sentence lies farther from the quote on its side, so these two are all a
        search for the nearest cue needs: a long sentence full of quotes costs no more per quote.
        """
        tokens, chars = self.cues
        found = []
        before = bisect.bisect_left(chars, quote.start) - 1
        if before >= 0 and sent.start <= tokens[before] < sent.end:
            found.append(self.doc[tokens[before]])
        after = bisect.bisect_left(chars, quote.end)
        if after < len(tokens) and sent.start <= tokens[after] < sent.end:
            found.append(self.doc[tokens[after]])
        return found


def _end_char(token: Token) -> int:
    """The character offset just after `token`."""
    return token.idx + len(token.text)


def _char_span(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int]:
    """The characters of the token range [start_tok, end_tok)."""
    return doc[start_tok].idx, _end_char(doc[end_tok - 1])


def _words_in(doc: Doc, start_tok: int, end_tok: int) -> int:
    return sum(1 for t in doc[start_tok:end_tok] if not t.is_punct and not t.is_space)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1] == "."):
        if text[end - 1] == "." and end - 2 >= start and text[end - 2] == ".":
            break
        end -= 1
    return start, end


def says_something(text: str, start: int, end: int) -> bool:
    """A statement holds at least one letter or digit: punctuation and blanks alone say nothing.

    Trimming can leave nothing of a short stretch (`ACCORDING TO.,.`: what follows the cue is `.,.`).
    Such a leftover is only kept when it touches a quote and so grows to hold it (`That's according
    to a school's latest "List of Words ..."`: the closing mark is left and the quote is the statement);
    find_statements drops whatever still says nothing at the end.
    """
    return any(character.isalnum() for character in text[start:end])


def _is_cue(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and verb_for(token.lower_) is not None and token.dep_ != "amod"


_OBJECT_PRONOUNS = {
    "it",
    "this",
    "that",
    "them",
    "him",
    "her",
    "me",
    "us",
    "you",
    "much",
    "so",
    "nothing",
    "something",
}


def _span_of(tokens: list[Token]) -> tuple[int, int]:
    return min(t.left_edge.i for t in tokens), max(t.right_edge.i for t in tokens) + 1


def _content_of(verb: Token) -> tuple[int, int] | None:
    """The token range of what `verb` reports, by the frames the lexicon gives it.

    A reported clause ("said that ..."), a to-infinitive ("urged them to leave"), an object ("called
    him a liar", "noted the rule") or the object of a preposition ("called for a vote").
    """
    reporting = verb_for(verb.lower_)
    children = list(verb.children)
    # a clause after the verb before one in front of it (`OTTAWA — Scheer says Trudeau is ...`: the
    # parser may take a dateline for a clause too)
    for child in sorted(children, key=lambda c: c.i < verb.i):
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and "to" in reporting.frames):
            if child.i < verb.i and any(
                _is_cue(t) and any(c.dep_ == "nsubj" for c in t.children)
                for t in child.subtree
                if t is not child
            ):
                continue  # "“You winning?” she said, but ..., Melanie said yes": not Melanie's words
            start = child.left_edge.i
            end = _with_coordinated_clause(verb, child)
            if child.i < verb.i:
                # `A (and yes, B), says X.`: the parser may hang two clauses on a cue after them
                nearer = [c for c in children if c.dep_ == "ccomp" and child.i < c.i < verb.i]
                end = max([end, *(c.right_edge.i + 1 for c in nearer)])
            if child.dep_ == "ccomp" and child.i > verb.i:
                start = _aside_lead(verb, start)
            if child.dep_ == "ccomp" and child.i > verb.i and not _has_subject(child) and _finite(child):
                # `said smaller brewers ... are likely to suffer`: the parser took the clause's subject
                # for the verb's object (not who was told: `told her: "Take a knife"`, `told Reuters ...`)
                taken = [c for c in children if c.dep_ == "dobj" and verb.i < c.i < child.i]
                if taken and not (_addressee(taken[0]) and "to" in reporting.frames):
                    start = taken[0].left_edge.i
            if child.dep_ == "xcomp" and child.i > verb.i:
                # `urged his supporters to vote`: who is urged is part of what was said
                addressee = [c for c in children if c.dep_ == "dobj" and verb.i < c.i < child.i]
                if addressee:
                    start = addressee[0].left_edge.i
            return start, end
    if "object" in reporting.frames:
        objects = [c for c in verb.rights if c.dep_ in {"dobj", "oprd", "xcomp", "ccomp"}]
        if (
            objects
            and objects[0].dep_ == "dobj"
            and (objects[0].lower_ not in _OBJECT_PRONOUNS or len(objects) > 1)
        ):
            tail = [
                c for c in verb.rights if c.dep_ in {"prep", "advcl", "oprd", "xcomp"} and c.i > objects[0].i
            ]
            if verb.lemma_ in {
                "call",
                "describe",
                "dub",
                "label",
                "brand",
                "term",
                "accuse",
                "praise",
                "criticize",
                "criticise",
                "blame",
                "credit",
                "thank",
                "cite",
            }:
                return _span_of([objects[0], *tail[:1]])
            return _span_of([objects[0]])
    for child in children:
        if child.dep_ == "prep" and child.lower_ in reporting.prepositions:
            objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
            if objects and objects[0].lower_ not in _OBJECT_PRONOUNS:
                return _span_of(objects)
    return _detached_clause(verb) or _swallowed_clause(verb)


_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_SAYING = {
    "say",
    "add",
    "admit",
    "claim",
    "insist",
    "explain",
    "argue",
    "state",
    "concede",
    "contend",
    "stress",
}
"""Verbs that report words and nothing else: `order`, `rule` or `figure` with an object are acts."""


def _swallowed_clause(verb: Token) -> tuple[int, int] | None:
    """What a cue reports when the parser made the reported clause the sentence's main clause.

    `Still, McNeely said disease can complicate it.` parsed with `said` hanging on `complicate`, and
    `Garland said unemployment and lost earnings have broad effects` with `unemployment` as the object
    of `said`: a verb that reports only clauses, with its subject written before it, reports the rest
    of its sentence when that holds a finite verb of its own.
    """
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb_for(verb.lower_).lemma not in _SAYING:
        return None
    if set(verb_for(verb.lower_).frames) - {"clause"} or any(
        c.dep_ in {"ccomp", "xcomp"} for c in verb.children
    ):
        return None
    sent = verb.sent
    if verb.i + 1 >= sent.end or verb.doc[verb.i + 1].is_punct:
        return None  # `The museum, Mr. Bush said, celebrated ...`: an aside (_parenthetical_content)
    head = verb.head
    swallowed = verb.dep_ in {"advmod", "ccomp", "dep", "parataxis"} and head.i > verb.i
    swallowed = swallowed and head.pos_ in {"VERB", "AUX"}
    # `said unemployment and lost earnings have ...`: an object, then a verb coordinated with the cue
    # that has no subject of its own: the object was that verb's subject
    objects = [
        c for c in verb.rights if c.dep_ == "dobj" and c.i == verb.i + 1 and c.pos_ in {"NOUN", "PROPN"}
    ]
    split = bool(objects) and any(
        c.dep_ == "conj" and c.tag_ in _FINITE and not _has_subject(c)
        for c in verb.rights
        if c.i > verb.i + 1
    )
    if not swallowed and not split:
        return None
    rest = [t for t in sent if t.i > verb.i]
    # a finite verb of the reported clause itself, not the one coordinated with the cue (`said goodbye
    # and left the hall` reports nothing)
    if not any(t.tag_ in _FINITE and not (t.dep_ == "conj" and t.head.i == verb.i) for t in rest):
        return None
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i:
        return None  # `Because warm water is lighter, says the study, it rises`: an aside
    end = rest[-1].i + 1
    while end > verb.i + 1 and verb.doc[end - 1].is_punct:
        end -= 1
    return (verb.i + 1, end) if end - verb.i > 3 else None


def _aside_lead(verb: Token, start: int) -> int:
    """Where a report starts whose cue is an aside in it: `It is on Trudeau's watch, Scheer said, that the
    country faces ...` and `But while some couples collapse, Rutledge said, for others it can ...` report
    the words before the aside too (its parts leave the aside out). The sign: the cue and its subject
    stand between commas, after at least a few words that hold no cue of their own."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    doc = verb.doc
    if subject is None or start != verb.i + 2 or doc[verb.i + 1].text != ",":
        return start
    left = subject.left_edge.i
    sent = verb.sent
    if left - 1 <= sent.start or doc[left - 1].text != ",":
        return start
    lead = [t for t in doc[sent.start : left - 1] if not (t.is_punct or t.is_space)]
    if len(lead) < 3 or any(_is_cue(t) for t in lead):
        return start
    return lead[0].i


def _finite(clause: Token) -> bool:
    """Whether a clause's verb is finite (`are likely`, `will go`), not an order (`take a knife`)."""
    return clause.tag_ in {"VBD", "VBZ", "VBP"} or any(c.tag_ == "MD" for c in clause.children)


def _addressee(noun: Token) -> bool:
    """Whether an object names who is spoken to (`told her`, `told Reuters`, `told our correspondent`)."""
    return noun.pos_ in {"PRON", "PROPN"} or any(c.dep_ == "poss" for c in noun.children)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in token.children)


def _with_coordinated_clause(verb: Token, clause: Token) -> int:
    """Where a reported clause ends, taking in a second clause the parser hung on the cue instead
    (`said it was too early to tell, and there was no evidence yet`): one that has a subject of its
    own and reports nothing itself."""
    end = clause.right_edge.i + 1
    if clause.i < verb.i:
        return end
    for later in verb.rights:  # `said that he had a source who told him Trump hadn't paid`: two clauses
        if later.dep_ == "ccomp" and later.i > clause.i and not any(_is_cue(t) for t in later.subtree):
            end = max(end, later.right_edge.i + 1)
    for conj in verb.rights:
        if conj.dep_ != "conj" or conj.i < end or conj.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in conj.children):
            continue
        if any(_is_cue(t) for t in conj.subtree):
            continue
        end = conj.right_edge.i + 1
    return end


def _detached_clause(verb: Token) -> tuple[int, int] | None:
    """A reported clause the parser hung elsewhere: `asked workers if they ...`, `said on Friday during a
    news conference that he may wait ...`. The first that/if/whether clause soon after the cue."""
    sent = verb.sent
    frames = verb_for(verb.lower_).frames
    if "to" not in frames and "object" not in frames and any(c.dep_ == "dobj" for c in verb.children):
        return None  # `it would add so many layers of complexity that ...`: the verb has its object
    for token in verb.doc[verb.i + 1 : min(sent.end, verb.i + 14)]:
        if token.dep_ == "mark" and token.lower_ in {"that", "if", "whether"}:
            clause = token.head
            if clause.i > verb.i and verb.i not in range(clause.left_edge.i, clause.right_edge.i + 1):
                if any(_is_cue(t) for t in verb.doc[verb.i + 1 : token.i]):
                    return None
                return token.i, clause.right_edge.i + 1
    return None


def _parenthetical_content(verb: Token) -> tuple[int, int] | None:
    """`The museum, Mr. Bush said, celebrated ...` and `X is true, Schiff said.`: the sentence around the cue.

    The parser often hangs such a cue off the clause it reports instead of taking that clause as its
    complement; the sign is a comma right before the cue and its subject.
    """
    sent = verb.sent
    subject = next((c for c in subjects_first(verb) if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return None
    if subject.tag_ in {"WP", "WDT"}:
        return None  # `The economist, who writes about housing, spoke`: a description, not an aside
    left = min(verb.i, subject.left_edge.i)
    right = max(verb.i, subject.right_edge.i) + 1
    if left - 1 <= sent.start or verb.doc[left - 1].text not in {",", "—", "--"}:
        return None
    # only punctuation, adverbs and time words may follow the cue in its own stretch
    end = right
    while (
        end < sent.end
        and verb.doc[end].dep_ in {"npadvmod", "advmod", "prep", "pobj", "det", "compound"}
        and (verb.doc[end].head.i in range(left, end))
    ):
        end += 1
    if left - sent.start < 3:
        return None
    if end < sent.end and verb.doc[end].text in {",", "—", "--"} and sent.end - end > 3:
        return sent.start, sent.end
    last = sent.end
    while last > end and (verb.doc[last - 1].is_space or verb.doc[last - 1].is_punct):
        last -= 1  # the sentence's full stop, and the line break spaCy keeps in it
    if end >= last:
        return sent.start, left - 1
    return None


def _cue_span(verb: Token) -> tuple[int, int]:
    return verb.idx, _end_char(verb)


def _speaker_for(verb: Token, index: _Index | None = None) -> tuple[tuple[int, int] | None, int | None]:
    subject = subject_of(verb)
    if subject is not None and index is not None and index.in_quote(subject) and not index.in_quote(verb):
        subject = _name_near(verb, index)  # the parser took a word of the quote for the subject
    if subject is None:
        return None, None
    start, end = mention_tokens(subject)
    doc = verb.doc
    return _char_span(doc, start, end), antecedent(subject).i


def _name_near(verb: Token, index: _Index) -> Token | None:
    """The person or pronoun right next to a cue, outside quotes: `," Leslie Wimes, a ..., said`."""
    sent = verb.sent
    window = [
        t for t in sent[max(0, verb.i - 8 - sent.start) : verb.i + 6 - sent.start] if not index.in_quote(t)
    ]
    candidates = [
        t for t in window if t.ent_type_ in {"PERSON", "ORG"} or t.lower_ in {"he", "she", "they", "it"}
    ]
    if not candidates:
        return None
    best = min(candidates, key=lambda t: abs(t.i - verb.i))
    if best.ent_type_:
        while best.i + 1 < len(verb.doc) and verb.doc[best.i + 1].ent_iob_ == "I":
            best = verb.doc[best.i + 1]
    return best


def _nested_cue_start(verb: Token, start_tok: int, end_tok: int) -> int:
    """Where a participle cue inside the content begins (`..., noting that ...`): the content stops there."""
    doc = verb.doc
    for token in doc[start_tok:end_tok]:
        participle = token.dep_ in {"advcl", "conj"} and token.tag_ == "VBG" and token.i > start_tok
        if (
            participle
            and _is_cue(token)
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        ):
            return token.left_edge.i
    return end_tok


def _is_imperative(verb: Token) -> bool:
    """`Tell him why you like it.`, `Note that the index is inverted.`: the writer addressing the
    reader, not a report of what someone said."""
    if verb.tag_ != "VB" or any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in verb.children):
        return False
    first = next((t for t in verb.sent if not (t.is_punct or t.is_space)), None)
    return first is not None and first.i == verb.i


def _from_verbs(doc: Doc, index: _Index) -> list[Statement]:
    found = []
    for token in doc:
        if not _is_cue(token) or index.in_quote(token) or _is_imperative(token):
            continue
        content = _content_of(token)
        parenthetical = False
        if content is None:
            content = _parenthetical_content(token)
            parenthetical = content is not None
        if content is None:
            continue
        start_tok, end_tok = content
        end_tok = _nested_cue_start(token, start_tok, end_tok)
        if end_tok <= start_tok:
            continue
        start, end = _trimmed(doc_text(doc), *_char_span(doc, start_tok, end_tok))
        relative = doc[start_tok].tag_ in {"WDT", "WP"} and doc[start_tok].i < token.i
        aside = start_tok < token.i and _aside_lead(token, token.i + 2) == start_tok
        if end - start < 3 or (start <= token.idx < end and not (parenthetical or relative or aside)):
            continue
        speaker, speaker_token = _speaker_for(token)
        found.append(
            Statement(
                start=start,
                end=end,
                kind="indirect",
                cue=_cue_span(token),
                cue_token=token.i,
                speaker=speaker,
                speaker_token=speaker_token,
            )
        )
    return found


def _according_to(doc: Doc) -> list[Statement]:
    found = []
    for token in doc:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            to = doc[token.i + 1]
        if to is None:
            continue
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        sent = token.sent
        phrase_start = token.i
        phrase_end = max(to.i, source.right_edge.i if source is not None else to.i) + 1
        before = (sent.start, phrase_start)
        after = (phrase_end, sent.end)
        side = after if after[1] - after[0] > before[1] - before[0] else before
        if min(_words_in(doc, *before), _words_in(doc, *after)) >= 2:
            side = (sent.start, sent.end)  # `The truth, according to experts, is ...`: both sides
        if side[1] - side[0] < 3:
            continue
        start, end = _trimmed(doc_text(doc), *_char_span(doc, *side))
        speaker = speaker_token = None
        if source is not None:
            s, e = mention_tokens(source)
            speaker, speaker_token = _char_span(doc, s, e), source.i
        found.append(
            Statement(
                start=start,
                end=end,
                kind="indirect",
                cue=(token.idx, _end_char(to)),
                cue_token=token.i,
                speaker=speaker,
                speaker_token=speaker_token,
            )
        )
    return found


_CLAIM_NOUNS = {
    "claim",
    "claims",
    "assertion",
    "suggestion",
    "promise",
    "pledge",
    "warning",
    "argument",
    "insistence",
    "accusation",
    "allegation",
    "allegations",
    "charge",
    "announcement",
    "remark",
    "statement",
    "vow",
    "prediction",
    "contention",
    "declaration",
    "admission",
    "denial",
}


def _claims(doc: Doc, index: _Index) -> list[Statement]:
    """`his claim that people would "learn nothing"`: a speech noun whose owner is named, with its clause."""
    found = []
    for noun in doc:
        if noun.lower_ not in _CLAIM_NOUNS or noun.pos_ != "NOUN" or index.in_quote(noun):
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in {"acl", "ccomp"}
                and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
            ),
            None,
        )
        if owner is None or clause is None:
            continue
        start, end = _trimmed(doc_text(doc), *_char_span(doc, clause.left_edge.i, clause.right_edge.i + 1))
        found.append(
            Statement(
                start=start,
                end=end,
                kind="indirect",
                cue=_cue_span(noun),
                cue_token=noun.i,
                speaker=_char_span(doc, *mention_tokens(owner)),
                speaker_token=owner.i,
            )
        )
    return found


def _nearest_cue(doc: Doc, index: _Index, quote: QuotedSpan, taken: set[int]) -> Token | None:
    """The reporting verb nearest a quote, outside any quote, in the sentences that can attribute it.

    Those are the sentences the quote touches, the sentence right after it when the parser ended the
    sentence at the quote (`"Does anybody know?" Graham asked.`), and a sentence that introduces it
    with a colon (`Trump said:` then the quote, even on the line before).
    """
    text = doc_text(doc)
    first = index.token_at(quote.start)
    last = index.token_at(max(quote.start, quote.end - 1))
    first_sent, last_sent = index.sentence(first), index.sentence(last)
    sentences = [(first_sent, True), (last_sent, True)]
    after = last_sent.end
    # the next sentence, but not the next paragraph: a quote closing a paragraph was attributed in it
    if (
        after < len(doc)
        and not text[quote.end : doc[after].idx].strip()
        and "\n" not in text[quote.end : doc[after].idx]
    ):
        sentences.append((index.sentence(after), False))
    lead = text[: quote.start].rstrip()
    if lead.endswith(":") and first_sent.start > 0:
        sentences.append((index.sentence(first_sent.start - 1), False))
    best, best_distance = None, None
    for sent, own in sentences:
        # in its own sentences the nearest cue on either side of the quote; in the others, the first words
        for token in index.cues_around(quote, sent) if own else sent[:9]:
            if not _is_cue(token) or index.in_quote(token):
                continue
            if not own and (token.i in taken or token.i - sent.start > 8):
                continue
            distance = token.idx - quote.end if token.idx >= quote.end else quote.start - token.idx
            if token.idx < quote.start:
                distance += 5  # a cue after the quote ("...," he said) is the more usual reading
            if best is None or distance < best_distance:
                best, best_distance = token, distance
    return best


_DASH_RE = re.compile(r"\s*(―|—|–|--|-)\s*")
_NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE"}


def _name_at(doc: Doc, index: _Index, char: int) -> tuple[int, int] | None:
    """Token range of the name that starts at `char`: an entity, or a run of proper nouns."""
    start = index.token_at(char)
    if start >= len(doc) or doc[start].idx != char:
        return None
    token = doc[start]
    if token.ent_iob_ == "B" and token.ent_type_ in _NAME_LABELS:
        end = start + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return start, end
    end = start
    while end < len(doc) and doc[end].pos_ == "PROPN" and "\n" not in doc[end].text:
        end += 1
    return (start, end) if end > start else None


def _punctuation_attribution(doc: Doc, index: _Index, quote: QuotedSpan) -> Statement | None:
    """A quote signed with a dash (`"..." ― Carla Sanchez`) or introduced by a name and a colon."""
    text = doc_text(doc)
    dash = _DASH_RE.match(text, quote.end)
    if dash and dash.group(1) and "\n" not in dash.group():
        name = _name_at(doc, index, dash.end())
        if name is not None:
            return Statement(
                start=quote.start,
                end=quote.end,
                kind="direct",
                cue=dash.span(1),
                speaker=_char_span(doc, *name),
                speaker_token=name[1] - 1,
                quotes=1,
            )
    introduced = _colon_introduction(doc, index, quote)
    if introduced is not None:
        return introduced
    line_start = text.rfind("\n", 0, quote.start) + 1
    lead = text[line_start : quote.start].rstrip()
    if lead.endswith(":") and 0 < len(lead.split()) <= 6:
        head = _lead_speaker(doc, index, line_start, line_start + len(lead) - 1)
        if head is not None:
            colon = line_start + len(lead) - 1
            return Statement(
                start=quote.start,
                end=quote.end,
                kind="direct",
                cue=(colon, colon + 1),
                speaker=_char_span(doc, *mention_tokens(head)),
                speaker_token=head.i,
                quotes=1,
            )
    return None


def _object_tail(doc: Doc, index: _Index, cue: Token, quote: QuotedSpan) -> int:
    """`it referenced "political tensions" in advanced economies that are ...`: a quote that opens the
    cue's object takes the rest of that object with it."""
    first = index.token_at(quote.start)
    for child in cue.rights:
        if child.dep_ in {"dobj", "attr", "oprd"} and child.left_edge.i <= first + 1 <= child.right_edge.i:
            end = _end_char(doc[child.right_edge.i])
            if (
                end > quote.end
                and "\n" not in doc_text(doc)[quote.end : end]
                and index.quote_containing(end - 1) is None
            ):
                return _trimmed(doc_text(doc), quote.start, end)[1]
    return quote.end


def _reported_lead(doc: Doc, index: _Index, cue: Token, quote: QuotedSpan) -> int:
    """Where a statement starts whose cue comes before its quote in the same sentence.

    `McCain says the populist movement appeals to the "bad angels"`: what he says starts after the cue
    and runs into the quote, even when the parser did not make it the verb's clause. A colon or comma
    right before the quote (`said: "..."`, `told reporters, "..."`) leaves the quote on its own.
    """
    text = doc_text(doc)
    if cue.idx > quote.start or cue.sent != doc[index.token_at(quote.start)].sent:
        return quote.start
    after = cue.i + 1
    subject = subject_of(cue)
    if subject is not None and subject.i > cue.i:
        after = subject.right_edge.i + 1
    if after >= len(doc) or doc[after].idx >= quote.start:
        return quote.start
    gap = text[doc[after].idx : quote.start]
    if (
        not gap.split()
        or gap.rstrip().endswith((":", ","))
        or index.quote_containing(doc[after].idx) is not None
    ):
        return quote.start
    if any(_is_cue(t) for t in doc[after : index.token_at(quote.start)]):
        return quote.start
    return doc[after].idx


def _structural_cue(doc: Doc, index: _Index, quote: QuotedSpan, taken: set[int]) -> Token | None:
    """A verb outside the lexicon that the parse links to the quote and that has a subject of its own
    (`"USA! USA!" the crowd chanted`, `"Not us," Murphy tweeted`): it reports the quote."""
    first = index.token_at(quote.start)
    last = index.token_at(max(quote.start, quote.end - 1))
    inside = range(first, last + 1)
    for i in inside:
        token = doc[i]
        for verb in (token.head, *token.children):
            if verb.i in inside or verb.i in taken or verb.pos_ != "VERB" or index.in_quote(verb):
                continue
            if verb.sent != doc[last].sent and verb.sent != doc[first].sent:
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if (
                subject is not None
                and subject.i not in inside
                and (subject.pos_ in {"PRON", "PROPN"} or subject.ent_type_ in {"PERSON", "ORG", "NORP"})
            ):
                return verb
    return None


def _colon_introduction(doc: Doc, index: _Index, quote: QuotedSpan) -> Statement | None:
    """A sentence that ends in a colon introduces the quote after it (`Sanders made the following
    comment:` then the quote): the subject of that sentence's verb is the speaker."""
    text = doc_text(doc)
    lead = text[: quote.start].rstrip()
    if not lead.endswith(":") or quote.start - len(lead) > 3:
        return None
    colon = index.token_at(len(lead) - 1)
    sent = doc[colon].sent
    verbs = [t for t in sent if t.pos_ in {"VERB", "AUX"} and t.i < colon and not index.in_quote(t)]
    if not verbs or colon - sent.start < 2:
        return None
    verb = sent.root if sent.root in verbs else verbs[-1]
    speaker, speaker_token = _speaker_for(verb)
    if speaker is None:
        return None
    return Statement(
        start=quote.start,
        end=quote.end,
        kind="direct",
        cue=_cue_span(verb),
        cue_token=verb.i,
        speaker=speaker,
        speaker_token=speaker_token,
        quotes=1,
    )


def _lead_speaker(doc: Doc, index: _Index, start: int, end: int) -> Token | None:
    """The speaker named before a colon (`Kazakh FM:`), if the words there can name one."""
    tokens = [
        t
        for t in doc[index.token_at(start) : index.token_at(max(start, end - 1)) + 1]
        if start <= t.idx < end
    ]
    if not tokens or any(t.pos_ in {"VERB", "AUX"} for t in tokens):
        return None
    named = any(t.ent_type_ in _NAME_LABELS for t in tokens)
    role = any(t.lower_ in role_nouns() for t in tokens)
    if not (named or role) or not tokens[0].text[:1].isupper():
        return None
    return max((t for t in tokens if t.pos_ in {"PROPN", "NOUN"}), key=lambda t: t.i, default=None)


def _headlines(doc: Doc, index: _Index) -> list[Statement]:
    """Headline attributions: a short line `Speaker: what they said` with no quote marks."""
    text = doc_text(doc)
    found = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        colon = line.find(": ")
        if (
            colon > 0
            and len(line.split()) <= 25
            and not line.rstrip().endswith(".")
            and index.quote_containing(start + colon) is None
        ):
            head = _lead_speaker(doc, index, start, start + colon)
            rest_start = start + colon + 2
            rest = text[rest_start:end].strip()
            if head is not None and len(rest.split()) >= 3 and rest[:1] not in "\"“‘'":
                c_start, c_end = _trimmed(text, rest_start, end)
                found.append(
                    Statement(
                        start=c_start,
                        end=c_end,
                        kind="indirect",
                        cue=(start + colon, start + colon + 1),
                        speaker=_char_span(doc, *mention_tokens(head)),
                        speaker_token=head.i,
                    )
                )
        start = end + 1
    return found


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def find_statements(doc: Doc) -> list[Statement]:
    """All statements of `doc`, in reading order, spans never overlapping."""
    text = doc_text(doc)
    quoted = find_quoted_spans(text)
    index = _Index(doc, quoted)
    statements = _from_verbs(doc, index) + _according_to(doc) + _headlines(doc, index) + _claims(doc, index)
    statements = _split_coordinated(doc, statements)
    # widen statements to whole quotes they touch: partial quotes inside reported speech
    for st in statements:
        for q in quoted:
            if _overlaps((st.start, st.end), (q.start, q.end)):
                st.start, st.end = min(st.start, q.start), max(st.end, q.end)
                st.quotes += 1
    by_cue: dict[int, Statement] = {st.cue_token: st for st in statements if st.cue_token is not None}
    orphans: list[QuotedSpan] = []
    for q in quoted:
        if any(_overlaps((st.start, st.end), (q.start, q.end)) for st in statements):
            continue
        cue = _nearest_cue(doc, index, q, set(by_cue)) or _structural_cue(doc, index, q, set(by_cue))
        title = is_title(text, q)
        if title and cue is not None and not (_is_cue(cue) and _governs(doc, index, cue, q)):
            cue = None  # `a spin in "The Kid Who Would Be King," a film ...`: a name, not words said
        if cue is None:
            punctuated = _punctuation_attribution(doc, index, q)
            if punctuated is None:
                if not title:
                    orphans.append(q)
            else:
                statements.append(punctuated)
            continue
        if cue.i in by_cue:
            st = by_cue[cue.i]
            st.start, st.end = min(st.start, q.start), max(st.end, q.end)
            st.quotes += 1
            continue
        speaker, speaker_token = _speaker_for(cue, index)
        start = _reported_lead(doc, index, cue, q)
        end = _object_tail(doc, index, cue, q)
        st = Statement(
            start=start,
            end=end,
            kind="direct",
            cue=_cue_span(cue),
            cue_token=cue.i,
            speaker=speaker,
            speaker_token=speaker_token,
            quotes=1,
        )
        statements.append(st)
        by_cue[cue.i] = st
    statements = _without_overlaps(statements)
    furniture = Furniture(text)
    if furniture.spans:  # links to other stories and photo captions hold no statement of this article
        statements = [st for st in statements if not furniture.holds(st.start)]
        orphans = [q for q in orphans if not furniture.holds(q.start)]
    signed = _signed(doc, text, statements)
    if signed:
        statements = [st for st in statements if not any(_overlaps((st.start, st.end), s) for s in signed)]
        orphans = [q for q in orphans if not any(_overlaps((q.start, q.end), s) for s in signed)]
    statements.extend(_follow_ons(doc, statements, orphans, quoted))
    statements.extend(_unattributed(text, statements, orphans))
    statements = [st for st in statements if says_something(text, st.start, st.end)]
    for st in statements:
        st.parts = _by_paragraph(text, _parts(text, st, quoted, index.quote_starts))
        st.kind = _kind(text, st, quoted)
    for (start, end), st in signed.items():
        st.parts = [(start, end)]
        statements.append(st)
    statements.sort(key=lambda s: s.start)
    return statements


def _signed(doc: Doc, text: str, statements: list[Statement]) -> dict[tuple[int, int], Statement]:
    """Paragraphs signed by their speaker (signed_paragraphs.py), as direct statements.

    An embedded post is one statement, whatever its words report (`the union says ...` inside a post is
    the post's author's); a pull quote only where nothing else was found in its paragraph.
    """
    found: dict[tuple[int, int], Statement] = {}
    for signed in signed_paragraphs(doc, text):
        span = (signed.start, signed.end)
        if not signed.post and any(_overlaps((st.start, st.end), span) for st in statements):
            continue
        found[span] = Statement(
            start=signed.start,
            end=signed.end,
            kind="direct",
            cue=signed.cue,
            speaker=signed.speaker,
            speaker_token=signed.speaker_token,
        )
    return found


def _governs(doc: Doc, index: _Index, cue: Token, quote: QuotedSpan) -> bool:
    """Whether the quote hangs on the cue in the parse (`sang "American Skin"`, `dubbed it "Level 4"`)."""
    first = index.token_at(quote.start)
    last = index.token_at(max(quote.start, quote.end - 1))
    return any(cue.i in {a.i for a in doc[i].ancestors} for i in range(first, last + 1))


def _split_coordinated(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """`She said A, and ... the mother of three replied, "B"`: a coordinated cue with its own subject inside
    another statement starts a statement of its own, and the outer one ends before it."""
    for inner in statements:
        if inner.cue_token is None or doc[inner.cue_token].dep_ != "conj" or inner.speaker is None:
            continue
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in doc[inner.cue_token].children):
            continue  # `located her and told her to leave`: the subject is shared, no new speaker
        for outer in statements:
            if outer is inner or not (outer.start <= inner.cue[0] < outer.end):
                continue
            cut = min(inner.start, inner.speaker[0], inner.cue[0])
            head = doc[inner.cue_token]
            cut = min(
                cut,
                min(
                    (c.left_edge.idx for c in head.lefts if c.dep_ in {"advcl", "advmod", "cc"}), default=cut
                ),
            )
            start, end = _trimmed(doc_text(doc), outer.start, cut)
            for word in (" and", " but"):
                if doc_text(doc)[start:end].endswith(word):
                    start, end = _trimmed(doc_text(doc), start, end - len(word))
            if len(doc_text(doc)[start:end].split()) >= 3:
                outer.end = end
    return statements


def _without_overlaps(statements: list[Statement]) -> list[Statement]:
    """Keep the longer of two overlapping statements (an outer report holds the inner one)."""
    kept: list[Statement] = []
    for st in sorted(statements, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(_overlaps((st.start, st.end), (k.start, k.end)) for k in kept):
            kept.append(st)
    return kept


def _follow_ons(
    doc: Doc, statements: list[Statement], orphans: list[QuotedSpan], quoted: list[QuotedSpan]
) -> list[Statement]:
    """Quotes with no cue of their own that continue the attributed statement just before them.

    Right after the sentence that carries a quote and its cue, in the same paragraph, another quote
    is the same statement (`"A," said X. "B."`): the statement grows to cover it. After reported
    speech, or opening the next paragraph, it is a follow-on statement that inherits the speaker.
    """
    text = doc_text(doc)
    found: list[Statement] = []
    starts = [t.idx for t in doc]
    for q in orphans:
        before = [s for s in statements + found if s.end <= q.start and s.quotes and s.speaker]
        if not before:
            continue
        previous = max(before, key=lambda s: s.end)
        reach = max(previous.end, *(span[1] for span in (previous.cue, previous.speaker) if span))
        if reach > q.start:
            continue
        token = doc[max(0, bisect.bisect_right(starts, reach - 1) - 1)]
        sentence_end = token.sent.end_char
        if sentence_end > q.start or not only_separators(text[sentence_end : q.start]):
            continue
        if "\n" not in text[reach : q.start] and _kind(text, previous, quoted) == "direct":
            previous.end = q.end
            previous.quotes += 1
        else:
            found.append(_follow_on(q, previous))
    return found


def _follow_on(q: QuotedSpan, previous: Statement) -> Statement:
    """A quote with no cue of its own that goes on with the speaker of the statement before it."""
    return Statement(
        start=q.start,
        end=q.end,
        kind="direct",
        speaker=previous.speaker,
        speaker_token=previous.speaker_token,
        inherited=True,
        quotes=1,
    )


UNATTRIBUTED_MIN_WORDS = 6
"""A quote this long with no cue and no speaker in reach is still a quotation, not a scare quote."""


def _unattributed(text: str, statements: list[Statement], orphans: list[QuotedSpan]) -> list[Statement]:
    """Long quotes nobody could be found for: shown as quotes, with no speaker rather than a guess."""
    found = []
    for q in orphans:
        if len(text[q.start : q.end].split()) < UNATTRIBUTED_MIN_WORDS:
            continue
        if any(_overlaps((st.start, st.end), (q.start, q.end)) for st in statements):
            continue
        before = [st for st in statements if st.end <= q.start and st.speaker is not None]
        previous = max(before, key=lambda st: st.end, default=None)
        if (
            previous is not None
            and len(
                [
                    p
                    for p in text[previous.end : q.start].split("\n")
                    if p.strip() and not is_separator_line(p)
                ]
            )
            <= 1
        ):
            # the paragraph before quoted or reported someone: this one most likely goes on with them
            found.append(_follow_on(q, previous))
            continue
        found.append(Statement(start=q.start, end=q.end, kind="direct", quotes=1))
    return found


_HOLE_EDGE = " \t\n,;:—–-"
_ASIDE_MARKS = ",;—–()"
_ASIDE_WORDS = 6


def _parts(
    text: str, st: Statement, quoted: list[QuotedSpan], quote_starts: list[int]
) -> list[tuple[int, int]]:
    """The pieces of what was said, without the cue and speaker that split them.

    `"A," she said, "B."` and `"A," she said. "B."` are one statement to a reader, but the words between
    the two quotes are the reporter's, not the speaker's: the article view must not show them as quoted
    and an export must leave them out. The cue and speaker are left out with the aside around them: up to
    the quote before and after when only punctuation or a short aside (`, the city engineer,`) separates
    them, else up to the nearest comma or dash (`The museum, Mr. Bush said, celebrated ...`). Words
    that lead into the next quote (`said the plan "will fail"`) stay with it.
    """
    inside = []
    for q in quoted[bisect.bisect_left(quote_starts, st.start) :]:
        if q.start >= st.end:
            break
        if q.end <= st.end:
            inside.append(q)
    markers = [
        span
        for span in (st.cue, st.speaker)
        if span
        and st.start <= span[0]
        and span[1] <= st.end
        and not any(q.start <= span[0] < q.end for q in inside)
    ]
    holes = [_reporter_gap(text, st, inside, markers)] if markers else []
    for before, after in itertools.pairwise(inside):
        gap = text[before.end : after.start]
        words = [w.strip(",:;.") for w in gap.split()]
        if (
            0 < len(words) <= _ASIDE_WORDS + 2
            and gap.rstrip().endswith((":", ","))
            and any(verb_for(w) for w in words)
            and not any(h[0] <= before.end and after.start <= h[1] for h in holes)
        ):
            holes.append((before.end, after.start))  # `"A," and added: "B"`: a second cue of the speaker
    parts = []
    position = st.start
    for start, end in sorted(holes):
        parts.append(_trimmed(text, position, start))
        position = max(position, end)
    parts.append(_trimmed(text, position, st.end))
    return [(s, e) for s, e in parts if e > s] or [(st.start, st.end)]


def _reporter_gap(
    text: str, st: Statement, inside: list[QuotedSpan], markers: list[tuple[int, int]]
) -> tuple[int, int]:
    """The stretch of the reporter's words around the statement's cue and speaker."""
    start, end = min(m[0] for m in markers), max(m[1] for m in markers)
    if st.cue in markers and any(start <= q.start < end for q in inside):
        start, end = st.cue  # speaker and cue on two sides of a quote: leave out the cue alone
    before = max((q.end for q in inside if q.end <= start), default=st.start)
    after = min((q.start for q in inside if q.start >= end), default=st.end)
    aside = text[before:start]
    if not aside.strip(_HOLE_EDGE) or (before > st.start and _closes_a_sentence(text, before, aside)):
        start = before  # `"A," the mayor, Ann Lee, said`: all of it is the reporter's
    else:
        start = _aside_edge(text, before, start, -1)
    lead = text[end:after].strip()
    if after < st.end and (
        not lead.strip(_HOLE_EDGE)
        or lead.endswith((".", "?", "!"))
        or (lead.endswith((",", ":", ";", "—", "–")) and len(lead.split()) <= _ASIDE_WORDS)
    ):
        end = after
    else:
        end = _aside_edge(text, end, after, 1)
    while start > st.start and text[start - 1] in _HOLE_EDGE:
        start -= 1
    while end < st.end and text[end] in _HOLE_EDGE:
        end += 1
    return start, end


def _closes_a_sentence(text: str, quote_end: int, aside: str) -> bool:
    """Whether the quote ending at `quote_end` ends in punctuation (`"A,"`, `"A."`) or is followed by
    it, and the words after it up to the cue are few: then those words are an attribution aside."""
    closing = text[max(0, quote_end - 2) : quote_end] + aside.lstrip()[:1]
    return any(mark in closing for mark in ",.?!;—") and len(aside.split()) <= _ASIDE_WORDS


_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")


def _by_paragraph(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each paragraph of a piece is a piece of its own: a quote that goes on over two paragraphs is
    read (and cited) as two stretches of words, without the line break between them."""
    pieces = []
    for start, end in parts:
        position = start
        for gap in _PARAGRAPH_BREAK.finditer(text, start, end):
            if gap.start() > position:
                pieces.append((position, gap.start()))
            position = gap.end()
        if end > position:
            pieces.append((position, end))
    pieces = [(s, e) for s, e in pieces if not is_separator_line(text[s:e])]
    return pieces or parts


def _aside_edge(text: str, low: int, high: int, direction: int) -> int:
    """Where the aside around a cue ends: the comma or dash within a few words of it (`, Mr. Bush said
    on Friday,`), looking left (direction -1, from `high` down to `low`) or right (from `low` up)."""
    stretch = text[low:high]
    if direction < 0:
        cut = max(stretch.rfind(mark) for mark in _ASIDE_MARKS)
        if cut >= 0 and len(stretch[cut:].split()) <= _ASIDE_WORDS:
            return low + cut
        return high
    cuts = [i for i in (stretch.find(mark) for mark in _ASIDE_MARKS) if i >= 0]
    if cuts and len(stretch[: min(cuts)].split()) <= _ASIDE_WORDS:
        return low + min(cuts)
    return low


def _kind(text: str, st: Statement, quoted: list[QuotedSpan]) -> str:
    if st.quotes == 0:
        return "indirect"
    inside = [q for q in quoted if st.start <= q.start and q.end <= st.end]
    holes = [(q.start, q.end) for q in inside]
    holes += [span for span in (st.cue, st.speaker) if span and st.start <= span[0] and span[1] <= st.end]
    holes += [(before[1], after[0]) for before, after in itertools.pairwise(st.parts)]  # the reporter's words
    outside = list(text[st.start : st.end])
    for start, end in holes:
        outside[start - st.start : end - st.start] = " " * (end - start)
    return "direct" if len("".join(outside).strip(" ,.;:\n")) <= 2 else "mixed"
