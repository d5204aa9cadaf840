"""Paragraphs that remember what kind of block they were, and the article text built from them.

Loaders already turn each format into a list of paragraph strings (one per heading, list item,
quoted paragraph...), filtered along the way (datelines, credited captions). A `BlockParagraph` is
such a string that also carries its block kind, so every filter keeps working unchanged and the
kind survives to `text_and_blocks`, which joins the paragraphs exactly as `join_paragraphs` does and
records each one's span of the result as a `Block`.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.model import Block, BlockKind

from .paragraphs import PARAGRAPH_BREAK, one_line


class BlockParagraph(str):
    """A paragraph's words with the kind of block they stand in (and a heading's level)."""

    kind: BlockKind
    level: int | None

    def __new__(cls, text: str, kind: BlockKind = "paragraph", level: int | None = None) -> BlockParagraph:
        made = super().__new__(cls, text)
        made.kind = kind
        made.level = level if kind == "heading" else None
        return made


def block_kind(paragraph: str) -> tuple[BlockKind, int | None]:
    """The kind (and heading level) a paragraph carries; a plain string is a paragraph."""
    if isinstance(paragraph, BlockParagraph):
        return paragraph.kind, paragraph.level
    return "paragraph", None


def text_and_blocks(paragraphs: Iterable[str]) -> tuple[str, tuple[Block, ...]]:
    """The text `join_paragraphs` makes of these paragraphs, with each paragraph's block over it."""
    parts: list[str] = []
    blocks: list[Block] = []
    position = 0
    for paragraph in paragraphs:
        line = one_line(paragraph)
        if not line:
            continue
        if parts:
            position += len(PARAGRAPH_BREAK)
        kind, level = block_kind(paragraph)
        blocks.append(Block(kind, position, position + len(line), level))
        parts.append(line)
        position += len(line)
    return PARAGRAPH_BREAK.join(parts), tuple(blocks)


_SEPARATORS = frozenset({"", "."})  # the " ." lines some plain-text files put between paragraphs
HARD_WRAP_CHARS = 100  # lines this short on average, in runs between blank lines, are hard-wrapped


def plain_text_blocks(text: str) -> tuple[Block, ...]:
    """The blocks of a plain text kept byte for byte: its first line a heading (the title, by the
    convention of plain-text news files) when more follows, then paragraphs.

    A paragraph is a line, or, in a hard-wrapped text (short lines with blank or " ." lines between
    runs of them), a run of lines. Spans leave out each line's surrounding whitespace.
    """
    lines: list[tuple[int, int]] = []  # (start, end) of each line with words
    runs: list[list[tuple[int, int]]] = [[]]
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped in _SEPARATORS:
            if runs[-1]:
                runs.append([])
        else:
            start = position + len(line) - len(line.lstrip())
            span = (start, start + len(stripped))
            lines.append(span)
            runs[-1].append(span)
        position += len(line) + 1
    runs = [run for run in runs if run]
    if not lines:
        return ()
    average = sum(end - start for start, end in lines) / len(lines)
    hard_wrapped = len(runs) > 1 and len(runs) < len(lines) and average < HARD_WRAP_CHARS
    spans = [(run[0][0], run[-1][1]) for run in runs] if hard_wrapped else lines
    first_start, first_end = lines[0]
    blocks: list[Block] = []
    if len(lines) > 1:
        blocks.append(Block("heading", first_start, first_end, 1))
        if spans[0][0] == first_start:
            if spans[0][1] == first_end:
                spans = spans[1:]
            else:  # the title line heads a hard-wrapped run: the rest of the run is a paragraph
                rest = lines[1]
                spans = [(rest[0], spans[0][1]), *spans[1:]]
    blocks.extend(Block("paragraph", start, end) for start, end in spans)
    return tuple(blocks)
