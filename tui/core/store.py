"""The analysis cache: SQLite on disk, so reopening a folder never runs spaCy again.

Analyses are kept under (article content hash, pipeline identity): a new model or a new version of
the analysis code misses the cache and re-analyses, an unchanged article under the same pipeline
never does. Articles are kept too (metadata and text) so the search index can be rebuilt from the
cache alone, and every change bumps a generation counter that the index compares with its own.

The cache is a convenience, never a condition: a damaged or foreign file is moved aside and a new
one made; a read-only or full disk turns the cache off for the session (in memory) and says so in
`Store.messages`, which the screen and the command line show.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import threading
import time
import uuid
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tui.core.model import BLOCK_KINDS, Analysis, Article, Block

DB_ENV = "NEWSREADER_DB"
DB_FILENAME = "newsreader.db"
MEMORY = ":memory:"

APPLICATION_ID = 0x4E575244  # "NWRD": marks a file as ours, so a foreign SQLite file is recognised
SCHEMA_VERSION = 4
BUSY_TIMEOUT_MS = 5000  # a second reader on the same file waits this long for a write lock
IN_CHUNK = 500  # ids in one `IN (...)`: under SQLite's limit on the parameters of a statement

_SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    date TEXT,
    source TEXT,
    url TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    licence TEXT,
    format TEXT NOT NULL DEFAULT 'txt',
    gen INTEGER NOT NULL
);
CREATE INDEX articles_gen ON articles (gen);
CREATE TABLE analyses (
    article_id TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    data TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (article_id, pipeline)
) WITHOUT ROWID;
"""

# Version 2 keeps article texts and analyses zlib-compressed: as plain text and JSON they made
# ~9.7 KB an article (975 MB at 100,000). Tables are rebuilt so their columns say BLOB.
_TO_V2 = """
CREATE TABLE analyses_v2 (
    article_id TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    data BLOB NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (article_id, pipeline)
) WITHOUT ROWID;
INSERT INTO analyses_v2 SELECT article_id, pipeline, newsreader_pack(data), created FROM analyses;
DROP TABLE analyses;
ALTER TABLE analyses_v2 RENAME TO analyses;
CREATE TABLE articles_v2 (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    text BLOB NOT NULL,
    date TEXT,
    source TEXT,
    url TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    licence TEXT,
    format TEXT NOT NULL DEFAULT 'txt',
    gen INTEGER NOT NULL
);
INSERT INTO articles_v2
    SELECT num, id, path, title, newsreader_pack(text), date, source, url, authors, licence, format, gen
    FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v2 RENAME TO articles;
CREATE INDEX articles_gen ON articles (gen);
"""

# Version 3 keeps each article's blocks (headings, block quotations, list items: spans of its text)
# as packed integers (`_packed_blocks`). Rows written before have none and read as one paragraph a line.
_TO_V3 = """
ALTER TABLE articles ADD COLUMN blocks BLOB;
"""

# Version 4 keeps a print of each analysed article's statements (tui.core.reprints.prints): grouping
# the same statement across 100,000 articles reads these few bytes, not every analysis.
_TO_V4 = """
CREATE TABLE statement_prints (
    article_id TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (article_id, pipeline)
) WITHOUT ROWID;
"""

# Migration n turns schema version n into n + 1. Version 0 is an empty (new) file.
_MIGRATIONS: dict[int, str] = {0: _SCHEMA_V1, 1: _TO_V2, 2: _TO_V3, 3: _TO_V4}
# A compressed article is ~2.1 KB: a 4 KB page holds one (measured: 51 MB for 10,000 articles,
# 34 MB with 16 KB pages, whose reads are as fast).
PAGE_SIZE = 16384
_KIND_NUMBERS = {kind: number for number, kind in enumerate(BLOCK_KINDS)}  # BLOCK_KINDS only grows
COMPRESSION_LEVEL = 6  # level 1 saves ~30% of the time (~0.1 ms an article) for ~5% more bytes


LISTING_PREFIX = "listing:"  # meta keys of what each opened path gave (Store.listing)


class CacheUnavailable(Exception):
    """The cache file cannot be used (read-only, full disk, no such directory)."""


@dataclass(frozen=True)
class StoredArticle:
    """An article row with its number, which the search index uses as its compact key."""

    num: int
    article: Article


def default_db_path() -> Path:
    """Where the cache lives: $NEWSREADER_DB, else the user cache directory."""
    explicit = os.environ.get(DB_ENV)
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsreader")) / DB_FILENAME


