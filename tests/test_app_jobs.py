"""The reader's background jobs and its search throttle, without a screen: what they post, and when."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from tui.app import jobs, messages
from tui.app.search_throttle import SearchThrottle
from tui.core.library import Library


def write_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"story-{n}.txt").write_text(f"Story {n}\n\nThe mayor spoke on day {n}.\n", "utf-8")


def test_the_loader_posts_every_article_once_then_says_it_finished(tmp_path: Path) -> None:
    write_articles(tmp_path / "news", 5)
    (tmp_path / "news" / "broken.json").write_text("{not json", "utf-8")
    library = Library(no_cache=True)
    posted: list[object] = []
    jobs.Loader(lambda: library, posted.append).run([str(tmp_path / "news")])
    read = [a.path for m in posted if isinstance(m, messages.ArticlesRead) for a in m.articles]
    assert sorted(Path(p).name for p in read) == [f"story-{n}.txt" for n in range(5)]
    assert [Path(m.problem.path).name for m in posted if isinstance(m, messages.ProblemFound)] == [
        "broken.json"
    ]
    assert isinstance(posted[-1], messages.LoadingFinished) and posted[-1].error is None


def test_a_loader_that_breaks_says_why_instead_of_raising(tmp_path: Path) -> None:
    class Broken:
        def list_cached(self, *args: object, **kwargs: object) -> list[object]:
            return []  # nothing listed from the cache: the files must be read

        def open(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("disk on fire")

    posted: list[object] = []
    jobs.Loader(lambda: Broken(), posted.append).run([str(tmp_path)])  # type: ignore[arg-type, return-value]
    assert posted == [messages.LoadingFinished("RuntimeError: disk on fire")]


@dataclass
class PendingLibrary:
    """Stands in for the library where only the analyser's bookkeeping is tested."""

    waiting: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    model_problem: str | None = None
    runs: int = 0

    def pending(self) -> list[str]:
        return list(self.waiting)

    def analyze_pending(self, **kwargs: object) -> None:
        self.runs += 1
        self.release.wait(5)
        self.waiting.clear()


def test_the_analyser_runs_once_at_a_time_and_again_for_what_arrived_meanwhile() -> None:
    library = PendingLibrary(["a", "b"])
    posted: list[object] = []
    analyser = jobs.Analyser(lambda: library, posted.append)  # type: ignore[arg-type, return-value]
    assert analyser.start() == 2
    library.waiting.append("c")  # --watch: a new article while the first run goes on
    assert analyser.start() == 0  # not a second thread: one more run when this one ends
    library.release.set()
    analyser._thread.join(5)  # type: ignore[union-attr]
    assert posted == [messages.AnalysisFinished(None)]
    library.waiting.append("d")
    assert analyser.finished(None) == 1
    analyser._thread.join(5)  # type: ignore[union-attr]
    assert library.runs == 2
    assert analyser.finished(None) == 0  # nothing asked for meanwhile: no third run


def test_the_analyser_does_nothing_when_nothing_is_pending() -> None:
    analyser = jobs.Analyser(lambda: PendingLibrary(), print)  # type: ignore[arg-type, return-value]
    assert analyser.start() == 0


@dataclass
class FakeWorker:
    query: str
    is_finished: bool = False


def test_the_throttle_searches_the_first_key_at_once_and_merges_the_keys_typed_meanwhile() -> None:
    started: list[FakeWorker] = []

    def start(query: str) -> FakeWorker:
        started.append(FakeWorker(query))
        return started[-1]

    throttle = SearchThrottle(start)  # type: ignore[arg-type]
    throttle.request("t")
    assert [w.query for w in started] == ["t"]
    for text in ("to", "tok", "toka"):
        throttle.request(text)
    assert [w.query for w in started] == ["t"] and not throttle.idle
    started[0].is_finished = True
    throttle.search_ended(started[0])  # type: ignore[arg-type]
    assert [w.query for w in started] == ["t", "toka"]
    started[1].is_finished = True
    throttle.search_ended(started[1])  # type: ignore[arg-type]
    assert len(started) == 2 and throttle.idle


def test_a_cache_that_cannot_list_still_lets_the_files_be_read(tmp_path: Path) -> None:
    write_articles(tmp_path / "news", 2)
    library = Library(no_cache=True)

    def broken(*args: object, **kwargs: object) -> list[object]:
        raise sqlite3.DatabaseError("database disk image is malformed")

    library.list_cached = broken  # type: ignore[method-assign]
    posted: list[object] = []
    jobs.Loader(lambda: library, posted.append).run([str(tmp_path / "news")])
    read = [a for m in posted if isinstance(m, messages.ArticlesRead) for a in m.articles]
    assert len(read) == 2
    assert isinstance(posted[-1], messages.LoadingFinished) and posted[-1].error is None
