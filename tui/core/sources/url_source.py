"""`newsreader https://...`: the page or feed behind a URL, read from its local copy.

The download goes through fetching.UrlFetcher; the copy is then read by the same readers as a
file, and every article and problem is renamed after the URL so messages point where the user
pointed. Offline, the copy saved last time is read, with a problem saying so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from tui.core.model import Article, LoadProblem

from .dispatch import read_file
from .errors import SourceError
from .fetching import LocalCopy, UrlFetcher, without_credentials


def read_url(url: str, fetcher: UrlFetcher) -> Iterator[Article | LoadProblem]:
    """The articles behind `url`, named after it without any `user:password@` (used for the request)."""
    shown = without_credentials(url)
    try:
        copy = fetcher.fetch(url)
    except SourceError as error:
        saved = fetcher.saved_copy(url)
        if saved is None:
            yield LoadProblem(shown, error.reason)
            return
        yield LoadProblem(shown, f"{error.reason}; read the copy saved {saved.fetched}".rstrip(), kept=True)
        copy = saved
    yield from _articles_from_copy(shown, copy)


def _articles_from_copy(url: str, copy: LocalCopy) -> Iterator[Article | LoadProblem]:
    local = str(copy.path)
    for item in read_file(copy.path):
        renamed = url + item.path[len(local) :] if item.path.startswith(local) else item.path
        if isinstance(item, LoadProblem):
            yield LoadProblem(renamed, item.reason, kept=item.kept)
            continue
        single_page = renamed == url
        yield replace(item, path=renamed, format="url", url=copy.url if single_page else item.url)
