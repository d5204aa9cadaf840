"""`-` on the command line: one article piped in, as plain text or as JSON Lines.

Plain text is kept unchanged, like a `.txt` file, so offsets reported for it refer to what was piped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from tui.core.model import Article, LoadProblem

from .errors import SourceError
from .json_file import articles_from_json_lines
from .text_file import article_from_plain_text

STDIN_NAME = "<stdin>"


def read_standard_input(stream: TextIO) -> Iterator[Article | LoadProblem]:
    try:
        text = stream.read()
    except (OSError, UnicodeDecodeError) as error:
        yield LoadProblem(STDIN_NAME, f"cannot read standard input: {error}")
        return
    if not text.strip():
        yield LoadProblem(STDIN_NAME, "standard input was empty")
        return
    if text.lstrip().startswith("{"):
        try:
            yield from articles_from_json_lines(text.splitlines(), STDIN_NAME, "jsonl")
        except SourceError as error:
            yield LoadProblem(STDIN_NAME, error.reason)
        return
    yield article_from_plain_text(text, STDIN_NAME, "txt")
