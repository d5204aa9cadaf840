"""Statements grouped across articles: built once in bulk, then kept up to date one article at a time.

Each statement gets a number; statements found to be one (see `matching`) are joined in a
union-find, so a group is every statement linked to another by a chain of matches: the full quote
links the copy that cut its start and the copy that cut its end.

Candidates come from the winnowed shingles (`prints`): only statements sharing a shingle are ever
compared. In bulk, the shingles of every statement are sorted together (numpy) and each run of equal
shingles gives a few pairs: every one with the run's first, each with the next, and every pair in a
short run; a pair is compared when two of its shingles agree (or one of the two is short), and
pairs already joined are skipped, so a statement reprinted 500 times costs about 500 comparisons,
not 125,000. One article added later looks its shingles up in that sorted table and in
a small dict of what was added since, and gives up on a shingle after `COMMON_MISSES` comparisons
that all fail: such a shingle is a common phrase ("I don't think"), and its statement's rarer
shingles find its copies.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

import numpy as np

from tui.core.reprints.matching import DIRECT, FEWEST, SHORT, same_statement
from tui.core.reprints.prints import ArticlePrints, StatementPrint, shingles

SMALL_RUN = 6  # statements sharing a shingle: up to this many, every pair of them is compared
CHAIN_RUN = 256  # up to this many, each is also compared with the next one (beyond: with the first only)
COMMON_MISSES = 48  # an added statement's failed comparisons through one shingle before giving up on it
FEW_SHINGLES = 3  # a statement with this many shingles or fewer is compared through any one of them
MERGE_SHARE = 4  # the shingles added since the bulk build are merged into it at 1/MERGE_SHARE of its size
MERGE_LEAST = 100_000


class StatementIndex:
    """Every statement of the articles added, and which ones are the same statement.

    Articles are referred to by id; a statement by (article id, its index in `Analysis.quotes`).
    """

    def __init__(self) -> None:
        self._article_ids: list[str] = []  # slot -> article id
        self._slots: dict[str, int] = {}  # live article id -> slot
        self._dead: set[int] = set()
        self._slot: array[int] = array("i")  # statement number -> its article's slot
        self._quote: array[int] = array("i")  # statement number -> index in Analysis.quotes
        self._speaker: array[int] = array("I")
        self._kind: array[int] = array("B")
        self._word_start: array[int] = array("q")
        self._word_count: array[int] = array("i")
        self._words: array[int] = array("I")  # every statement's word hashes, end to end
        self._numbers: dict[tuple[int, int], int] = {}  # (slot, quote index) -> statement number
        self._parent: array[int] = array("i")
        self._members: dict[int, list[int]] = {}  # a group's root -> its statements (groups of 2+)
        self._exact: dict[tuple[int, tuple[int, ...]], int] = {}  # short statements: (speaker, words)
        self._table_keys = np.zeros(0, dtype=np.uint32)  # sorted shingles
        self._table_numbers = np.zeros(0, dtype=np.int32)  # the statement of each
        self._recent: dict[int, list[int]] = {}  # shingles added since the table was built
        self._recent_count = 0

    # -- adding ----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._slots)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._slots

    @property
    def statement_count(self) -> int:
        return len(self._slot)

    def build(self, prints: Iterable[ArticlePrints]) -> None:
        """Add many articles at once: the first grouping of a library (much faster than `add` each)."""
        first = len(self._slot)
        shingle_keys: array[int] = array("I")
        shingle_numbers: array[int] = array("i")
        shingle_counts: array[int] = array("i")  # per statement: how many shingles it has in the table
        for article in prints:
            for number, statement in self._append(article):
                shingle_counts.append(0)
                if len(statement.words) >= SHORT:
                    shingle_keys.extend(statement.shingles)
                    shingle_numbers.extend([number] * len(statement.shingles))
                    shingle_counts[-1] = len(statement.shingles)
                else:
                    self._join_exact(number, statement)
        keys = np.frombuffer(shingle_keys, dtype=np.uint32) if shingle_keys else np.zeros(0, np.uint32)
        numbers = np.frombuffer(shingle_numbers, dtype=np.int32) if shingle_numbers else np.zeros(0, np.int32)
        if first == 0 and not self._recent:
            self._table_keys, self._table_numbers = _sorted_table(keys, numbers)
            firsts, seconds = _candidate_pairs(
                self._table_keys,
                self._table_numbers,
                np.frombuffer(self._slot, np.int32),
                np.frombuffer(shingle_counts, np.int32),
            )
            for a, b in zip(firsts.tolist(), seconds.tolist(), strict=True):
                if self._find(a) != self._find(b) and self._same(a, b):
                    self._union(a, b)
        else:  # added to a library already grouped: one by one, against what is there
            for number in sorted(set(shingle_numbers)):
                self._join_similar(number)
                self._remember(number)

    def add(self, article: ArticlePrints) -> None:
        """Add one article (analysed after the first grouping), joining its statements to their groups."""
        for number, statement in self._append(article):
            if len(statement.words) >= SHORT:
                self._join_similar(number)
                self._remember(number)
            else:
                self._join_exact(number, statement)
        if self._recent_count > max(MERGE_LEAST, len(self._table_keys) // MERGE_SHARE):
            self._merge_recent()

    def remove(self, article_id: str) -> None:
        """Forget an article (replaced or unloaded): its statements leave every group."""
        slot = self._slots.pop(article_id, None)
        if slot is not None:
            self._dead.add(slot)

    def _append(self, article: ArticlePrints) -> list[tuple[int, StatementPrint]]:
        self.remove(article.article_id)
        slot = len(self._article_ids)
        self._article_ids.append(article.article_id)
        self._slots[article.article_id] = slot
        added = []
        for statement in article.statements:
            number = len(self._slot)
            self._slot.append(slot)
            self._quote.append(statement.quote_index)
            self._speaker.append(statement.speaker)
            self._kind.append(min(statement.kind, 255))
            self._word_start.append(len(self._words))
            self._word_count.append(len(statement.words))
            self._words.extend(statement.words)
            self._parent.append(number)
            self._numbers[(slot, statement.quote_index)] = number
            added.append((number, statement))
        return added

    def _join_exact(self, number: int, statement: StatementPrint) -> None:
        if len(statement.words) < FEWEST or statement.speaker == 0 or statement.kind != DIRECT:
            return
        first = self._exact.setdefault((statement.speaker, tuple(statement.words)), number)
        if first != number and self._slot[first] != self._slot[number]:
            self._union(first, number)

    def _join_similar(self, number: int) -> None:
        """Compare a statement with those sharing a shingle with it, and join the same ones."""
        slot = self._slot[number]
        compared: set[int] = set()
        for holders in self._holders(self._shingles_of(number)):
            misses = 0
            for other in holders:
                if other == number or other in compared or self._slot[other] == slot:
                    continue
                if self._slot[other] in self._dead or self._find(other) == self._find(number):
                    continue
                compared.add(other)
                if self._same(number, other):
                    self._union(number, other)
                else:
                    misses += 1
                    if misses >= COMMON_MISSES:
                        break

    def _holders(self, keys: list[int]) -> list[list[int]]:
        """For each shingle, the statements (added before) that have it."""
        table = self._table_keys
        wanted = np.array(keys, dtype=np.uint32)  # the table's own type: numpy would copy it to compare
        lows = np.searchsorted(table, wanted, side="left").tolist()
        highs = np.searchsorted(table, wanted, side="right").tolist()
        return [
            (self._table_numbers[low:high].tolist() if high > low else []) + self._recent.get(key, [])
            for key, low, high in zip(keys, lows, highs, strict=True)
        ]

    def _shingles_of(self, number: int) -> list[int]:
        # shingles are not kept per statement (the table has them); recomputed from the words, ~10 µs
        return list(shingles(self._words_of(number)))

    def _remember(self, number: int) -> None:
        for key in self._shingles_of(number):
            self._recent.setdefault(key, []).append(number)
            self._recent_count += 1

    def _merge_recent(self) -> None:
        keys = [key for key, numbers in self._recent.items() for _ in numbers]
        numbers = [n for found in self._recent.values() for n in found]
        self._table_keys, self._table_numbers = _sorted_table(
            np.concatenate([self._table_keys, np.array(keys, dtype=np.uint32)]),
            np.concatenate([self._table_numbers, np.array(numbers, dtype=np.int32)]),
        )
        self._recent.clear()
        self._recent_count = 0

    # -- union-find ------------------------------------------------------------------------------

    def _find(self, number: int) -> int:
        parent = self._parent
        root = number
        while parent[root] != root:
            root = parent[root]
        while parent[number] != root:  # path compression
            parent[number], number = root, parent[number]
        return root

    def _union(self, a: int, b: int) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a == root_b:
            return
        members_a = self._members.pop(root_a, [root_a])
        members_b = self._members.pop(root_b, [root_b])
        if len(members_a) < len(members_b):
            root_a, root_b, members_a, members_b = root_b, root_a, members_b, members_a
        self._parent[root_b] = root_a
        members_a.extend(members_b)
        self._members[root_a] = members_a

    def _words_of(self, number: int) -> array[int]:
        start = self._word_start[number]
        return self._words[start : start + self._word_count[number]]

    def _same(self, a: int, b: int) -> bool:
        return same_statement(
            self._words_of(a),
            self._kind[a],
            self._speaker[a],
            self._words_of(b),
            self._kind[b],
            self._speaker[b],
        )

    # -- asking ----------------------------------------------------------------------------------

    def group_of(self, article_id: str, quote_index: int) -> list[tuple[str, int]]:
        """Every (article id, quote index) of the statement's group, itself included, in the order
        they were added; [] when the statement is in no group (or not known)."""
        slot = self._slots.get(article_id)
        number = self._numbers.get((slot, quote_index)) if slot is not None else None
        if number is None:
            return []
        members = self._members.get(self._find(number), [])
        return [
            (self._article_ids[self._slot[m]], self._quote[m])
            for m in sorted(members)
            if self._slot[m] not in self._dead
        ]

    def groups(self) -> list[list[tuple[str, int]]]:
        """Every group with statements from two articles or more, each as `group_of` gives it."""
        found = []
        for members in self._members.values():
            live = [m for m in sorted(members) if self._slot[m] not in self._dead]
            if len({self._slot[m] for m in live}) >= 2:
                found.append([(self._article_ids[self._slot[m]], self._quote[m]) for m in live])
        return found


def _sorted_table(keys: np.ndarray, numbers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.lexsort((numbers, keys))
    return keys[order], numbers[order]


def _candidate_pairs(
    keys: np.ndarray, numbers: np.ndarray, slots: np.ndarray, shingle_counts: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of statements (a < b, from different articles) worth comparing, from the sorted shingles.

    Each run of equal shingles gives each of its statements a pair with the run's first, with the
    one before it (runs up to CHAIN_RUN) and with every other (runs up to SMALL_RUN), each pair once.
    A pair is kept when it came from two shingles or more, or when one of the two has only a few
    (a statement of a dozen words): one shared four-word shingle among many is a common phrase.
    """
    count = len(keys)
    if count < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    lengths = np.diff(np.append(starts, count))
    run_start = np.repeat(starts, lengths)
    run_length = np.repeat(lengths, lengths)
    position = np.arange(count) - run_start
    firsts, seconds = [numbers[run_start[position > 0]]], [numbers[position > 0]]
    for gap in range(1, SMALL_RUN):
        limit = CHAIN_RUN if gap == 1 else SMALL_RUN
        chosen = np.flatnonzero((position > gap) & (run_length <= limit))  # position == gap: the first's
        firsts.append(numbers[chosen - gap])
        seconds.append(numbers[chosen])
    a = np.concatenate(firsts).astype(np.int64)
    b = np.concatenate(seconds).astype(np.int64)
    a, b = np.minimum(a, b), np.maximum(a, b)
    keep = slots[a] != slots[b]
    width = int(numbers.max()) + 1
    pairs, times = np.unique(a[keep] * width + b[keep], return_counts=True)
    a, b = pairs // width, pairs % width
    fewest = np.minimum(shingle_counts[a], shingle_counts[b])
    chosen = (times >= 2) | (fewest <= FEW_SHINGLES)
    return a[chosen], b[chosen]
