"""The text shape every built article shares: one paragraph per line, a blank line between them.

The analysis ends a sentence at every newline, so a paragraph must never be broken across lines
(a hard-wrapped e-mail line would otherwise cut a sentence in two). `.txt` files are the exception:
their text is kept unchanged because offsets refer to the file.
"""

from __future__ import annotations

from collections.abc import Iterable

PARAGRAPH_BREAK = "\n\n"


def one_line(text: str) -> str:
    """A paragraph on one line: every run of whitespace (newlines included) becomes one space."""
    return " ".join(text.split())


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Paragraphs, each on one line, separated by blank lines; empty ones dropped."""
    return PARAGRAPH_BREAK.join(line for line in (one_line(p) for p in paragraphs) if line)


def paragraphs_from_lines(text: str) -> list[str]:
    """Paragraphs of text where every line is a paragraph (JSON article bodies, extractor output)."""
    return [line for line in (one_line(raw) for raw in text.splitlines()) if line]


def paragraphs_from_blocks(text: str) -> list[str]:
    """Paragraphs of hard-wrapped text where blank lines separate paragraphs (plain-text e-mail)."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(one_line(" ".join(current)))
            current = []
    if current:
        blocks.append(one_line(" ".join(current)))
    return blocks
