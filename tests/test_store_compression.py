"""Schema 2 keeps texts and analyses compressed; a schema 1 cache is migrated without losing anything."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from tests.test_store_cache import analysis, article
from tui.core.index import SearchIndex
from tui.core.model import Article
from tui.core.query import parse_query
from tui.core.store import _SCHEMA_V1, APPLICATION_ID, PAGE_SIZE, SCHEMA_VERSION, Store


def write_schema_1_cache(db: Path, articles: list[Article]) -> None:
    """A cache as newsreader left it before compression: plain text and JSON."""
    raw = sqlite3.connect(db, isolation_level=None)
    raw.executescript(_SCHEMA_V1)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.execute("INSERT INTO meta (key, value) VALUES ('uid', 'old-uid'), ('generation', '7')")
    for a in articles:
        raw.execute(
            "INSERT INTO articles (id, path, title, text, date, source, url, authors, licence, format, gen)"
            " VALUES (?, ?, ?, ?, NULL, NULL, NULL, '[]', NULL, 'txt', 7)",
            (a.id, a.path, a.title, a.text),
        )
        raw.execute(
            "INSERT INTO analyses VALUES (?, 'model-1/analysis-1', ?, ?)",
            (a.id, json.dumps(analysis(a).to_dict()), time.time()),
        )
    raw.execute("PRAGMA user_version = 1")
    raw.close()


def test_a_schema_1_cache_is_migrated_with_everything_in_it(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    articles = [article(n) for n in range(20)]
    write_schema_1_cache(db, articles)

    store = Store.open(db)
    assert store.messages == []  # a migration is not a problem to report
    assert store.uid == "old-uid" and store.generation == 7  # the search index built on it stays valid
    assert store.articles_by_id([a.id for a in articles]) == {a.id: a for a in articles}
    assert all(store.analysis(a.id, "model-1/analysis-1") == analysis(a) for a in articles)
    store.close()

    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    kinds = raw.execute("SELECT DISTINCT typeof(text) FROM articles").fetchall()
    kinds += raw.execute("SELECT DISTINCT typeof(data) FROM analyses").fetchall()
    assert kinds == [("blob",), ("blob",)]
    # rewritten once with large pages (one compressed article no longer takes a page of its own)
    assert raw.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_new_cache_has_large_pages(tmp_path: Path) -> None:
    Store.open(tmp_path / "cache.db").close()
    assert sqlite3.connect(tmp_path / "cache.db").execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE


def test_the_index_rebuilt_from_a_migrated_cache_finds_its_articles(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    write_schema_1_cache(db, [article(1), article(2)])
    store = Store.open(db)
    index = SearchIndex(None)
    index.sync(store)
    total, _ = index.search(parse_query("number"), limit=5)
    assert total == 2


def test_compressed_rows_are_much_smaller_than_the_text(tmp_path: Path) -> None:
    words = "the minister said on Tuesday that the budget would be voted next week in parliament "
    long = Article(path="long.txt", title="Budget", text="Budget\n" + words * 60)
    store = Store.open(tmp_path / "cache.db")
    store.put_articles([long])
    stored = store._db.execute("SELECT length(text) FROM articles").fetchone()[0]
    assert stored < len(long.text.encode()) / 4
    assert store.articles_by_id([long.id])[long.id].text == long.text
