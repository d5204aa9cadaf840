"""Block quotations are statements: a run of `> ` blocks is one direct quote, one part a paragraph.

Blogs and press releases quote in block quotations, not quotation marks, and say who speaks in the
paragraph before (`Stiletos in the Sand, an American based in Saudi Arabia, writes:`, `According to the
ministry:`) or in a signature right after (`— Carla Sanchez`). The introducer is read through the parse
the article already has: its reporting verb is the cue and that verb's subject the speaker, so the
speaker goes through actor resolution like any other. Whatever the quote engine found inside a block
quotation (its quotation marks, its own `he said`) is part of the quotation, not a statement of its own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..model import Block
from .actor_names import common_speakers
from .lexicon import name_titles, platforms, speech_nouns, verb_for, writing_nouns
from .quotes import Statement
from .speakers import antecedent, doc_text, mention_tokens, subject_of

Doc = Any
Token = Any

_SIGNATURE = re.compile(r"\s*(?:—|–|--|―|-)\s*(?P<name>[^\n]{1,80}?)\s*")
"""`— Carla Sanchez`, `-- Carla Sanchez, mayor`: a line that signs the quotation above it."""
_SIGNATURE_WORDS = 10


@dataclass(frozen=True)
class BlockQuotation:
    """A run of consecutive block quotation blocks; `before` and `after` are the blocks around it."""

    parts: tuple[tuple[int, int], ...]
    before: Block | None
    after: Block | None

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def blocks_in_piece(blocks: Sequence[Block], start: int, end: int) -> tuple[Block, ...]:
    """The blocks of a text's piece [start, end) (chunking.py), cut to it and shifted to its offsets."""
    return tuple(
        replace(block, start=max(block.start, start) - start, end=min(block.end, end) - start)
        for block in blocks
        if block.start < end and start < block.end
    )


def block_quotations(blocks: Sequence[Block], text: str) -> list[BlockQuotation]:
    """The runs of block quotations, in order, each paragraph of a run a part (its blank edges trimmed)."""
    runs: list[BlockQuotation] = []
    index = 0
    while index < len(blocks):
        if blocks[index].kind != "blockquote":
            index += 1
            continue
        first = index
        while index < len(blocks) and blocks[index].kind == "blockquote":
            index += 1
        parts = []
        for block in blocks[first:index]:
            for start, end in _paragraphs(text, block.start, block.end):
                parts.append((start, end))
        if parts:
            runs.append(
                BlockQuotation(
                    parts=tuple(parts),
                    before=blocks[first - 1] if first > 0 else None,
                    after=blocks[index] if index < len(blocks) else None,
                )
            )
    return runs


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank paragraphs of [start, end): one block may hold several (an e-mail's quoted lines)."""
    pieces = []
    position = start
    for gap in [*_PARAGRAPH_BREAK.finditer(text, start, end), None]:
        piece_end = gap.start() if gap is not None else end
        s, e = position, piece_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            pieces.append((s, e))
        if gap is not None:
            position = gap.end()
    return pieces


def with_block_quotations(doc: Doc, blocks: Sequence[Block], statements: list[Statement]) -> list[Statement]:
    """`statements` with each block quotation as a statement of its own, in reading order.

    A statement found inside a block quotation (its quotation marks, a `he said` the blogger wrote) or
    reaching into one is dropped: the quotation is one statement. So is a statement whose cue introduces
    a block quotation (`notes how the speech changed history:`): that cue reports the quotation.
    """
    text = doc_text(doc)
    runs = block_quotations(blocks, text)
    if not runs:
        return statements
    starts = [t.idx for t in doc]
    found: list[Statement] = []
    for i, run in enumerate(runs):
        st, pronoun = _statement_for(doc, starts, text, run)
        previous = found[-1] if found else None
        follows = i > 0 and run.before is not None and runs[i - 1].after == run.before
        if pronoun and follows and previous is not None and previous.speaker_token is not None:
            # `He then proceeds to speculate ...:` right after Donald Kirk's quotation: Kirk goes on
            st.speaker_token = previous.speaker_token
        found.append(st)
    cues = {st.cue_token for st in found if st.cue_token is not None}
    run_starts = [run.start for run in runs]
    kept = [
        st
        for st in statements
        if not _touches_a_run(runs, run_starts, st) and (st.cue_token is None or st.cue_token not in cues)
    ]
    return sorted(kept + found, key=lambda st: st.start)


def _touches_a_run(runs: list[BlockQuotation], run_starts: list[int], st: Statement) -> bool:
    """Whether `st` overlaps a run: the last run starting before its end is the only one to look at
    (runs never overlap), so many runs and many statements cost no more than each alone."""
    i = bisect.bisect_left(run_starts, st.end) - 1
    return i >= 0 and st.start < runs[i].end


def _statement_for(doc: Doc, starts: list[int], text: str, run: BlockQuotation) -> tuple[Statement, bool]:
    signature = _signature(doc, starts, text, run)
    parts = list(run.parts)
    if signature is not None and signature[0][0] < run.end:
        parts = _before(text, parts, signature[0][0])  # the signature is the signer's, not quoted
    st = Statement(start=parts[0][0], end=parts[-1][1], kind="direct", quotes=0, parts=parts)
    pronoun = False
    if signature is not None:
        st.cue, st.speaker, st.speaker_token = signature
    elif run.before is not None and run.before.kind in {"paragraph", "list_item"}:
        pronoun = _attribute_to_introducer(doc, starts, text, run.before, st)
    return st, pronoun


def _before(text: str, parts: list[tuple[int, int]], cut: int) -> list[tuple[int, int]]:
    """The parts cut short at `cut`, blank edges trimmed."""
    kept = []
    for start, end in parts:
        end = min(end, cut)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            kept.append((start, end))
    return kept


def _tokens_in(doc: Doc, starts: list[int], start: int, end: int) -> Any:
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end)
    return doc[first:last]


