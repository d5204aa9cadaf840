"""Globs the workers read themselves, so a big corpus never passes through the client.

`newsreader analyze --engine dask 'corpus/**/*.html'` (quoted: the shell must leave the pattern
alone) lists the matching names on the client, and only the names travel; each worker opens its
files on a shared file system, or from object storage through fsspec (`s3://bucket/news/*.jsonl`
with s3fs installed, `gcs://...` with gcsfs). A remote file is copied to a temporary local file and
read by the same readers as any other (tui.core.sources), then named by its URL in every result.
"""

from __future__ import annotations

import glob
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from tui.core.model import Article, LoadProblem

_PROTOCOL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_GLOB_CHARACTERS = frozenset("*?[")
_CLIENT_PROTOCOLS = ("http://", "https://")  # web pages go through the client's fetcher, as today


def is_worker_read(given: str) -> bool:
    """A quoted glob, or a storage URL (`s3://...`, `file://...`): left to the workers to read.

    A path that exists as written is read as today even if its name holds `*` or `[`.
    """
    if given.lower().startswith(_CLIENT_PROTOCOLS):
        return False
    if _PROTOCOL.match(given):
        return True
    return bool(_GLOB_CHARACTERS & set(given)) and not os.path.lexists(given)


def expand(given: str) -> list[tuple[str, str]] | LoadProblem:
    """The files `given` names, sorted, as (location for a worker, path to show); or the problem.

    A local pattern is matched like the shell does (hidden files left out, `**` for any depth)
    and each file's location is absolute, so a worker started in another folder finds it.
    """
    if not _PROTOCOL.match(given) or given.startswith("file://"):
        pattern = given.removeprefix("file://")
        found = sorted(p for p in glob.glob(os.path.expanduser(pattern), recursive=True) if os.path.isfile(p))
        if not found:
            return LoadProblem(given, "no file matches")
        return [(os.path.abspath(p), p) for p in found]
    try:
        import fsspec

        fs, _, names = fsspec.core.get_fs_token_paths(given, expand=True)
        urls = sorted(fs.unstrip_protocol(name) for name in names if fs.isfile(name))
    except ImportError as error:
        return LoadProblem(given, f"cannot read this kind of location here ({error})")
    except Exception as error:  # each storage library raises its own errors: one line, no traceback
        return LoadProblem(given, f"cannot list ({type(error).__name__}: {error})")
    if not urls:
        return LoadProblem(given, "no file matches")
    return [(url, url) for url in urls]


def read_located(location: str, shown: str) -> Iterator[Article | LoadProblem]:
    """The articles of one file a worker was given, named by `shown`, as tui.core.sources reads them."""
    from tui.core.sources import iter_articles

    if not _PROTOCOL.match(location):
        for item in iter_articles([location]):
            yield _renamed(item, location, shown)
        return
    with tempfile.TemporaryDirectory(prefix="newsreader-") as folder:
        local = Path(folder) / (Path(location.split("?", 1)[0]).name or "article")
        try:
            import fsspec

            with fsspec.open(location, "rb") as source, local.open("wb") as copy:
                while chunk := source.read(1 << 20):
                    copy.write(chunk)
        except Exception as error:  # storage errors of every library: the file is named, the run goes on
            yield LoadProblem(shown, f"cannot read ({type(error).__name__}: {error})")
            return
        for item in iter_articles([str(local)]):
            yield _renamed(item, str(local), shown)


def _renamed(item: Article | LoadProblem, read_as: str, shown: str) -> Article | LoadProblem:
    """The item named as the user named its file (`a.jsonl#3` stays `#3`); the article's id is unchanged."""
    if not item.path.startswith(read_as):
        return item
    path = shown + item.path[len(read_as) :]
    return replace(item, path=path)
