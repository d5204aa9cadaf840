"""The longest UI stall while articles are analysed in the background (goal: < 100 ms at 1,000 articles).

    python bench/ui_stall.py                         # 60 articles, worker process (quick, ~15 s)
    python bench/ui_stall.py --count 1000            # the issue's figure (several minutes)
    python bench/ui_stall.py --mode thread           # spaCy in a thread of the UI process, to compare

A tiny Textual app (headless) runs a 60 Hz timer and records how late each tick fires, while a
thread calls `Library.analyze_pending(...)`, exactly as the reader does: `--mode process` with
`background=True` (the analysis in a worker process, results back as dicts), `--mode thread` in the
calling thread. Real spaCy on generated articles (bench/make_corpus.py), no cache (`--no-cache`).

`--explain` also records, in the app process, every garbage collection and every call of the steps
that run there (pool start, turning results into objects, writing them to the cache, indexing) and
prints, for the longest stalls, which of them overlapped it.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TICK = 1 / 60


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--mode", choices=("process", "thread"), default="process")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--explain", action="store_true", help="say what ran during the longest stalls")
    args = parser.parse_args()

    from make_corpus import generate
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from tui.core.analysis_pool import prepare_for_app
    from tui.core.library import Library

    library = Library(no_cache=True)
    for article, _ in generate(args.count):
        library.add(article)
    steps: list[tuple[str, float, float]] = []
    if args.explain:
        record_steps(steps)
    late_ticks: list[tuple[float, float]] = []  # (when it should have fired, when it did)
    lateness: list[float] = []
    progress = {"done": 0, "started": 0.0, "finished": 0.0}

    class StallProbe(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("analysing…", id="status")

        def on_mount(self) -> None:
            self._expected = time.perf_counter() + TICK
            self.set_interval(TICK, self._tick)
            threading.Thread(target=self._analyse, daemon=True).start()

        def _tick(self) -> None:
            now = time.perf_counter()
            if progress["started"] and not progress["finished"]:
                lateness.append((now - self._expected) * 1000)
                late_ticks.append((self._expected, now))
            self._expected = now + TICK

        def _analyse(self) -> None:
            progress["started"] = time.perf_counter()
            library.analyze_pending(
                background=args.mode == "process",
                processes=args.processes,
                on_progress=lambda done, total: progress.__setitem__("done", done),
            )
            progress["finished"] = time.perf_counter()
            library.close()
            self.call_from_thread(self.exit)

    prepare_for_app()
    StallProbe().run(headless=True)
    seconds = progress["finished"] - progress["started"]
    ordered = sorted(lateness)
    p99 = ordered[int(0.99 * (len(ordered) - 1))] if ordered else 0.0
    rate = progress["done"] / max(seconds, 1e-9)
    print(
        f"{args.mode}: {progress['done']} articles in {seconds:.1f} s ({rate:.1f}/s); "
        f"60 Hz timer late by at most {max(lateness):.1f} ms, "
        f"p99 {p99:.1f} ms, median {statistics.median(lateness):.1f} ms over {len(lateness)} ticks"
    )
    if args.explain:
        explain(late_ticks, steps)


def record_steps(steps: list[tuple[str, float, float]]) -> None:
    """Time garbage collections and the app-side steps of the analysis, as (name, start, end)."""
    from tui.core import analysis_pool, library, model

    started: dict[str, float] = {}

    def on_gc(phase: str, info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            started["gc"] = time.perf_counter()
        else:
            steps.append(
                (f"gc gen{info['generation']}", started.pop("gc", time.perf_counter()), time.perf_counter())
            )

    gc.callbacks.append(on_gc)

    def timed(owner, name: str, label: str) -> None:  # type: ignore[no-untyped-def]
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            began = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                steps.append((label, began, time.perf_counter()))

        setattr(owner, name, wrapper)

    timed(analysis_pool.AnalysisPool, "_ensure_started", "pool start")
    timed(model.Analysis, "from_dict", "result to objects")
    timed(library.Library, "_keep", "cache write")
    timed(library.Library, "sync_index", "index sync")


def explain(late_ticks: list[tuple[float, float]], steps: list[tuple[str, float, float]]) -> None:
    worst = sorted(late_ticks, key=lambda t: t[0] - t[1])[:10]
    for due, fired in worst:
        overlaps: dict[str, float] = {}
        for name, begin, end in steps:
            shared = min(end, fired) - max(begin, due)
            if shared > 0:
                overlaps[name] = overlaps.get(name, 0.0) + shared * 1000
        what = ", ".join(f"{n} {ms:.0f} ms" for n, ms in sorted(overlaps.items(), key=lambda i: -i[1]))
        print(f"  late {1000 * (fired - due):5.0f} ms: {what or 'none of the recorded steps'}")
    longest: dict[str, float] = {}
    for name, begin, end in steps:
        longest[name] = max(longest.get(name, 0.0), (end - begin) * 1000)
    print(
        f"  objects the collector tracks at the end: {len(gc.get_objects()):,}"
        f" (+{gc.get_freeze_count():,} frozen)"
    )
    print("  longest single call: " + ", ".join(f"{n} {ms:.1f} ms" for n, ms in sorted(longest.items())))


if __name__ == "__main__":
    main()
