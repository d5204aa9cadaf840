"""The library on the cache: reopening shows cached analyses without spaCy and analyses only what is new."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import ClassVar

import pytest

from tui.core.library import Library
from tui.core.model import Actor, Analysis, Article, Entity, Span
from tui.core.query import QueryError

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"
KAZAKHSTAN = SAMPLE / "kazakhstan-csto-forces-to-remain.txt"


class CountingAnalyzer:
    """Stands in for spaCy where the test is about caching: names every capitalised word a PERSON."""

    version = "1"
    calls: ClassVar[list[str]] = []

    def __init__(self, model: str | None = None) -> None:
        self.identity = f"fake-{self.version}"

    def analyze_many(
        self, articles: Sequence[Article], processes: int = 1, batch_size: int = 8
    ) -> Iterator[Analysis]:
        for article in articles:
            CountingAnalyzer.calls.append(article.path)
            yield fake_analysis(article, self.identity)


class NewerAnalyzer(CountingAnalyzer):
    version = "2"


def fake_analysis(article: Article, identity: str) -> Analysis:
    import re

    names = [m for m in re.finditer(r"\b[A-Z][a-z]+\d*", article.text)]
    entities = tuple(Entity(m.start(), m.end(), "PERSON", m.group()) for m in names)
    actors = tuple(Actor(m.group(), "PERSON", (), (Span(m.start(), m.end(), m.group()),)) for m in names[:3])
    return Analysis(article.id, identity, entities=entities, actors=actors)


def write_articles(folder: Path, count: int, story: str = "Story") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"article-{n}.txt"
        path.write_text(f"{story} {n}\nMinister Amira Okafor{n} visited Lagos on day {n}.\n", "utf-8")
        paths.append(path)
    return paths


@pytest.fixture(autouse=True)
def reset_calls() -> None:
    CountingAnalyzer.calls = []


def test_reopening_uses_the_cache_and_analyses_only_what_is_new(tmp_path: Path) -> None:
    db = str(tmp_path / "cache.db")
    write_articles(tmp_path / "news", 5)
    first = Library(db=db, analyzer_factory=CountingAnalyzer)
    first.open([str(tmp_path / "news")])
    assert first.analyze_pending() == 5
    first.close()

    write_articles(tmp_path / "more", 2, story="Another story")
    CountingAnalyzer.calls = []
    second = Library(db=db, analyzer_factory=CountingAnalyzer)
    second.open([str(tmp_path / "news"), str(tmp_path / "more")])
    assert len(second.articles) == 7
    assert sorted(Path(a.path).name for a in second.pending()) == ["article-0.txt", "article-1.txt"]
    old = next(a for a in second.articles if a.path.endswith("news/article-3.txt"))
    assert second.analysis(old.id) == fake_analysis(old, "fake-1")
    assert CountingAnalyzer.calls == []  # cached analyses came without running the analyzer
    assert second.analyze_pending() == 2
    assert sorted(Path(p).name for p in CountingAnalyzer.calls) == ["article-0.txt", "article-1.txt"]
    assert second.pending() == []


def test_a_new_pipeline_re_analyses_everything_once(tmp_path: Path) -> None:
    db = str(tmp_path / "cache.db")
    write_articles(tmp_path / "news", 3)
    old = Library(db=db, analyzer_factory=CountingAnalyzer)
    old.open([str(tmp_path / "news")])
    old.analyze_pending()

    new = Library(db=db, analyzer_factory=NewerAnalyzer)
    new.open([str(tmp_path / "news")])
    assert len(new.pending()) == 3
    new.analyze_pending()
    assert all(new.analysis(a.id).pipeline == "fake-2" for a in new.articles)
    # re-analysed articles are re-indexed in place: a search lists each of them once
    assert sorted(Path(a.path).name for a in new.search("story")) == [f"article-{n}.txt" for n in range(3)]

    CountingAnalyzer.calls = []
    back = Library(db=db, analyzer_factory=CountingAnalyzer)  # the old pipeline's results are still there
    back.open([str(tmp_path / "news")])
    assert back.pending() == []
    assert CountingAnalyzer.calls == []


def test_no_cache_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_DB", str(tmp_path / "should-not-exist.db"))
    write_articles(tmp_path / "news", 2)
    library = Library(no_cache=True, analyzer_factory=CountingAnalyzer)
    library.open([str(tmp_path / "news")])
    library.analyze_pending()
    assert not (tmp_path / "should-not-exist.db").exists()
    again = Library(no_cache=True, analyzer_factory=CountingAnalyzer)
    again.open([str(tmp_path / "news")])
    assert len(again.pending()) == 2


def test_a_damaged_cache_still_opens_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    db.write_bytes(b"\x00garbage" * 500)
    write_articles(tmp_path / "news", 2)
    library = Library(db=str(db), analyzer_factory=CountingAnalyzer)
    library.open([str(tmp_path / "news")])
    assert len(library.articles) == 2
    assert any("moved it to" in m for m in library.messages)


def test_search_covers_only_the_loaded_articles(tmp_path: Path) -> None:
    db = str(tmp_path / "cache.db")
    write_articles(tmp_path / "news", 4)
    everything = Library(db=db, analyzer_factory=CountingAnalyzer)
    everything.open([str(tmp_path / "news")])
    assert len(everything.search("lagos")) == 4

    some = Library(db=db, analyzer_factory=CountingAnalyzer)
    some.open([str(tmp_path / "news" / "article-1.txt"), str(tmp_path / "news" / "article-2.txt")])
    assert sorted(Path(a.path).name for a in some.search("lagos")) == ["article-1.txt", "article-2.txt"]
    results = some.find("lagos", limit=1)
    assert results.total == 2 and len(results.hits) == 1
    assert "Lagos" in results.hits[0].snippet
    bare = some.find("lagos", limit=5, snippets=False)  # the same ranking, without the snippets
    assert bare.total == 2 and [h.snippet for h in bare.hits] == ["", ""]
    assert [h.article_id for h in bare.hits] == [h.article_id for h in some.find("lagos", limit=5).hits]


def test_search_finds_new_analyses_and_explains_bad_queries(tmp_path: Path) -> None:
    write_articles(tmp_path / "news", 3)
    library = Library(no_cache=True, analyzer_factory=CountingAnalyzer)
    library.open([str(tmp_path / "news")])
    assert library.search("person:okafor1") == []
    library.analyze_pending()
    (hit,) = library.search("person:okafor1")
    assert hit.path.endswith("article-1.txt")
    assert library.search("") == library.articles
    with pytest.raises(QueryError, match="unbalanced quote"):
        library.search('"lagos')
    assert library.match_spans('"lagos', hit.id) == []
    spans = library.match_spans("lagos minister", hit.id)
    assert [hit.text[s:e] for s, e in spans] == ["Minister", "Lagos"]


def test_cancelling_keeps_what_was_done(tmp_path: Path) -> None:
    write_articles(tmp_path / "news", 20)
    library = Library(no_cache=True, analyzer_factory=CountingAnalyzer)
    library.open([str(tmp_path / "news")])
    cancel = threading.Event()
    progress: list[tuple[int, int]] = []

    def note(done: int, total: int) -> None:
        progress.append((done, total))
        if done == 5:
            cancel.set()

    assert library.analyze_pending(on_progress=note, cancel=cancel) == 5
    assert progress[-1] == (5, 20)
    assert len(library.pending()) == 15


def test_tokayev_is_found_as_an_actor_once_the_real_analysis_is_stored(tmp_path: Path) -> None:
    """End to end with spaCy: analyse, reopen without analysing, search by actor and by quotation."""
    pytest.importorskip("spacy")
    db = str(tmp_path / "cache.db")
    first = Library(db=db)
    first.open([str(KAZAKHSTAN)])
    assert first.search("actor:Tokayev") == []  # not analysed yet: nobody is an actor
    assert first.analyze_pending() == 1
    (article,) = first.search("actor:Tokayev")
    first.close()

    second = Library(db=db)
    second.open([str(KAZAKHSTAN)])
    assert second.pending() == []
    assert second.search("actor:Tokayev") == [article]
    assert second.search('said:"hybrid terrorist attack"') == [article]
    hits = second.find("actor:Tokayev").hits
    assert hits[0].article_id == article.id
    assert [hits[0].snippet[s:e] for s, e in hits[0].snippet_spans] == ["Tokayev"]


def test_two_readers_on_one_cache_each_see_their_own_articles(tmp_path: Path) -> None:
    db = str(tmp_path / "cache.db")
    write_articles(tmp_path / "news", 3)
    write_articles(tmp_path / "more", 3, story="Another story")
    first = Library(db=db, analyzer_factory=CountingAnalyzer)
    second = Library(db=db, analyzer_factory=CountingAnalyzer)
    first.open([str(tmp_path / "news")])
    second.open([str(tmp_path / "more")])
    first.analyze_pending()
    second.analyze_pending()
    assert sorted(a.title for a in first.search("lagos")) == ["Story 0", "Story 1", "Story 2"]
    assert len(second.search("another lagos")) == 3
    assert first.messages == [] and second.messages == []
    first.close()
    second.close()
    third = Library(db=db, analyzer_factory=CountingAnalyzer)
    third.open([str(tmp_path / "news"), str(tmp_path / "more")])
    assert third.pending() == [] and len(third.search("person:okafor2")) == 2


def test_an_index_that_cannot_be_written_moves_to_memory_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core.index import SearchIndex

    real_writer = SearchIndex._writer

    def full_disk(self: SearchIndex):  # type: ignore[no-untyped-def]
        if self.path is not None:
            raise OSError(28, "No space left on device")
        return real_writer(self)

    monkeypatch.setattr(SearchIndex, "_writer", full_disk)
    write_articles(tmp_path / "news", 3)
    library = Library(db=str(tmp_path / "cache.db"), analyzer_factory=CountingAnalyzer)
    library.open([str(tmp_path / "news")])
    assert len(library.search("lagos")) == 3
    assert any("search index in memory" in m and "No space left" in m for m in library.messages)


def test_a_cached_article_shows_its_analysis_while_its_batch_is_being_written(tmp_path: Path) -> None:
    """The reader opens the first article while loading still writes the batch it came in (issue 10,
    item 6): the cached analysis must be found then too, not only before or after that write."""
    db = str(tmp_path / "cache.db")
    write_articles(tmp_path / "news", 3)
    first = Library(db=db, analyzer_factory=CountingAnalyzer)
    first.open([str(tmp_path / "news")])
    first.analyze_pending()
    first.close()
    CountingAnalyzer.calls = []

    second = Library(db=db, analyzer_factory=CountingAnalyzer)
    seen_while_writing: dict[str, Analysis | None] = {}
    write = second.store.put_articles

    def write_and_look(articles: Sequence[Article]) -> None:
        write(articles)
        for article in articles:  # what another thread asking at this moment gets
            seen_while_writing[article.id] = second.analysis(article.id)

    second.store.put_articles = write_and_look  # type: ignore[method-assign]
    second.open([str(tmp_path / "news")])
    assert len(seen_while_writing) == 3
    assert all(analysis is not None for analysis in seen_while_writing.values())
    assert CountingAnalyzer.calls == []
