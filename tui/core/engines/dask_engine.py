"""`--engine dask`: the units of a run on a Dask cluster, results back in input order, each article once.

Without a scheduler address a LocalCluster of worker processes is started (one thread each: spaCy
holds the interpreter lock while it parses); with one, the user's cluster is used as it is. Dask
does the hard parts: a worker that dies mid-run has its tasks run again on another worker (a local
worker is restarted by its nanny), and a task that keeps killing workers ends in KilledWorker
after a few tries, whose articles are then reported as not analysed instead of stopping the run.

Only so many units are in flight at once (a few per worker thread), and results that arrive before
an earlier unit's are held until it comes: output is written in input order with bounded memory,
and every unit's result is taken exactly once, so no article is lost or written twice even when
Dask ran a task twice. Dask is imported when an engine starts, never on import.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from tui.core.engines.malloc_tuning import TRIM_VARIABLE
from tui.core.engines.planning import unit_size
from tui.core.engines.tasks import Unit, analyse_unit
from tui.core.model import Analysis, Article, LoadProblem

UNITS_PER_THREAD = 3  # units queued per worker thread: none idles, little is held on a failure
CONNECT_TIMEOUT_S = 30

# Dask's nanny would start each worker with MALLOC_TRIM_THRESHOLD_=65536, which costs spaCy a
# quarter more CPU (malloc_tuning.py): our local cluster's workers keep glibc's defaults, as
# `--engine local` has them.
LOCAL_WORKER_CONFIG = {f"distributed.nanny.pre-spawn-environ.{TRIM_VARIABLE}": None}


class EngineError(Exception):
    """The run cannot go on (no cluster, workers that run another pipeline); the message says why."""


class DaskEngine:
    """A Dask client (and its LocalCluster when no scheduler is given), used as a context manager."""

    def __init__(
        self,
        model: str | None,
        pipeline: str,
        *,
        scheduler: str | None = None,
        workers: int = 0,
    ) -> None:
        self.model = model
        self.pipeline = pipeline
        self.scheduler = scheduler
        self.workers = workers if workers > 0 else (os.cpu_count() or 1)
        self._cluster: Any = None
        self._client: Any = None

    def __enter__(self) -> DaskEngine:
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:
            raise EngineError(
                f"--engine dask needs Dask ({error.name or error}): pip install 'newsreader[cluster]'"
            ) from None
        logging.getLogger("distributed").setLevel(logging.ERROR)  # its warnings are not the user's messages
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT_S)
            else:
                import dask

                with dask.config.set(LOCAL_WORKER_CONFIG):  # read by the nannies as they start
                    self._cluster = LocalCluster(
                        n_workers=self.workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=":0",  # any free port: two runs on one machine never clash
                        silence_logs=logging.ERROR,
                    )
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as error:
            self.close()
            where = f"the scheduler at {self.scheduler}" if self.scheduler else "a local cluster"
            raise EngineError(f"cannot start or reach {where}: {error}") from None
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        client, cluster, self._client, self._cluster = self._client, self._cluster, None, None
        for part in (client, cluster):
            if part is not None:
                with contextlib.suppress(Exception):  # a cluster that lost a worker may complain
                    part.close()

    @property
    def dashboard(self) -> str | None:
        """Where the scheduler's dashboard is (its pages need bokeh on the scheduler)."""
        return getattr(self._client, "dashboard_link", None)

    @property
    def client(self) -> Any:
        """The distributed.Client, while the engine is open."""
        return self._client

    def warm_up(self) -> dict[str, str]:
        """Load the model in every worker now; each worker's pipeline identity, by address."""
        from tui.core.engines.tasks import load_model

        return dict(self._client.run(load_model, self.model))

    def worker_pids(self) -> dict[str, int]:
        """Each worker's process id (by address): for tests and for the curious."""
        return dict(self._client.run(os.getpid))

    def _threads(self) -> int:
        workers = self._client.scheduler_info().get("workers", {})
        return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))

    def run(
        self,
        units: Sequence[Unit],
        *,
        on_problem: Callable[[LoadProblem], None],
        on_lost: Callable[[str, str], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Iterator[tuple[Article, Analysis]]:
        """Each analysed article with its analysis, in the order of `units`; the same text once.

        A file a worker could not read goes to `on_problem`; an article that was not analysed
        (its analysis failed, or its unit killed worker after worker) to `on_lost(path, reason)`.
        """
        from distributed import as_completed

        total = sum(unit_size(u) for u in units)
        running = as_completed()
        arrived: dict[int, dict[str, Any]] = {}
        seen: set[str] = set()
        run_id = uuid.uuid4().hex[:8]  # task keys of one run: a second run never reuses the first's
        window = self._threads() * UNITS_PER_THREAD
        submitted = next_number = in_flight = done = 0

        def top_up() -> None:
            """Keep `window` units running, but never run far ahead of the oldest one not yet back:
            results held for the output's order stay bounded even behind one very long article."""
            nonlocal submitted, in_flight
            while submitted < len(units) and in_flight < window and submitted - next_number < window * 4:
                unit = units[submitted]
                key = f"newsreader-analyse-{run_id}-{submitted}"
                running.add(self._client.submit(analyse_unit, self.model, unit, key=key, retries=0))
                submitted += 1
                in_flight += 1

        top_up()
        for future in running:
            number = int(future.key.rsplit("-", 1)[1])
            arrived[number] = self._outcome(future, units[number])
            future.release()
            in_flight -= 1
            while next_number in arrived:
                yield from self._settle(arrived.pop(next_number), seen, on_problem, on_lost)
                done += unit_size(units[next_number])
                next_number += 1
                if on_progress:
                    on_progress(done, total)
            top_up()

    def _outcome(self, future: Any, unit: Unit) -> dict[str, Any]:
        """The unit's result; a unit that killed its workers every time is reported, not fatal."""
        try:
            return future.result()
        except Exception as error:  # distributed.KilledWorker, or a task that could not even be run
            reason = f"not analysed: the workers running it stopped ({type(error).__name__})"
            names = [a["path"] for a in unit.articles] + [shown for _, shown in unit.files]
            return {"pipeline": self.pipeline, "items": [("failed", n, reason) for n in names]}

    def _settle(
        self,
        result: dict[str, Any],
        seen: set[str],
        on_problem: Callable[[LoadProblem], None],
        on_lost: Callable[[str, str], None],
    ) -> Iterator[tuple[Article, Analysis]]:
        if result.get("start_error"):
            raise EngineError(f"the analysis could not start on a worker: {result['start_error']}")
        if result["pipeline"] != self.pipeline:
            raise EngineError(
                f"a worker runs the pipeline {result['pipeline']}, this newsreader {self.pipeline}: "
                "install the same newsreader and spaCy model on every worker"
            )
        for item in result["items"]:
            if item[0] == "problem":
                on_problem(LoadProblem(item[1], item[2], kept=item[3]))
            elif item[0] == "failed":
                on_lost(item[1], item[2])
            else:
                article = Article.from_dict(item[1])
                if article.id not in seen:
                    seen.add(article.id)
                    yield article, Analysis.from_dict(item[2])
