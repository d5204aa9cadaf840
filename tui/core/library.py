"""The loaded articles as one object: what the reader and the command line both work on.

The screen and the CLI never talk to sources, nlp or the cache directly; they ask the library,
so that opening, analysing, searching and listing actors behave the same everywhere.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from tui.core.model import Analysis, Article, LoadProblem, Quote

ArticleCallback = Callable[[Article], None]
ProblemCallback = Callable[[LoadProblem], None]
AnalysisCallback = Callable[[Analysis], None]
ProgressCallback = Callable[[int, int], None]


@dataclass
class ActorSummary:
    """One actor across the articles in scope, with every statement attributed to them."""

    name: str
    label: str
    aliases: set[str] = field(default_factory=set)
    statements: list[tuple[str, Quote]] = field(default_factory=list)
    article_ids: set[str] = field(default_factory=set)


class Library:
    """Loaded articles, their analyses and the problems met while loading.

    Thread-safe for one writer (a worker loading or analysing) and readers on the UI thread.
    """

    def __init__(self, *, model: str | None = None) -> None:
        self.model = model
        self._articles: dict[str, Article] = {}
        self._analyses: dict[str, Analysis] = {}
        self.problems: list[LoadProblem] = []
        self._lock = threading.RLock()
        self._analyzer = None

    # -- loading -----------------------------------------------------------------------------------

    def open(
        self,
        paths: Sequence[str],
        *,
        on_article: ArticleCallback | None = None,
        on_problem: ProblemCallback | None = None,
    ) -> None:
        """Read every path, adding articles as they are read; problems are kept and reported."""
        from tui.core.sources import iter_articles

        for item in iter_articles(paths):
            if isinstance(item, LoadProblem):
                with self._lock:
                    self.problems.append(item)
                if on_problem:
                    on_problem(item)
            elif self.add(item) and on_article:
                on_article(item)

    def add(self, article: Article) -> bool:
        """Add one article; the same text loaded twice is kept once."""
        with self._lock:
            if article.id in self._articles:
                return False
            self._articles[article.id] = article
            return True

    @property
    def articles(self) -> list[Article]:
        with self._lock:
            return list(self._articles.values())

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    # -- analysis ----------------------------------------------------------------------------------

    def analysis(self, article_id: str) -> Analysis | None:
        return self._analyses.get(article_id)

    def set_analysis(self, analysis: Analysis) -> None:
        with self._lock:
            self._analyses[analysis.article_id] = analysis

    def pending(self) -> list[Article]:
        """Articles not analysed yet, in the order they were loaded."""
        with self._lock:
            return [a for a in self._articles.values() if a.id not in self._analyses]

    def analyze_pending(
        self,
        *,
        on_analysis: AnalysisCallback | None = None,
        on_progress: ProgressCallback | None = None,
        processes: int = 1,
    ) -> None:
        """Analyse what is new; spaCy is loaded here, on first need, never at start-up."""
        todo = self.pending()
        if not todo:
            return
        from tui.core.nlp import Analyzer

        if self._analyzer is None:
            self._analyzer = Analyzer(self.model)
        total = len(todo)
        for done, analysis in enumerate(self._analyzer.analyze_many(todo, processes=processes), 1):
            self.set_analysis(analysis)
            if on_analysis:
                on_analysis(analysis)
            if on_progress:
                on_progress(done, total)

    def analyzed(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Analysis]]:
        for article in articles:
            analysis = self._analyses.get(article.id)
            if analysis is not None:
                yield article, analysis

    # -- search and actors -------------------------------------------------------------------------

    def search(self, query: str) -> list[Article]:
        """Articles whose title, text or actor names contain every word of the query."""
        words = query.lower().split()
        if not words:
            return self.articles
        hits = []
        for article in self.articles:
            analysis = self._analyses.get(article.id)
            names = " ".join(a.name for a in analysis.actors) if analysis else ""
            haystack = f"{article.title}\n{article.text}\n{names}".lower()
            if all(word in haystack for word in words):
                hits.append(article)
        return hits

    def actors(self, article_ids: Iterable[str] | None = None) -> list[ActorSummary]:
        """Actors of the given articles (all loaded articles when None), most statements first."""
        ids = list(article_ids) if article_ids is not None else list(self._articles)
        merged: dict[str, ActorSummary] = {}
        for article_id in ids:
            analysis = self._analyses.get(article_id)
            if analysis is None:
                continue
            for actor in analysis.actors:
                summary = merged.setdefault(actor.name, ActorSummary(actor.name, actor.label))
                summary.aliases.update(actor.aliases)
                summary.article_ids.add(article_id)
            for quote in analysis.quotes:
                if quote.actor:
                    summary = merged.setdefault(quote.actor, ActorSummary(quote.actor, "PERSON"))
                    summary.statements.append((article_id, quote))
                    summary.article_ids.add(article_id)
        return sorted(merged.values(), key=lambda s: (-len(s.statements), s.name.lower()))
