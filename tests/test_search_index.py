"""The full-text index: the right articles, ranked, and never out of step with the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.index import SearchIndex
from tui.core.model import Actor, Analysis, Article, Entity, Quote, Span
from tui.core.query import parse_query
from tui.core.search import make_snippet, match_spans
from tui.core.store import Store

KAZ_TEXT = (
    "Kazakh FM: Recent events are a hybrid attack\n"
    'President Kassym-Jomart Tokayev said "the CSTO forces will remain until the situation is stable" '
    "in Almaty on Monday."
)
KAZ = Article(
    path="kaz.txt",
    title="Kazakh FM: Recent events are a hybrid attack",
    text=KAZ_TEXT,
    date="2022-01-10",
    source="Example News",
)
CAIRO = Article(
    path="cairo.md",
    title="Obama speaks in Cairo",
    text="Obama speaks in Cairo\nThe speech was long.",
    date="2009-06-04",
    source="Global Voices",
)
PERU = Article(
    path="peru.md",
    title="Clashes in Peru",
    text="Clashes in Peru\nPolice and protesters clashed.",
    date="2009-06-05",
    source="Global Voices",
)


def kaz_analysis(pipeline: str = "p") -> Analysis:
    start = KAZ_TEXT.index("Kassym")
    name = "Kassym-Jomart Tokayev"
    quote_start = KAZ_TEXT.index('"the') + 1
    quote_end = KAZ_TEXT.index('stable"') + len("stable")
    return Analysis(
        KAZ.id,
        pipeline,
        entities=(
            Entity(start, start + len(name), "PERSON", name),
            Entity(KAZ_TEXT.index("Almaty"), KAZ_TEXT.index("Almaty") + 6, "GPE", "Almaty"),
            Entity(KAZ_TEXT.index("CSTO"), KAZ_TEXT.index("CSTO") + 4, "ORG", "CSTO"),
        ),
        actors=(Actor(name, "PERSON", ("Tokayev",), (Span(start, start + len(name), name),)),),
        quotes=(Quote(quote_start, quote_end, "direct", KAZ_TEXT[quote_start:quote_end], actor=name),),
    )


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Store, SearchIndex]:
    store = Store.open(tmp_path / "cache.db")
    store.put_articles([KAZ, CAIRO, PERU])
    store.put_analyses([kaz_analysis()])
    index = SearchIndex(store.index_path)
    index.sync(store)
    return store, index


def found(store: Store, index: SearchIndex, query: str) -> list[str]:
    numbers = {n: i for i, n in store.article_numbers([KAZ.id, CAIRO.id, PERU.id]).items()}
    paths = {KAZ.id: "kaz", CAIRO.id: "cairo", PERU.id: "peru"}
    _, hits = index.search(parse_query(query), limit=10)
    return [paths[numbers[n]] for n, _ in hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tokayev", ["kaz"]),
        ("actor:tokayev", ["kaz"]),
        ("actor:Kassym-Jomart", ["kaz"]),
        ("person:tokayev", ["kaz"]),
        ("org:csto", ["kaz"]),
        ("place:almaty", ["kaz"]),
        ("place:cairo", []),  # no analysis says Cairo is a place
        ('said:"forces will remain"', ["kaz"]),
        ("said:hybrid", []),  # in the headline, not inside a quotation
        ('"hybrid attack"', ["kaz"]),
        ('"attack hybrid"', []),
        ("toka*", ["kaz"]),
        ("source:global", ["cairo", "peru"]),
        ("source:global -peru", ["cairo"]),
        ("obama OR peru", None),
        ("date:2009-06-05", ["peru"]),
        ("date:2009..2010 clashes", ["peru"]),
        ("date:2022", ["kaz"]),
        ("AND", ["peru"]),  # a plain word: "Police and protesters"
    ],
)
def test_queries_find_the_right_articles(filled: tuple[Store, SearchIndex], query: str, expected) -> None:
    store, index = filled
    result = found(store, index, query)
    if expected is None:
        assert sorted(result) == ["cairo", "peru"]
    else:
        assert sorted(result) == sorted(expected)


def test_title_matches_rank_above_text_matches(tmp_path: Path) -> None:
    in_title = Article(
        path="t.txt", title="Drought in Kenya", text="Drought in Kenya\nNo rain this year at all."
    )
    in_text = Article(
        path="x.txt", title="Weather report", text="Weather report\nThere is a drought in the south."
    )
    store = Store.open(tmp_path / "c.db")
    store.put_articles([in_text, in_title])
    index = SearchIndex(store.index_path)
    index.sync(store)
    numbers = store.article_numbers([in_title.id, in_text.id])
    _, hits = index.search(parse_query("drought"), limit=10)
    assert [n for n, _ in hits] == [numbers[in_title.id], numbers[in_text.id]]


def test_a_new_analysis_replaces_the_article_in_the_index_not_duplicates_it(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "c.db")
    store.put_articles([KAZ])
    index = SearchIndex(store.index_path)
    index.sync(store)
    assert index.search(parse_query("actor:tokayev"), limit=5)[0] == 0
    store.put_analyses([kaz_analysis()])
    assert not index.is_current(store)
    assert index.sync(store) == 1
    assert index.num_docs() == 1
    assert index.search(parse_query("actor:tokayev"), limit=5)[0] == 1


def test_the_index_follows_the_cache_across_reopening(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "c.db")
    store.put_articles([KAZ, CAIRO])
    SearchIndex(store.index_path).sync(store)
    store.put_articles([PERU])  # written while no index was looking
    store.close()
    store = Store.open(tmp_path / "c.db")
    index = SearchIndex(store.index_path)
    assert not index.is_current(store)
    assert index.sync(store) == 1
    assert index.num_docs() == 3


def test_an_index_made_for_another_cache_is_rebuilt(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "c.db")
    store.put_articles([KAZ, CAIRO])
    SearchIndex(store.index_path).sync(store)
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp_path / "c.db") + suffix).unlink(missing_ok=True)
    fresh = Store.open(tmp_path / "c.db")  # same place, new cache: the old index must not be trusted
    fresh.put_articles([PERU])
    index = SearchIndex(fresh.index_path)
    assert not index.is_current(fresh)
    index.sync(fresh)
    assert index.num_docs() == 1


def test_a_damaged_index_is_rebuilt_from_the_cache(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "c.db")
    store.put_articles([KAZ, CAIRO, PERU])
    SearchIndex(store.index_path).sync(store)
    for path in Path(store.index_path).iterdir():
        if path.name == "meta.json":
            path.write_text("{ not json")
    index = SearchIndex(store.index_path)
    assert index.messages and "rebuilding" in index.messages[0]
    index.sync(store)
    assert index.num_docs() == 3


def test_search_is_limited_to_the_articles_asked_about(filled: tuple[Store, SearchIndex]) -> None:
    store, index = filled
    numbers = store.article_numbers([CAIRO.id, PERU.id])
    total, hits = index.search(parse_query("source:global"), limit=10, among=[numbers[PERU.id]])
    assert total == 1 and [n for n, _ in hits] == [numbers[PERU.id]]


def test_match_spans_point_at_the_words_in_the_text() -> None:
    spans = match_spans(parse_query('tokayev "hybrid attack" alm*'), KAZ, kaz_analysis())
    assert [KAZ_TEXT[s:e] for s, e in spans] == ["hybrid attack", "Tokayev", "Almaty"]


def test_field_terms_highlight_only_inside_their_part() -> None:
    text_with_two = KAZ_TEXT
    spans = match_spans(parse_query("said:forces"), KAZ, kaz_analysis())
    assert [text_with_two[s:e] for s, e in spans] == ["forces"]
    assert match_spans(parse_query("said:hybrid"), KAZ, kaz_analysis()) == []
    assert match_spans(parse_query("-tokayev"), KAZ, kaz_analysis()) == []


def test_snippets_are_one_line_with_the_match_marked() -> None:
    long_text = "Intro line.\n" + "filler words here " * 30 + "the Tokayev statement " + "more filler " * 30
    article = Article(path="l.txt", title="Intro line.", text=long_text)
    spans = match_spans(parse_query("tokayev"), article)
    snippet, marks = make_snippet(long_text, spans)
    assert "\n" not in snippet and snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) <= 170
    assert [snippet[s:e] for s, e in marks] == ["Tokayev"]
