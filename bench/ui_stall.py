"""The longest UI stall while articles are analysed in the background (goal: < 100 ms at 1,000 articles).

    python bench/ui_stall.py                         # 60 articles, worker process (quick, ~15 s)
    python bench/ui_stall.py --count 1000            # the issue's figure (several minutes)
    python bench/ui_stall.py --mode thread           # spaCy in a thread of the UI process, to compare

A tiny Textual app (headless) runs a 60 Hz timer and records how late each tick fires, while a
thread calls `Library.analyze_pending(...)`, exactly as the reader does: `--mode process` with
`background=True` (the analysis in a worker process, results back as dicts), `--mode thread` in the
calling thread. Real spaCy on generated articles (bench/make_corpus.py), no cache (`--no-cache`).
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args()

    from make_corpus import generate
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from tui.core.analysis_pool import prepare_for_app
    from tui.core.library import Library

    library = Library(no_cache=True)
    for article, _ in generate(args.count):
        library.add(article)
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


if __name__ == "__main__":
    main()
