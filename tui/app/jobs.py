"""The reader's background jobs: reading the opened paths, following them (--watch), analysing, searching.

Plain classes with no widgets: each is given the library (a callable, so that opening it, with its
cache and index, happens in the job's thread and not before the first paint) and `post`, a way to
deliver a message (tui.app.messages) to the screen that shows the results. The screen decides
where they run (a Textual worker, a thread) and what the results look like.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message

from tui.app import messages
from tui.core.model import Article, LoadProblem

if TYPE_CHECKING:
    from tui.core.library import Library

Post = Callable[[Message], object]
LibraryAccess = Callable[[], "Library"]

LOAD_BATCH = 64
LOAD_BATCH_SECONDS = 0.05
SEARCH_LIMIT = 500  # matches listed, best first: many screens of scrolling; the count says how many in all


class Loader:
    """Reads paths into the library, posting the articles in batches as they are read (a batch every
    LOAD_BATCH articles or LOAD_BATCH_SECONDS, so the list fills while a big folder is read)."""

    def __init__(self, library: LibraryAccess, post: Post) -> None:
        self._library = library
        self._post = post

    def run(self, paths: list[str]) -> None:
        """Blocks until every path is read; run it in a thread. Always ends with LoadingFinished.

        The articles the paths gave last time are listed from the cache first (those the screen did
        not list before its first paint: `Library.list_cached`), then checked against their files:
        what changed or went since is posted as ArticlesReplaced."""
        batch: list[Article] = []
        replaced: list[tuple[str, Article | None]] = []
        last = time.monotonic()

        def flush() -> None:
            nonlocal batch, replaced, last
            if replaced:
                self._post(messages.ArticlesReplaced(replaced))
                replaced = []
            if batch:
                self._post(messages.ArticlesRead(batch))
                batch = []
            last = time.monotonic()

        def on_article(article: Article) -> None:
            batch.append(article)
            if len(batch) >= LOAD_BATCH or time.monotonic() - last > LOAD_BATCH_SECONDS:
                flush()

        def on_replaced(old_id: str, new: Article | None) -> None:
            replaced.append((old_id, new))
            if len(replaced) >= LOAD_BATCH or time.monotonic() - last > LOAD_BATCH_SECONDS:
                flush()

        def on_problem(problem: LoadProblem) -> None:
            self._post(messages.ProblemFound(problem))

        error = None
        try:
            library = self._library()
            cached = self._cached(library, paths)
            if cached:  # all at hand: one message, one relist, however many there are
                self._post(messages.ArticlesRead(cached))
            library.open(
                paths,
                on_article=on_article,
                on_problem=on_problem,
                on_replaced=on_replaced,
                keep_listing=True,
            )
        except Exception as exc:  # a bug in a reader must not take the screen down
            error = f"{type(exc).__name__}: {exc}"
        flush()
        self._post(messages.LoadingFinished(error))

    @staticmethod
    def _cached(library: Library, paths: list[str]) -> list[Article]:
        """What the paths gave last time and the first paint left out, from the cache; nothing when
        the cache cannot say (it is a head start: the files are read next in any case)."""
        try:
            return library.list_cached(paths)
        except Exception:
            return []


class Watcher:
    """`--watch`: reads the files that appear or change under the opened paths until `stop` is set."""

    def __init__(self, library: LibraryAccess, post: Post) -> None:
        self._library = library
        self._post = post

    def run(self, paths: list[str], stop: threading.Event) -> None:
        """Blocks until `stop` is set (the reader closes or opens other paths); run it in a thread."""
        from tui.core.sources import watch_paths

        try:
            for changed in watch_paths(paths, stop):
                added: list[Article] = []
                replaced: list[tuple[str, Article | None]] = []
                self._library().open(
                    changed,
                    on_article=added.append,
                    on_problem=lambda problem: self._post(messages.ProblemFound(problem)),
                    on_replaced=lambda old_id, new, found=replaced: found.append((old_id, new)),
                )
                if stop.is_set():
                    break
                if replaced:
                    self._post(messages.ArticlesReplaced(replaced))
                if added:
                    self._post(messages.ArticlesRead(added, watched=True))
        except Exception as exc:  # the reader goes on with what it has; it only stops following changes
            self._post(messages.WatchStopped(f"{type(exc).__name__}: {exc}"))


class Analyser:
    """Analyses the library's pending articles in a daemon thread, one run at a time.

    A daemon thread, not a Textual worker: a worker still waiting on the analysis pool would hold up
    the exit, and quitting must be instant. Articles that arrive during a run (--watch) get one more
    run when it ends (`finished`). `use_processes` is asked before each run whether the analysis may
    use worker processes (the app prepares them); without it, or when it says no, it runs here.
    """

    def __init__(
        self, library: LibraryAccess, post: Post, use_processes: Callable[[], bool] | None = None
    ) -> None:
        self._library = library
        self._post = post
        self._use_processes = use_processes
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._again = False

    def start(self) -> int:
        """Start analysing what is pending: the number of articles a new run takes on, else 0 (nothing
        pending, or a run is going and will be followed by another)."""
        pending = self._library().pending()
        if not pending:
            return 0
        background = self._use_processes() if self._use_processes is not None else False
        if self._thread is not None and self._thread.is_alive():
            self._again = True
            return 0
        self._thread = threading.Thread(
            target=self._run, args=(background,), name="newsreader-analysis", daemon=True
        )
        self._thread.start()
        return len(pending)

    def finished(self, error: str | None) -> int:
        """The screen received AnalysisFinished: start the run asked for meanwhile, if any (as `start`)."""
        if not self._again or error:
            return 0
        self._again = False
        if self._thread is not None:
            self._thread.join(timeout=1)  # its last act was to post AnalysisFinished
        return self.start()

    def cancel(self) -> None:
        self._cancel.set()

    def _run(self, background: bool) -> None:
        library = self._library()
        error = library.model_problem
        if error is None:
            try:
                library.analyze_pending(
                    on_analysis=lambda a: self._post(messages.AnalysesReady([a])),
                    on_progress=lambda done, total: self._post(messages.AnalysisProgress(done, total)),
                    on_error=lambda article, reason: self._post(
                        messages.ProblemFound(LoadProblem(article.path, f"not analysed: {reason}"))
                    ),
                    background=background,
                    cancel=self._cancel,
                )
            except Exception as exc:  # the reader keeps showing the articles without highlights
                error = str(exc) or type(exc).__name__
        self._post(messages.AnalysisFinished(error))


def search(library: Library, query: str, post: Post, cancelled: Callable[[], bool]) -> None:
    """Post the best SEARCH_LIMIT matches of `query` (not every match: at 100,000 articles listing all
    takes ~0.15 s), or why the query cannot be read; nothing when `cancelled` says so by the end."""
    if not query:
        post(messages.SearchResults(query, None))
        return
    from tui.core.query import QueryError  # here, not at start-up: the first paint waits for none of it

    try:
        results = library.find(query, limit=SEARCH_LIMIT, snippets=False)
    except QueryError as exc:  # a query the engine rejects: say why, keep the list
        post(messages.SearchResults(query, None, error=str(exc)))
        return
    if not cancelled():
        post(messages.SearchResults(query, [hit.article_id for hit in results.hits], total=results.total))
