"""A search keystroke to the repainted article list, through the reader itself (goal: < 100 ms at 100,000).

    python bench/search_keystroke.py                                   # 2,000 articles (quick)
    python bench/search_keystroke.py --count 100000 --dir /tmp/nr-100k # the issue's figure
    python bench/search_keystroke.py --count 100000 --dir /tmp/nr-100k # again: reuses the cache

A Library is built over bench/make_corpus.py's articles with their synthetic analyses (as
bench/search_latency.py does; `--dir` keeps the cache and index so the next run only reads them).
The real NewsReaderApp is started headless on it (`run_test`). For each query the search bar is
first given all but its last character and left to settle; then the last character is pressed and
the time taken until (1) the article list holds the query's results (its `shown_ids` are matches
of the query and no longer the previous list) and (2) the screen has been repainted after that.

The reader searches at once for the first key after a pause, and keys typed while a search runs
coalesce into one search for the latest text (a throttle; until commit 2ec076c it slept a 150 ms
debounce first, which was part of what the user saw). Works whether the reader lists every match
(`library.search`) or a page of them (`library.find`).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import generate  # noqa: E402
from search_latency import mixed_queries, percentile  # noqa: E402

from tui.core.library import Library  # noqa: E402

SETTLE_TIMEOUT_S = 5.0


def build_library(count: int, folder: Path) -> Library:
    """The corpus in a cache under `folder`: written once, only read when it is already there."""
    started = time.perf_counter()
    library = Library(db=str(folder / "bench.db"))
    corpus = []
    for article, analysis in generate(count):
        library.add(article)
        corpus.append(analysis)
    library._flush_articles()
    pending = {a.id for a in library.pending()}
    todo = [a for a in corpus if a.article_id in pending]
    for i in range(0, len(todo), 2000):
        library.set_analyses(todo[i : i + 2000])
    library.sync_index()
    print(
        f"{len(library.articles):,} articles ready in {time.perf_counter() - started:.1f} s "
        f"({len(todo):,} analyses written, the rest from the cache)"
    )
    return library


async def measure(library: Library, queries: list[str]) -> list[tuple[str, float, float, int, float]]:
    # Every match of every query, found before the reader starts: listing 80,000 matches makes as
    # many objects, and the garbage collections they cause must not be counted as the reader's.
    matching = {query: {a.id for a in library.search(query)} for query in queries}
    gc.collect()
    from tui.app.app import NewsReaderApp
    from tui.app.options import ReaderOptions

    app = NewsReaderApp(ReaderOptions(analyze=False, remember=False), library=library)
    watch = Watch()
    original_display = app._display

    def display(screen, renderable):  # type: ignore[no-untyped-def]
        shown = original_display(screen, renderable)
        watch.painted(app.reader.article_list.shown_ids)
        return shown

    app._display = display  # type: ignore[method-assign]
    results: list[tuple[str, float, float, int, float]] = []
    async with app.run_test(size=(140, 45)) as pilot:
        started = time.perf_counter()
        while len(app.reader.article_list.shown_ids) < len(library.articles):
            await asyncio.sleep(0.05)
            if time.perf_counter() - started > 120:
                raise SystemExit("the reader did not list the articles within 120 s")
        print(f"the reader listed {len(app.reader.article_list.shown_ids):,} articles")
        article_list = app.reader.article_list
        set_articles = article_list.set_articles

        def listing(articles):  # type: ignore[no-untyped-def]
            set_articles(articles)
            watch.listed(article_list.shown_ids)

        article_list.set_articles = listing  # type: ignore[method-assign]
        await pilot.press("slash")
        for query in queries:
            expected = matching[query]
            await settle(app, pilot, query[:-1])
            watch.start(list(app.reader.article_list.shown_ids), expected)
            await pilot.press(query[-1])  # returns only once the reader is idle: times are taken inside
            deadline = time.perf_counter() + SETTLE_TIMEOUT_S
            while watch.painted_at is None and time.perf_counter() < deadline:
                await asyncio.sleep(0.001)
            if watch.painted_at is None or watch.listed_at is None:
                print(
                    f"  {query!r}: the list did not change within {SETTLE_TIMEOUT_S:.0f} s; skipped"
                    f" (bar: {app.reader.search_input.value!r}, focus: {app.focused!r})"
                )
                continue
            results.append(
                (
                    query,
                    (watch.listed_at - watch.pressed) * 1000,
                    (watch.painted_at - watch.pressed) * 1000,
                    len(expected),
                    COLLECTOR.within(watch.pressed, watch.painted_at),
                )
            )
    return results


class CollectorPauses:
    """Python's garbage collections (generation 1 and 2) and how long each held the interpreter."""

    def __init__(self) -> None:
        self.pauses: list[tuple[float, float, int]] = []  # start, end, generation
        self._began = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            self._began = time.perf_counter()
        elif info["generation"] >= 1:
            self.pauses.append((self._began, time.perf_counter(), info["generation"]))

    def within(self, start: float, end: float) -> float:
        """Milliseconds of collection between `start` and `end`."""
        return sum(min(e, end) - max(b, start) for b, e, _ in self.pauses if e > start and b < end) * 1000


