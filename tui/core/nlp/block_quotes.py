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
from .lexicon import verb_for
from .quotes import Statement
from .speakers import antecedent, doc_text, mention_tokens, subject_of

Doc = Any
Token = Any

_SIGNATURE = re.compile(r"^\s*(?:—|–|--|―|-)\s*(?P<name>[^\n]{1,80}?)\s*$")
"""`— Carla Sanchez`, `-- Carla Sanchez, mayor`: a line that signs the quotation above it."""
_SIGNATURE_WORDS = 10
_NAME_LIKE = {"PERSON", "ORG", "NORP", "GPE"}


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
    found = [_statement_for(doc, starts, text, run) for run in runs]
    cues = {st.cue_token for st in found if st.cue_token is not None}
    kept = [
        st
        for st in statements
        if not any(st.start < run.end and run.start < st.end for run in runs)
        and (st.cue_token is None or st.cue_token not in cues)
    ]
    return sorted(kept + found, key=lambda st: st.start)


def _statement_for(doc: Doc, starts: list[int], text: str, run: BlockQuotation) -> Statement:
    signature = _signature(doc, starts, text, run)
    parts = list(run.parts)
    if signature is not None and signature[0][0] < run.end:
        parts = _before(text, parts, signature[0][0])  # the signature is the signer's, not quoted
    st = Statement(start=parts[0][0], end=parts[-1][1], kind="direct", quotes=1, parts=parts)
    if signature is not None:
        st.cue, st.speaker, st.speaker_token = signature
    elif run.before is not None and run.before.kind != "blockquote":
        _attribute_to_introducer(doc, starts, text, run.before, st)
    return st


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


def _attribute_to_introducer(doc: Doc, starts: list[int], text: str, block: Block, st: Statement) -> None:
    """Speaker and cue from the paragraph that leads into the quotation with a colon."""
    if not text[block.start : block.end].rstrip().endswith(":"):
        return
    # the introducer is the last sentence of its paragraph, the one ending in the colon
    tokens = _tokens_in(doc, starts, block.start, block.end)
    if len(tokens) == 0:
        return
    sentence = tokens[-1].sent
    span = _tokens_in(doc, starts, max(block.start, sentence.start_char), block.end)
    according = _according_to(span)
    if according is not None:
        st.cue, (st.speaker, st.speaker_token) = according
        st.cue_token = span[0].i if span[0].lower_ == "according" else None
        return
    cues = [t for t in span if verb_for(t.lower_) is not None and t.pos_ in {"VERB", "AUX"}]
    # the cue with a subject of its own first (`Writing at Mideast Youth, Esra'a explains`), else the
    # last one whose subject is found by climbing
    for cue in sorted(cues, key=lambda t: (not _has_subject(t), -t.i)):
        subject = subject_of(cue)
        if subject is None or not (block.start <= subject.idx < block.end):
            continue
        s, e = mention_tokens(subject)
        st.cue = (cue.idx, cue.idx + len(cue.text))
        st.cue_token = cue.i
        st.speaker = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
        st.speaker_token = antecedent(subject).i
        return
    if cues:
        cue = cues[-1]  # `As the minister put it:`-like leads whose subject the parse missed
        st.cue, st.cue_token = (cue.idx, cue.idx + len(cue.text)), cue.i
    name = _lone_name(span)
    if name is not None:
        st.speaker, st.speaker_token = name
        if st.cue is None:
            colon = text.rindex(":", block.start, block.end)
            st.cue = (colon, colon + 1)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in token.children)


def _according_to(span: Any) -> tuple[tuple[int, int], tuple[tuple[int, int] | None, int | None]] | None:
    """`According to the ministry:`: the cue `According to` and the source as the speaker."""
    for token in span:
        if (
            token.lower_ != "according"
            or token.i + 1 >= len(token.doc)
            or token.doc[token.i + 1].lower_ != "to"
        ):
            continue
        to = token.doc[token.i + 1]
        cue = (token.idx, to.idx + len(to.text))
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return cue, (None, None)
        s, e = mention_tokens(source)
        doc = token.doc
        return cue, ((doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)), source.i)
    return None


def _lone_name(span: Any) -> tuple[tuple[int, int], int] | None:
    """`Carla Sanchez, mayor of Springfield:`: a short lead that is only a name names the speaker."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words or len(words) > _SIGNATURE_WORDS:
        return None
    for token in words:
        if token.ent_type_ in _NAME_LIKE and token.ent_iob_ == "B":
            s, e = mention_tokens(token)
            doc = token.doc
            last = doc[e - 1]
            return (doc[s].idx, last.idx + len(last.text)), last.i
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
        match = _SIGNATURE.match(text, start, end)
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
