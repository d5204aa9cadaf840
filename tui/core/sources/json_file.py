"""`.json` (an object, a list of objects, or an API reply holding a list) and `.jsonl` (one object a line).

JSON Lines is streamed line by line, so a corpus of a hundred thousand articles shows its first
articles at once, and one broken line costs that line only, named with its number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tui.core.model import Article, LoadProblem

from .decoding import SNIFF_BYTES, binary_reason
from .errors import SourceError
from .files import MAX_COLLECTION_BYTES, describe_size, read_document_bytes
from .records import article_from_record

# Keys under which news APIs return their list of articles ({"status": "ok", "articles": [...]}).
_LIST_KEYS = ("articles", "items", "results", "data", "documents")
MAX_LINE_BYTES = 20 * 1024 * 1024
MAX_LEADING_BAD_LINES = 20


# Python's JSON parser recurses once per [ or {: a hostile file of 100,000 brackets exhausts it.
TOO_DEEP = "not an article: JSON nested too deeply to read"


def read_json_file(path: Path) -> Iterator[Article | LoadProblem]:
    name = str(path)
    data = read_document_bytes(path, MAX_COLLECTION_BYTES)
    reason = binary_reason(data[:SNIFF_BYTES])
    if reason:
        raise SourceError(reason)
    try:
        document = json.loads(data)
    except UnicodeDecodeError as error:
        raise SourceError(f"not valid UTF-8 at byte {error.start} (JSON must be UTF-8)") from None
    except json.JSONDecodeError as error:
        raise SourceError(
            f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise SourceError(TOO_DEEP) from None
    yield from articles_from_json_value(document, name, "json")


def articles_from_json_value(document: Any, name: str, format: str) -> Iterator[Article | LoadProblem]:
    """The articles in a parsed JSON document: one object, or a list (perhaps under a key like "articles")."""
    if isinstance(document, dict):
        nested = next((document[key] for key in _LIST_KEYS if isinstance(document.get(key), list)), None)
        if nested is None:
            yield article_from_record(document, name, format)
            return
        document = nested
    if not isinstance(document, list):
        raise SourceError("expected a JSON object or a list of objects")
    if not document:
        raise SourceError("the JSON list is empty")
    for number, record in enumerate(document, start=1):
        item_name = f"{name}#{number}"
        try:
            yield article_from_record(record, item_name, format)
        except SourceError as error:
            yield LoadProblem(item_name, f"item {number}: {error.reason}")


def read_jsonl_file(path: Path) -> Iterator[Article | LoadProblem]:
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise SourceError(f"cannot read: {error.strerror or error}") from None
    with handle:
        reason = binary_reason(handle.read(SNIFF_BYTES))
        if reason:
            raise SourceError(reason)
        handle.seek(0)
        yield from articles_from_json_lines(handle, name, "jsonl")


def articles_from_json_lines(lines: Any, name: str, format: str) -> Iterator[Article | LoadProblem]:
    """One article per non-blank line of `lines` (bytes or str lines); each bad line named by its number.

    Until the first good line, bad lines are held back: a file whose first lines all fail is not
    JSON Lines at all (a CSV renamed, another schema) and gets one problem, not one per line.
    """
    held: list[LoadProblem] = []
    loaded_any = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        line_name = f"{name}#{number}"
        try:
            article = article_from_record(_parse_line(raw), line_name, format)
        except SourceError as error:
            problem = LoadProblem(line_name, f"line {number}: {error.reason}")
            if loaded_any:
                yield problem
                continue
            held.append(problem)
            if len(held) >= MAX_LEADING_BAD_LINES:
                raise SourceError(
                    f"not read: its first {len(held)} lines hold no article ({held[0].reason})"
                ) from None
            continue
        if not loaded_any:
            loaded_any = True
            yield from held
        yield article
    if not loaded_any:
        if not held:
            raise SourceError("empty file")
        yield from held


def _parse_line(raw: bytes | str) -> Any:
    if len(raw) > MAX_LINE_BYTES:
        raise SourceError(f"too long to be one article ({describe_size(len(raw))})")
    try:
        text = (raw.decode("utf-8") if isinstance(raw, bytes) else raw).lstrip("\ufeff")
    except UnicodeDecodeError as error:
        raise SourceError(f"not valid UTF-8 at byte {error.start} of the line") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(f"not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise SourceError(TOO_DEEP) from None
