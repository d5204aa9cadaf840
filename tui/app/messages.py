"""Messages the workers post to the app: they never touch widgets themselves."""

from __future__ import annotations

from textual.message import Message

from tui.core.model import Analysis, Article, LoadProblem


class ArticlesRead(Message):
    def __init__(self, articles: list[Article]) -> None:
        super().__init__()
        self.articles = articles


class ProblemFound(Message):
    def __init__(self, problem: LoadProblem) -> None:
        super().__init__()
        self.problem = problem


class LoadingFinished(Message):
    def __init__(self, error: str | None = None) -> None:
        super().__init__()
        self.error = error


class AnalysesReady(Message):
    def __init__(self, analyses: list[Analysis]) -> None:
        super().__init__()
        self.analyses = analyses


class AnalysisProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class AnalysisFinished(Message):
    def __init__(self, error: str | None = None) -> None:
        super().__init__()
        self.error = error


class SearchResults(Message):
    """The best matches of a query, best first, and how many articles match in all (`total`)."""

    def __init__(
        self,
        query: str,
        article_ids: list[str] | None,
        error: str | None = None,
        total: int | None = None,
    ) -> None:
        super().__init__()
        self.query = query
        self.article_ids = article_ids
        self.error = error
        self.total = len(article_ids) if total is None and article_ids is not None else total


class WatchedArticlesRead(Message):
    """`--watch`: articles read from files that appeared or changed in the opened folders."""

    def __init__(self, articles: list[Article]) -> None:
        super().__init__()
        self.articles = articles


class ArticlesReplaced(Message):
    """`--watch`: loaded files came back with different text. Each pair is the id of an article that
    left the library and the article that takes its place (None when the file now holds fewer)."""

    def __init__(self, replaced: list[tuple[str, Article | None]]) -> None:
        super().__init__()
        self.replaced = replaced


class WatchStopped(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error
