"""Many articles at once: input order kept, and two processes give exactly what one gives."""

from __future__ import annotations

from nlp_fixtures import SAMPLE_DATA, shared_analyzer

from tui.core.model import Article


def sample_articles() -> list[Article]:
    wikinews = sorted(SAMPLE_DATA.glob("wikinews-2019-0*.md"))[:5]
    paths = [*wikinews, SAMPLE_DATA / "kazakhstan-csto-forces-to-remain.txt"]
    return [Article(path=str(p), title=p.stem, text=p.read_text(encoding="utf-8")) for p in paths]


def test_one_and_two_processes_give_identical_analyses_in_input_order():
    articles = sample_articles()
    analyzer = shared_analyzer()
    one = list(analyzer.analyze_many(articles, processes=1, batch_size=4))
    two = list(analyzer.analyze_many(articles, processes=2, batch_size=2))
    assert [a.article_id for a in one] == [a.id for a in articles]
    assert [a.to_dict() for a in one] == [a.to_dict() for a in two]
    assert one[-1].to_dict() == analyzer.analyze(articles[-1]).to_dict()
    assert all(a.pipeline == analyzer.identity for a in one)


def test_spawned_workers_when_threads_run_give_the_same_results(monkeypatch):
    """Inside a running app (threads alive) workers are spawned and load the model themselves."""
    from tui.core.nlp import analyzer as analyzer_module

    monkeypatch.setattr(analyzer_module.threading, "active_count", lambda: 3)
    articles = sample_articles()[-2:]
    analyzer = shared_analyzer()
    spawned = [a.to_dict() for a in analyzer.analyze_many(articles, processes=2, batch_size=1)]
    assert spawned == [analyzer.analyze(a).to_dict() for a in articles]


def test_no_articles_gives_no_analyses():
    assert list(shared_analyzer().analyze_many([], processes=2)) == []
