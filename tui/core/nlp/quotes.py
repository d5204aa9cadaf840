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
from dataclasses import dataclass
from typing import Any

from .lexicon import verb_for
from .quote_marks import QuotedSpan, find_quoted_spans
from .speakers import mention_tokens, subject_of

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
        self.text = doc.text
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


def _content_of(verb: Token) -> tuple[int, int] | None:
    """The token range of what `verb` reports: its clause, or for "object" verbs its object and the rest."""
    reporting = verb_for(verb.lower_)
    for child in verb.rights:
        if child.dep_ in _CLAUSE_DEPS and (
            child.dep_ == "ccomp"
            or "object" in reporting.frames
            or verb.lemma_ in {"tell", "ask", "urge", "promise", "vow", "pledge"}
        ):
            return child.left_edge.i, child.right_edge.i + 1
    for child in verb.lefts:
        if child.dep_ == "ccomp":
            return child.left_edge.i, child.right_edge.i + 1
    if "object" in reporting.frames:
        rights = [c for c in verb.rights if c.dep_ in {"dobj", "oprd", "xcomp", "ccomp", "prep", "advcl"}]
        if rights and rights[0].dep_ == "dobj":
            return rights[0].left_edge.i, rights[-1].right_edge.i + 1
    return None


def _cue_span(verb: Token) -> tuple[int, int]:
    return verb.idx, verb.idx + len(verb.text)


def _speaker_for(verb: Token) -> tuple[tuple[int, int] | None, int | None]:
    subject = subject_of(verb)
    if subject is None:
        return None, None
    start, end = mention_tokens(subject)
    doc = verb.doc
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)), subject.i


def _from_verbs(doc: Doc, index: _Index) -> list[Statement]:
    found = []
    for token in doc:
        if not _is_cue(token) or index.in_quote(token):
            continue
        content = _content_of(token)
        if content is None:
            continue
        start_tok, end_tok = content
        start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
        start, end = _trimmed(doc.text, start, end)
        if end - start < 3 or start <= token.idx < end:
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
        start, end = _trimmed(doc.text, start, end)
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


def _nearest_cue(doc: Doc, index: _Index, quote: QuotedSpan) -> Token | None:
    """The reporting verb nearest a quote in the sentences it touches, outside any quote."""
    first = index.token_at(quote.start)
    last = index.token_at(max(quote.start, quote.end - 1))
    sentences = {doc[first].sent, doc[last].sent}
    best, best_distance = None, None
    for sent in sentences:
        for token in sent:
            if not _is_cue(token) or index.in_quote(token):
                continue
            distance = token.idx - quote.end if token.idx >= quote.end else quote.start - token.idx
            if token.idx < quote.start:
                distance += 5  # a cue after the quote ("...," he said) is the more usual reading
            if best is None or distance < best_distance:
                best, best_distance = token, distance
    return best


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _paragraph_of(text: str, char: int) -> int:
    return text.count("\n", 0, char)


def find_statements(doc: Doc) -> list[Statement]:
    """All statements of `doc`, in reading order, spans never overlapping."""
    text = doc.text
    quoted = find_quoted_spans(text)
    index = _Index(doc, quoted)
    statements = _from_verbs(doc, index) + _according_to(doc)
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
        cue = _nearest_cue(doc, index, q)
        if cue is None:
            orphans.append(q)
            continue
        if cue.i in by_cue:
            st = by_cue[cue.i]
            st.start, st.end = min(st.start, q.start), max(st.end, q.end)
            st.quotes += 1
            continue
        speaker, speaker_token = _speaker_for(cue)
        st = Statement(q.start, q.end, "direct", _cue_span(cue), cue.i, speaker, speaker_token, quotes=1)
        statements.append(st)
        by_cue[cue.i] = st
    statements = _without_overlaps(statements)
    statements.extend(_follow_ons(text, statements, orphans))
    statements.sort(key=lambda s: s.start)
    for st in statements:
        st.kind = _kind(text, st, quoted)
    return statements


def _without_overlaps(statements: list[Statement]) -> list[Statement]:
    """Keep the longer of two overlapping statements (an outer report holds the inner one)."""
    kept: list[Statement] = []
    for st in sorted(statements, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(_overlaps((st.start, st.end), (k.start, k.end)) for k in kept):
            kept.append(st)
    return kept


def _follow_ons(text: str, statements: list[Statement], orphans: list[QuotedSpan]) -> list[Statement]:
    """Quotes with no cue of their own that continue the attributed statement just before them."""
    found: list[Statement] = []
    ordered = sorted(statements, key=lambda s: s.start)
    for q in orphans:
        before = [s for s in ordered + found if s.end <= q.start]
        if not before:
            continue
        previous = max(before, key=lambda s: s.end)
        if previous.speaker is None or previous.quotes == 0:
            continue
        gap = text[previous.end : q.start]
        if _paragraph_of(text, q.start) - _paragraph_of(text, previous.end) > 1 or len(gap.strip()) > 0:
            continue
        found.append(
            Statement(
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
        )
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
