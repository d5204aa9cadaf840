"""`-` on the command line: one article piped in, as plain text, a JSON object or JSON Lines.

Plain text is kept unchanged, like a `.txt` file, so offsets reported for it refer to what was piped.
The bytes are decoded like a file's (decoding.decode_document: UTF-8, else the legacy encoding that
fits, binary refused), never by the terminal's locale: Python would otherwise turn each byte it
cannot decode into a lone surrogate, which nothing downstream (the cache, a UTF-8 file) can hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from tui.core.model import Article, LoadProblem

from .decoding import DecodedText, decode_document
from .errors import SourceError
from .files import MAX_DOCUMENT_BYTES, describe_size
from .json_file import TOO_DEEP, articles_from_json_lines, articles_from_json_value
from .text_file import article_from_plain_text

STDIN_NAME = "<stdin>"


def read_standard_input(stream: TextIO) -> Iterator[Article | LoadProblem]:
    try:
        decoded = _read_all(stream)
    except SourceError as error:
        yield LoadProblem(STDIN_NAME, error.reason)
        return
    except (OSError, UnicodeDecodeError) as error:
        yield LoadProblem(STDIN_NAME, f"cannot read standard input: {error}")
        return
    text = decoded.text
    if not text.strip():
        yield LoadProblem(STDIN_NAME, "standard input was empty")
        return
    if decoded.note:
        yield LoadProblem(STDIN_NAME, decoded.note, kept=True)
    if text.lstrip().startswith("{"):
        try:
            yield from _json_articles(text)
        except SourceError as error:
            yield LoadProblem(STDIN_NAME, error.reason)
        return
    yield article_from_plain_text(text, STDIN_NAME, "txt")


def _read_all(stream: TextIO) -> DecodedText:
    """The stream's bytes (up to the size limit of a file) decoded like a file's.

    A text stream without bytes underneath (a StringIO in a test, an embedding program) is taken
    as it is.
    """
    binary = getattr(stream, "buffer", None)
    if binary is None:
        return DecodedText(stream.read())
    data = binary.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise SourceError(
            f"too large to be an article (more than {describe_size(MAX_DOCUMENT_BYTES)} on standard input)"
        )
    if not data.strip():
        return DecodedText("")
    return decode_document(data)


def _json_articles(text: str) -> Iterator[Article | LoadProblem]:
    """One JSON object (perhaps pretty-printed over many lines), else JSON Lines."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        yield from articles_from_json_lines(text.splitlines(), STDIN_NAME, "jsonl")
        return
    except RecursionError:
        raise SourceError(TOO_DEEP) from None
    yield from articles_from_json_value(document, STDIN_NAME, "jsonl")
