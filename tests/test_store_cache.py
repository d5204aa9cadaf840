"""The analysis cache: what is stored comes back, and a bad file or disk never stops the reader."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from tui.core.model import Actor, Analysis, Article, Entity
from tui.core.store import MEMORY, Store, resolve_db_path


def article(n: int) -> Article:
    return Article(path=f"a{n}.txt", title=f"Title {n}", text=f"Title {n}\nBody of article number {n}.")


def analysis(a: Article, pipeline: str = "model-1/analysis-1") -> Analysis:
    return Analysis(
        a.id,
        pipeline,
        entities=(Entity(0, 5, "ORG", "Title"),),
        actors=(Actor("Someone Else", "PERSON", ("Else",)),),
    )


def test_analyses_survive_closing_and_reopening(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    store = Store.open(db)
    a, b = article(1), article(2)
    store.put_articles([a, b])
    store.put_analyses([analysis(a)])
    store.close()

    again = Store.open(db)
    assert again.messages == []
    assert again.analysis(a.id, "model-1/analysis-1") == analysis(a)
    assert again.analysis(b.id, "model-1/analysis-1") is None
    assert again.analyzed_ids("model-1/analysis-1") == {a.id}
    assert again.articles_by_id([a.id, b.id]) == {a.id: a, b.id: b}


def test_another_pipeline_misses_the_cache(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "cache.db")
    a = article(1)
    store.put_articles([a])
    store.put_analyses([analysis(a, "model-1/analysis-1")])
    assert store.analysis(a.id, "model-1/analysis-2") is None
    assert store.analyzed_ids("model-1/analysis-2", [a.id]) == set()


def test_unchanged_articles_do_not_bump_the_generation(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "cache.db")
    store.put_articles([article(1), article(2)])
    before = store.generation
    store.put_articles([article(1), article(2)])
    assert store.generation == before
    moved = Article(path="elsewhere/a1.txt", title="Title 1", text=article(1).text)
    store.put_articles([moved])
    assert store.generation == before + 1
    assert store.articles_by_id([moved.id])[moved.id].path == "elsewhere/a1.txt"


def test_a_damaged_file_is_moved_aside_and_a_new_cache_made(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    db.write_bytes(b"this is not a database at all, just some bytes" * 100)
    store = Store.open(db)
    assert store.persistent
    assert len(store.messages) == 1
    assert "moved it to" in store.messages[0]
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("cache.db.broken-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    store.put_articles([article(1)])
    assert store.count_articles() == 1


def test_another_programs_database_is_moved_aside_not_changed(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    other = sqlite3.connect(db)
    other.execute("CREATE TABLE contacts (name TEXT)")
    other.execute("INSERT INTO contacts VALUES ('Ada')")
    other.commit()
    other.close()
    store = Store.open(db)
    assert "not a newsreader cache" in store.messages[0]
    (aside,) = [
        p
        for p in tmp_path.iterdir()
        if p.name.startswith("cache.db.broken-") and not p.name.endswith(("-wal", "-shm"))
    ]
    assert sqlite3.connect(aside).execute("SELECT name FROM contacts").fetchall() == [("Ada",)]


def test_a_cache_from_a_newer_version_is_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    Store.open(db).close()
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    store = Store.open(db)
    assert "newer newsreader" in store.messages[0]
    assert store.persistent


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_folder_means_no_cache_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        store = Store.open(folder / "cache.db")
        assert store.path == MEMORY and not store.persistent
        assert "cache off" in store.messages[0]
        store.put_articles([article(1)])
        assert store.count_articles() == 1
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_write_that_fails_for_disk_reasons_carries_on_in_memory(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "cache.db")
    store.put_articles([article(1)])
    # Simulate a full disk: SQLite refuses to grow the file past its current size.
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    # random text: the cache compresses, and must still need more pages than it may have
    big = [Article(path=f"b{n}.txt", title="t", text=os.urandom(5000).hex()) for n in range(200)]
    store.put_articles(big)
    assert not store.persistent
    assert any("cannot write" in m for m in store.messages)
    assert store.count_articles() == 201


def test_two_readers_on_one_cache_write_at_once(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    first, second = Store.open(db), Store.open(db)
    errors: list[BaseException] = []

    def write(store: Store, start: int) -> None:
        try:
            for n in range(start, start + 40):
                a = article(n)
                store.put_articles([a])
                store.put_analyses([analysis(a)])
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(s, k)) for s, k in ((first, 0), (second, 1000))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert first.messages == [] and second.messages == []
    assert len(Store.open(db).analyzed_ids("model-1/analysis-1")) == 80


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSREADER_DB", str(tmp_path / "env.db"))
    assert resolve_db_path() == str(tmp_path / "env.db")
    assert resolve_db_path(str(tmp_path / "flag.db")) == str(tmp_path / "flag.db")
    assert resolve_db_path(str(tmp_path / "flag.db"), no_cache=True) == MEMORY
    monkeypatch.delenv("NEWSREADER_DB")
    assert resolve_db_path().endswith(os.path.join("newsreader", "newsreader.db"))


def test_a_cache_path_that_cannot_be_made_means_no_cache_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    store = Store.open(tmp_path / "a-file" / "cache.db")
    assert not store.persistent
    assert store.messages and "cache off" in store.messages[0]
    store.put_articles([article(1)])
    assert store.count_articles() == 1
