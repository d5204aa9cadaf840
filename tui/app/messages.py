"""What the background jobs (tui.app.jobs) tell the reader: they post these and never touch a widget.

Dataclass messages, as Toolong writes them. A flood of one kind is merged where only the latest
counts: a progress report replaces the one still waiting in the queue (`can_replace`), so a fast
analysis never queues hundreds of repaints of the progress bar.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from tui.core.model import Analysis, Article, LoadProblem


@dataclass
class ArticlesRead(Message):
    """A batch of articles read from the opened paths (or, `watched`, from files that appeared)."""

    articles: list[Article]
    watched: bool = False


@dataclass
class ProblemFound(Message):
    problem: LoadProblem


@dataclass
class LoadingFinished(Message):
    error: str | None = None


@dataclass
class AnalysesReady(Message):
    analyses: list[Analysis]


@dataclass
class AnalysisProgress(Message):
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisProgress)


@dataclass
class AnalysisFinished(Message):
    error: str | None = None


@dataclass
class SearchResults(Message):
    """The best matches of a query, best first, and how many articles match in all (`total`)."""

    query: str
    article_ids: list[str] | None
    error: str | None = None
    total: int | None = field(default=None)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.total is None and self.article_ids is not None:
            self.total = len(self.article_ids)


@dataclass
class ArticlesReplaced(Message):
    """Loaded files came back different (`--watch`, or the files checked after the articles were
    listed from the cache). Each pair is the id of an article that left the library and the article
    that takes its place (None when the file now holds fewer, or is gone); a pair with the same id
    is the same text with new details (title, date, blocks)."""

    replaced: list[tuple[str, Article | None]]


@dataclass
class WatchStopped(Message):
    error: str
