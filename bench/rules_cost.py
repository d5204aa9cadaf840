"""What the rules cost apart from the parse, in processor time, so that a busy machine blurs it less.

    .venv/bin/python bench/rules_cost.py [--repeat N] [PATH ...]

Parses the articles once (sample_data by default), then times `analysis_of` (entities, quotes,
speakers, actors: everything newsreader adds to spaCy) over the parsed documents, best of N, in
processor seconds, and prints it beside the processor time of the parse itself. `analysis_speed.py`
measures the two together in wall-clock time; on a machine shared with other jobs its ratio wanders
by several percent, while this figure moves little from run to run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.nlp import Analyzer  # noqa: E402
from tui.core.nlp.analyzer import analysis_of  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    from tui.core.sources import load_paths

    articles, _problems = load_paths(args.paths or [str(ROOT / "sample_data")])
    analyzer = Analyzer().load()
    started = time.process_time()
    docs = list(analyzer.nlp.pipe([a.text for a in articles]))
    parse = time.process_time() - started
    best = float("inf")
    for _ in range(max(1, args.repeat)):
        started = time.process_time()
        for doc in docs:
            analysis_of(doc, "bench", analyzer.identity)
        best = min(best, time.process_time() - started)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words; {analyzer.identity}")
    print(f"parse (processor time)    {parse:7.2f} s")
    print(f"rules, best of {args.repeat:<2d}         {best:7.2f} s")
    print(f"rules / parse             {best / parse:7.1%}")


if __name__ == "__main__":
    main()
