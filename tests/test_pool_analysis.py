"""Background analysis in worker processes: same results as in one process, progress, cancel, failures."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tui.core.analysis_pool import AnalysisPool
from tui.core.library import Library
from tui.core.model import Analysis, Article, Entity

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"


class WordCountAnalyzer:
    """A quick stand-in for spaCy, importable by spawned workers (module level, no state)."""

    identity = "word-count-1"

    def __init__(self, model: str | None = None) -> None:
        pass

    def analyze_many(
        self, articles: Sequence[Article], processes: int = 1, batch_size: int = 8
    ) -> Iterator[Analysis]:
        for article in articles:
            if "EXPLODE" in article.text:
                raise RuntimeError("this article breaks the analyzer")
            first = article.text.split()[0]
            yield Analysis(
                article.id,
                f"{self.identity}/pid-free",
                entities=(Entity(0, len(first), "ORG", first),),
            )


class BrokenAnalyzer(WordCountAnalyzer):
    def __init__(self, model: str | None = None) -> None:
        raise RuntimeError("no model here")


def articles(count: int) -> list[Article]:
    return [Article(path=f"{n}.txt", title=f"T{n}", text=f"Word{n} and more text {n}") for n in range(count)]


def test_worker_results_equal_in_process_results() -> None:
    todo = articles(19)
    expected = {a.article_id: a for a in WordCountAnalyzer().analyze_many(todo)}
    got: dict[str, Analysis] = {}
    progress: list[tuple[int, int]] = []
    with AnalysisPool(processes=2, analyzer_factory=WordCountAnalyzer) as pool:
        count = pool.run(
            todo,
            on_analysis=lambda a: got.__setitem__(a.article_id, a),
            on_progress=lambda d, t: progress.append((d, t)),
        )
    assert count == 19
    assert got == expected
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert progress[-1] == (19, 19)
    assert len(progress) == 3  # batches of 8: 8 + 8 + 3


def test_one_bad_article_costs_only_itself() -> None:
    todo = articles(5)
    todo[2] = Article(path="bad.txt", title="bad", text="EXPLODE here")
    errors: list[tuple[str, str]] = []
    got: list[Analysis] = []
    with AnalysisPool(analyzer_factory=WordCountAnalyzer) as pool:
        count = pool.run(todo, on_analysis=got.append, on_error=lambda a, why: errors.append((a.path, why)))
    assert count == 4 and len(got) == 4
    assert errors == [("bad.txt", "analysis failed: this article breaks the analyzer")]


def test_a_worker_that_cannot_start_reports_instead_of_hanging() -> None:
    errors: list[str] = []
    with AnalysisPool(analyzer_factory=BrokenAnalyzer) as pool:
        count = pool.run(articles(3), on_error=lambda a, why: errors.append(why))
    assert count == 0
    assert errors == ["the analysis could not start: no model here"] * 3


def test_cancel_stops_the_workers_early() -> None:
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        cancel.set()

    with AnalysisPool(analyzer_factory=WordCountAnalyzer) as pool:
        count = pool.run(articles(80), on_progress=progress, cancel=cancel)
        assert pool._pool is None  # the workers are gone
    assert count < 80


def test_library_background_analysis_is_cached_and_searchable(tmp_path: Path) -> None:
    library = Library(db=str(tmp_path / "c.db"), analyzer_factory=WordCountAnalyzer)
    for article in articles(10):
        library.add(article)
    got: list[str] = []
    assert library.analyze_pending(background=True, on_analysis=lambda a: got.append(a.article_id)) == 10
    assert sorted(got) == sorted(a.id for a in library.articles)
    assert library.pending() == []
    assert [a.path for a in library.search("org:word7")] == ["7.txt"]
    library.close()


@pytest.mark.skipif(os.cpu_count() == 1, reason="needs a second core to be useful")
def test_real_spacy_in_a_worker_equals_one_process() -> None:
    pytest.importorskip("spacy")
    from tui.core.nlp import Analyzer

    paths = ["kazakhstan-csto-forces-to-remain.txt", "wikinews-2019-05-16-actor-doris-day-dies-at-97.md"]
    library = Library(no_cache=True)
    library.open([str(SAMPLE / p) for p in paths])
    todo = library.articles
    in_process = {a.article_id: a for a in Analyzer().analyze_many(todo)}
    got: dict[str, Analysis] = {}
    with AnalysisPool(processes=1) as pool:
        pool.run(todo, on_analysis=lambda a: got.__setitem__(a.article_id, a))
    assert got == in_process
    assert any(q.actor == "Kassym-Jomart Tokayev" for a in got.values() for q in a.quotes)
