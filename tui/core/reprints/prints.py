"""A compact print of each statement in an article: what grouping needs, without the analysis.

Grouping 100,000 articles cannot afford to decode every cached analysis (JSON, ~0.3 ms each), so each
analysed article also gets a print, kept in the cache beside its analysis: for every statement its
words as 32-bit hashes (enough to align two versions word by word) and a few of its four-word
shingles chosen by winnowing (Schleimer, Wilkerson and Aiken, 2003): any run of `GUARANTEED_RUN`
words two statements share gives both at least one common shingle, so the shingles are a small
index that still finds every cut or lightly changed copy.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.model import QUOTE_KINDS, Analysis
from tui.core.reprints.words import surname_hash, word_hashes

PRINT_VERSION = 3  # bump when words, hashes or shingles change: older prints are then made again
SHINGLE = 4  # words in a shingle (three-word ones, "one of the", are common enough to cost 2x more)
WINDOW = 3  # shingles in a winnowing window: one is kept from every WINDOW consecutive ones
GUARANTEED_RUN = SHINGLE + WINDOW - 1  # a shared run of this many words always shares a shingle
_MASK = 0xFFFFFFFF


@dataclass(frozen=True)
class StatementPrint:
    """One statement of an article: its place in `Analysis.quotes`, its speaker's surname (hashed,
    0 when unknown), its kind (the place of `Quote.kind` in QUOTE_KINDS: 0 is direct), its words
    (hashed) and its winnowed shingles."""

    quote_index: int
    speaker: int
    kind: int
    words: Sequence[int]
    shingles: Sequence[int]


@dataclass(frozen=True)
class ArticlePrints:
    article_id: str
    statements: tuple[StatementPrint, ...]


def _mix(value: int) -> int:
    """MurmurHash3's 32-bit finaliser: spreads a shingle's bits so the minimum is a fair pick."""
    value ^= value >> 16
    value = (value * 0x85EBCA6B) & _MASK
    value ^= value >> 13
    value = (value * 0xC2B2AE35) & _MASK
    return value ^ (value >> 16)


def shingles(words: Sequence[int]) -> tuple[int, ...]:
    """The winnowed shingle hashes of a statement's words, in order, each kept once."""
    if len(words) < SHINGLE:
        return ()
    hashes = [
        _mix((a * 0x9E3779B1 + b * 0x85EBCA77 + c * 0xC2B2AE3D + d * 0x27D4EB2F) & _MASK)
        for a, b, c, d in zip(words, words[1:], words[2:], words[3:], strict=False)
    ]
    chosen: list[int] = []
    last = -1
    for start in range(max(1, len(hashes) - WINDOW + 1)):
        window = hashes[start : start + WINDOW]
        low = min(window)
        # the rightmost minimum: a window sliding on keeps choosing the same shingle
        position = start + len(window) - 1 - window[::-1].index(low)
        if position != last:
            chosen.append(low)
            last = position
    return tuple(dict.fromkeys(chosen))


def prints_of(analysis: Analysis) -> ArticlePrints:
    """The print of every statement in an analysed article."""
    statements = []
    for index, quote in enumerate(analysis.quotes):
        words = word_hashes(quote.spoken_words())
        if words:
            statements.append(
                StatementPrint(
                    index,
                    surname_hash(quote.actor),
                    QUOTE_KINDS.index(quote.kind) if quote.kind in QUOTE_KINDS else 1,
                    tuple(words),
                    shingles(words),
                )
            )
    return ArticlePrints(analysis.article_id, tuple(statements))


def pack_prints(prints: ArticlePrints) -> bytes:
    """As the cache keeps it: little-endian uint32s, [version, count, then per statement: index,
    speaker, kind, word count, shingle count, words..., shingles...]."""
    numbers = array("I", [PRINT_VERSION, len(prints.statements)])
    for statement in prints.statements:
        numbers.extend(
            (
                statement.quote_index,
                statement.speaker,
                statement.kind,
                len(statement.words),
                len(statement.shingles),
            )
        )
        numbers.extend(statement.words)
        numbers.extend(statement.shingles)
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers.tobytes()


def unpack_prints(article_id: str, data: bytes) -> ArticlePrints | None:
    """The prints back from the cache; None for a print of another version or a damaged one."""
    numbers = array("I")
    try:
        numbers.frombytes(data)
    except ValueError:
        return None
    if sys.byteorder == "big":
        numbers.byteswap()
    if len(numbers) < 2 or numbers[0] != PRINT_VERSION:
        return None
    statements = []
    at = 2
    try:
        for _ in range(numbers[1]):
            index, speaker, kind, word_count, shingle_count = numbers[at : at + 5]
            at += 5
            words = numbers[at : at + word_count]
            at += word_count
            found = numbers[at : at + shingle_count]
            at += shingle_count
            if len(words) != word_count or len(found) != shingle_count:
                return None
            statements.append(StatementPrint(index, speaker, kind, words, found))
    except ValueError:
        return None
    return ArticlePrints(article_id, tuple(statements))
