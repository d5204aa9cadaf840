"""One file to its articles: the reader chosen by suffix, or by sniffing when the suffix says nothing.

Every failure of a reader becomes a LoadProblem naming the file, so one bad file never stops the
others. The last-resort `except Exception` is deliberate: third-party parsers (HTML, feeds, mail)
fed arbitrary files raise exceptions nobody documents, and the promise is "never a traceback".
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path

from tui.core.model import Article, LoadProblem

from .decoding import SNIFF_BYTES, binary_reason
from .errors import SourceError
from .sniffing import sniff_format

Reader = Callable[[Path], Iterator[Article | LoadProblem]]


def _reader(module: str, function: str) -> Reader:
    """The reader `function` of `tui.core.sources.<module>`, imported when the first such file is
    read: a folder of Markdown never imports the e-mail, feed or HTML readers (nor their libraries),
    and the reader's first titles wait for none of them."""

    def read(path: Path) -> Iterator[Article | LoadProblem]:
        found: Reader = getattr(importlib.import_module(f"{__package__}.{module}"), function)
        return found(path)

    read.__name__ = read.__qualname__ = function
    return read


READERS: dict[str, Reader] = {
    "txt": _reader("text_file", "read_text_file"),
    "md": _reader("markdown_file", "read_markdown_file"),
    "json": _reader("json_file", "read_json_file"),
    "jsonl": _reader("json_file", "read_jsonl_file"),
    "html": _reader("html_page", "read_html_file"),
    "rss": _reader("feed", "read_feed_file"),
    "atom": _reader("feed", "read_feed_file"),
    "eml": _reader("mail", "read_eml_file"),
    "mbox": _reader("mail", "read_mbox_file"),
}

SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "rss",
    ".atom": "atom",
    ".xml": "rss",
    ".eml": "eml",
    ".mbox": "mbox",
}

# Suffixes whose format is decided by looking inside (".xml" may be a feed or something else).
SNIFFED_SUFFIXES = frozenset({".xml", ""})


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(SUFFIX_FORMATS))


def read_file(path: Path) -> Iterator[Article | LoadProblem]:
    """The articles in one file, and a LoadProblem for anything in it that cannot be read."""
    name = str(path)
    try:
        format_name = choose_format(path)
        yield from READERS[format_name](path)
    except SourceError as error:
        yield LoadProblem(name, error.reason)
    except OSError as error:
        yield LoadProblem(name, f"cannot read: {error.strerror or error}")
    except RecursionError:  # a parser recursing once per level: an e-mail of 3,000 nested parts
        yield LoadProblem(name, "not an article: nested too deeply to read")
    except Exception as error:
        yield LoadProblem(name, f"could not be read ({type(error).__name__}: {error})")


def choose_format(path: Path) -> str:
    """The format for `path`: its suffix when known, else what its first bytes look like."""
    suffix = path.suffix.lower()
    known = SUFFIX_FORMATS.get(suffix)
    if known and suffix not in SNIFFED_SUFFIXES:
        return known
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        raise SourceError(f"cannot read: {error.strerror or error}") from None
    if not head.strip():
        raise SourceError("empty file")
    reason = binary_reason(head)
    if reason:
        raise SourceError(reason)
    sniffed = sniff_format(head)
    if sniffed in READERS:
        return sniffed
    if suffix == "":
        return "txt"
    if suffix == ".xml":
        raise SourceError("an XML file that is not an RSS or Atom feed")
    raise SourceError(
        f"not a supported format ({suffix}); newsreader reads {', '.join(supported_suffixes())}"
    )
