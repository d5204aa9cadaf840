"""Reopening a folder whose analyses are all cached: process start to a usable list, and peak memory.

    python bench/reopen.py                     # 1,000 articles (quick)
    python bench/reopen.py --count 10000       # the issue's figure: goal < 1.5 s, < 500 MB
    python bench/reopen.py --count 10000 --app # through the reader itself, headless
    python bench/reopen.py --count 100000 --via-import parquet --queries 100 --runs 1
                                               # a cluster's results imported, then searched

First a folder of .txt files is written (bench/make_corpus.py) and the cache primed with their
synthetic analyses under the real pipeline's key, as a first session would leave it; with
`--via-import`, the analyses are instead written as `newsreader analyze --format parquet|jsonl`
writes them and loaded with `newsreader import` (timed, with its peak memory), as after a run on a
cluster. Then a new Python process is started and timed from before its start until:
  library: `Library.open(folder)` has returned, every article listed, none pending analysis
           (with --queries N, then N mixed queries as bench/search_latency.py makes them, each
           `find(query, limit=20)` as the reader's list asks: p50 and p95);
  app:     NewsReaderApp (headless, 120x40): its first titles on screen, every article in its list,
           every file read, then how long a key takes. The first app run after an import reads the
           files to list them; the next ones list from the cache the first one kept, then check the files.

"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CHILD_LIBRARY = """
import json, resource, sys, time
started = float(sys.argv[1])
from tui.core.library import Library
library = Library(db=sys.argv[2])
library.open([sys.argv[3]])
listed = len(library.articles)
pending = len(library.pending())
first = library.articles[0]
shown = library.analysis(first.id) is not None
elapsed = time.time() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
result = {"seconds": elapsed, "listed": listed, "pending": pending, "first_analysis": shown, "rss_mb": rss}
if len(sys.argv) > 4:
    queries = json.loads(open(sys.argv[4], encoding="utf-8").read())
    for query in queries[:5]:
        library.find(query, limit=20)  # the first search opens the index
    times = []
    for query in queries:
        begun = time.perf_counter()
        library.find(query, limit=20)
        times.append((time.perf_counter() - begun) * 1000)
    times.sort()
    result["find_p50_ms"] = times[len(times) // 2]
    result["find_p95_ms"] = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    result["rss_after_search_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""

CHILD_IMPORT = """
import json, resource, sys, time
started = float(sys.argv[1])
from tui.cli import main
status = main(["import", sys.argv[3], "--db", sys.argv[2]])
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": time.time() - started, "status": status, "rss_mb": rss}))
"""

CHILD_APP = """
import asyncio, json, resource, sys, time
started = float(sys.argv[1])
from textual.events import Key
from tui.app.app import NewsReaderApp
from tui.app.options import ReaderOptions
from tui.core.analysis_pool import prepare_for_app

async def main():
    app = NewsReaderApp(ReaderOptions(paths=(sys.argv[3],), db=sys.argv[2], remember=False))
    prepare_for_app()
    expected = int(sys.argv[4])
    async with app.run_test(size=(120, 40)) as pilot:
        first_paint = time.time() - started
        while app.reader.article_list.row_count == 0 and time.time() - started < 600:
            await pilot.pause(0.01)
        first_titles = time.time() - started
        while app.focused is not app.reader.article_list and time.time() - started < 600:
            await pilot.pause(0.01)  # the list takes the keys once it has the focus
        listed_at = None
        waits = []  # a key (j: the next article) every 0.2 s while loading, until the cursor moved
        while (app.reader.reading or listed_at is None) and time.time() - started < 900:
            if listed_at is None and app.reader.article_list.row_count >= expected:
                listed_at = time.time() - started
            before = app.reader.article_list.highlighted
            if before is None or before >= app.reader.article_list.row_count - 1:
                await pilot.pause(0.05)  # on the last row listed so far: j has nowhere to go
                continue
            pressed = time.perf_counter()
            app.post_message(Key("j", "j"))
            while app.reader.article_list.highlighted == before and time.perf_counter() - pressed < 30:
                await asyncio.sleep(0.002)
            waits.append((time.perf_counter() - pressed) * 1000)
            await pilot.pause(0.2)
        listed_at = listed_at if listed_at is not None else time.time() - started
        read = time.time() - started
        waits.sort()
        keys = [waits[len(waits) // 2], waits[int(len(waits) * 0.95)], waits[-1]] if waits else None
        await pilot.press("down")
        await pilot.pause()
        interactive = time.time() - started
        count = app.reader.article_list.row_count
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"first_paint": first_paint, "first_titles": first_titles, "seconds": listed_at,
                      "read": read, "after_key": interactive, "keys_while_reading": keys,
                      "listed": count, "rss_mb": rss}))

asyncio.run(main())
"""


def prime(folder: Path, db: Path, count: int) -> None:
    """Write the articles and cache their analyses, as a first session with the reader would."""
    from make_corpus import generate

    from tui.core.library import Library
    from tui.core.model import Analysis

    folder.mkdir(parents=True, exist_ok=True)
    analyses: list[Analysis] = []
    for n, (article, analysis) in enumerate(generate(count)):
        (folder / f"{n:06d}.txt").write_text(article.text, encoding="utf-8")
        analyses.append(analysis)
    library = Library(db=str(db))
    library.open(
        [str(folder)], keep_listing=True
    )  # as the reader keeps it: its next start lists from the cache
    by_id = {a.id for a in library.articles}
    library.set_analyses([a for a in analyses if a.article_id in by_id])
    library.sync_index()
    assert not library.pending(), "the .txt reader changed the text: ids differ from the generator's"
    library.close()


def prime_by_import(folder: Path, db: Path, count: int, fmt: str) -> dict:  # type: ignore[type-arg]
    """Write the articles and their results as `analyze --format FMT -o` would; `newsreader import` them."""
    from make_corpus import generate

    from tui.cli.analyze_dask import client_pipeline
    from tui.core.results.records import as_record
    from tui.core.sources import iter_articles

    pipeline = client_pipeline(None)
    folder.mkdir(parents=True, exist_ok=True)
    results = folder.parent / ("results.parquet" if fmt == "parquet" else "results.jsonl")
    if fmt == "parquet":
        from tui.core.results.parquet_format import ParquetResults

        sink = ParquetResults(results, pipeline, single_file=True)
        write = sink.write
    else:
        handle = results.open("w", encoding="utf-8")
        write = lambda record: handle.write(json.dumps(record, ensure_ascii=False) + "\n")  # noqa: E731
    analyses = {}
    for n, (article, analysis) in enumerate(generate(count)):
        (folder / f"{n:06d}.txt").write_text(article.text, encoding="utf-8")
        analyses[article.id] = analysis
    # each record as `analyze` writes it for the file it read: path, title, blocks as the reader sees them
    read = set()
    for article in iter_articles([str(folder)]):  # the generator repeats a text now and then: kept once
        if article.id not in read:  # type: ignore[union-attr]
            read.add(article.id)  # type: ignore[union-attr]
            write(as_record(article, analyses[article.id], pipeline))  # type: ignore[union-attr,arg-type]
    assert read == analyses.keys(), "the .txt reader changed the text: ids differ from the generator's"
    sink.close() if fmt == "parquet" else handle.close()
    size = results.stat().st_size
    outcome = run_child(CHILD_IMPORT, str(db), str(results))
    return {**outcome, "results_mb": size / 1e6}


def query_file(workdir: Path, count: int, queries: int) -> Path:
    """Mixed queries over the corpus's own words (bench/search_latency.py), saved for the child."""
    import random

    from make_corpus import generate
    from search_latency import mixed_queries

    rng = random.Random(11)
    texts = [a.text for a, _ in generate(min(count, 200))]
    path = workdir / "queries.json"
    path.write_text(json.dumps(mixed_queries(texts, rng, queries)), "utf-8")
    return path


def run_child(code: str, *args: str) -> dict:  # type: ignore[type-arg]
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, repr(started), *args], capture_output=True, text=True, cwd=ROOT
    )
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from tui.core.sources import iter_articles

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--app", action="store_true", help="measure the reader (headless) too")
    parser.add_argument(
        "--via-import", choices=("parquet", "jsonl"), help="prime the cache with `newsreader import`"
    )
    parser.add_argument("--queries", type=int, default=0, help="after reopening, time N searches")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="newsreader-reopen-"))
    try:
        folder, db = workdir / "articles", workdir / "cache.db"
        started = time.perf_counter()
        if args.via_import:
            imported = prime_by_import(folder, db, args.count, args.via_import)
            print(
                f"wrote {args.count:,} articles and a {imported['results_mb']:.0f} MB {args.via_import} "
                f"results file in {time.perf_counter() - started - imported['seconds']:.1f} s; "
                f"newsreader import (cache + search index): {imported['seconds']:.1f} s, "
                f"peak {imported['rss_mb']:.0f} MB, status {imported['status']}"
            )
        else:
            prime(folder, db, args.count)
            print(
                f"primed {args.count:,} articles and their analyses in {time.perf_counter() - started:.1f} s"
            )
        extra = [str(query_file(workdir, args.count, args.queries))] if args.queries else []
        for run in range(args.runs):
            result = run_child(CHILD_LIBRARY, str(db), str(folder), *extra)
            print(
                f"library reopen #{run + 1}: {result['seconds']:.2f} s from process start, "
                f"{result['listed']:,} listed, {result['pending']} pending, peak {result['rss_mb']:.0f} MB"
            )
            if args.queries:
                print(
                    f"  {args.queries} searches (find, 20 hits with snippets): "
                    f"p50 {result['find_p50_ms']:.1f} ms, p95 {result['find_p95_ms']:.1f} ms; "
                    f"peak after searching {result['rss_after_search_mb']:.0f} MB"
                )
        if args.app:
            # the folder's distinct texts (the generator repeats one now and then): what the list shows
            distinct = len({a.id for a in iter_articles([str(folder)])})  # type: ignore[union-attr]
            for run in range(args.runs):
                result = run_child(CHILD_APP, str(db), str(folder), str(distinct))
                print(
                    f"app reopen #{run + 1}: first paint {result['first_paint']:.2f} s, "
                    f"first titles {result['first_titles']:.2f} s, "
                    f"all {result['listed']:,} listed {result['seconds']:.2f} s, "
                    f"every file read {result['read']:.2f} s, "
                    f"a key answered {result['after_key'] - result['read']:.2f} s after, "
                    f"peak {result['rss_mb']:.0f} MB"
                )
                keys = result["keys_while_reading"]
                print(
                    "  a key while loading, to the cursor moved: "
                    + (f"p50 {keys[0]:.0f} ms, p95 {keys[1]:.0f} ms, max {keys[2]:.0f} ms" if keys else "-")
                )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
