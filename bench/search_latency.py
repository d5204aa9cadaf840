"""Search at scale: cache + index build time, their size on disk, and query latency over 100 mixed queries.

    python bench/search_latency.py                      # 2,000 articles (quick)
    python bench/search_latency.py --count 100000       # the issue's figure (several minutes)
    python bench/search_latency.py --count 100000 --compare-fts5

Articles come from bench/make_corpus.py with their synthetic analyses (no spaCy). Latencies are
measured through the Library, as the reader calls it: `find(query, limit=20)` (count + best 20 with
snippets, what the list shows), `search(query)` (every matching article, to filter the list), and the
bare index query. Goal at 100,000 articles: p95 < 30 ms.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import FIRST, LAST, PLACES, generate  # noqa: E402

from tui.core.library import Library  # noqa: E402
from tui.core.query import Any_, DateRange, Query, Term, parse_query  # noqa: E402


def mixed_queries(texts: list[str], rng: random.Random, count: int = 100) -> list[str]:
    """Words, phrases, prefixes and fields in the proportions a reader might type them."""
    words = [w for t in texts for w in re.findall(r"[A-Za-z]{5,}", t)]
    queries: list[str] = []
    kinds = ["word"] * 25 + ["two"] * 10 + ["phrase"] * 20 + ["prefix"] * 15 + ["actor"] * 10
    kinds += ["said"] * 8 + ["place"] * 6 + ["date"] * 6
    for kind in kinds[:count]:
        if kind == "word":
            queries.append(rng.choice(words).lower())
        elif kind == "two":
            queries.append(f"{rng.choice(words).lower()} {rng.choice(words).lower()}")
        elif kind == "phrase":
            text = rng.choice(texts)
            found = re.findall(r"[A-Za-z]{3,} [A-Za-z]{3,}", text)
            queries.append(f'"{rng.choice(found)}"' if found else rng.choice(words))
        elif kind == "prefix":
            queries.append(rng.choice(words)[:4].lower() + "*")
        elif kind == "actor":
            queries.append(
                f"actor:{rng.choice(LAST)}" if rng.random() < 0.7 else f"actor:{rng.choice(FIRST)}"
            )
        elif kind == "said":
            queries.append(f"said:{rng.choice(words).lower()}")
        elif kind == "place":
            queries.append(f"place:{rng.choice(PLACES)} {rng.choice(words).lower()}")
        else:
            month = rng.randint(1, 6)
            queries.append(f"date:2019-{month:02d}..2019-{month + 2:02d} {rng.choice(words).lower()}")
    return queries


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn, queries: list[str]) -> list[float]:  # type: ignore[no-untyped-def]
    for q in queries[:5]:
        fn(q)  # warm the caches once
    out = []
    for q in queries:
        started = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - started) * 1000)
    return out


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def fts5_match(query: Query) -> tuple[str, tuple[int, int] | None]:
    """The same query in FTS5's syntax (for the comparison only): every word quoted, so it is safe."""
    columns = {"actor": "actor", "said": "said", "place": "place", "title": "title"}

    def term(t: Term) -> str:
        body = '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")
        return f"{columns[t.field]} : {body}" if t.field in columns else f"{{title text actor}} : {body}"

    parts, date = [], None
    for item in query.required:
        if isinstance(item, DateRange):
            date = (item.low or 0, item.high or 99999999)
        elif isinstance(item, Any_):
            parts.append("(" + " OR ".join(term(c) for c in item.options if isinstance(c, Term)) + ")")
        else:
            parts.append(term(item))
    match = " AND ".join(parts)
    for item in query.excluded:
        if isinstance(item, Term):
            match += " NOT " + term(item)
    return match, date


def build_fts5(library: Library, target: Path) -> tuple[sqlite3.Connection, float]:
    db = sqlite3.connect(target)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(title, text, actor, said, place, date UNINDEXED)")
    started = time.perf_counter()
    rows = []
    from tui.core.query import date_key

    for article in library.articles:
        analysis = library.analysis(article.id)
        actors = " | ".join(a.name for a in analysis.actors) if analysis else ""
        said = " | ".join(q.text for q in analysis.quotes) if analysis else ""
        places = (
            " | ".join(e.text for e in analysis.entities if e.label in ("GPE", "LOC")) if analysis else ""
        )
        rows.append((article.title, article.text, actors, said, places, date_key(article.date) or 0))
    db.executemany("INSERT INTO fts VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    return db, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--dir", help="where to build (default: a temporary folder, removed after)")
    parser.add_argument("--compare-fts5", action="store_true", help="also build SQLite FTS5 and time it")
    args = parser.parse_args()

    workdir = Path(args.dir or tempfile.mkdtemp(prefix="newsreader-bench-"))
    db = workdir / "bench.db"
    print(f"{args.count:,} articles in {workdir}")
    started = time.perf_counter()
    corpus = list(generate(args.count))
    print(f"generated in {time.perf_counter() - started:.1f} s")

    library = Library(db=str(db))
    started = time.perf_counter()
    for article, _ in corpus:
        library.add(article)
    library._flush_articles()
    stored = time.perf_counter() - started
    started = time.perf_counter()
    for i in range(0, len(corpus), 2000):
        library.set_analyses([analysis for _, analysis in corpus[i : i + 2000]])
    analysed = time.perf_counter() - started
    started = time.perf_counter()
    library.sync_index()
    indexed = time.perf_counter() - started
    print(f"cache: articles {stored:.1f} s, analyses {analysed:.1f} s; index build {indexed:.1f} s")
    print(
        f"size: cache {size_of(db) / 1e6:.0f} MB (+WAL {size_of(Path(str(db) + '-wal')) / 1e6:.0f} MB), "
        f"index {size_of(Path(library.store.index_path)) / 1e6:.0f} MB"
    )

    rng = random.Random(11)
    queries = mixed_queries([a.text for a, _ in rng.sample(corpus, min(200, len(corpus)))], rng, args.queries)
    del corpus
    parsed = {q: parse_query(q) for q in queries}
    totals = [library.find(q, limit=0).total for q in queries]
    median = statistics.median(totals)
    print(f"{len(queries)} queries; matches per query: median {median:,.0f}, max {max(totals):,}")

    results = {
        "index only (top 20)": timed(lambda q: library.index.search(parsed[q], limit=20), queries),
        "find: count + 20 hits with snippets": timed(lambda q: library.find(q, limit=20), queries),
        "search: every matching article": timed(library.search, queries),
    }
    if args.compare_fts5:
        fts, seconds = build_fts5(library, workdir / "fts.db")
        print(f"FTS5 build {seconds:.1f} s, size {size_of(workdir / 'fts.db') / 1e6:.0f} MB")

        def fts_query(q: str) -> None:
            match, date = fts5_match(parsed[q])
            where = "fts MATCH ?" + (" AND date BETWEEN ? AND ?" if date else "")
            params = (match, *date) if date else (match,)
            fts.execute(f"SELECT count(*) FROM fts WHERE {where}", params).fetchone()
            fts.execute(f"SELECT rowid FROM fts WHERE {where} ORDER BY rank LIMIT 20", params).fetchall()

        results["FTS5: count + top 20 by bm25"] = timed(fts_query, queries)
    for name, values in results.items():
        print(
            f"{name:40s} p50 {percentile(values, 0.5):7.1f} ms   p95 {percentile(values, 0.95):7.1f} ms   "
            f"max {max(values):7.1f} ms"
        )
    peak = __import__("resource").getrusage(__import__("resource").RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")
    library.close()
    if not args.dir:
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
