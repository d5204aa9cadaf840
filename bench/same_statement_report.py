"""The same statement in several articles, measured on a real corpus (PolNeAR's training split).

    newsreader analyze ../shared/eval/data/polnear-train.jsonl --db /tmp/rp.db --format jsonl > /dev/null
    python bench/same_statement_report.py ../shared/eval/data/polnear-train.jsonl --db /tmp/rp.db \
        --sample 50 --out docs/same-statement-check.md

Prints how many statements are printed by two articles or more (and how: word for word, cut, or
with words changed), how many groups come from one story printed twice (two articles sharing four
groups or more), and how long grouping took; `--out` writes a seeded random sample of the groups,
every printing in full, for checking by hand. The JSON Lines records' `publisher` names the outlet.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.library import Library  # noqa: E402
from tui.core.reprints.group import StatementGroup  # noqa: E402
from tui.core.reprints.words import statement_words  # noqa: E402

SAME_STORY = 4  # groups shared by two articles: from this many on, they are one story printed twice


def how_printed(group: StatementGroup) -> str:
    words = [statement_words(a.quote.spoken_words()) for a in group.appearances]
    if all(w == words[0] for w in words):
        return "word for word"
    joined = [" ".join(w) for w in words]
    longest = max(joined, key=len)
    if all(j in longest for j in joined):
        return "cut"
    return "words changed"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus")
    parser.add_argument("--db", required=True, help="the cache the corpus was analysed into")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", help="write the sampled groups here (Markdown)")
    args = parser.parse_args()

    with open(args.corpus, encoding="utf-8") as records:
        publishers = [json.loads(line).get("publisher") for line in records]
    library = Library(db=args.db)
    library.open([args.corpus], index=False)
    if library.pending():
        sys.exit(
            f"{len(library.pending())} articles are not analysed in {args.db}: run newsreader analyze first"
        )
    started = time.perf_counter()
    groups = library.statement_groups()
    took = time.perf_counter() - started

    def where(article_id: str) -> str:
        article = library.article(article_id)
        line = article.path.rpartition("#")[2]
        return (
            f"{publishers[int(line) - 1] if line.isdigit() else article.source}, {article.date}, line {line}"
        )

    def outlet(article_id: str) -> str:
        return where(article_id).split(",")[0]

    shared: Counter[tuple[str, str]] = Counter()
    for group in groups:
        ids = sorted(group.article_ids)
        shared.update((a, b) for n, a in enumerate(ids) for b in ids[n + 1 :])
    same_story = {pair for pair, count in shared.items() if count >= SAME_STORY}

    def one_story(group: StatementGroup) -> bool:
        ids = sorted(group.article_ids)
        return all((a, b) in same_story for n, a in enumerate(ids) for b in ids[n + 1 :])

    statements = sum(len(a.quotes) for _, a in library.analyzed(library.articles))
    print(f"{len(library.articles)} articles, {statements} statements; grouped in {took:.2f} s")
    print(
        f"statements printed by 2+ articles: {len(groups)} "
        f"({sum(len(g.appearances) for g in groups)} printings)"
    )
    print(f"  by number of articles: {dict(sorted(Counter(len(g.appearances) for g in groups).items()))}")
    print(f"  how: {dict(Counter(how_printed(g) for g in groups))}")
    print(f"  by 2+ publishers: {sum(len({outlet(i) for i in g.article_ids}) > 1 for g in groups)}")
    print(
        f"  from one story printed twice ({len(same_story)} pairs of articles): {sum(map(one_story, groups))}"
    )

    if args.out:
        chosen = sorted(random.Random(args.seed).sample(range(len(groups)), min(args.sample, len(groups))))
        lines = [
            f"# {len(chosen)} groups of the same statement, checked by hand",
            "",
            f"A random sample (seed {args.seed}) of the {len(groups)} groups "
            "`bench/same_statement_report.py` finds on PolNeAR's training split. Each printing: publisher, "
            "date, line of `polnear-train.jsonl`, kind, actor, and the statement's words as "
            "`Quote.spoken_words()` gives them.",
            "Verdict: **same** when every printing reports one statement (cut, changed or word for word), "
            "**wrong** otherwise.",
            "",
        ]
        for number, index in enumerate(chosen, 1):
            group = groups[index]
            kind = how_printed(group) + (", one story printed twice" if one_story(group) else "")
            lines.append(f"## {number}. group {index + 1}: {len(group.appearances)} articles ({kind})")
            lines.append("")
            for appearance in group.appearances:
                quote = appearance.quote
                said = " ".join(quote.spoken_words().split())
                lines.append(
                    f"- {where(appearance.article_id)}, {quote.kind}, {quote.actor or 'no actor'}: {said}"
                )
            lines.append("")
            lines.append("Verdict: ")
            lines.append("")
        Path(args.out).write_text("\n".join(lines), encoding="utf-8")
        print(f"wrote {len(chosen)} groups to {args.out}")


if __name__ == "__main__":
    main()
