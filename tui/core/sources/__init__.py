"""Loading news: paths, folders, `-` and URLs to Articles, with a LoadProblem for whatever cannot be read.

`iter_articles` yields each article as soon as it is read, so the reader can show the first ones
while a large folder is still loading; it never raises for bad input. One module per format:
text_file (.txt), markdown_file (.md), json_file (.json/.jsonl), html_page (.html), feed
(.rss/.atom/.xml), mail (.eml/.mbox), url_source and fetching for URLs; dispatch picks the reader
by suffix or by sniffing the first bytes; watching reports new and changed files for `--watch`.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO, overload

from tui.core.model import Article, LoadProblem

from .dispatch import read_file, supported_suffixes
from .fetching import UrlFetcher, is_url
from .url_source import read_url
from .walking import files_in_folder
from .watching import watch_paths

__all__ = ["SUPPORTED_SUFFIXES", "UrlFetcher", "iter_articles", "load_paths", "watch_paths"]

SUPPORTED_SUFFIXES: tuple[str, ...] = supported_suffixes()


def iter_articles(
    paths: Sequence[str | os.PathLike[str]], *, stdin: TextIO | None = None, fetcher: UrlFetcher | None = None
) -> Iterator[Article | LoadProblem]:
    """Every article in `paths` (files, folders read recursively, `-`, URLs), in order, as it is read.

    Anything that cannot be read is yielded as a LoadProblem(path, reason) instead, once, and the
    rest still loads. `stdin` defaults to sys.stdin; `fetcher` (which downloads URLs and keeps their
    local copies) defaults to a UrlFetcher saving under the user data directory.
    """
    for path_like in paths:
        given = os.fspath(path_like)
        if given == "-":
            from .standard_input import read_standard_input  # with the JSON reader: only when asked

            items = read_standard_input(stdin if stdin is not None else sys.stdin)
        elif is_url(given):
            fetcher = fetcher or UrlFetcher()
            items = read_url(given, fetcher)
        else:
            items = _read_path(given)
        for item in items:
            yield without_lone_surrogates(item)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(item: Article | LoadProblem) -> Article | LoadProblem:
    """The item with U+FFFD for each lone surrogate, one character for one (offsets hold).

    A file name that is not UTF-8 reaches Python as lone surrogates (`caf\\udce9.txt`), and so
    does a JSON string escape such as `"\\ud800"`; neither can be written to the cache, a UTF-8
    file or a terminal, and each crashed every command. The name shown is then `caf\ufffd.txt`.
    """
    if isinstance(item, LoadProblem):
        if _has_lone_surrogate(item.path) or _has_lone_surrogate(item.reason):
            return replace(item, path=_replaced(item.path), reason=_replaced(item.reason))
        return item
    fields = (item.path, item.title, item.text, item.date, item.source, item.url, item.licence, *item.authors)
    if not any(value and _has_lone_surrogate(value) for value in fields):
        return item
    return replace(
        item,
        path=_replaced(item.path),
        title=_replaced(item.title),
        text=_replaced(item.text),
        date=_replaced(item.date),
        source=_replaced(item.source),
        url=_replaced(item.url),
        licence=_replaced(item.licence),
        authors=tuple(_replaced(author) for author in item.authors),
        id="",  # the text may have changed: its identity is computed again
    )


def _has_lone_surrogate(value: str) -> bool:
    """Cheap for the usual text: an ASCII string is known as such, and encoding runs in C (a regex
    over every article cost 0.24 s per 10,000; this costs 6-40 ms)."""
    if value.isascii():
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


@overload
def _replaced(value: str) -> str: ...
@overload
def _replaced(value: str | None) -> str | None: ...
def _replaced(value: str | None) -> str | None:
    return _LONE_SURROGATE.sub("\ufffd", value) if value else value


def load_paths(
    paths: Sequence[str | os.PathLike[str]], *, stdin: TextIO | None = None, fetcher: UrlFetcher | None = None
) -> tuple[list[Article], list[LoadProblem]]:
    """All of `iter_articles` at once: the articles and the problems, each in reading order."""
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    for item in iter_articles(paths, stdin=stdin, fetcher=fetcher):
        if isinstance(item, LoadProblem):
            problems.append(item)
        else:
            articles.append(item)
    return articles, problems


def _read_path(given: str) -> Iterator[Article | LoadProblem]:
    path = Path(given).expanduser()
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as error:
        yield LoadProblem(given, f"cannot read: {error.strerror or error}")
        return
    if not exists:
        yield LoadProblem(given, "no such file or folder")
    elif is_dir:
        for found in files_in_folder(path):
            if isinstance(found, LoadProblem):
                yield found
            else:
                yield from read_file(found)
    elif not path.is_file():
        # A pipe or a device would block or never end; `-` is the way to read a stream.
        yield LoadProblem(given, "not a regular file (to read a stream, pass - and pipe it in)")
    else:
        yield from read_file(path)