COLLECTOR = CollectorPauses()


class Watch:
    """When, after a key press, the list first held the query's matches, and the first paint after.

    Taken inside the reader (when its list is set, when a frame is written), not by polling from the
    test: Pilot.press returns only once the reader is idle, which is after both.
    """

    def __init__(self) -> None:
        self.before: list[str] | None = None
        self.expected: set[str] = set()
        self.pressed = 0.0
        self.listed_at: float | None = None
        self.painted_at: float | None = None

    def start(self, before: list[str], expected: set[str]) -> None:
        self.before, self.expected = before, expected
        self.listed_at = self.painted_at = None
        self.pressed = time.perf_counter()

    def _holds_results(self, shown: list[str]) -> bool:
        """The list shows matches of the new query (a page of them counts), not the previous list."""
        if self.before is None:
            return False
        if not self.expected:
            return not shown
        return shown != self.before and bool(shown) and set(shown) <= self.expected

    def listed(self, shown: list[str]) -> None:
        if self.listed_at is None and self._holds_results(shown):
            self.listed_at = time.perf_counter()

    def painted(self, shown: list[str]) -> None:
        if self.listed_at is None:
            self.listed(shown)  # a reader that fills its list some other way: seen at the paint
        elif self.painted_at is None and self._holds_results(shown):
            self.painted_at = time.perf_counter()


async def settle(app, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Put `text` in the search bar and wait until the reader has finished with it."""
    app.reader.search_input.value = text
    app.reader.search_input.cursor_position = len(text)
    await pilot.pause()
    deadline = time.perf_counter() + SETTLE_TIMEOUT_S
    while time.perf_counter() < deadline:
        busy = [w for w in app.workers if w.group == "search" and w.is_running]
        if not busy and app.reader.query_text == text.strip():
            break
        await asyncio.sleep(0.01)
    await pilot.pause(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--verbose", action="store_true", help="print each query's times")
    parser.add_argument("--dir", help="where the cache and index are kept (default: a temporary folder)")
    args = parser.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="newsreader-keys-"))
    folder.mkdir(parents=True, exist_ok=True)
    library = build_library(args.count, folder)

    rng = random.Random(11)
    sample = [a.text for a in rng.sample(library.articles, min(200, len(library.articles)))]
    queries = [q for q in mixed_queries(sample, rng, 100) if len(q.strip()) > 2]
    queries = random.Random(5).sample(queries, min(args.queries, len(queries)))

    results = asyncio.run(measure(library, queries))
    # the library's share: what the reader asks for, timed alone (no list, no screen)
    page = getattr(__import__("tui.app.app", fromlist=["SEARCH_LIMIT"]), "SEARCH_LIMIT", 500)
    alone = []
    for query in queries:
        began = time.perf_counter()
        library.find(query, limit=page, snippets=False)
        alone.append((time.perf_counter() - began) * 1000)
    library.close()
    if args.verbose:
        for query, to_list, to_paint, matches, collecting in results:
            print(
                f"  {query!r:40s} {matches:7,} matches  listed {to_list:5.0f} ms  painted {to_paint:5.0f} ms"
                f"  (garbage collection {collecting:.0f} ms)"
            )
    listed = [r[1] for r in results]
    painted = [r[2] for r in results]
    slowest = max(results, key=lambda r: r[2])
    print(f"{len(results)} queries over {args.count:,} articles")
    for name, values in (("key -> list holds the results", listed), ("key -> list repainted", painted)):
        print(
            f"{name:32s} p50 {percentile(values, 0.5):6.0f} ms   p95 {percentile(values, 0.95):6.0f} ms"
            f"   max {max(values):6.0f} ms"
        )
    print(
        f"{'library.find(limit=' + str(page) + ', snippets=False)':32s} p50 {percentile(alone, 0.5):6.0f} ms"
        f"   p95 {percentile(alone, 0.95):6.0f} ms   max {max(alone):6.0f} ms   (alone, for comparison)"
    )
    print(f"slowest: {slowest[0]!r} ({slowest[3]:,} matches) {slowest[2]:.0f} ms")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
