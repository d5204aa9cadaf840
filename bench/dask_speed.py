"""`--engine dask` against `--engine local`: throughput on 2 cores, and what the engine costs an article.

    .venv/bin/python bench/dask_speed.py [--repeat N] [--limit N] [PATH ...]

Articles: the 295 raw Wikinews articles (../shared/fixtures/wikinews-2019-2020-raw.jsonl) by
default, or the paths given. In one run, on the same articles:

  local, 1 process   Analyzer.analyze_many in this process, what `--engine local --processes 1` runs
  dask, 2 workers    a LocalCluster of 2 worker processes, the units `analyze --engine dask` sends
  dask, 1 worker     the same with 1 worker: its time less local's, per article, is the engine's
                     overhead (planning, pickling, scheduling, results back, reordering)

Steady state: the model is loaded, both clusters started, and every process has analysed the
articles once before the clock starts (a process's first sight of a word costs more CPU); start-up
is printed apart. The passes are interleaved (local, dask 2, dask 1, local, ...) so a change in the
machine's load hits each engine alike, and the best of --repeat counts. CPU seconds (this process,
which holds the schedulers, plus every worker) are printed too: on a shared machine the CPU cost
of the engine is steadier than its wall time. Goal: dask with 2 workers >= 1.7x local with 1
process on 2 cores. Results of every engine are checked identical.
"""

from __future__ import annotations

import argparse
import contextlib
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


def cpu_seconds() -> float:
    """CPU time this process has used, every thread (run in each worker too)."""
    import psutil

    times = psutil.Process().cpu_times()
    return times.user + times.system


def resident_mb() -> int:
    """This process's resident memory now, in MB (run in each worker)."""
    import psutil

    return round(psutil.Process().memory_info().rss / 1e6)


def warm(model: str | None, batch: list[dict]) -> int:  # type: ignore[type-arg]
    """Analyse `batch` once in this worker, untimed: a process's first sight of a word costs more."""
    from tui.core.engines.tasks import worker_analyzer

    analyzer, _ = worker_analyzer(model)
    return len(list(analyzer.analyze_many([Article.from_dict(a) for a in batch])))


def measured(run, engine: DaskEngine | None = None) -> tuple[float, float, list]:  # type: ignore[no-untyped-def,type-arg]
    """Wall seconds, CPU seconds (this process, plus every worker of `engine`) and the results."""
    workers_before = sum(engine.client.run(cpu_seconds).values()) if engine else 0.0
    cpu_before, started = cpu_seconds(), time.perf_counter()
    result = run()
    wall, cpu = time.perf_counter() - started, cpu_seconds() - cpu_before
    if engine:
        cpu += sum(engine.client.run(cpu_seconds).values()) - workers_before
    return wall, cpu, result


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
    pipeline = client_pipeline(None)
    with contextlib.ExitStack() as stack:
        engines = {}
        for workers in (2, 1):
            started = time.perf_counter()
            engines[workers] = stack.enter_context(DaskEngine(None, pipeline, workers=workers))
            engines[workers].warm_up()
            up = time.perf_counter() - started
            print(f"dask {workers} worker(s): cluster up, models loaded in {up:.1f} s")

        def on_dask(engine: DaskEngine) -> list:  # type: ignore[type-arg]
            return [b.to_dict() for _, b in engine.run(units, on_problem=print, on_lost=print)]

        # Every process analyses every article once before the clock starts (all at once: the local
        # pass here while the workers run theirs): spaCy's first sight of a word in a process costs
        # ~20% more CPU (measured: 5.1 s, then 4.2 s, for the same 48 articles), which is start-up,
        # not the engine. In a long run each worker's vocabulary is warm after its first few hundred.
        started = time.perf_counter()
        dicts = [a.to_dict() for a in articles]
        warming = [
            engine.client.submit(warm, None, dicts, workers=[address], pure=False)
            for engine in engines.values()
            for address in engine.client.scheduler_info()["workers"]
        ]
        list(analyzer.analyze_many(articles))
        for future in warming:
            future.result()
        print(f"every process warmed on the articles in {time.perf_counter() - started:.0f} s (not timed)")

        # What Dask costs while nothing runs (heartbeats, monitors, the profiler's 10 ms samples): a cost
        # per second of wall time, not per article, which a loaded machine's longer wall times inflate.
        idle_s = 5.0
        idle_before = {w: sum(e.client.run(cpu_seconds).values()) for w, e in engines.items()}
        client_before = cpu_seconds()
        time.sleep(idle_s)
        client_idle = (cpu_seconds() - client_before) / idle_s
        worker_idle = {
            w: (sum(e.client.run(cpu_seconds).values()) - idle_before[w]) / idle_s / w
            for w, e in engines.items()
        }
        print(
            f"idle CPU: this process (client, both schedulers) {client_idle * 100:.1f}% of a core; "
            f"each worker {max(worker_idle.values()) * 100:.1f}%"
        )

        runs = {
            "local, 1 process": (lambda: [b.to_dict() for b in analyzer.analyze_many(articles)], None),
            "dask, 2 workers": (lambda: on_dask(engines[2]), engines[2]),
            "dask, 1 worker": (lambda: on_dask(engines[1]), engines[1]),
        }
        best: dict[str, tuple[float, float]] = {}
        results: dict[str, list] = {}  # type: ignore[type-arg]
        for _ in range(args.repeat):  # interleaved: a change in the machine's load hits every engine
            for name, (run, engine) in runs.items():
                wall, cpu, results[name] = measured(run, engine)
                print(f"  {name:18s} {wall:7.1f} s wall, {cpu:7.1f} s CPU")
                old = best.get(name, (float("inf"), float("inf")))
                best[name] = (min(old[0], wall), min(old[1], cpu))
        for workers, engine in engines.items():
            memory = sorted(engine.client.run(resident_mb).values())
            print(f"dask {workers} worker(s): resident memory per worker after the runs {memory} MB")
    local = results["local, 1 process"]
    print(
        f"identical to local: dask 2 workers {results['dask, 2 workers'] == local}, "
        f"1 worker {results['dask, 1 worker'] == local}"
    )
    n = len(articles)
    for name, (wall, cpu) in best.items():
        rates = f"{n / wall:6.1f} articles/s  {words / wall:7.0f} words/s"
        print(f"{name:18s} {wall:7.1f} s  {rates}  CPU {cpu:6.1f} s")
    ratio = best["local, 1 process"][0] / best["dask, 2 workers"][0]
    print(f"ratio dask 2 workers / local 1 process: {ratio:.2f}x   (goal >= 1.7x on 2 cores)")
    wall_overhead = (best["dask, 1 worker"][0] - best["local, 1 process"][0]) / n * 1000
    cpu_overhead = (best["dask, 1 worker"][1] - best["local, 1 process"][1]) / n * 1000
    idle_share = worker_idle[1] * best["dask, 1 worker"][0] / n * 1000
    print(
        f"engine overhead per article (dask 1 worker - local): wall {wall_overhead:+.1f} ms, "
        f"CPU {cpu_overhead:+.1f} ms (client, scheduler and worker together), of which the worker's "
        f"idle cost over the run's wall time {idle_share:.1f} ms"
    )


if __name__ == "__main__":
    main()
