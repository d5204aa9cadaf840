"""`-` on the command line: one article piped in, as plain text, a JSON object or JSON Lines.

Plain text is kept unchanged, like a `.txt` file, so offsets reported for it refer to what was piped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from tui.core.model import Article, LoadProblem

from .errors import SourceError
from .json_file import articles_from_json_lines, articles_from_json_value
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
            yield from _json_articles(text)
        except SourceError as error:
            yield LoadProblem(STDIN_NAME, error.reason)
        return
    yield article_from_plain_text(text, STDIN_NAME, "txt")


def _json_articles(text: str) -> Iterator[Article | LoadProblem]:
    """One JSON object (perhaps pretty-printed over many lines), else JSON Lines."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        yield from articles_from_json_lines(text.splitlines(), STDIN_NAME, "jsonl")
        return
    yield from articles_from_json_value(document, STDIN_NAME, "jsonl")