def _attribute_to_introducer(doc: Doc, starts: list[int], text: str, block: Block, st: Statement) -> bool:
    """Speaker and cue from the paragraph that leads into the quotation: one ending in a colon, or in no
    punctuation at all (`Monika Neff from Malaysia left this message`).

    True when the speaker is a bare `he`/`she`/`they` opening the paragraph: who that is may be the
    speaker of the quotation just above.
    """
    lead = text[block.start : block.end].rstrip()
    if not lead or (not lead.endswith(":") and lead[-1] in _SENTENCE_END):
        return False
    tokens = _tokens_in(doc, starts, block.start, block.end)
    if len(tokens) == 0:
        return False
    span = _tokens_in(doc, starts, max(block.start, _last_sentence_start(tokens)), block.end)
    according = _according_to(span)
    if according is not None:
        cue_token, st.speaker, st.speaker_token = according
        to = doc[cue_token.i + 1]
        st.cue, st.cue_token = (cue_token.idx, to.idx + len(to.text)), cue_token.i
        return False
    if not lead.endswith(":") and not any(t.pos_ == "VERB" for t in span):
        return False  # a line with no colon and no verb is a title, not a lead (`Collaborative Testing`)
    cue, subject = _cue_and_subject(span)
    if cue is not None:
        st.cue, st.cue_token = (cue.idx, cue.idx + len(cue.text)), cue.i
    if subject is None and (cue is not None or not any(t.pos_ in {"VERB", "AUX"} for t in span)):
        # `Jonathan Sanchez @Maskus:`, `Brown’s 64 words of support:`, or a cue whose subject the
        # parse lost; a lead with a verb but no cue (`When you visit X you get this message:`) names nobody
        subject = _name_in(span, before=cue)
    if subject is None and block.start < span.start_char and lead.endswith(":") and _impersonal(span):
        # `Erick Garcia continues the criticism ... . Despite ..., it was well known that ...:`: the
        # last sentence names nobody, the paragraph is about who it quotes
        subject = _main_subject(_tokens_in(doc, starts, block.start, span.start_char))
    if subject is None:
        return False
    if st.cue is None and lead.endswith(":"):
        colon = text.rindex(":", block.start, block.end)
        st.cue = (colon, colon + 1)
    s, e = _mention(subject)
    st.speaker = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
    if _written_name(doc[s:e], text):
        st.written_name = st.speaker
    st.speaker_token = antecedent(subject).i
    if subject.lower_ in _PERSONAL and block.start < span.start_char:
        # `SebaSpace refused to answer. He gives reasons for his refusal:`: who the paragraph is about
        opener = _main_subject(_tokens_in(doc, starts, block.start, span.start_char))
        if opener is not None:
            st.speaker_token = opener.i
            return False
    return subject.lower_ in _PERSONAL and block.start == span.start_char


