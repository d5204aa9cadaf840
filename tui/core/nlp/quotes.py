"""Find statements in a parsed article: what was said, the cue that reports it, and who said it.

Three sources of statements, merged into one list that never overlaps:
- reporting verbs with their clause or object ("Putin said that the mission will end");
- quoted stretches of text (quote_marks.py) tied to the nearest cue in their sentence, or, with no cue
  of their own right after an attributed quote, continuing it (the follow-on inherits its speaker);
- "according to X" and headline attributions ("Kazakh FM: Recent events are ...").
A quote inside reported speech makes the statement "mixed"; a quote split by its cue
("We will stay," he said, "until it is stable.") is one statement.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from .lexicon import role_nouns, verb_for
from .quote_marks import QuotedSpan, find_quoted_spans
from .speakers import antecedent, doc_text, mention_tokens, subject_of

Doc = Any
Token = Any

_CLAUSE_DEPS = {"ccomp", "xcomp"}
_TRIM = set(" \t\n,;:-—–")


@dataclass
class Statement:
    """A statement while it is being built (offsets are characters; token indices for the parse links)."""

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    speaker: tuple[int, int] | None = None
    speaker_token: int | None = None
    inherited: bool = False
    quotes: int = 0


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


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1] == "."):
        if text[end - 1] == "." and end - 2 >= start and text[end - 2] == ".":
            break
        end -= 1
    return start, end


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
    for child in children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and "to" in reporting.frames):
            if child.i < verb.i and any(
                _is_cue(t) and any(c.dep_ == "nsubj" for c in t.children)
                for t in child.subtree
                if t is not child
            ):
                continue  # "“You winning?” she said, but ..., Melanie said yes": not Melanie's words
            return child.left_edge.i, child.right_edge.i + 1
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
    return _detached_clause(verb)


def _detached_clause(verb: Token) -> tuple[int, int] | None:
    """A reported clause the parser hung elsewhere: `asked workers if they ...`, `said on Friday during a
    news conference that he may wait ...`. The first that/if/whether clause soon after the cue."""
    sent = verb.sent
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
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return None
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
    if end >= sent.end - 1:
        return sent.start, left - 1
    return None


def _cue_span(verb: Token) -> tuple[int, int]:
    return verb.idx, verb.idx + len(verb.text)


def _speaker_for(verb: Token, index: _Index | None = None) -> tuple[tuple[int, int] | None, int | None]:
    subject = subject_of(verb)
    if subject is not None and index is not None and index.in_quote(subject) and not index.in_quote(verb):
        subject = _name_near(verb, index)  # the parser took a word of the quote for the subject
    if subject is None:
        return None, None
    start, end = mention_tokens(subject)
    doc = verb.doc
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)), antecedent(subject).i


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


def _from_verbs(doc: Doc, index: _Index) -> list[Statement]:
    found = []
    for token in doc:
        if not _is_cue(token) or index.in_quote(token):
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
        start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
        start, end = _trimmed(doc_text(doc), start, end)
        if end - start < 3 or (start <= token.idx < end and not parenthetical):
            continue
        speaker, speaker_token = _speaker_for(token)
        found.append(Statement(start, end, "indirect", _cue_span(token), token.i, speaker, speaker_token))
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
        if side[1] - side[0] < 3:
            continue
        start = doc[side[0]].idx
        end = doc[side[1] - 1].idx + len(doc[side[1] - 1].text)
        start, end = _trimmed(doc_text(doc), start, end)
        speaker = speaker_token = None
        if source is not None:
            s, e = mention_tokens(source)
            speaker, speaker_token = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)), source.i
        found.append(
            Statement(
                start, end, "indirect", (token.idx, to.idx + len(to.text)), token.i, speaker, speaker_token
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
        start, end = (
            doc[clause.left_edge.i].idx,
            doc[clause.right_edge.i].idx + len(doc[clause.right_edge.i].text),
        )
        start, end = _trimmed(doc_text(doc), start, end)
        s_tok, e_tok = mention_tokens(owner)
        speaker = (doc[s_tok].idx, doc[e_tok - 1].idx + len(doc[e_tok - 1].text))
        found.append(Statement(start, end, "indirect", _cue_span(noun), noun.i, speaker, owner.i))
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
    sentences = [(doc[first].sent, True), (doc[last].sent, True)]
    after = doc[last].sent.end
    # the next sentence, but not the next paragraph: a quote closing a paragraph was attributed in it
    if (
        after < len(doc)
        and not text[quote.end : doc[after].idx].strip()
        and "\n" not in text[quote.end : doc[after].idx]
    ):
        sentences.append((doc[after].sent, False))
    lead = text[: quote.start].rstrip()
    if lead.endswith(":") and doc[first].sent.start > 0:
        sentences.append((doc[doc[first].sent.start - 1].sent, False))
    best, best_distance = None, None
    for sent, own in sentences:
        for token in sent:
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
            s, e = doc[name[0]].idx, doc[name[1] - 1].idx + len(doc[name[1] - 1].text)
            return Statement(
                quote.start, quote.end, "direct", dash.span(1), None, (s, e), name[1] - 1, quotes=1
            )
    introduced = _colon_introduction(doc, index, quote)
    if introduced is not None:
        return introduced
    line_start = text.rfind("\n", 0, quote.start) + 1
    lead = text[line_start : quote.start].rstrip()
    if lead.endswith(":") and 0 < len(lead.split()) <= 6:
        head = _lead_speaker(doc, index, line_start, line_start + len(lead) - 1)
        if head is not None:
            s, e = mention_tokens(head)
            span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
            colon = line_start + len(lead) - 1
            return Statement(
                quote.start, quote.end, "direct", (colon, colon + 1), None, span, head.i, quotes=1
            )
    return None


def _object_tail(doc: Doc, index: _Index, cue: Token, quote: QuotedSpan) -> int:
    """`it referenced "political tensions" in advanced economies that are ...`: a quote that opens the
    cue's object takes the rest of that object with it."""
    first = index.token_at(quote.start)
    for child in cue.rights:
        if child.dep_ in {"dobj", "attr", "oprd"} and child.left_edge.i <= first + 1 <= child.right_edge.i:
            last = doc[child.right_edge.i]
            end = last.idx + len(last.text)
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
        len(gap.split()) < 3
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
        quote.start, quote.end, "direct", _cue_span(verb), verb.i, speaker, speaker_token, quotes=1
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
                s, e = mention_tokens(head)
                span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
                c_start, c_end = _trimmed(text, rest_start, end)
                found.append(
                    Statement(
                        c_start, c_end, "indirect", (start + colon, start + colon + 1), None, span, head.i
                    )
                )
        start = end + 1
    return found


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _paragraph_of(text: str, char: int) -> int:
    return text.count("\n", 0, char)


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
        if cue is None:
            punctuated = _punctuation_attribution(doc, index, q)
            if punctuated is None:
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
        st = Statement(start, end, "direct", _cue_span(cue), cue.i, speaker, speaker_token, quotes=1)
        statements.append(st)
        by_cue[cue.i] = st
    statements = _without_overlaps(statements)
    statements.extend(_follow_ons(doc, statements, orphans, quoted))
    statements.extend(_unattributed(text, statements, orphans))
    statements.sort(key=lambda s: s.start)
    for st in statements:
        st.kind = _kind(text, st, quoted)
    return statements


