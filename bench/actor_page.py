"""How long the actor's page and the palette's "Go to actor" take to make, as the library grows.

Articles and their analyses come from bench/make_corpus.py (synthetic, no spaCy), held in memory.
Printed per size: listing the library's actors (`Library.actors`, which the page and the palette
both need), making the page of the actor who said most (grouping by article, the same statement in
several articles folded into one row with its changed words, timeline, co-actors), and making the
palette's "Go to actor" commands. The first page of a session also groups the library's statements
printed by several articles (`Library.prepare_statements`): timed apart, then the page again with the
grouping made, as every later page is. The palette lists the actors in a thread (tui/app/commands.py);
the page is made in a thread too (ReaderScreen.open_actor_page).

    python bench/actor_page.py --sizes 1000 10000

`--corpus FILE --db DB` measures a real corpus instead, analysed beforehand into DB
(`newsreader analyze FILE --db DB --format jsonl > /dev/null`): the first grouping, then the pages
of the `--top` actors who said most, each with its statements, printings and the rows that fold a
statement printed by several articles.

    python bench/actor_page.py --corpus ../shared/eval/data/polnear-train.jsonl --db /tmp/polnear.db
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import generate  # noqa: E402

from tui.app.commands import go_to_actor_commands  # noqa: E402
from tui.core.actor_page import actor_page  # noqa: E402
from tui.core.library import Library  # noqa: E402


def timed(run):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = run()
    return result, (time.perf_counter() - start) * 1000


def measure(size: int) -> None:
    library = Library(no_cache=True)
    analyses = []
    for article, analysis in generate(size):
        library.add(article)
        analyses.append(analysis)
    library.set_analyses(analyses)
    gc.collect()  # the reader freezes what loading made (spare_the_collector): so do we
    gc.freeze()
    actors, listing = timed(lambda: library.actors(None))
    _, grouping = timed(library.prepare_statements)
    page, making = timed(lambda: actor_page(library, actors[0].key, actors))
    commands, palette = timed(lambda: go_to_actor_commands(actors, lambda key: None))
    assert page is not None
    print(
        f"{size:>7} articles, {len(actors):>6} actors: list actors {listing:7.0f} ms · "
        f"first grouping of the statements {grouping:6.0f} ms · "
        f"page of {page.actor.name} ({page.statement_count} statements, {page.printing_count} printings, "
        f"in {page.article_count} articles) {making:6.0f} ms · "
        f"{len(commands)} palette commands {palette:5.0f} ms"
    )


def measure_corpus(corpus: str, db: str, top: int) -> None:
    library = Library(db=db)
    library.open([corpus], index=False)
    if library.pending():
        sys.exit(f"{len(library.pending())} articles are not analysed in {db}: run newsreader analyze first")
    gc.collect()
    gc.freeze()
    actors, listing = timed(lambda: library.actors(None))
    _, grouping = timed(library.prepare_statements)
    print(
        f"{len(library.articles)} articles, {len(actors)} actors: list actors {listing:.0f} ms · "
        f"first grouping of the statements {grouping:.0f} ms"
    )
    for actor in sorted(actors, key=lambda a: -len(a.statements))[:top]:
        page, making = timed(lambda actor=actor: actor_page(library, actor.key, actors))
        assert page is not None
        folded = sum(1 for group in page.groups for row in group.rows if row.printings)
        print(
            f"  {page.actor.name:<24} {page.statement_count:>5} statements, "
            f"{page.printing_count:>5} printings, {folded:>4} rows printed 2+ times, "
            f"{page.article_count:>4} articles: page {making:5.0f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--corpus", help="a real corpus (with --db) instead of synthetic sizes")
    parser.add_argument("--db", help="the cache the corpus was analysed into")
    parser.add_argument("--top", type=int, default=8, help="pages of this many actors (with --corpus)")
    args = parser.parse_args()
    if args.corpus:
        if not args.db:
            parser.error("--corpus needs --db, the cache it was analysed into")
        measure_corpus(args.corpus, args.db, args.top)
        return
    for size in args.sizes:
        measure(size)


if __name__ == "__main__":
    main()
