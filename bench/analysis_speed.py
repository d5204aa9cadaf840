"""How much the quote engine costs on top of spaCy, and what a second process buys.

    .venv/bin/python bench/analysis_speed.py [--repeat N] [--skip-processes] [PATH ...]

Runs bare spaCy (`nlp.pipe`, the same pipeline and components the Analyzer uses) and the full
analysis (the same `nlp.pipe`, then entities, quotes, speakers and actors) over the same articles
in one run, and prints words per second of both and their ratio (goal: >= 0.90). Then it runs
`Analyzer.analyze_many` with 1 and 2 processes and checks that the results are identical.
Articles: the sample_data folder by default, or the paths given (files or folders).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.model import Article  # noqa: E402
from tui.core.nlp import Analyzer  # noqa: E402
from tui.core.nlp.analyzer import analysis_of  # noqa: E402


def load_articles(paths: list[str]) -> list[Article]:
    from tui.core.sources import load_paths

    articles, _problems = load_paths(paths or [str(ROOT / "sample_data")])
    return articles


def words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the articles (best one counts)")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--skip-processes", action="store_true")
    args = parser.parse_args()

    articles = load_articles(args.paths)
    total = words(articles)
    analyzer = Analyzer().load()
    nlp = analyzer.nlp
    print(f"{len(articles)} articles, {total} words; model {analyzer.identity}; pipes {nlp.pipe_names}")
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:2]))  # warm up

    bare_best = full_best = float("inf")
    for _ in range(args.repeat):
        # interleave the two so that load from other processes on the machine hits both alike
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=args.batch_size):
            pass
        bare_best = min(bare_best, time.perf_counter() - started)
        started = time.perf_counter()
        for article, doc in zip(articles, nlp.pipe(texts, batch_size=args.batch_size), strict=True):
            analysis_of(doc, article.id, analyzer.identity)
        full_best = min(full_best, time.perf_counter() - started)
    bare, full = total / bare_best, total / full_best
    print(f"bare spaCy nlp.pipe   {bare:8.0f} words/s")
    print(f"full analysis         {full:8.0f} words/s")
    print(f"ratio full/bare       {full / bare:8.2f}   (goal >= 0.90)")

    if args.skip_processes:
        return
    timings = {}
    results = {}
    for processes in (1, 2):
        started = time.perf_counter()
        results[processes] = [a.to_dict() for a in analyzer.analyze_many(articles, processes=processes)]
        timings[processes] = time.perf_counter() - started
        print(
            f"analyze_many processes={processes}  {total / timings[processes]:8.0f} words/s "
            f"({timings[processes]:.1f} s, pool start and model loads included)"
        )
    print(
        f"speed-up 2 vs 1 process {timings[1] / timings[2]:.2f}x; "
        f"identical results: {results[1] == results[2]}"
    )


if __name__ == "__main__":
    main()
