"""The quotes a reader has marked, kept across restarts in the user data folder.

Marks are the reader's own work, so they live apart from the analysis cache (which may be thrown
away and rebuilt at any time) and are written atomically on every change. A quote is named by
its article's content hash and its character offsets: the same text loaded from another path or
another day keeps its marks.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from tui.core.atomic import write_atomic
from tui.core.model import Article, Quote

log = logging.getLogger(__name__)

MARKS_FILE_VERSION = 1


class MarkKey(NamedTuple):
    """One quote: the article's content hash (`Article.id`) and the quote's start and end offsets."""

    article_id: str
    start: int
    end: int

    @classmethod
    def of(cls, article: Article, quote: Quote) -> MarkKey:
        return cls(article.id, quote.start, quote.end)


class MarkSaveError(Exception):
    """The marks could not be saved; the change was undone so what is shown matches the disk."""


def default_marks_path() -> Path:
    """`marks.json` in the platform's user data folder (not the cache folder: marks are not rebuilt)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("newsreader")) / "marks.json"


class MarkStore:
    """The set of marked quotes, loaded once and saved atomically after each change.

    A damaged marks file is never a reason not to start: it is moved aside (so nothing is lost),
    `problem` says what happened and where the old file went, and the store starts empty.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_marks_path()
        self.problem: str | None = None
        self._save_blocked: str | None = None
        self._disk_stamp: tuple[int, int, int] | None = None
        self._keys: set[MarkKey] = self._load()

    @property
    def count(self) -> int:
        return len(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def is_marked(self, key: MarkKey) -> bool:
        return MarkKey(*key) in self._keys

    def keys(self) -> set[MarkKey]:
        """A copy: changing it does not change the store."""
        return set(self._keys)

    def toggle(self, key: MarkKey) -> bool:
        """Mark the quote if it was not marked, unmark it if it was; return whether it is marked now.

        Raises `MarkSaveError` (with the change undone) when the file cannot be written.
        """
        key = MarkKey(*key)
        marked = key not in self._keys
        self.set_marked(key, marked)
        return marked

    def set_marked(self, key: MarkKey, marked: bool) -> None:
        """Mark or unmark one quote and save; doing what is already done writes nothing."""
        key = MarkKey(*key)
        if (key in self._keys) == marked:
            return
        self._take_in_changes_on_disk()
        if (key in self._keys) == marked:
            return
        before = set(self._keys)
        if marked:
            self._keys.add(key)
        else:
            self._keys.discard(key)
        try:
            self._save()
        except MarkSaveError:
            self._keys = before
            raise

    def _save(self) -> None:
        if self._save_blocked:
            raise MarkSaveError(self._save_blocked)
        document = {
            "version": MARKS_FILE_VERSION,
            "marks": [
                {"article_id": k.article_id, "start": k.start, "end": k.end} for k in sorted(self._keys)
            ],
        }
        text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, text, overwrite=True)
            self._disk_stamp = _stamp(self.path)
        except (FileExistsError, NotADirectoryError) as error:
            raise MarkSaveError(
                f"could not save marks to {self.path}: a file is in the way of the folder {self.path.parent}"
            ) from error
        except OSError as error:
            raise MarkSaveError(f"could not save marks to {self.path}: {error.strerror or error}") from error

    def _take_in_changes_on_disk(self) -> None:
        """Another newsreader may have saved marks since we read them: start from its file, not ours."""
        stamp = _stamp(self.path)
        if stamp is None or stamp == self._disk_stamp or self._save_blocked:
            return
        try:
            self._keys = _parse_marks(self.path.read_bytes())
        except (OSError, ValueError):
            return
        self._disk_stamp = stamp

    def _load(self) -> set[MarkKey]:
        self._disk_stamp = _stamp(self.path)
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return set()
        except OSError as error:
            return self._set_aside(f"it could not be read ({error.strerror or error})")
        try:
            return _parse_marks(raw)
        except ValueError as error:
            return self._set_aside(f"it is damaged ({error})")

    def _set_aside(self, reason: str) -> set[MarkKey]:
        """Move a bad marks file out of the way so saving cannot overwrite what it held."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        counter = 1
        while aside.exists():
            counter += 1
            aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{counter}")
        try:
            os.rename(self.path, aside)
        except OSError as error:
            self._save_blocked = (
                f"marks are not saved: {self.path} could not be read and could not be moved aside "
                f"({error.strerror or error})"
            )
            self.problem = f"marks file {self.path}: {reason}; {self._save_blocked}"
        else:
            self.problem = f"marks file {self.path}: {reason}; moved it to {aside} and started with no marks"
        # Said once, by whoever shows `problem` (the reader's notice, the command line's message);
        # a warning here too printed it twice on the command line.
        log.info("%s", self.problem)
        return set()


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """What tells us the file changed: its inode (replaced by an atomic save), time and size."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def _parse_marks(raw: bytes) -> set[MarkKey]:
    """Read the marks document; raise ValueError saying what is wrong with it."""
    try:
        document: Any = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text at byte {error.start}") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON: {error.msg} at line {error.lineno}") from None
    if not isinstance(document, dict) or not isinstance(document.get("marks"), list):
        raise ValueError('no "marks" list')
    version = document.get("version")
    if not isinstance(version, int) or version > MARKS_FILE_VERSION:
        raise ValueError(f"unknown version {version!r}")
    return set(_parse_entries(document["marks"]))


def _parse_entries(entries: Iterable[Any]) -> Iterable[MarkKey]:
    for number, entry in enumerate(entries, start=1):
        with contextlib.suppress(TypeError, KeyError):
            article_id, start, end = entry["article_id"], entry["start"], entry["end"]
            if isinstance(article_id, str) and _is_offset(start) and _is_offset(end) and start <= end:
                yield MarkKey(article_id, start, end)
                continue
        raise ValueError(f"mark {number} is not an article id with start and end offsets")


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