def _split_coordinated(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """`She said A, and ... the mother of three replied, "B"`: a coordinated cue with its own subject inside
    another statement starts a statement of its own, and the outer one ends before it."""
    for inner in statements:
        if inner.cue_token is None or doc[inner.cue_token].dep_ != "conj" or inner.speaker is None:
            continue
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
        if sentence_end > q.start or _has_words(text[sentence_end : q.start]):
            continue
        if "\n" not in text[reach : q.start] and _kind(text, previous, quoted) == "direct":
            previous.end = q.end
            previous.quotes += 1
        else:
            found.append(_follow_on(q, previous))
    return found


def _has_words(text: str) -> bool:
    """Whether `text` holds more than spaces and lone full stops: some pages write a paragraph break
    as a line holding only " .", which is no paragraph of its own."""
    return bool(text.strip(" \t\n."))


def _follow_on(q: QuotedSpan, previous: Statement) -> Statement:
    """A quote with no cue of its own that goes on with the speaker of the statement before it."""
    return Statement(
        q.start,
        q.end,
        "direct",
        None,
        None,
        previous.speaker,
        previous.speaker_token,
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
            and len([p for p in text[previous.end : q.start].split("\n") if _has_words(p)]) <= 1
        ):
            # the paragraph before quoted or reported someone: this one most likely goes on with them
            found.append(_follow_on(q, previous))
            continue
        found.append(Statement(q.start, q.end, "direct", quotes=1))
    return found


def _kind(text: str, st: Statement, quoted: list[QuotedSpan]) -> str:
    if st.quotes == 0:
        return "indirect"
    inside = [q for q in quoted if st.start <= q.start and q.end <= st.end]
    holes = [(q.start, q.end) for q in inside]
    holes += [span for span in (st.cue, st.speaker) if span and st.start <= span[0] and span[1] <= st.end]
    outside = list(text[st.start : st.end])
    for start, end in holes:
        outside[start - st.start : end - st.start] = " " * (end - start)
    return "direct" if len("".join(outside).strip(" ,.;:\n")) <= 2 else "mixed"