def resolve_db_path(db: str | os.PathLike[str] | None = None, *, no_cache: bool = False) -> str:
    """The database the options ask for: `--no-cache` beats `--db`, which beats the environment."""
    if no_cache:
        return MEMORY
    if db is not None and str(db) != "":
        return str(db) if str(db) == MEMORY else str(Path(db).expanduser())
    return str(default_db_path())


class Store:
    """One SQLite connection to the cache, safe to share between a worker thread and the UI thread.

    Use `Store.open(path)`, which never raises for a bad file or a bad disk: it falls back to memory
    and explains why in `messages`.
    """

    def __init__(self, connection: sqlite3.Connection, path: str, messages: list[str] | None = None) -> None:
        self._db = connection
        self.path = path
        self.messages: list[str] = list(messages or ())
        self._lock = threading.RLock()
        self.persistent = path != MEMORY

    # -- opening -----------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Store:
        """Open (or create) the cache at `path` (default: `default_db_path()`), or explain and use memory."""
        target = str(path) if path is not None else str(default_db_path())
        if target == MEMORY:
            return cls(_connect(MEMORY), MEMORY)
        messages: list[str] = []
        try:
            return cls(_open_file(target, messages), target, messages)
        except CacheUnavailable as error:
            messages.append(
                f"cache off: cannot use {target} ({error}); analyses will not be kept after you quit"
            )
            return cls(_connect(MEMORY), MEMORY, messages)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @property
    def index_path(self) -> str | None:
        """Where the full-text index lives beside the database (None: in memory)."""
        if not self.persistent:
            return None
        return str(Path(self.path).with_suffix(".index"))

    # -- meta --------------------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @property
    def generation(self) -> int:
        """Bumped by every write that changes what the search index should hold."""
        return int(self.meta("generation") or 0)

    @property
    def uid(self) -> str:
        """A random name given to this database when it was made: an index built for another one is stale."""
        return self.meta("uid") or ""

    # -- writing -----------------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; a read-only or full disk turns the cache off instead of failing."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:  # a full disk may already have rolled it back
                        self._db.execute("ROLLBACK")
                    raise
            except sqlite3.OperationalError as error:
                if not _is_disk_problem(error) or not self.persistent:
                    raise
                self._fall_back_to_memory(str(error))
                raise CacheUnavailable(str(error)) from error

    def _fall_back_to_memory(self, reason: str) -> None:
        """Copy what we have into memory and carry on there: the session keeps working, unsaved."""
        memory = sqlite3.connect(MEMORY, isolation_level=None, check_same_thread=False)
        try:
            # a backup into memory needs the same page size (a schema 1 file may still have 4 KB pages)
            memory.execute(f"PRAGMA page_size = {self._db.execute('PRAGMA page_size').fetchone()[0]}")
            self._db.backup(memory)
        except sqlite3.Error:
            memory.close()
            memory = _connect(MEMORY)
            _migrate(memory, MEMORY)
        self._db.close()
        self._db = memory
        self.messages.append(
            f"cache off: cannot write {self.path} ({reason}); analyses from now on will not be kept"
        )
        self.path = MEMORY
        self.persistent = False

    def _next_generation(self, db: sqlite3.Connection) -> int:
        row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        gen = int(row[0]) + 1 if row else 1
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('generation', ?)", (str(gen),))
        return gen

    def put_articles(self, articles: Sequence[Article]) -> None:
        """Remember articles (new, or moved to another path); unchanged ones cost no write."""
        if not articles:
            return
        self._retry_in_memory(self._put_articles, articles)

    def _put_articles(self, articles: Sequence[Article]) -> None:
        with self._write() as db:
            known = {}
            select = (
                "SELECT id, path, title, date, source, url, authors, licence, format, blocks"
                " FROM articles WHERE"
            )
            for row in _rows_where_in(db, select, "id", [a.id for a in articles]):
                known[row[0]] = tuple(row[1:])
            packed = {a.id: _packed_blocks(a) for a in articles}
            changed = [a for a in articles if known.get(a.id) != (*_metadata_row(a), packed[a.id])]
            if not changed:
                return
            gen = self._next_generation(db)
            db.executemany(
                "INSERT INTO articles"
                " (id, path, title, text, date, source, url, authors, licence, format, blocks, gen)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET path = excluded.path, title = excluded.title,"
                " date = excluded.date, source = excluded.source, url = excluded.url,"
                " authors = excluded.authors, licence = excluded.licence, format = excluded.format,"
                " blocks = excluded.blocks, gen = excluded.gen",
                [
                    (a.id, *_metadata_row(a)[:2], pack(a.text), *_metadata_row(a)[2:], packed[a.id], gen)
                    for a in changed
                ],
            )

    def put_analyses(self, analyses: Sequence[Analysis], pipeline: str | None = None) -> None:
        """Cache analyses under `pipeline` (default: each one's own `pipeline`).

        Their articles must have been put first (the index needs their text).
        """
        if not analyses:
            return
        self._retry_in_memory(lambda items: self._put_analyses(items, pipeline), analyses)

    def _put_analyses(self, analyses: Sequence[Analysis], pipeline: str | None) -> None:
        now = time.time()
        with self._write() as db:
            gen = self._next_generation(db)
            db.executemany(
                "INSERT OR REPLACE INTO analyses (article_id, pipeline, data, created) VALUES (?, ?, ?, ?)",
                [
                    (
                        a.article_id,
                        pipeline or a.pipeline,
                        pack(json.dumps(a.to_dict(), ensure_ascii=False)),
                        now,
                    )
                    for a in analyses
                ],
            )
            db.executemany(
                "UPDATE articles SET gen = ? WHERE id = ?", [(gen, a.article_id) for a in analyses]
            )

    def put_statement_prints(self, prints: Sequence[tuple[str, bytes]], pipeline: str) -> None:
        """Keep each article's statement prints (article id, packed print) under `pipeline`.

        Prints are derived from analyses and change nothing the search index holds: no new generation.
        """
        if not prints:
            return

        def write(items: Sequence[tuple[str, bytes]]) -> None:
            with self._write() as db:
                db.executemany(
                    "INSERT OR REPLACE INTO statement_prints (article_id, pipeline, data) VALUES (?, ?, ?)",
                    [(article_id, pipeline, data) for article_id, data in items],
                )

        self._retry_in_memory(write, prints)

    def statement_prints(self, pipeline: str, article_ids: Iterable[str]) -> dict[str, bytes]:
        """The kept statement prints of these articles under `pipeline` (those that have one)."""
        select = "SELECT article_id, data FROM statement_prints WHERE pipeline = ? AND"
        with self._lock:
            return {
                row[0]: row[1]
                for row in _rows_where_in(self._db, select, "article_id", article_ids, (pipeline,))
            }

    def _retry_in_memory(self, write, items) -> None:  # type: ignore[no-untyped-def]
        try:
            write(items)
        except CacheUnavailable:
            write(items)  # now in memory: the session keeps what it made

    # -- reading -----------------------------------------------------------------------------------

    def analysis(self, article_id: str, pipeline: str) -> Analysis | None:
        with self._lock:
            row = self._db.execute(
                "SELECT data FROM analyses WHERE article_id = ? AND pipeline = ?", (article_id, pipeline)
            ).fetchone()
        return Analysis.from_dict(json.loads(unpack(row[0]))) if row else None

    def analyzed_ids(self, pipeline: str, article_ids: Iterable[str] | None = None) -> set[str]:
        """Which articles have a cached analysis by this pipeline (all, or among `article_ids`)."""
        with self._lock:
            if article_ids is None:
                rows = self._db.execute("SELECT article_id FROM analyses WHERE pipeline = ?", (pipeline,))
                return {r[0] for r in rows}
            select = "SELECT article_id FROM analyses WHERE pipeline = ? AND"
            return {r[0] for r in _rows_where_in(self._db, select, "article_id", article_ids, (pipeline,))}

    def article_numbers(self, article_ids: Iterable[str]) -> dict[str, int]:
        """The index key of each stored article."""
        with self._lock:
            return {
                r[0]: r[1]
                for r in _rows_where_in(self._db, "SELECT id, num FROM articles WHERE", "id", article_ids)
            }

    def count_articles(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def changed_since(
        self, generation: int, batch: int = 500
    ) -> Iterator[tuple[StoredArticle, Analysis | None]]:
        """Articles written after `generation` with their latest analysis: what the index must redo.

        Rows are read in pages by number so the lock is never held while the caller indexes.
        """
        last = -1
        while True:
            with self._lock:
                rows = self._db.execute(
                    "SELECT num, id, path, title, text, date, source, url, authors, licence, format, blocks,"
                    " (SELECT data FROM analyses WHERE article_id = articles.id"
                    "  ORDER BY created DESC LIMIT 1)"
                    " FROM articles WHERE gen > ? AND num > ? ORDER BY num LIMIT ?",
                    (generation, last, batch),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                num, data = row[0], row[12]
                article = _article_from_row(row[1:12])
                yield (
                    StoredArticle(num, article),
                    Analysis.from_dict(json.loads(unpack(data))) if data else None,
                )
            last = rows[-1][0]

    # -- what each opened path gave ------------------------------------------------------------------

    def listing(self, root: str) -> list[tuple[str, list[str]]]:
        """What `root` (a folder, a file or a URL) gave the last time it was read to the end: each
        file it holds, in reading order, with the ids of the articles that file gave. [] if never.

        Kept in `meta` (one row a root), not in a table of its own: no new schema for an older
        newsreader to refuse, and a row that cannot be read is simply no listing.
        """
        try:
            files = json.loads(self.meta(LISTING_PREFIX + root) or "[]")
            return [(str(key), [str(i) for i in ids]) for key, ids in files]
        except (ValueError, TypeError):
            return []

    def set_listing(self, root: str, files: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Remember what `root` gave (see `listing`); an unchanged listing costs no write."""
        value = json.dumps([[key, list(ids)] for key, ids in files], ensure_ascii=False)
        try:
            if self.meta(LISTING_PREFIX + root) == value:
                return
            with self._write() as db:
                db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (LISTING_PREFIX + root, value)
                )
        except (CacheUnavailable, sqlite3.Error):
            pass  # a head start missed (in memory from now on, locked): the next start reads the files

    def stored_articles(self, article_ids: Sequence[str]) -> list[StoredArticle]:
        """The stored articles among `article_ids`, in that order (ids not stored are left out)."""
        select = (
            "SELECT num, id, path, title, text, date, source, url, authors, licence, format, blocks"
            " FROM articles WHERE"
        )
        found = {
            row[1]: StoredArticle(row[0], _article_from_row(row[1:]))
            for row in self._rows_in_chunks(select, article_ids)
        }
        return [found[i] for i in article_ids if i in found]

    def articles_by_id(self, article_ids: Sequence[str]) -> dict[str, Article]:
        select = (
            "SELECT id, path, title, text, date, source, url, authors, licence, format, blocks"
            " FROM articles WHERE"
        )
        return {row[0]: _article_from_row(row) for row in self._rows_in_chunks(select, article_ids)}

    def _rows_in_chunks(self, select: str, article_ids: Sequence[str]) -> Iterator[tuple]:  # type: ignore[type-arg]
        """The rows of `select ... id IN (...)`, the lock held for one chunk of ids at a time and
        released while the caller decodes them: decoding 100,000 articles takes ~9 s, and the screen
        opening an article meanwhile must not wait for all of it (it waited up to 6.6 s)."""
        ids = list(article_ids)
        for start in range(0, len(ids), IN_CHUNK):
            with self._lock:
                rows = list(_rows_where_in(self._db, select, "id", ids[start : start + IN_CHUNK]))
            yield from rows


# -- helpers ---------------------------------------------------------------------------------------


def _connect(target: str) -> sqlite3.Connection:
    db = sqlite3.connect(
        target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if target == MEMORY:
        _migrate(db, target)
    return db


def _open_file(target: str, messages: list[str]) -> sqlite3.Connection:
    """Open the file, moving it aside once if it is damaged or not ours."""
    try:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CacheUnavailable(error.strerror or str(error)) from error
    for attempt in range(2):
        try:
            db = sqlite3.connect(
                target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        except sqlite3.OperationalError as error:
            raise CacheUnavailable(str(error)) from error
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            problem = _foreign_or_damaged(db)
            if problem is None:
                db.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # takes effect on a new file only
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                _migrate(db, target)
                return db
        except sqlite3.DatabaseError as error:
            if _is_disk_problem(error):
                db.close()
                raise CacheUnavailable(str(error)) from error
            problem = f"damaged: {error}"
        db.close()
        if attempt:
            break
        aside = _move_aside(target)
        messages.append(f"the cache {target} was {problem}; moved it to {aside} and started a new one")
    raise CacheUnavailable("the new cache file could not be made")


def _foreign_or_damaged(db: sqlite3.Connection) -> str | None:
    """None if the file is ours (or new), else a few words on what is wrong with it."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app_id == 0 and not tables:
        return None
    if app_id != APPLICATION_ID:
        return "not a newsreader cache (another program's database)"
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        return f"made by a newer newsreader (schema {version}, this one knows {SCHEMA_VERSION})"
    check = db.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        return f"damaged: {check}"
    return None


def _migrate(db: sqlite3.Connection, target: str) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    started_at = version
    db.create_function("newsreader_pack", 1, _pack_any, deterministic=True)
    while version < SCHEMA_VERSION:
        db.execute("BEGIN IMMEDIATE")
        try:
            current = db.execute("PRAGMA user_version").fetchone()[0]
            if current == version:  # another reader may have migrated while we waited
                for statement in _MIGRATIONS[version].split(";"):
                    if statement.strip():
                        db.execute(statement)
                if version == 0:
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    db.execute(
                        "INSERT INTO meta (key, value) VALUES ('uid', ?), ('generation', '0')",
                        (uuid.uuid4().hex,),
                    )
                db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        version = db.execute("PRAGMA user_version").fetchone()[0]
    if 0 < started_at < 2 and target != MEMORY:
        _repack(db)


def _repack(db: sqlite3.Connection) -> None:
    """Rewrite the file once with PAGE_SIZE pages, giving the old tables' pages back to the disk.

    A page size can only change outside WAL mode; if another reader has the file open that fails,
    and the cache simply stays as it is (correct, only larger).
    """
    with contextlib.suppress(sqlite3.OperationalError):
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        db.execute("VACUUM")
    with contextlib.suppress(sqlite3.OperationalError):
        db.execute("PRAGMA journal_mode = WAL")


def pack(text: str) -> bytes:
    """How texts and analysis JSON are kept in the cache: UTF-8, zlib-compressed (~2.1x and ~3.2x)."""
    return zlib.compress(text.encode("utf-8"), COMPRESSION_LEVEL)


def unpack(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8")


def _pack_any(value: str | bytes | None) -> bytes | None:
    """`pack` for the migration: a value that is already bytes is left as it is."""
    return pack(value) if isinstance(value, str) else value


def _move_aside(target: str) -> str:
    """Rename the bad file (and its WAL files) so nothing is lost and a new cache can be made."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = f"{target}.broken-{stamp}"
    n = 1
    while os.path.exists(aside):
        n += 1
        aside = f"{target}.broken-{stamp}-{n}"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(target + suffix):
            try:
                os.replace(target + suffix, aside + suffix)
            except OSError as error:
                raise CacheUnavailable(f"could not move the bad file aside: {error.strerror}") from error
    return aside


def _is_disk_problem(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return any(
        words in text
        for words in ("readonly", "read-only", "disk is full", "disk i/o", "unable to open", "no such file")
    )


def _metadata_row(a: Article) -> tuple:  # type: ignore[type-arg]
    return (a.path, a.title, a.date, a.source, a.url, json.dumps(list(a.authors)), a.licence, a.format)


def _article_from_row(row: Sequence) -> Article:  # type: ignore[type-arg]
    article_id, path, title, text, date, source, url, authors, licence, fmt, blocks = row
    return Article(
        path=path,
        title=title,
        text=unpack(text),
        date=date,
        source=source,
        url=url,
        authors=tuple(json.loads(authors)) if authors and authors != "[]" else (),  # most have none
        licence=licence,
        format=fmt,
        id=article_id,
        blocks=_unpacked_blocks(blocks) if blocks else (),
    )


def _packed_blocks(article: Article) -> bytes:
    """Blocks as little-endian uint32 quadruples (kind's index in BLOCK_KINDS, start, end, level or 0):
    4 µs an article where compressed JSON took 38 (every article is compared on each open), ~16 bytes
    a block."""
    numbers = array(
        "I", [n for b in article.blocks for n in (_KIND_NUMBERS[b.kind], b.start, b.end, b.level or 0)]
    )
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers.tobytes()


def _unpacked_blocks(data: bytes) -> tuple[Block, ...]:
    numbers = array("I")
    numbers.frombytes(data)
    if sys.byteorder == "big":
        numbers.byteswap()
    return tuple(
        Block(BLOCK_KINDS[kind] if kind < len(BLOCK_KINDS) else "paragraph", start, end, level or None)
        for kind, start, end, level in zip(*[iter(numbers)] * 4, strict=True)
    )


def _rows_where_in(
    db: sqlite3.Connection, select: str, column: str, ids: Iterable[str], params: tuple[object, ...] = ()
) -> Iterator[tuple]:  # type: ignore[type-arg]
    """The rows of `select` (a query ending in WHERE, or in AND after its own conditions, whose
    placeholders `params` fill) with `column IN ids`, asked IN_CHUNK ids at a time: SQLite limits how
    many parameters one statement takes. Iterate it while holding the lock that guards `db`."""
    ids = list(ids)
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        yield from db.execute(f"{select} {column} IN ({','.join('?' * len(chunk))})", (*params, *chunk))
