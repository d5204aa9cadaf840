"""Actors across the library: how long `Library.actors(None)` takes, first and as analyses arrive.

    python bench/actor_identity.py                                  # 840 and 10,000 synthetic articles
    python bench/actor_identity.py --counts 840 10000 100000
    python bench/actor_identity.py --analyses /tmp/train.jsonl      # real actors, copied up to each count

The actors panel asks for every actor of the loaded articles (its "all articles" scope) each time
analyses arrive, so what matters is: the first call (every identity worked out), a repeated call
with nothing new (the cached list), one more analysis arriving then the call again (what the panel
pays while analysis runs), and one article's actors (the "this article" scope). While the reader
analyses, the identities take each analysis in on the analysing thread; the first call here is the
worst case, every analysis taken in at once (a reopened library whose analyses are all cached; the
time to read them from the cache is not counted). The same list by exact name alone, as before
identities, is timed for scale.

Synthetic articles come from bench/make_corpus.py with their analyses (2-3 people each, from a cast
of 500 names). `--analyses` takes `newsreader analyze --format jsonl` output instead (PolNeAR's 840
articles have ~14 actors each, 6,900 different names) and loads copies of it until each count is
reached: the names, and so the work of telling people apart, are real.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import generate  # noqa: E402

from tui.core.library import ActorSummary, Library  # noqa: E402
from tui.core.model import Actor, Analysis, Article, Quote  # noqa: E402


def synthetic(count: int) -> Iterator[tuple[Article, Analysis]]:
    yield from generate(count)


def from_analyses(path: Path, count: int) -> Iterator[tuple[Article, Analysis]]:
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    made = 0
    copy = 0
    while made < count:
        for record in records:
            if made >= count:
                return
            text = record["text"] if copy == 0 else f"{record['text']}\n\n(copy {copy})"
            article = Article(path=f"{record['path']}#{copy}", title=record["title"], text=text)
            quotes = tuple(Quote.from_dict(q) for q in record["quotes"])
            actors = tuple(Actor.from_dict(a) for a in record["actors"])
            yield article, Analysis(article.id, "bench", quotes=quotes, actors=actors)
            made += 1
        copy += 1


def merged_by_name(pairs: list[tuple[Article, Analysis]]) -> list[ActorSummary]:
    """What Library.actors(None) did before identities, for scale: one actor per exact name."""
    merged: dict[str, ActorSummary] = {}
    for article, analysis in pairs:
        for actor in analysis.actors:
            summary = merged.setdefault(actor.name, ActorSummary(actor.name, actor.label))
            summary.aliases.update(actor.aliases)
            summary.article_ids.add(article.id)
            for alias in (actor.name, *actor.aliases):
                summary.alias_articles.setdefault(alias, set()).add(article.id)
        for quote in analysis.quotes:
            if quote.actor:
                summary = merged.setdefault(quote.actor, ActorSummary(quote.actor, "PERSON"))
                summary.statements.append((article.id, quote))
                summary.article_ids.add(article.id)
    return sorted(merged.values(), key=lambda s: (-len(s.statements), s.name.lower()))


def timed(call) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def measure(pairs: list[tuple[Article, Analysis]], label: str) -> None:
    *first, last = pairs
    library = Library(no_cache=True)
    for article, _ in pairs:
        library.add(article)
    library.set_analyses([analysis for _, analysis in first])
    names = {a.name for _, analysis in first for a in analysis.actors}

    by_name, _ = timed(lambda: merged_by_name(first))
    library._identities = type(library._identities)()  # the set_analyses above took them in already
    library._unidentified.update(article.id for article, _ in first)
    cold, actors = timed(lambda: library.actors(None))
    warm, _ = timed(lambda: library.actors(None))
    library.set_analysis(last[1])
    arriving, after = timed(lambda: library.actors(None))
    one = [timed(lambda article=article: library.actors([article.id]))[0] for article, _ in pairs[:200]]
    library.close()
    print(
        f"{label}: {len(pairs):,} articles, {len(names):,} actor names -> {len(after):,} actors "  # type: ignore[arg-type]
        f"(before merging: names per article summed {sum(len(a.actors) for _, a in pairs):,})\n"
        f"  by name alone, as before identities: {by_name:,.0f} ms\n"
        f"  first actors(None) {cold:,.0f} ms · again, nothing new {warm:.2f} ms · "
        f"after one more analysis {arriving:,.0f} ms · one article's actors median "
        f"{statistics.median(one):.2f} ms, max {max(one):.2f} ms"
    )
    assert actors  # the call did its work


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--counts", type=int, nargs="+", default=[840, 10_000])
    parser.add_argument("--analyses", type=Path, help="newsreader analyze --format jsonl output to copy")
    args = parser.parse_args()
    for count in args.counts:
        if args.analyses:
            measure(list(from_analyses(args.analyses, count)), f"real actors ({args.analyses.name})")
        else:
            measure(list(synthetic(count)), "synthetic")


if __name__ == "__main__":
    main()
