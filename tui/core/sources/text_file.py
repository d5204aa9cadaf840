"""`.txt` articles: the first non-empty line is the title; the text is the file's contents, unchanged.

Unchanged matters: `newsreader analyze` reports character offsets that are scored against the file,
and the title line is analysed too (headlines carry attributions).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tui.core.model import Article, LoadProblem

from .block_text import plain_text_blocks
from .files import read_document
from .titles import first_line_title


def read_text_file(path: Path) -> Iterator[Article | LoadProblem]:
    decoded = read_document(path)
    yield article_from_plain_text(decoded.text, str(path), "txt")
    if decoded.note:
        yield LoadProblem(str(path), decoded.note, kept=True)


def article_from_plain_text(text: str, name: str, format: str) -> Article:
    """An article whose text is exactly `text` (offsets refer to it) and whose title is its first line."""
    return Article(
        path=name, title=first_line_title(text), text=text, format=format, blocks=plain_text_blocks(text)
    )
