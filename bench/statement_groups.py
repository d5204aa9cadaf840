"""The same statement in several articles at scale: the first grouping and adding one article.

    python bench/statement_groups.py                     # 10,000 articles (quick)
    python bench/statement_groups.py --count 100000      # the issue's figure (goals: < 60 s, < 50 ms)

Articles carry synthetic analyses whose quotations are made the way a real corpus has them: most are
new (sentences from a word-pair chain trained on bench/make_corpus.py's Wikinews paragraphs, so they
share the common phrases real quotations share), and about one in six is another outlet's printing of
an earlier statement (a few are reprinted very often): word for word, cut at the start or the end,
or with a word or two changed; short statements ("Thank you.", "We will see.") recur everywhere.

What is timed is what the reader does: statement prints (tui.core.reprints.prints) are written to a
cache once, as analysing would; then (1) the first grouping reads every print from the cache and
groups them (`LibraryStatements.index()`), and (2) one article at a time is added (its print made
and kept, its statements joined to their groups: `LibraryStatements.kept`). CPU seconds are printed
beside wall seconds: the machine is shared.

`--compare-minhash` also groups the same statements the other way the issue names (datasketch's
MinHash of each statement's four-word shingles, MinHashLSH for candidates, the same word alignment
to decide): its time and how many printings it groups. datasketch is not a dependency of newsreader:
`pip install datasketch` to run it.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import make_corpus  # noqa: E402

from tui.core.model import Analysis, Quote  # noqa: E402
from tui.core.reprints.prints import pack_prints, prints_of  # noqa: E402
from tui.core.reprints.statements import LibraryStatements  # noqa: E402
from tui.core.store import Store  # noqa: E402

PIPELINE = "synthetic-1"
SHORT_PHRASES = [
    "Thank you.",
    "We will see.",
    "Absolutely not.",
    "I don't know.",
    "No comment.",
    "It's over.",
]
SPEAKERS = [f"{first} {last}" for first in make_corpus.FIRST for last in make_corpus.LAST]


def word_chain(paragraphs: list[str]) -> dict[str, list[str]]:
    chain: dict[str, list[str]] = defaultdict(list)
    for paragraph in paragraphs:
        words = paragraph.split()
        for a, b in pairwise(words):
            chain[a].append(b)
    return chain


class Quotations:
    """New statements from the chain, reprints of earlier ones, and the short phrases."""

    def __init__(self, rng: random.Random, paragraphs: list[str]) -> None:
        self.rng = rng
        self.chain = word_chain(paragraphs)
        self.starts = [p.split()[0] for p in paragraphs]
        self.said: list[tuple[str, str]] = []  # (words, speaker) of statements printed so far

    def fresh(self) -> tuple[str, str]:
        rng = self.rng
        word = rng.choice(self.starts)
        words = [word]
        for _ in range(rng.randint(6, 40)):
            following = self.chain.get(word)
            word = rng.choice(following) if following else rng.choice(self.starts)
            words.append(word)
        statement = (" ".join(words), rng.choice(SPEAKERS))
        self.said.append(statement)
        return statement

    def reprint(self) -> tuple[str, str]:
        rng = self.rng
        # a few statements are printed very often: favour the earliest ones a little
        index = int(len(self.said) * rng.random() ** 3)
        text, speaker = self.said[min(index, len(self.said) - 1)]
        words = text.split()
        how = rng.random()
        if how < 0.5 or len(words) < 10:
            return text, speaker
        if how < 0.8:
            cut = rng.randint(2, len(words) // 3)
            return " ".join(words[cut:] if rng.random() < 0.5 else words[:-cut]), speaker
        for _ in range(rng.randint(1, 2)):
            words[rng.randrange(len(words))] = rng.choice(self.starts)
        return " ".join(words), speaker

    def next(self) -> tuple[str, str]:
        roll = self.rng.random()
        if roll < 0.05:
            return self.rng.choice(SHORT_PHRASES), self.rng.choice(SPEAKERS)
        if roll < 0.22 and self.said:
            return self.reprint()
        return self.fresh()


def analyses(count: int, seed: int = 7) -> list[Analysis]:
    fixture = make_corpus.FIXTURE
    if not fixture.exists():  # a worktree beside the checkout: the shared fixtures are one level up
        fixture = ROOT.parents[1] / "shared" / "fixtures" / fixture.name
    paragraphs, _ = make_corpus.load_paragraphs(fixture)
    rng = random.Random(seed)
    quotations = Quotations(rng, paragraphs)
    made = []
    for n in range(count):
        quotes = []
        for _ in range(rng.randint(2, 6)):
            text, speaker = quotations.next()
            quotes.append(
                Quote(0, len(text), "direct" if rng.random() < 0.7 else "indirect", text, actor=speaker)
            )
        made.append(Analysis(f"article-{n:07d}", PIPELINE, quotes=tuple(quotes)))
    return made


def compare_minhash(corpus: list[Analysis], threshold: float, permutations: int = 64) -> None:
    """Group with MinHash LSH instead of winnowed shingles, deciding with the same alignment."""
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        print("--compare-minhash needs datasketch (pip install datasketch)")
        return
    import numpy as np

    from tui.core.reprints.matching import SHORT, same_statement

    wall, cpu = time.perf_counter(), cpu_seconds()
    statements = []
    for analysis in corpus:
        for statement in prints_of(analysis).statements:
            if len(statement.words) >= SHORT:
                statements.append((analysis.article_id, statement))
    lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
    parent = list(range(len(statements)))

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for number, (article_id, statement) in enumerate(statements):
        words = list(statement.words)
        shingled = [
            np.array(words[i : i + 4], dtype=np.uint32).tobytes() for i in range(max(1, len(words) - 3))
        ]
        signature = MinHash(num_perm=permutations)
        signature.update_batch(shingled)
        for other in lsh.query(signature):
            other_id, other_statement = statements[other]
            if other_id != article_id and find(other) != find(number):
                a, b = statement, other_statement
                if same_statement(a.words, a.kind, a.speaker, b.words, b.kind, b.speaker):
                    parent[find(number)] = find(other)
        lsh.insert(number, signature)
    sizes: dict[int, set[str]] = defaultdict(set)
    for number, (article_id, _) in enumerate(statements):
        sizes[find(number)].add(article_id)
    grouped = [len(ids) for ids in sizes.values() if len(ids) >= 2]
    print(
        f"MinHash LSH (threshold {threshold}, {permutations} permutations) over the same {len(corpus):,} "
        f"articles: {time.perf_counter() - wall:.2f} s wall, {cpu_seconds() - cpu:.2f} s CPU; "
        f"{len(grouped):,} statements in 2+ articles, {sum(grouped):,} printings"
    )


def resident_mb() -> float:
    """This process's resident memory now (Linux), in MB."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return 0.0


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000, help="articles grouped first")
    parser.add_argument("--adds", type=int, default=200, help="articles added one at a time afterwards")
    parser.add_argument("--compare-minhash", type=float, metavar="THRESHOLD", help="e.g. 0.5 (see above)")
    args = parser.parse_args()

    started = time.perf_counter()
    corpus = analyses(args.count + args.adds)
    first, later = corpus[: args.count], corpus[args.count :]
    statements = sum(len(a.quotes) for a in corpus)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "bench.db")
        for start in range(0, len(first), 5000):
            store.put_statement_prints(
                [(a.article_id, pack_prints(prints_of(a))) for a in first[start : start + 5000]], PIPELINE
            )
        print(
            f"{len(corpus):,} synthetic analyses ({statements:,} statements) and {len(first):,} prints "
            f"cached in {time.perf_counter() - started:.1f} s"
        )
        by_id = {a.article_id: a for a in corpus}
        ids = [a.article_id for a in first]
        library = LibraryStatements(store, lambda: PIPELINE, lambda: ids, by_id.get, lambda _: None)

        resident = resident_mb()
        wall, cpu = time.perf_counter(), cpu_seconds()
        index = library.index()
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        resident = resident_mb() - resident
        groups = index.groups()
        grouped = sum(len(g) for g in groups)
        print(
            f"first grouping of {len(first):,} articles ({index.statement_count:,} statements): "
            f"{wall:.2f} s wall, {cpu:.2f} s CPU (goal < 60 s); {len(groups):,} statements in 2+ articles, "
            f"{grouped:,} printings; the grouping holds {resident:.0f} MB more resident memory"
        )

        times = []
        for analysis in later:
            ids.append(analysis.article_id)
            wall = time.perf_counter()
            library.kept([analysis])
            times.append((time.perf_counter() - wall) * 1000)
        times.sort()
        print(
            f"adding one article ({len(times)} added, print kept in the cache and grouped): "
            f"median {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95) - 1]:.1f} ms, "
            f"max {times[-1]:.1f} ms (goal < 50 ms)"
        )
        if args.compare_minhash:
            compare_minhash(first, args.compare_minhash)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of the whole run: {peak:.0f} MB")
        store.close()


if __name__ == "__main__":
    main()