def _last_sentence_start(tokens: Any) -> int:
    """Where the paragraph's last sentence starts, by its punctuation: the parser may cut a sentence at
    a bracket (`Kopgli, of Jeunesse Unie [Fr], called`) and leave its subject in the piece before."""
    for token in reversed(tokens[:-1]):
        if token.text in {".", "!", "?"}:
            return tokens.doc[token.i + 1].idx
    return tokens[0].idx


def _main_subject(span: Any) -> Token | None:
    """The last name that is the subject of a sentence's main verb in `span` (`A Kenyan blogger, Wilde
    Yearnings, was ...`: the name in apposition)."""
    found = None
    for token in span:
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.head.dep_ != "ROOT":
            continue
        if token.pos_ == "PROPN" or token.ent_type_ in {"PERSON", "ORG"}:
            found = token
        elif token.pos_ == "NOUN":
            names = [c for c in token.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
            found = names[0] if names else found
    return found


_SENTENCE_END = set('.!?…"”’»)]')
_PERSONAL = {"he", "she", "they"}


def _cue_and_subject(span: Any) -> tuple[Token | None, Token | None]:
    """The reporting verb of an introducer and who speaks through it.

    A cue of the main clause first, one with a subject of its own before one whose subject is found by
    climbing; with none, the subject of the sentence's main verb (`Kopgli doubts Bongo's death will bring
    change:`; a copula aside, `Twitter is an integral part of the campaign:`, says nothing); last, a cue
    in a relative clause stands for the name it hangs on (`Kouamouo [Fr], who also mentions Togo, ...:`).
    """
    cues = [t for t in span if verb_for(t.lower_) is not None and t.pos_ in {"VERB", "AUX"}]
    main = [t for t in cues if not _in_relative_clause(t)]
    for cue in sorted(main, key=lambda t: (not _has_subject(t), -t.i)):
        author = _author_of_object(cue)
        if author is not None:
            return cue, author  # `She then added a comic by Sherif Arafa ...:`: Arafa's words
        subject = _speaker_token(subject_of(cue), span)
        if subject is not None:
            return cue, subject
    for root in (t for t in span if t.dep_ == "ROOT" and t.pos_ == "VERB"):
        author = _author_of_object(root)
        if author is not None:
            return (main[-1] if main else root), author
        subject = _speaker_token(subject_of(root), span)
        if subject is not None and subject.lower_ not in _NOT_SPEAKERS:
            return (main[-1] if main else root), subject
    for cue in cues:
        if cue in main:
            continue
        subject = _speaker_token(subject_of(cue), span)
        if subject is not None and subject.lower_ in _RELATIVE:
            subject = _name_in(span, before=cue)
        if subject is not None:
            return cue, subject
    return (cues[-1] if cues else None), None


_NOT_SPEAKERS = {"i", "you", "we", "one"}
"""`When you visit the blog you get the following message:`: the reader, not a speaker."""
_RELATIVE = {"who", "which", "that"}


def _speaker_token(subject: Token | None, span: Any) -> Token | None:
    """`subject` if it can name a speaker; for `a comment by Akin` or `a commentary written by Wang Lin`,
    whoever the `by` names."""
    if subject is None or not (span.start <= subject.i < span.end):
        return None
    if subject.pos_ == "VERB":
        # `writing at South Jerusalem Gresghom Gorenberg notes`: the parser took the name into a clause
        names = [t for t in subject.subtree if t.ent_type_ == "PERSON"]
        return names[-1] if names else None
    if subject.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    if subject.lower_ in speech_nouns() or subject.lower_ in writing_nouns():
        for token in subject.subtree:
            if token.lower_ == "by" and token.dep_ in {"prep", "agent"}:
                author = next((c for c in token.children if c.dep_ == "pobj"), None)
                if author is not None:
                    return author
    return subject


_PASSING_ON = {
    "post",
    "share",
    "quote",
    "publish",
    "reproduce",
    "repost",
    "translate",
    "add",
    "cite",
    "forward",
}
"""Verbs by which a blogger passes on someone else's words rather than speaking."""


def _impersonal(span: Any) -> bool:
    """Whether a sentence's main clause has no subject but `it` or `there` (`it was well known that
    ...:`): it names no one, so who speaks is whom the paragraph is about."""
    subjects = [t for t in span if t.dep_ in {"nsubj", "nsubjpass", "expl"} and t.head.dep_ == "ROOT"]
    return all(t.lower_ in {"it", "there"} for t in subjects)


def _author_of_object(cue: Token) -> Token | None:
    """The name a cue's object is by, when the object is a piece of writing or speech: `added a comic by
    Sherif Arafa`, `quotes a post by @handle`, `posted Obama's speech`; None otherwise."""
    for obj in cue.children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in writing_nouns() | speech_nouns():
            continue
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is not None and cue.lemma_.lower() in _PASSING_ON and owner.pos_ in {"PROPN", "NOUN"}:
            return owner  # `He posted Obama's speech on his blog:`: Obama's words, passed on
        # the parser may hang `by Arafa` on the verb: an active verb has no agent of its own
        for prep in [*obj.children, *cue.children]:
            if prep.lower_ == "by" and prep.dep_ in {"prep", "agent"}:
                author = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if author is not None and (author.pos_ == "PROPN" or author.ent_type_ in {"PERSON", "ORG"}):
                    return author
    return None


def _in_relative_clause(token: Token) -> bool:
    return any(t.dep_ in {"relcl", "acl"} for t in [token, *token.ancestors])


def _name_in(span: Any, before: Token | None, subjects: bool = False) -> Token | None:
    """The first name in `span` (before the cue, if any): a handle (`@xaxo6v:`), a person or a body
    (`Jonathan Sanchez @Maskus:`), a proper noun the parser took for something else (`Togolese blogger
    Rodrigue Kopgli, of ...[Fr], called`). With `subjects`, only a name that is a clause's subject."""
    end = before.i if before is not None else span.end
    for token in span.doc[span.start : end]:
        if subjects and token.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if token.text.startswith("@") and len(token.text) > 1:
            return token
        if not token.text[:1].isupper():
            continue
        if token.ent_type_ in {"PERSON", "ORG"} or token.pos_ == "PROPN":
            while token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i < end:
                token = token.head
            if token.lower_ in platforms():
                continue
            return token
    return None


def _mention(head: Token) -> tuple[int, int]:
    """The words naming the speaker headed by `head`, without a possessive tail (`Brown’s 64`), with
    the rest of a blog's name (`Stiletos in the Sand`)."""
    doc = head.doc
    if head.pos_ == "NOUN":
        for child in head.rights:
            if child.dep_ == "appos" and doc[child.left_edge.i].text[:1].isupper():
                return _mention(child)  # `another female blogger, Fattractive Egyptian woman,`: the name
    start, end = mention_tokens(head)
    if head.pos_ == "PROPN" and head.ent_iob_ == "O":
        # `Isabel of Las Burbujas Recargadas`, `Erynnyes from those were the days`: the blog is where
        # the person writes, not their name
        end = next((t.i for t in doc[head.i + 1 : end] if t.dep_ == "prep"), end)
    if (
        end + 2 < len(doc)
        and doc[end].lower_ in {"in", "on"}
        and doc[end + 1].lower_ == "the"
        and doc[end + 2].text[:1].isupper()
        and doc[end + 2].head.i == end
    ):
        end += 3
    while end - 1 > max(start, head.i) and doc[end - 1].pos_ not in {"PROPN", "NOUN", "PRON"}:
        end -= 1
    if doc[head.i].tag_ == "POS" or (head.i + 1 < end and doc[head.i + 1].tag_ == "POS"):
        end = head.i + 1
    while (
        head.pos_ == "PROPN"
        and end < len(doc)
        and doc[end].pos_ == "AUX"
        and doc[end].text[:1].isupper()
        and doc[end].lemma_.lower() not in _AUXILIARIES
    ):
        end += 1  # `Naughy Feeling commented`: a capitalised word taken for an auxiliary ends the name
    return start, end


_AUXILIARIES = {
    "be",
    "have",
    "do",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "shall",
    "should",
    "must",
}
_BLOG_LINK = {"in", "on", "of", "from", "the", "and"}
"""Lower-case words inside a blog's name as a lead writes it (`Stiletos in the Sand`)."""


def _written_name(span: Any, text: str) -> bool:
    """Whether the speaker `span` is a name to take as written rather than through spaCy's entities:
    a handle (`@xaxo6v`); a blog's name with lower-case link words (`Stiletos in the Sand`); a pen name
    ending in a common word (`Fattractive Egyptian woman continued`) or one spaCy tags as no person or
    organisation (`Jomra writes`). It starts with a capitalised word that is no title, role, pronoun or
    place, that the article never writes in lower case, and (but for a blog) holds no determiner or plural.
    """
    tokens = list(span)
    first = tokens[0]
    if len(tokens) == 1 and first.text.startswith("@") and len(first.text) > 1:
        return True
    if not first.text[:1].isupper() or first.lower_ in _PERSONAL:
        return False
    if first.lower_ in name_titles() or first.lower_ in common_speakers():
        return False
    if re.search(rf"\b{re.escape(first.lower_)}\b", text):
        return False  # `Research shows:` where the article also writes "research": a common noun
    inner = [t for t in tokens[1:-1] if t.lower_ in _BLOG_LINK]
    if inner and all(t.text[:1].isupper() for t in tokens if t not in inner):
        return True  # a blog's name, whatever spaCy made of its words
    if any(t.dep_ in {"det", "poss", "nummod"} or t.tag_ in {"NNS", "NNPS", "PRP", "PRP$"} for t in tokens):
        return False
    if first.ent_type_ in {"NORP", "GPE", "LOC"}:
        return False  # `Syrian blogger`: a description
    if len(tokens) > 1 and not tokens[-1].text[:1].isupper():
        return True  # `Grumpy Harbour cat`: capitalised words ending in a common one name no one else
    return not any(t.ent_type_ for t in tokens)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in token.children)


