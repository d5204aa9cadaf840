"""Blocks that hold no statement of the article: photo captions and preformatted text.

A caption says again, beside a photo, what the article says ("Union leader Amina Odhiambo says the
dockers won"), or credits the photographer; a `<pre>` holds code or a table of figures, whose
quotation marks are strings, not words anybody said. The loaders mark both as blocks
(tui.core.sources); a statement that starts in one is not listed, as a reader wants none twice and
annotators of news mark none there. Their names are still entities of the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Protocol, TypeVar

from ..model import Block

UNSPOKEN_KINDS = frozenset({"caption", "preformatted"})


class Located(Protocol):
    start: int


T = TypeVar("T", bound=Located)


def outside_unspoken_blocks(statements: list[T], blocks: Sequence[Block]) -> list[T]:
    """The statements that do not start in a caption or a preformatted block."""
    spans = [(b.start, b.end) for b in blocks if b.kind in UNSPOKEN_KINDS]
    if not spans:
        return statements
    starts = [start for start, _ in spans]

    def unspoken(position: int) -> bool:
        i = bisect.bisect_right(starts, position) - 1
        return i >= 0 and spans[i][0] <= position < spans[i][1]

    return [st for st in statements if not unspoken(st.start)]
