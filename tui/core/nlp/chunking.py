"""Where to cut a long text into pieces that spaCy and the quote engine each take in bounded time and memory.

spaCy's memory grows with the length of one document (measured: 200 KB in one `nlp()` call peaks at
~800 MB, 2 MB at several GB), and parts of the quote and actor finding compare every mention with
every other. So a text longer than CHUNK_CHARS is analysed as consecutive pieces of at most that size,
whose results are joined with their offsets shifted back (joining.py): cost then grows with the number
of pieces, in proportion to the text. Shorter texts, every news article we know of, stay one piece and
are analysed exactly as before.

Pieces end, by preference, at a paragraph break (a newline already ends a sentence, so the parse
barely changes), else at a sentence end, else at a space, and never inside a quotation that closes,
where another cut exists; a piece is at least half the limit, so their number stays bounded.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from .quote_marks import find_quoted_spans

CHUNK_CHARS = 30_000
"""The longest text analysed as one piece: beyond every article of both evaluation sets (22 KB)."""

_PARAGRAPH_END = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")


def chunk_bounds(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """Consecutive (start, end) pieces that cover `text` exactly, each at most `limit` characters
    (CHUNK_CHARS unless given)."""
    limit = max(2, CHUNK_CHARS if limit is None else limit)
    if len(text) <= limit:
        return [(0, len(text))]
    quotes = _Quotes([(q.start, q.end) for q in find_quoted_spans(text) if q.closed])
    bounds = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start + limit // 2, start + limit, quotes)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


class _Quotes:
    """The quotations that close (in order, never overlapping): a cut inside one would part its marks."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def around(self, position: int) -> bool:
        i = bisect.bisect_left(self.starts, position) - 1
        return i >= 0 and position < self.spans[i][1]


def _cut(text: str, low: int, high: int, quotes: _Quotes) -> int:
    """The best place in (low, high] to end a piece: after a paragraph, a sentence, a space; else `high`."""
    fallback = None
    for pattern in (_PARAGRAPH_END, _SENTENCE_END, _SPACE):
        ends = [m.end() for m in pattern.finditer(text, low, high)]
        for end in reversed(ends):
            if not quotes.around(end):
                return end
        if ends and fallback is None:
            fallback = ends[-1]
    return fallback if fallback is not None else high


BATCH_CHARS = 100_000
"""At most this many characters go to spaCy in one batch (peak memory grows with a batch's length)."""


def piece_batches(
    texts: list[str], batch_size: int, batch_chars: int = BATCH_CHARS
) -> Iterator[list[tuple[int, int, str]]]:
    """The pieces of `texts` as (text index, piece start, piece text), in order, in batches of at most
    `batch_size` pieces and `batch_chars` characters (a batch always holds at least one piece)."""
    batch: list[tuple[int, int, str]] = []
    chars = 0
    for index, text in enumerate(texts):
        for start, end in chunk_bounds(text):
            if batch and (len(batch) >= batch_size or chars + end - start > batch_chars):
                yield batch
                batch, chars = [], 0
            batch.append((index, start, text[start:end]))
            chars += end - start
    if batch:
        yield batch