def _according_to(span: Any) -> tuple[Token, tuple[int, int] | None, int | None] | None:
    """`According to the ministry:`: the cue's first token `According`, the source as the speaker (its
    characters and head token); None when the lead holds no such phrase."""
    doc = span.doc
    for token in span:
        if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        source = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
        if source is None:
            return token, None, None
        s, e = mention_tokens(source)
        return token, (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)), source.i
    return None


def _signature(
    doc: Doc, starts: list[int], text: str, run: BlockQuotation
) -> tuple[tuple[int, int], tuple[int, int], int] | None:
    """`— Carla Sanchez` closing the quotation (its last line) or right after it: (cue, speaker, token)."""
    last_start, last_end = run.parts[-1]
    line_start = max(last_start, text.rfind("\n", last_start, last_end) + 1)
    candidates = []
    if line_start > run.start:  # a quotation that is only a signature line quotes nothing
        candidates.append((line_start, last_end))
    if run.after is not None and run.after.kind == "paragraph":
        candidates.append((run.after.start, run.after.end))
    for start, end in candidates:
        match = _SIGNATURE.fullmatch(text, start, end)
        if match is None or match.start("name") == start:
            continue
        name = match.group("name")
        if len(name.split()) > _SIGNATURE_WORDS or not name[:1].isupper():
            continue
        name_start = match.start("name")
        name_end = match.end("name")
        comma = text.find(",", name_start, name_end)
        if comma > 0:
            name_end = comma  # `— Carla Sanchez, mayor`: the name is the speaker
        tokens = _tokens_in(doc, starts, name_start, name_end)
        if len(tokens) == 0:
            continue
        return (start, name_start), (name_start, name_end), tokens[-1].i
    return None
