"""The loaded articles as one object: what the reader and the command line both work on.

The screen and the CLI never talk to sources, nlp, the cache or the index directly; they ask the
library, so that opening, analysing, searching and listing actors behave the same everywhere.

Reopening is cheap because analyses come from the SQLite cache (tui.core.store) keyed by the
article's content hash and the pipeline's identity, which is known without importing spaCy; only
what is missing is analysed. Search goes to the full-text index (tui.core.index), which follows
the cache and is limited to the articles loaded in this library.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.identity import ActorIdentities
from tui.core.model import Analysis, Article, LoadProblem, Quote
from tui.core.query import Any_, Query, QueryError, Term, parse_query
from tui.core.reprints.group import StatementGroup
from tui.core.reprints.statements import LibraryStatements
from tui.core.search import SearchHit, SearchResults, make_snippet, match_spans, needs_analysis
from tui.core.store import Store, resolve_db_path

if TYPE_CHECKING:  # imported when first used: the reader's first titles wait for neither (~50 ms)
    from tui.core.analysis_pool import AnalysisPool, AnalyzerFactory
    from tui.core.index import SearchIndex

ArticleCallback = Callable[[Article], None]
ProblemCallback = Callable[[LoadProblem], None]
AnalysisCallback = Callable[[Analysis], None]
ProgressCallback = Callable[[int, int], None]
ReplacedCallback = Callable[[str, "Article | None"], None]

__all__ = ["ActorSummary", "Library", "QueryError", "SearchHit", "SearchResults"]

STORE_BATCH = 256  # articles written to the cache per transaction while loading
ANALYSIS_BATCH = 32  # analyses written per transaction while analysing
INDEX_EVERY_S = 5.0  # while analysing, bring the search index up to date at most this often
SEARCH_IDENTIFY_AT_MOST = 2000
"""`actor:` reads at most this many cached analyses to know every actor (~1 s); past that it looks
among the analyses already read (the all-articles actors panel reads them all), and the index's own
words (with their diacritics folded) find the rest."""
IDENTIFY_BATCH = 256  # analyses the actors' identities take in at once past which the collector waits


def spare_the_collector() -> None:
    """Keep what exists now out of future garbage collections (`gc.freeze`), after a young one.

    The reader keeps every analysis it receives (hundreds of small objects each). Python's full
    collection walks all of them, and with 1,000 analysed that took 80-110 ms on the screen's
    thread: the longest stalls in bench/ui_stall.py. Frozen objects are still freed as usual when
    nothing refers to them; only cycles that were already garbage and had outlived the young
    collection are kept, a small cost against a frozen screen.
    """
    gc.collect(1)
    gc.freeze()


@dataclass
class ActorSummary:
    """One actor across the articles in scope, with every statement attributed to them.

    `key` names the actor across the library (an actor page and `actor:` find it by this);
    `alias_articles` says, for each name the actor goes by, which articles used it, so a merged
    actor can show where each of its names came from.
    """

    name: str
    label: str
    aliases: set[str] = field(default_factory=set)
    statements: list[tuple[str, Quote]] = field(default_factory=list)
    article_ids: set[str] = field(default_factory=set)
    alias_articles: dict[str, set[str]] = field(default_factory=dict)
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            self.key = self.name


def _root_key(path: str) -> str | None:
    """An opened path spelt one way, whatever the working directory: a URL as it is, a local path
    resolved; None for standard input (`-`), which has no listing."""
    if path == "-":
        return None
    if "://" in path:
        return path
    return os.path.realpath(os.path.expanduser(path))


def nlp_code_fingerprint() -> str:
    """A short hash of the analysis code itself, part of the cache key.

    The pipeline identity names the model and ANALYSIS_VERSION; hashing the code too means an edit
    to the extraction that forgot to bump the version still never serves stale cached analyses.
    """
    import hashlib
    from pathlib import Path

    import tui.core.nlp

    digest = hashlib.sha256()
    root = Path(tui.core.nlp.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".json", ".yaml", ".yml", ".csv"):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@contextlib.contextmanager
def _collector_paused(pause: bool) -> Iterator[None]:
    """No garbage collection while thousands of small objects are made at once (the identities of
    a library's actors): the collector would walk them again and again, doubling the time. After,
    they are kept out of later collections too (`spare_the_collector`), or the next full one would
    walk them all at once, on whatever call comes next."""
    pause = pause and gc.isenabled()
    if pause:
        gc.disable()
    try:
        yield
    finally:
        if pause:
            gc.enable()
            spare_the_collector()


def _empty_summary(name: str, label: str, key: str) -> ActorSummary:
    return ActorSummary(name, label, key=key)


class Library:
    """Loaded articles, their analyses and the problems met while loading.

    Thread-safe for one writer (a worker loading or analysing) and readers on the UI thread.

    `db` is the cache file (default: $NEWSREADER_DB or the user cache directory); `no_cache=True`
    keeps everything in memory; `store` passes an open Store instead. Anything the user should know
    about the cache or the index (moved aside, read-only, off) is in `messages`.
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        db: str | None = None,
        no_cache: bool = False,
        store: Store | None = None,
        analyzer_factory: AnalyzerFactory | None = None,
    ) -> None:
        self.model = model
        self._articles: dict[str, Article] = {}
        self._analyses: dict[str, Analysis] = {}
        self.problems: list[LoadProblem] = []
        self._lock = threading.RLock()
        self._factory = analyzer_factory
        self._analyzer = None
        self._pool: AnalysisPool | None = None
        self._pool_processes = 0
        self.store = store if store is not None else Store.open(resolve_db_path(db, no_cache=no_cache))
        self._index: SearchIndex | None = None  # opened on first use (tantivy)
        self._unsaved: list[Article] = []
        self._saving: set[str] = set()  # ids of a batch being written, until its cached analyses are known
        self._unchecked: set[str] = set()  # listed from the cache; whether their analysis is cached: unknown
        self._messages: list[str] = []
        self._numbers: dict[str, int] = {}
        self._ids_by_number: dict[int, str] = {}
        self._cached_ids: set[str] = set()
        self._ids_by_file: dict[str, list[str]] = {}  # which loaded articles each file gave, in order
        self._real_dirs: dict[str, str] = {}
        self._provisional: dict[str, set[str]] = {}  # root -> files listed from the cache, not read yet
        self._identified = False
        self._pipeline: str | None = None
        self._model_problem: str | None = None
        self._statements = LibraryStatements(
            self.store, lambda: self.pipeline, self._analysed_ids, self.analysis, self.article
        )
        self._identities = ActorIdentities()  # who each article's actors are across the library
        self._unidentified: set[str] = set()  # loaded articles whose newest analysis it has not taken in

    def _identify(self) -> None:
        """The pipeline's identity, found when first asked for (the analysis package is imported
        for it, ~65 ms): the first articles read reach the screen before that."""
        with self._lock:
            if self._identified:
                return
            try:
                identity = self._get_analyzer().identity
                self._pipeline = identity if self._factory else f"{identity}+{nlp_code_fingerprint()}"
            except Exception as error:  # ModelNotFoundError: the reader still shows the articles
                self._model_problem = str(error)
            self._identified = True

    @property
    def pipeline(self) -> str | None:
        """The analysis pipeline's identity (model, analysis version, code): the cache's key; None
        when no model can be found (`model_problem` says why)."""
        self._identify()
        return self._pipeline

    @property
    def model_problem(self) -> str | None:
        self._identify()
        return self._model_problem

    @property
    def messages(self) -> list[str]:
        """What to tell the user about the cache and the index, in the order it happened."""
        index = [] if self._index is None else self._index.messages
        return [*self.store.messages, *index, *self._messages]

    @property
    def index(self) -> SearchIndex:
        """The full-text index, opened when first needed: after the first articles are listed."""
        with self._lock:
            if self._index is None:
                from tui.core.index import SearchIndex

                self._index = SearchIndex(self.store.index_path)
            return self._index

    def _get_analyzer(self):  # type: ignore[no-untyped-def]
        if self._analyzer is None:
            if self._factory is not None:
                self._analyzer = self._factory(self.model)
            else:
                from tui.core.nlp import Analyzer

                self._analyzer = Analyzer(self.model)
        return self._analyzer

    def close(self) -> None:
        """Stop background workers and write what is not saved yet; call when the reader quits."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        self._flush_articles()

    # -- loading -----------------------------------------------------------------------------------

    def list_cached(self, paths: Sequence[str], *, limit: int | None = None) -> list[Article]:
        """The articles `paths` gave the last time they were read to the end, from the cache, without
        reading a file: what the reader lists before its first paint.

        They are provisional until `open(paths)` reads the files: an unchanged file then costs
        nothing, a changed one replaces its articles (`on_replaced`, as `--watch` does), the same text
        with new details (a title, a path, blocks) takes the cached copy's place, and the articles of
        a file gone or unreadable since are forgotten (`on_replaced(old_id, None)`). Returns the
        articles added, in reading order: the files' first `limit` or so (a file's articles are
        listed together; ~0.1 ms an article), and the next ones when called again.
        """
        listed: list[Article] = []
        for root in dict.fromkeys(filter(None, map(_root_key, paths))):
            files = self.store.listing(root)
            with self._lock:
                files = [(key, ids) for key, ids in files if key not in self._ids_by_file]
            chosen: list[tuple[str, list[str]]] = []
            count = len(listed)
            for key, ids in files:
                if limit is not None and count >= limit:
                    break
                chosen.append((key, ids))
                count += len(ids)
            if not chosen:
                continue
            wanted = [article_id for _, ids in chosen for article_id in ids]
            stored = {s.article.id: s for s in self.store.stored_articles(wanted)}
            with self._lock:
                provisional = self._provisional.setdefault(root, set())
                for key, ids in chosen:
                    for article_id in ids:
                        found = stored.get(article_id)
                        if found is None or article_id in self._articles:
                            continue
                        self._articles[article_id] = found.article
                        self._ids_by_file.setdefault(key, []).append(article_id)
                        self._unchecked.add(article_id)  # is its analysis cached? asked with the next batch
                        self._numbers[article_id] = found.num
                        self._ids_by_number[found.num] = article_id
                        listed.append(found.article)
                    if key in self._ids_by_file:
                        provisional.add(key)
        return listed

    def open(
        self,
        paths: Sequence[str],
        *,
        on_article: ArticleCallback | None = None,
        on_problem: ProblemCallback | None = None,
        on_replaced: ReplacedCallback | None = None,
        index: bool = True,
        keep_listing: bool = False,
    ) -> list[str]:
        """Read every path, adding articles as they are read; problems are kept and reported.

        Reading a file again that was loaded before with different text (`--watch` sees it change)
        replaces its old articles: they leave the library and the search results, and
        `on_replaced(old_id, new_article)` says so — `new_article` takes the old one's place, or is
        None when the file now holds fewer articles (a feed that lost entries). A replacing article
        is reported there, not to `on_article` (without `on_replaced`, to `on_article`, as any new
        article). The same text read with new details (title, date, path, blocks) takes the old
        copy's place and is reported as `on_replaced(its_id, article)`. Returns the ids replaced.

        Articles go into the cache in batches, and the search index is brought up to date at the end
        (`index=False` leaves that to the first search or to `sync_index()`: indexing articles never
        seen before takes ~0.4 s per 1,000; reopening indexed ones costs nothing). `keep_listing`
        remembers what each path gave, for `list_cached` at the next start; the files listed from
        the cache under these paths and not read again now (gone, unreadable) are forgotten.
        """
        from tui.core.sources import iter_articles

        replaced: list[str] = []
        current: str | None = None  # the file the last article came from
        rereading: str | None = None  # a file loaded before, whose articles wait for its last one
        again: list[Article] = []
        seen: dict[str, set[str]] = {}  # root -> the files read under it
        again_elsewhere: dict[str, tuple[str, Article]] = {}  # loaded texts read in another file

        def settle() -> None:
            nonlocal rereading
            if rereading is not None:
                replaced.extend(self._reread(rereading, again, on_article, on_replaced))
                again.clear()
                rereading = None

        for path in paths:
            root = _root_key(path)
            files = seen.setdefault(root, set()) if root is not None else set()
            for item in iter_articles([path]):
                if isinstance(item, LoadProblem):
                    with self._lock:
                        self.problems.append(item)
                    if on_problem:
                        on_problem(item)
                    continue
                key = self._file_key(item.path)
                files.add(key)
                if key != current:
                    settle()
                    current = key
                    if key in self._ids_by_file:
                        rereading = key
                if rereading is not None:
                    again.append(item)
                elif self._add(item, key):
                    if on_article:
                        on_article(item)
                        self._identify()  # once the first article is on its way to the screen: not before
                else:
                    again_elsewhere.setdefault(item.id, (key, item))
        settle()
        for root, files in seen.items():
            replaced.extend(self._forget_unread(root, files, again_elsewhere, on_replaced))
        self._flush_articles()
        if keep_listing:
            self._keep_listing(seen)
        if index:
            self.sync_index()
        return replaced

    def _forget_unread(
        self,
        root: str,
        read: set[str],
        elsewhere: dict[str, tuple[str, Article]],
        on_replaced: ReplacedCallback | None,
    ) -> list[str]:
        """The files listed from the cache under `root` and not read now: gone or unreadable since the
        cache listed them, their articles leave the library, unless their text was read from
        another file (`elsewhere`: id -> that file's key and article; a file renamed or moved), which
        they then belong to, with its path."""
        gone: list[str] = []
        moved: list[Article] = []
        with self._lock:
            for old_key in self._provisional.pop(root, set()) - read:
                for article_id in self._ids_by_file.pop(old_key, []):
                    if article_id not in self._articles:
                        continue
                    if article_id not in elsewhere:
                        self._forget(article_id)
                        gone.append(article_id)
                        continue
                    key, article = elsewhere[article_id]
                    self._ids_by_file.setdefault(key, []).append(article_id)
                    if self._renew(article):
                        moved.append(article)
        if on_replaced:
            for article_id in gone:
                on_replaced(article_id, None)
            for article in moved:
                on_replaced(article.id, article)
        return gone

    def _keep_listing(self, seen: dict[str, set[str]]) -> None:
        """Remember, for each root read, the articles each of its files gave (`Store.listing`)."""
        for root, files in seen.items():
            with self._lock:
                listing = [(key, list(ids)) for key, ids in self._ids_by_file.items() if key in files and ids]
            self.store.set_listing(root, listing)

    def _reread(
        self,
        key: str,
        articles: list[Article],
        on_article: ArticleCallback | None,
        on_replaced: ReplacedCallback | None,
    ) -> list[str]:
        """A file loaded before was read again: swap what changed, pairing old and new in file order.
        An article whose text is unchanged but whose details are not (a cached copy listed before its
        file was read, a JSON title edited) takes its old copy's place under the same id."""
        fresh_ids = {a.id for a in articles}
        with self._lock:
            before = self._ids_by_file.get(key, [])
            gone = [i for i in before if i not in fresh_ids and i in self._articles]
            kept = set(before)
            for old_id in gone:
                self._forget(old_id)
            # by this key, not the one its path gives: a copy listed from the cache has the path it
            # was read by, maybe from another working directory
            self._ids_by_file[key] = [i for i in before if i in self._articles]
            renewed = [a for a in articles if a.id in kept and self._renew(a)]
        added = [a for a in articles if a.id not in kept and self.add(a)]
        paired = len(gone) if on_replaced else 0
        for n, old_id in enumerate(gone):
            if on_replaced:
                on_replaced(old_id, added[n] if n < len(added) else None)
        if on_article:
            for article in added[paired:]:
                on_article(article)
        if on_replaced:
            for article in renewed:
                on_replaced(article.id, article)
        return gone

    def _renew(self, article: Article) -> bool:
        """Put `article` in place of the loaded copy with its id if any detail differs; call locked."""
        old = self._articles.get(article.id)
        if old is None or old == article:
            return False
        self._articles[article.id] = article
        self._unsaved.append(article)  # written over its old copy (the cache keeps one row an id)
        return True

    def _forget(self, article_id: str) -> None:
        """Drop a loaded article (its cached analysis stays: the same text may come back)."""
        article = self._articles.pop(article_id)
        self._analyses.pop(article_id, None)
        self._statements.forgotten(article_id)
        self._identities.remove(article_id)
        self._unidentified.discard(article_id)
        self._cached_ids.discard(article_id)
        self._unchecked.discard(article_id)
        self._unsaved = [a for a in self._unsaved if a.id != article_id]
        number = self._numbers.pop(article_id, None)
        if number is not None:
            self._ids_by_number.pop(number, None)
        ids = self._ids_by_file.get(self._file_key(article.path))
        if ids is not None and article_id in ids:
            ids.remove(article_id)

    def _file_key(self, path: str) -> str:
        """The file an article was read from, spelt one way (a watched path arrives resolved)."""
        if "://" in path:
            return path
        base, mark, line = path.rpartition("#")
        if mark and line.isdigit():  # `file.jsonl#3`: the third line of that file
            path = base
        folder, name = os.path.split(path)
        real = self._real_dirs.get(folder)  # one look-up per folder, not per file: reopening 10,000
        if real is None:
            real = self._real_dirs[folder] = os.path.realpath(folder or ".")
        return os.path.join(real, name)

    def add(self, article: Article) -> bool:
        """Add one article; the same text loaded twice is kept once."""
        return self._add(article, self._file_key(article.path))

    def _add(self, article: Article, key: str) -> bool:
        with self._lock:
            if article.id in self._articles:
                return False
            self._articles[article.id] = article
            self._statements.loaded(article.id)
            self._unidentified.add(article.id)
            self._ids_by_file.setdefault(key, []).append(article.id)
            self._unsaved.append(article)
            full = len(self._unsaved) >= STORE_BATCH
        if full:
            self._flush_articles()
        return True

    def _flush_articles(self) -> None:
        """Write the articles read since the last batch, and learn which of them (and of those listed
        from the cache) have a cached analysis."""
        with self._lock:
            batch, self._unsaved = self._unsaved, []
            unchecked, self._unchecked = list(self._unchecked), set()
            ids = [a.id for a in batch]
            self._saving.update(ids, unchecked)
        if not batch and not unchecked:
            return
        try:
            numbers = {}
            if batch:
                self.store.put_articles(batch)
                numbers = self.store.article_numbers(ids)
            cached = self.store.analyzed_ids(self.pipeline, ids + unchecked) if self.pipeline else set()
            with self._lock:
                numbers = {i: n for i, n in numbers.items() if i in self._articles}  # not replaced meanwhile
                self._numbers.update(numbers)
                self._ids_by_number.update((n, i) for i, n in numbers.items())
                self._cached_ids.update(i for i in cached if i in self._articles)
        finally:
            with self._lock:
                self._saving.difference_update(ids, unchecked)

    @property
    def articles(self) -> list[Article]:
        with self._lock:
            return list(self._articles.values())

    @property
    def article_count(self) -> int:
        """How many articles are loaded, without copying them (the search bar asks per batch read)."""
        with self._lock:
            return len(self._articles)

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    # -- analysis ----------------------------------------------------------------------------------

    def analysis(self, article_id: str) -> Analysis | None:
        """The article's analysis: from memory, else from the cache (no spaCy), else None."""
        found = self._analyses.get(article_id)
        if found is not None or self.pipeline is None or article_id not in self._articles:
            return found
        with self._lock:
            # a batch being written is neither unsaved nor known to be cached yet: ask the cache, or a
            # reader opening a cached article at that moment would show it as not analysed
            unsaved = (
                article_id in self._saving
                or article_id in self._unchecked
                or any(a.id == article_id for a in self._unsaved)
            )
        if not unsaved and article_id not in self._cached_ids:
            return None
        cached = self.store.analysis(article_id, self.pipeline)
        if cached is not None:
            with self._lock:
                self._analyses.setdefault(article_id, cached)
            return self._analyses.get(article_id, cached)
        return cached

    def set_analysis(self, analysis: Analysis) -> None:
        """Keep an analysis in memory and in the cache."""
        self._keep([analysis])

    def set_analyses(self, analyses: Sequence[Analysis]) -> None:
        """Keep many analyses at once (one cache transaction); the index follows on the next search."""
        self._keep(list(analyses))

    def _keep(self, analyses: list[Analysis]) -> None:
        with self._lock:
            for analysis in analyses:
                self._analyses[analysis.article_id] = analysis
                if analysis.article_id in self._articles:
                    self._unidentified.add(analysis.article_id)
        self._flush_articles()
        self.store.put_analyses(analyses, self.pipeline)
        with self._lock:
            self._cached_ids.update(a.article_id for a in analyses)
        self._statements.kept(analyses)
        # the actors' identities take them in here, on the analysing thread, not on the screen's
        self._identify_waiting([a.article_id for a in analyses], load_cached=False, wanted=set())

    def pending(self) -> list[Article]:
        """Articles not analysed yet by this pipeline (in memory or cached), in the order they were loaded."""
        self._flush_articles()
        with self._lock:
            return [
                a
                for a in self._articles.values()
                if a.id not in self._analyses and a.id not in self._cached_ids
            ]

    def analyze_pending(
        self,
        *,
        on_analysis: AnalysisCallback | None = None,
        on_progress: ProgressCallback | None = None,
        processes: int = 1,
        background: bool = False,
        cancel: threading.Event | None = None,
        on_error: Callable[[Article, str], None] | None = None,
    ) -> int:
        """Analyse what is new and cache it; returns how many were analysed.

        spaCy is loaded here, on first need, never at start-up. With `background=True` (the reader)
        the work runs in `processes` worker processes, started once and kept until `close()`, so the
        calling process never stalls; without it, in this process (`processes > 1`: a pool for this
        call only, as `newsreader analyze` does). Progress is (done, total); setting `cancel` stops
        early, keeping what was done.
        """
        todo = self.pending()
        if not todo:
            return 0
        buffer: list[Analysis] = []
        last_index = time.monotonic()
        count = 0

        def arrived(analysis: Analysis) -> None:
            nonlocal last_index, count
            count += 1
            with self._lock:
                if analysis.article_id in self._articles:  # not replaced while it was analysed
                    self._analyses[analysis.article_id] = analysis
                    self._unidentified.add(analysis.article_id)
            buffer.append(analysis)
            if len(buffer) >= ANALYSIS_BATCH:
                self._keep(buffer[:])
                buffer.clear()
                if background:
                    spare_the_collector()
                if time.monotonic() - last_index > INDEX_EVERY_S:
                    self.sync_index()
                    last_index = time.monotonic()
            if on_analysis:
                on_analysis(analysis)

        try:
            if background:
                pool = self._background_pool(processes)
                pool.run(todo, on_analysis=arrived, on_progress=on_progress, on_error=on_error, cancel=cancel)
            else:
                analyzer = self._get_analyzer()
                total = len(todo)
                for done, analysis in enumerate(analyzer.analyze_many(todo, processes=processes), 1):
                    arrived(analysis)
                    if on_progress:
                        on_progress(done, total)
                    if cancel is not None and cancel.is_set():
                        break
        finally:
            if buffer:
                self._keep(buffer)
            self.sync_index()
        return count

    def _background_pool(self, processes: int) -> AnalysisPool:
        processes = max(1, processes)
        if self._pool is not None and self._pool_processes != processes:
            self._pool.close()
            self._pool = None
        if self._pool is None:
            from tui.core.analysis_pool import AnalysisPool

            self._get_analyzer()  # a missing model is reported here, not by every worker
            self._pool = AnalysisPool(self.model, processes=processes, analyzer_factory=self._factory)
            self._pool_processes = processes
        return self._pool

    def analyzed(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Analysis]]:
        for article in articles:
            analysis = self.analysis(article.id)
            if analysis is not None:
                yield article, analysis

    # -- search ------------------------------------------------------------------------------------

    def sync_index(self) -> bool:
        """Bring the search index up to the cache; False when another process is writing it."""
        from tui.core.index import IndexBusy, SearchIndex

        self._flush_articles()
        try:
            self.index.sync(self.store)
        except IndexBusy:
            return False
        except (OSError, ValueError, RuntimeError) as error:
            if self.index.path is None:
                raise
            # A full or read-only disk under the index: carry on with one in memory, rebuilt from the cache.
            self._messages.append(f"search index in memory: cannot write {self.index.path} ({error})")
            self._index = SearchIndex(None)
            self.index.sync(self.store)
        return True

    def _ensure_index(self) -> None:
        self._flush_articles()
        if not self.index.is_current(self.store):
            self.sync_index()

    def _run(self, query: Query, limit: int) -> tuple[int, list[tuple[str, float]]]:
        self._ensure_index()
        with self._lock:
            loaded = len(self._numbers)
            among = None if loaded >= self.index.num_docs() else list(self._numbers.values())
        actor_articles = {
            term: [self._numbers[i] for i in ids if i in self._numbers]
            for term, (_, ids) in self._actor_terms(query).items()
        }
        total, pairs = self.index.search(query, limit=limit, among=among, actor_articles=actor_articles)
        return total, [(self._ids_by_number[n], s) for n, s in pairs if n in self._ids_by_number]

    def _actor_terms(self, query: Query) -> dict[Term, tuple[set[str], set[str]]]:
        """Each `actor:` term of the query -> (the keys of the actors it names, their articles), by the
        library's identities: `actor:Erdogan` names Recep Tayyip Erdoğan wherever he is `Erdoğan`."""
        terms = [
            clause
            for item in (*query.required, *query.excluded)
            for clause in (item.options if isinstance(item, Any_) else (item,))
            if isinstance(clause, Term) and clause.field == "actor" and not clause.prefix
        ]
        found: dict[Term, tuple[set[str], set[str]]] = {}
        if not terms:
            return found
        with self._lock:
            few = len(self._unidentified) <= SEARCH_IDENTIFY_AT_MOST
        for term in terms:
            actors = self.find_actors(" ".join(term.words), everyone=few)
            found[term] = ({a.key for a in actors}, {i for a in actors for i in a.article_ids})
        return found

    def _actor_names(
        self, query: Query, article_id: str, terms: dict[Term, tuple[set[str], set[str]]] | None = None
    ) -> dict[Term, set[str]]:
        """Each `actor:` term -> the names, in this article, of the actors it names (to highlight).
        `terms` is `_actor_terms(query)` when the caller has it already."""
        terms = self._actor_terms(query) if terms is None else terms
        if not terms:
            return {}
        keys = self._identities.article_keys(article_id)
        return {
            term: {name for name, key in keys.items() if key in wanted} for term, (wanted, _) in terms.items()
        }

    def find(self, query: str, *, limit: int = 50, snippets: bool = True) -> SearchResults:
        """How many loaded articles match `query`, and the best `limit` with snippets.

        `snippets=False` leaves each hit's snippet empty: a list that shows only titles skips the
        work of finding the words in every text (about a third of `find`'s time at 20 hits).
        Raises QueryError (its message is for the user) when the query cannot be read.
        """
        parsed = parse_query(query)
        total, ranked = self._run(parsed, limit)
        if not snippets:
            return SearchResults(total, [SearchHit(article_id, score, "") for article_id, score in ranked])
        hits = []
        with_analysis = needs_analysis(parsed)
        terms = self._actor_terms(parsed) if with_analysis else {}
        for article_id, score in ranked:
            article = self._articles[article_id]
            analysis = self.analysis(article_id) if with_analysis else None
            spans = match_spans(parsed, article, analysis, self._actor_names(parsed, article_id, terms))
            snippet, snippet_spans = make_snippet(article.text, spans)
            hits.append(SearchHit(article_id, score, snippet, snippet_spans))
        return SearchResults(total, hits)

    def search(self, query: str, *, limit: int | None = None) -> list[Article]:
        """Loaded articles matching `query`, best first (all of them, or the best `limit`);
        every loaded article for a blank query.

        At 100,000 articles a common word matches most of them and listing them all takes ~0.1 s:
        a list that shows a screenful should ask for a `limit` and take the count from `find`.
        Raises QueryError (a ValueError whose message is for the user) when the query cannot be read.
        """
        if not query.strip():
            return self.articles if limit is None else self.articles[:limit]
        parsed = parse_query(query)
        _, ranked = self._run(parsed, max(len(self._articles), 1) if limit is None else limit)
        return [self._articles[article_id] for article_id, _ in ranked]

    def match_spans(self, query: str, article_id: str) -> list[tuple[int, int]]:
        """Where `query` matches in the article's text, for highlighting and n/N; [] for a bad query."""
        article = self._articles.get(article_id)
        if article is None or not query.strip():
            return []
        try:
            parsed = parse_query(query)
        except QueryError:
            return []
        analysis = self.analysis(article_id)
        return match_spans(parsed, article, analysis, self._actor_names(parsed, article_id))

    # -- actors ------------------------------------------------------------------------------------

    def actors(self, article_ids: Iterable[str] | None = None) -> list[ActorSummary]:
        """Actors of the given articles (all loaded articles when None), most statements first.

        Each is one actor across the library (tui.core.identity): `Erdoğan` in one article and
        `Recep Tayyip Erdoğan` in another are one summary, named by its fullest name, with the other
        names as aliases and the articles each came from. The identities are worked out over every
        analysis the library holds (for all articles, every cached one is read first) and kept, so
        that an analysis arriving costs in proportion to the actors it names. The summaries of all
        articles are shared between calls: read them, do not change them.
        """
        if article_ids is None:
            with _collector_paused(len(self._unidentified) > IDENTIFY_BATCH):
                self.sync_identities(load_cached=True)
                return self._identities.summaries(_empty_summary)
        ids = list(article_ids)
        self.sync_identities(load_cached=False, also=ids)
        return self._summaries(ids)

    def _summaries(self, ids: Iterable[str]) -> list[ActorSummary]:
        """The actors of a few articles, under their library-wide identities."""
        identities = self._identities
        merged: dict[str, ActorSummary] = {}

        def summary(key: str) -> ActorSummary:
            found = merged.get(key)
            if found is None:
                known = identities.identity(key)
                name, label = (known.name, known.label) if known is not None else (key, "PERSON")
                found = merged[key] = ActorSummary(name, label, key=key)
            return found

        for article_id in ids:
            claims = identities.claims(article_id)
            analysis = identities.analysis(article_id)
            if claims is None or analysis is None:
                continue
            keys = identities.article_keys(article_id)
            for name, local in claims.actors.items():
                actor = summary(keys[name])
                actor.article_ids.add(article_id)
                for alias in (name, *local.aliases):
                    actor.alias_articles.setdefault(alias, set()).add(article_id)
            for quote in analysis.quotes:
                if quote.actor and quote.actor in keys:
                    summary(keys[quote.actor]).statements.append((article_id, quote))
        for actor in merged.values():
            actor.aliases = set(actor.alias_articles) - {actor.name}
        return sorted(merged.values(), key=lambda s: (-len(s.statements), s.name.lower()))

    def sync_identities(self, *, load_cached: bool = True, also: Iterable[str] = ()) -> None:
        """Bring the actors' identities up to the analyses: those that arrived since (in memory),
        with `load_cached` every cached one not read yet, and those of the articles `also`."""
        with self._lock:
            waiting = list(self._unidentified)
        wanted = set(also)
        with _collector_paused(len(waiting) > IDENTIFY_BATCH):
            self._identify_waiting(waiting, load_cached=load_cached, wanted=wanted)

    def _identify_waiting(self, waiting: list[str], *, load_cached: bool, wanted: set[str]) -> None:
        for article_id in waiting:
            analysis = self._analyses.get(article_id)
            if analysis is None and (load_cached or article_id in wanted):
                analysis = self.analysis(article_id)
            if analysis is None:
                continue
            with self._lock:
                if article_id not in self._unidentified or self._analyses.get(article_id) is not analysis:
                    continue  # gone, taken in, or analysed again meanwhile: it waits for its newest analysis
                self._unidentified.discard(article_id)
            if not self._identities.holds(article_id, analysis):
                self._identities.add(article_id, analysis)

    def actor_key(self, article_id: str, actor_name: str) -> str | None:
        """The library-wide key of the actor an article calls `actor_name` (its name there)."""
        if article_id in self._unidentified:
            self._identify_waiting([article_id], load_cached=True, wanted=set())
        return self._identities.local_key(article_id, actor_name)

    def find_actors(self, name: str, *, speaking: bool = False, everyone: bool = True) -> list[ActorSummary]:
        """The actors a typed name means (`Erdogan`, `Mr. Trump`, `F.B.I.`), over all loaded articles:
        the one the identity rules give it, else every actor one of whose names holds all its words
        (diacritics and case aside). Empty when nobody fits; `speaking` keeps those with statements.
        `everyone=False` looks among the analyses already read, without reading the cache for the rest."""
        from tui.core.identity import fold

        if everyone:
            known = self.actors(None)
        else:
            self.sync_identities(load_cached=False)
            known = self._identities.summaries(_empty_summary)
        everyone_known = [actor for actor in known if actor.statements or not speaking]
        key = self._identities.key_for_name(name)
        exact = [actor for actor in everyone_known if actor.key == key]
        if exact:
            return exact
        wanted = set(fold(name).split())
        if not wanted:
            return []
        return [
            actor
            for actor in everyone_known
            if any(wanted <= set(fold(alias).split()) for alias in (actor.name, *actor.alias_articles))
        ]

    # -- the same statement in several articles -----------------------------------------------------

    def _analysed_ids(self) -> list[str]:
        """The loaded articles analysed by this pipeline (in memory or cached), in load order."""
        self._flush_articles()
        with self._lock:
            return [i for i in self._articles if i in self._analyses or i in self._cached_ids]

    def same_statement(self, article_id: str, quote: Quote) -> StatementGroup | None:
        """The statement's appearances when two loaded articles or more print it (the same words, or
        one outlet's cut or lightly changed copy), ordered by the articles' dates; else None.

        The first call groups every analysed article (from the cache's prints: ~0.1 s per 10,000
        articles); later ones, and analyses arriving meanwhile, cost a look-up.
        """
        return self._statements.same_statement(article_id, quote)

    @property
    def statements_ready(self) -> bool:
        """Whether the statements are grouped already (`same_statement` then never waits for it)."""
        return self._statements.ready

    def prepare_statements(self) -> None:
        """Group every analysed article's statements now (a worker does, before the screen asks)."""
        self._statements.index()

    def statement_groups(self) -> list[StatementGroup]:
        """Every statement printed by two loaded articles or more, the most printed first."""
        return self._statements.groups()
