"""`--engine dask` against `--engine local`: throughput on 2 cores, and what the engine costs an article.

    .venv/bin/python bench/dask_speed.py [--repeat N] [--limit N] [PATH ...]

Articles: the 295 raw Wikinews articles (../shared/fixtures/wikinews-2019-2020-raw.jsonl) by
default, or the paths given. In one run, on the same articles:

  local, 1 process   Analyzer.analyze_many in this process, what `--engine local --processes 1` runs
  dask, 2 workers    a LocalCluster of 2 worker processes, the units `analyze --engine dask` sends
  dask, 1 worker     the same with 1 worker: its time less local's, per article, is the engine's
                     overhead (planning, pickling, scheduling, results back, reordering)

Steady state: the model is loaded (and the cluster started) before the clock starts; start-up is
printed apart. The best of --repeat passes counts (the machine may be shared). Goal: dask with 2
workers >= 1.7x local with 1 process on 2 cores. Results of every engine are checked identical.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.cli.analyze_dask import client_pipeline  # noqa: E402
from tui.core.engines.dask_engine import DaskEngine  # noqa: E402
from tui.core.engines.planning import plan_units  # noqa: E402
from tui.core.engines.tasks import Unit  # noqa: E402
from tui.core.model import Article  # noqa: E402
from tui.core.nlp import Analyzer  # noqa: E402


def default_paths() -> list[str]:
    """The 295 raw Wikinews articles (../shared/fixtures), found as bench/make_corpus.py finds them."""
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import FIXTURE

    if not FIXTURE.is_file():
        raise SystemExit(f"no {FIXTURE}: pass article paths")
    return [str(FIXTURE)]


def best_of(repeat: int, run) -> tuple[float, list]:  # type: ignore[no-untyped-def,type-arg]
    best, result = float("inf"), []
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def resident_mb() -> int:
    """This process's resident memory now, in MB (run in each worker)."""
    import psutil

    return round(psutil.Process().memory_info().rss / 1e6)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()

    problems: list[object] = []
    units = plan_units(args.paths or default_paths(), on_problem=problems.append)
    articles = [Article.from_dict(a) for u in units for a in u.articles]
    if args.limit:
        articles = articles[: args.limit]
    units = [
        Unit(n, articles=tuple(a.to_dict() for a in articles[i : i + 8]))
        for n, i in enumerate(range(0, len(articles), 8))
    ]
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words:,} words, {len(units)} units of 8")

    started = time.perf_counter()
    analyzer = Analyzer().load()
    print(f"local: model loaded in {time.perf_counter() - started:.1f} s")
    local_s, local = best_of(args.repeat, lambda: [b.to_dict() for b in analyzer.analyze_many(articles)])
    pipeline = client_pipeline(None)
    timings: dict[int, float] = {}
    for workers in (2, 1):
        started = time.perf_counter()
        with DaskEngine(None, pipeline, workers=workers) as engine:
            engine.warm_up()
            up = time.perf_counter() - started
            print(f"dask {workers} worker(s): cluster up, models loaded in {up:.1f} s")

            def on_dask(engine: DaskEngine = engine) -> list:  # type: ignore[type-arg]
                return [b.to_dict() for _, b in engine.run(units, on_problem=print, on_lost=print)]

            timings[workers], results = best_of(args.repeat, on_dask)
            memory = sorted(engine.client.run(resident_mb).values())
            print(f"dask {workers} worker(s): resident memory per worker after the run {memory} MB")
        same = results == local
        print(f"dask {workers} worker(s): identical to local: {same}")

    n = len(articles)
    for name, seconds in (
        ("local, 1 process", local_s),
        ("dask, 2 workers", timings[2]),
        ("dask, 1 worker", timings[1]),
    ):
        print(f"{name:18s} {seconds:7.1f} s  {n / seconds:6.1f} articles/s  {words / seconds:7.0f} words/s")
    print(f"ratio dask 2 workers / local 1 process: {local_s / timings[2]:.2f}x   (goal >= 1.7x on 2 cores)")
    print(f"engine overhead per article (dask 1 worker - local): {(timings[1] - local_s) / n * 1000:+.1f} ms")


if __name__ == "__main__":
    main()
