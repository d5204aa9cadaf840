"""Reopening paths lists their articles from the cache before a file is read (the reader's first
paint), and reading the files afterwards catches everything that changed since (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_library_cache import CountingAnalyzer
from tui.core.library import Library
from tui.core.model import Article


def reader(db: Path) -> Library:
    return Library(db=str(db), analyzer_factory=CountingAnalyzer)


def news_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "budget.txt").write_text("Budget vote\nThe parliament met in Lagos.\n", "utf-8")
    (folder / "weather.txt").write_text("Weather\nRain over Lagos all week.\n", "utf-8")
    (folder / "port.txt").write_text("Port strike\nDockers stopped work in Mombasa.\n", "utf-8")
    return folder


def read_once(db: Path, *paths: Path) -> Library:
    """A session that read the paths to the end and quit, as the reader does."""
    library = reader(db)
    library.open([str(p) for p in paths], keep_listing=True)
    library.analyze_pending()
    library.close()
    return library


class Seen:
    """What `open` reports: articles added, and (old id, new title or None) for each replacement."""

    def __init__(self) -> None:
        self.added: list[str] = []
        self.replaced: list[tuple[str, str | None]] = []

    def article(self, article: Article) -> None:
        self.added.append(article.title)

    def replacement(self, old_id: str, new: Article | None) -> None:
        self.replaced.append((old_id, new.title if new is not None else None))


def reopen(library: Library, *paths: Path) -> Seen:
    seen = Seen()
    library.open(
        [str(p) for p in paths], on_article=seen.article, on_replaced=seen.replacement, keep_listing=True
    )
    return seen


def test_nothing_is_listed_from_a_cache_that_never_read_the_paths(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    assert reader(tmp_path / "cache.db").list_cached([str(folder)]) == []
    other = tmp_path / "other"
    other.mkdir()
    read_once(tmp_path / "cache.db", other)
    assert reader(tmp_path / "cache.db").list_cached([str(folder)]) == []


def test_the_articles_read_last_time_are_listed_without_reading_a_file(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    first = read_once(tmp_path / "cache.db", folder)
    away = folder.rename(tmp_path / "away")  # what is listed comes from the cache alone
    library = reader(tmp_path / "cache.db")
    listed = library.list_cached([str(folder)])
    away.rename(folder)
    assert sorted(a.title for a in listed) == ["Budget vote", "Port strike", "Weather"]
    assert sorted(a.id for a in library.articles) == sorted(a.id for a in first.articles)
    # their analyses are the cached ones: nothing is analysed again, and they can be searched
    assert library.analysis(listed[0].id) is not None
    assert library.pending() == []
    assert [a.title for a in library.search("mombasa")] == ["Port strike"]


def test_unchanged_files_read_after_the_listing_change_nothing(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    read_once(tmp_path / "cache.db", folder)
    library = reader(tmp_path / "cache.db")
    library.list_cached([str(folder)])
    seen = reopen(library, folder)
    assert seen.added == [] and seen.replaced == []
    assert len(library.articles) == 3 and library.pending() == []


def test_a_file_changed_since_last_time_replaces_its_listed_article(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    first = read_once(tmp_path / "cache.db", folder)
    old = next(a for a in first.articles if a.title == "Budget vote")
    (folder / "budget.txt").write_text("Budget vote, recount\nThe parliament met in Abuja.\n", "utf-8")

    library = reader(tmp_path / "cache.db")
    assert "Budget vote" in [a.title for a in library.list_cached([str(folder)])]
    seen = reopen(library, folder)

    assert seen.replaced == [(old.id, "Budget vote, recount")] and seen.added == []
    assert sorted(a.title for a in library.articles) == ["Budget vote, recount", "Port strike", "Weather"]
    assert library.article(old.id) is None
    assert [a.title for a in library.search("parliament")] == ["Budget vote, recount"]
    assert [a.title for a in library.pending()] == ["Budget vote, recount"]


def test_a_file_removed_since_last_time_leaves_the_library(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    first = read_once(tmp_path / "cache.db", folder)
    port = next(a for a in first.articles if a.title == "Port strike")
    (folder / "port.txt").unlink()

    library = reader(tmp_path / "cache.db")
    assert len(library.list_cached([str(folder)])) == 3
    seen = reopen(library, folder)

    assert seen.replaced == [(port.id, None)]
    assert sorted(a.title for a in library.articles) == ["Budget vote", "Weather"]
    assert library.search("mombasa") == [] and library.find("mombasa").total == 0
    # and the next session does not list it any more
    assert len(reader(tmp_path / "cache.db").list_cached([str(folder)])) == 2


def test_a_file_that_cannot_be_read_any_more_leaves_the_library(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    read_once(tmp_path / "cache.db", folder)
    (folder / "weather.txt").write_bytes(b"")  # an empty file is no article (a problem is reported)
    library = reader(tmp_path / "cache.db")
    library.list_cached([str(folder)])
    seen = reopen(library, folder)
    assert [title for _, title in seen.replaced] == [None]
    assert sorted(a.title for a in library.articles) == ["Budget vote", "Port strike"]


def test_a_new_file_since_last_time_is_added(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    read_once(tmp_path / "cache.db", folder)
    (folder / "rail.txt").write_text("Rail line\nA new line opens in Nairobi.\n", "utf-8")
    library = reader(tmp_path / "cache.db")
    library.list_cached([str(folder)])
    seen = reopen(library, folder)
    assert seen.added == ["Rail line"] and seen.replaced == []
    assert len(library.articles) == 4


def test_the_same_text_with_a_new_title_takes_the_listed_copy_s_place(tmp_path: Path) -> None:
    feed = tmp_path / "wire.jsonl"

    def write(title: str) -> None:
        lines = [
            {"title": title, "text": "Dockers stopped work in Mombasa."},
            {"title": "Rail", "text": "Trains."},
        ]
        feed.write_text("\n".join(json.dumps(line) for line in lines) + "\n", "utf-8")

    write("Port strike")
    first = read_once(tmp_path / "cache.db", feed)
    write("Port strike ends")
    library = reader(tmp_path / "cache.db")
    assert sorted(a.title for a in library.list_cached([str(feed)])) == ["Port strike", "Rail"]
    seen = reopen(library, feed)

    strike = next(a for a in first.articles if a.title == "Port strike")
    assert seen.replaced == [(strike.id, "Port strike ends")]  # same id: the same text, new details
    assert library.article(strike.id).title == "Port strike ends"
    assert library.analysis(strike.id) is not None  # its text did not change: nor did its analysis
    assert sorted(a.title for a in reader(tmp_path / "cache.db").list_cached([str(feed)])) == [
        "Port strike ends",
        "Rail",
    ]


def test_a_folder_opened_from_another_directory_lists_and_keeps_the_same_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = news_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    read_once(tmp_path / "cache.db", Path("news"))
    monkeypatch.chdir(folder)
    library = reader(tmp_path / "cache.db")
    assert len(library.list_cached(["."])) == 3
    seen = reopen(library, Path("."))
    assert seen.added == [] and [t for _, t in seen.replaced if t is None] == []
    assert len(library.articles) == 3
    # the paths now say where the files are from here
    assert sorted(a.path for a in library.articles) == ["budget.txt", "port.txt", "weather.txt"]


def test_a_listing_that_is_not_read_to_the_end_keeps_the_listed_articles(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    read_once(tmp_path / "cache.db", folder)
    library = reader(tmp_path / "cache.db")
    library.list_cached([str(folder)])
    library.open([str(folder / "budget.txt")])  # another path: the folder's listing is not checked yet
    assert len(library.articles) == 3


def test_a_long_listing_comes_in_parts_and_nothing_is_listed_twice(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    read_once(tmp_path / "cache.db", folder)
    library = reader(tmp_path / "cache.db")
    first = library.list_cached([str(folder)], limit=2)
    rest = library.list_cached([str(folder)])
    assert len(first) == 2 and len(rest) == 1
    assert library.list_cached([str(folder)]) == []
    assert sorted(a.title for a in first + rest) == ["Budget vote", "Port strike", "Weather"]
    seen = reopen(library, folder)
    assert seen.added == [] and seen.replaced == []


def test_a_file_renamed_since_last_time_keeps_its_article_under_its_new_name(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    first = read_once(tmp_path / "cache.db", folder)
    port = next(a for a in first.articles if a.title == "Port strike")
    (folder / "port.txt").rename(folder / "strike-at-the-port.txt")

    library = reader(tmp_path / "cache.db")
    library.list_cached([str(folder)])
    seen = reopen(library, folder)

    assert seen.replaced == [(port.id, "Port strike")]  # the same text, now read from another file
    assert sorted(a.title for a in library.articles) == ["Budget vote", "Port strike", "Weather"]
    assert library.article(port.id).path.endswith("strike-at-the-port.txt")
    # a later change of the renamed file is caught as any other
    (folder / "strike-at-the-port.txt").write_text("Port strike over\nDockers are back at work.\n", "utf-8")
    seen = reopen(library, folder / "strike-at-the-port.txt")
    assert seen.replaced == [(port.id, "Port strike over")]
    assert len(reader(tmp_path / "cache.db").list_cached([str(folder)])) == 3


def test_a_file_changed_back_after_a_listing_from_another_directory_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = news_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    first = read_once(tmp_path / "cache.db", Path("news"))
    budget = next(a for a in first.articles if a.title == "Budget vote")
    original = (folder / "budget.txt").read_text("utf-8")
    monkeypatch.chdir(folder)
    library = reader(tmp_path / "cache.db")
    library.list_cached(["."])
    (folder / "budget.txt").write_text("Budget vote, recount\nThe parliament met in Abuja.\n", "utf-8")
    reopen(library, Path("."))
    (folder / "budget.txt").write_text(original, "utf-8")  # as --watch would read it again
    seen = reopen(library, Path("budget.txt"))
    assert [title for _, title in seen.replaced] == ["Budget vote"]
    assert library.article(budget.id) is not None
    assert sorted(a.title for a in library.articles) == ["Budget vote", "Port strike", "Weather"]
