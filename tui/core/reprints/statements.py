"""The library's statements in several articles: the grouping kept beside the loaded articles.

The Library owns one `LibraryStatements`. It groups on first need (the first statement the reader
selects, or `newsreader` asking for every group), from the prints the cache keeps (`prints`) and
making the missing ones from the analyses; afterwards each analysis kept and each article replaced
updates the groups in place, so a library that grows by one article never groups again from scratch.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from tui.core.model import Analysis, Article, Quote
from tui.core.reprints.group import Appearance, StatementGroup
from tui.core.reprints.prints import ArticlePrints, pack_prints, prints_of, unpack_prints
from tui.core.store import Store

if TYPE_CHECKING:  # imported on first grouping: numpy and rapidfuzz cost the reader's start-up ~0.1 s
    from tui.core.reprints.grouping import StatementIndex


class LibraryStatements:
    """Groups of the same statement over a library's analysed articles.

    `analysed_ids()` lists the analysed articles in load order, `analysis(id)` and `article(id)` get
    one; `pipeline()` is the cache key of prints (None: nothing is kept).
    """

    def __init__(
        self,
        store: Store,
        pipeline: Callable[[], str | None],
        analysed_ids: Callable[[], list[str]],
        analysis: Callable[[str], Analysis | None],
        article: Callable[[str], Article | None],
    ) -> None:
        self._store = store
        self._pipeline = pipeline
        self._analysed_ids = analysed_ids
        self._analysis = analysis
        self._article = article
        self._index: StatementIndex | None = None
        self._order: dict[str, int] = {}  # article id -> when it was first seen here: the load order
        self._lock = threading.RLock()  # held while grouping or asking
        # Articles analysed or forgotten while the grouping is busy (the first one takes seconds at
        # 100,000): queued, so the thread keeping analyses never waits for it.
        self._waiting: list[ArticlePrints | str] = []
        self._waiting_lock = threading.Lock()
        self._grouping = False  # the first grouping has started (what is kept from now on is queued)

    def loaded(self, article_id: str) -> None:
        """An article was loaded: its place in the load order (which orders undated appearances)."""
        self._order.setdefault(article_id, len(self._order))

    # -- keeping up to date ----------------------------------------------------------------------

    def kept(self, analyses: Sequence[Analysis]) -> None:
        """Analyses were kept: store their prints and, once grouped, add their statements."""
        prints = [prints_of(a) for a in analyses]
        pipeline = self._pipeline()
        if pipeline is not None:
            self._store.put_statement_prints([(p.article_id, pack_prints(p)) for p in prints], pipeline)
        self._queue(prints)

    def forgotten(self, article_id: str) -> None:
        self._queue([article_id])

    def _queue(self, changes: Sequence[ArticlePrints | str]) -> None:
        """Apply at once if the grouping is free, else when it is next asked or done."""
        if not self._grouping:
            return  # the first grouping, when it comes, will read them all
        with self._waiting_lock:
            self._waiting.extend(changes)
        if self._lock.acquire(blocking=False):
            try:
                self._apply_waiting()
            finally:
                self._lock.release()

    def _apply_waiting(self) -> None:
        """Call holding `_lock`."""
        if self._index is None:
            return  # still grouping: they wait for it
        with self._waiting_lock:
            changes, self._waiting = self._waiting, []
        for change in changes:
            if isinstance(change, str):
                self._index.remove(change)
            else:
                self._index.add(change)

    @property
    def ready(self) -> bool:
        """Grouped already: asking costs a look-up, never the first grouping."""
        return self._index is not None

    def index(self) -> StatementIndex:
        """The grouping, made on first need from the cached prints (missing ones made and kept)."""
        with self._lock:
            if self._index is None:
                from tui.core.reprints.grouping import StatementIndex

                index = StatementIndex()
                self._grouping = True  # before the analysed articles are listed: none falls between
                index.build(self._prints(self._analysed_ids()))
                self._index = index
            self._apply_waiting()
            return self._index

    def _prints(self, article_ids: list[str]) -> Iterable[ArticlePrints]:
        pipeline = self._pipeline()
        stored = self._store.statement_prints(pipeline, article_ids) if pipeline is not None else {}
        made: list[tuple[str, bytes]] = []
        found: list[ArticlePrints] = []
        for article_id in article_ids:
            data = stored.get(article_id)
            prints = unpack_prints(article_id, data) if data is not None else None
            if prints is None:
                analysis = self._analysis(article_id)
                if analysis is None:
                    continue
                prints = prints_of(analysis)
                made.append((article_id, pack_prints(prints)))
            found.append(prints)
        if made and pipeline is not None:
            self._store.put_statement_prints(made, pipeline)
        return found

    # -- asking ----------------------------------------------------------------------------------

    def same_statement(self, article_id: str, quote: Quote) -> StatementGroup | None:
        """The statement's group when two articles or more print it; else None."""
        analysis = self._analysis(article_id)
        if analysis is None:
            return None
        try:
            quote_index = analysis.quotes.index(quote)
        except ValueError:
            return None
        with self._lock:
            members = self.index().group_of(article_id, quote_index)
        return self._group(members)

    def groups(self) -> list[StatementGroup]:
        """Every statement printed by two articles or more, the most printed first."""
        with self._lock:
            found = self.index().groups()
        groups = [g for g in (self._group(m) for m in found) if g is not None]
        return sorted(groups, key=lambda g: (-len(g.appearances), self._sort_key(g.reference.article_id)))

    def _group(self, members: list[tuple[str, int]]) -> StatementGroup | None:
        """One appearance per article (its first in reading order), ordered by date then load order."""
        chosen: dict[str, Quote] = {}
        for article_id, quote_index in members:
            analysis = self._analysis(article_id)
            if analysis is None or quote_index >= len(analysis.quotes):
                continue
            quote = analysis.quotes[quote_index]
            if article_id not in chosen or quote.start < chosen[article_id].start:
                chosen[article_id] = quote
        if len(chosen) < 2:
            return None
        ordered = sorted(chosen, key=self._sort_key)
        return StatementGroup(tuple(Appearance(i, chosen[i]) for i in ordered))

    def _sort_key(self, article_id: str) -> tuple[bool, str, int]:
        article = self._article(article_id)
        date = (article.date or "").strip() if article is not None else ""
        return (not date, date, self._order.get(article_id, len(self._order)))
