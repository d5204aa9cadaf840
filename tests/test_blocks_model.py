"""An article's blocks: spans of its text that travel with it (to dict, to the cache and back)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.core.model import Article, Block
from tui.core.store import Store

TEXT = "A heading\n\nShe writes:\n\nThe quoted words.\n\nAn item"
BLOCKS = (
    Block("heading", 0, 9, 2),
    Block("paragraph", 11, 22),
    Block("blockquote", 24, 41),
    Block("list_item", 43, 50),
)


def structured() -> Article:
    return Article(path="s.md", title="S", text=TEXT, format="md", blocks=BLOCKS)


def test_blocks_survive_a_trip_through_a_dict() -> None:
    article = structured()
    data = article.to_dict()
    assert data["blocks"][0] == {"kind": "heading", "start": 0, "end": 9, "level": 2}
    assert "level" not in data["blocks"][1]
    assert Article.from_dict(data) == article


def test_an_article_given_no_blocks_reads_as_one_paragraph_a_line() -> None:
    article = Article(path="p.txt", title="P", text="  First line \n\nSecond line\n")
    assert [article.text[b.start : b.end] for b in article.blocks] == ["First line", "Second line"]
    assert {b.kind for b in article.blocks} == {"paragraph"}
    data = article.to_dict()
    del data["blocks"]  # a dict written before blocks existed
    assert Article.from_dict(data) == article


def test_an_unknown_block_kind_from_elsewhere_reads_as_a_paragraph() -> None:
    assert Block.from_dict({"kind": "marquee", "start": 0, "end": 3}).kind == "paragraph"


def test_the_cache_keeps_an_articles_blocks(tmp_path: Path) -> None:
    article = structured()
    store = Store.open(tmp_path / "cache.db")
    store.put_articles([article])
    store.close()
    store = Store.open(tmp_path / "cache.db")
    assert store.articles_by_id([article.id])[article.id].blocks == BLOCKS
    assert [stored.article.blocks for stored, _ in store.changed_since(0)] == [BLOCKS]


def test_new_blocks_for_the_same_text_are_written(tmp_path: Path) -> None:
    """A reader that learns to see a block quotation updates the cached article, text unchanged."""
    store = Store.open(tmp_path / "cache.db")
    plain = Article(path="s.md", title="S", text=TEXT, format="md")
    store.put_articles([plain])
    store.put_articles([structured()])
    assert store.articles_by_id([plain.id])[plain.id].blocks == BLOCKS


def test_a_row_cached_before_blocks_existed_reads_as_paragraphs(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    article = structured()
    store = Store.open(db)
    store.put_articles([article])
    store.close()
    raw = sqlite3.connect(db)
    raw.execute("UPDATE articles SET blocks = NULL")
    raw.commit()
    raw.close()
    store = Store.open(db)
    blocks = store.articles_by_id([article.id])[article.id].blocks
    assert [TEXT[b.start : b.end] for b in blocks] == [
        "A heading",
        "She writes:",
        "The quoted words.",
        "An item",
    ]
    assert {b.kind for b in blocks} == {"paragraph"}
