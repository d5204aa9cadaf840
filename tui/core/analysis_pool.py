"""Analysis in worker processes, so spaCy never holds the interpreter lock the screen needs.

Measured on this machine (docs/performance.md, bench/ui_stall.py): spaCy in a thread of the UI
process made a 60 Hz timer run 46-64 ms late; in a worker process, a few milliseconds. So the
reader analyses in a small pool of spawned processes: each loads the model once, takes batches of
8 articles (the first result comes back in about a second, memory stays low) and sends back plain
dicts (Analysis.to_dict), which equal what one process would produce.

This module must stay free of Textual imports: spawned workers import it.
"""

from __future__ import annotations

import concurrent.futures
import concurrent.futures.process
import contextlib
import itertools
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from tui.core.model import Analysis, Article
from tui.core.worker_lifeline import end_with_parent

BATCH_SIZE = 8
WORKER_NICENESS = 10  # workers yield the cores to the screen: timer lateness 12-32 ms -> 6-11 ms


class AnalyzerLike(Protocol):
    identity: str

    def analyze_many(self, articles: Sequence[Article], processes: int = 1, batch_size: int = 8) -> Any: ...


class AnalysisFailed(Exception):
    """The worker processes could not finish (one crashed or was killed); the message says so."""


AnalyzerFactory = Callable[[str | None], AnalyzerLike]


SWITCH_INTERVAL_S = 0.001


def prepare_for_app() -> None:
    """Call before `App.run()`: start multiprocessing's resource tracker while stderr is still real,
    and let the screen's thread take the interpreter lock back sooner from background threads.

    Textual replaces sys.stderr; a spawn-context pool started inside a running app then fails with
    "bad value(s) in fds_to_keep" unless the tracker is already running. The results of the workers
    are turned back into objects, cached and indexed in a thread of the app: with the default 5 ms
    switch interval that thread delays key presses more (measured: key-press p99 16 ms -> 2 ms at 1 ms).
    """
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))


def default_processes() -> int:
    """One worker: measured 1.0x from a second worker when the UI shares the two cores (1.7x when not)."""
    return 1


class AnalysisPool:
    """A pool of worker processes that analyse articles; start it once, use it for every batch.

    `run` blocks its caller (call it from a worker thread), reports each Analysis and the progress as
    results arrive, and stops early when `cancel` is set. `close` ends the workers.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        processes: int = 1,
        batch_size: int = BATCH_SIZE,
        analyzer_factory: AnalyzerFactory | None = None,
        niceness: int = WORKER_NICENESS,
    ) -> None:
        self.model = model
        self.processes = max(1, processes)
        self.batch_size = max(1, batch_size)
        self._factory = analyzer_factory
        self._niceness = niceness
        self._pool: Any = None
        self._lock = threading.Lock()

    def _ensure_started(self) -> Any:
        with self._lock:
            if self._pool is None:
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    self.processes,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_worker_start,
                    initargs=(self._factory, self.model, self._niceness),
                )
            return self._pool

    def run(
        self,
        articles: Sequence[Article],
        *,
        on_analysis: Callable[[Analysis], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_error: Callable[[Article, str], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> int:
        """Analyse `articles`; returns how many were analysed (fewer if cancelled or some failed)."""
        if not articles:
            return 0
        pool = self._ensure_started()
        by_id = {a.id: a for a in articles}
        batches = [
            [a.to_dict() for a in articles[i : i + self.batch_size]]
            for i in range(0, len(articles), self.batch_size)
        ]
        total = len(articles)
        done = analysed = 0
        # At most two batches per worker in flight: cancelling then wastes little work.
        waiting = iter(batches)
        running: set[concurrent.futures.Future[list[tuple[Any, ...]]]] = set()
        for batch in itertools.islice(waiting, self.processes * 2):
            running.add(pool.submit(_worker_analyze, batch))
        while running:
            finished, running = concurrent.futures.wait(
                running, return_when=concurrent.futures.FIRST_COMPLETED
            )
            if cancel is not None and cancel.is_set():
                self.close()
                break
            for future in finished:
                try:
                    results = future.result()
                except concurrent.futures.process.BrokenProcessPool as error:
                    self.close()
                    raise AnalysisFailed(f"an analysis worker stopped unexpectedly ({error})") from error
                for outcome in results:
                    done += 1
                    if outcome[0] == "ok":
                        analysed += 1
                        if on_analysis:
                            on_analysis(Analysis.from_dict(outcome[1]))
                    elif on_error:
                        on_error(by_id[outcome[1]], outcome[2])
                if on_progress:
                    on_progress(done, total)
                batch = next(waiting, None)
                if batch is not None:
                    running.add(pool.submit(_worker_analyze, batch))
        return analysed

    def close(self) -> None:
        """End the workers now (they may be mid-article: nothing of theirs is kept)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        processes = list(getattr(pool, "_processes", {}).values())  # no public way to stop them mid-task
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- in the worker process -------------------------------------------------------------------------

_analyzer: AnalyzerLike | None = None
_start_error: str | None = None


def _worker_start(factory: AnalyzerFactory | None, model: str | None, niceness: int) -> None:
    """Load the model once per worker. A failure is kept and reported per article, never raised:
    a raising initializer makes multiprocessing restart the worker forever."""
    global _analyzer, _start_error
    end_with_parent()
    if niceness:
        with contextlib.suppress(OSError):
            os.nice(niceness)
    try:
        if factory is None:
            from tui.core.nlp import Analyzer

            _analyzer = Analyzer(model)
            load = getattr(_analyzer, "load", None)
            if load is not None:
                load()
        else:
            _analyzer = factory(model)
    except Exception as error:
        _start_error = f"the analysis could not start: {error}"


def _worker_analyze(batch: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """("ok", analysis dict) or ("error", article id, reason) for each article of the batch."""
    articles = [Article.from_dict(a) for a in batch]
    if _analyzer is None:
        return [("error", a.id, _start_error or "the analysis did not start") for a in articles]
    try:
        analyses = list(_analyzer.analyze_many(articles, processes=1, batch_size=len(articles)))
        return [("ok", a.to_dict()) for a in analyses]
    except Exception:
        pass
    outcomes: list[tuple[Any, ...]] = []
    for article in articles:  # one bad article must not cost the others theirs
        try:
            (analysis,) = list(_analyzer.analyze_many([article], processes=1, batch_size=1))
            outcomes.append(("ok", analysis.to_dict()))
        except Exception as error:
            outcomes.append(("error", article.id, f"analysis failed: {error}"))
    return outcomes
