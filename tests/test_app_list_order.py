"""The article list's order as a reader meets it: newest first, undated last; `s` cycles through
oldest first, by title and most statements; the choice outlives a restart; a search keeps its ranking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from app_library import analysed_library, open_reader

from tui.app.app import NewsReaderApp
from tui.core.library import Library
from tui.core.model import Article

# title, date: read in this order
ARTICLES = (
    ("Beta budget passes", "2021-03-01"),
    ("Alpha mill closes", None),
    ("Delta floods recede", "2022-07-15"),
    ("charlie wins the cup", "2020-01-01"),
    ("Echo of the storm", None),
)


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSREADER_DB", raising=False)


def dated_library() -> Library:
    library = Library(no_cache=True)
    for title, date in ARTICLES:
        library.add(
            Article(path=f"{title}.txt", title=title, text=f"{title}.\n\nThe story of {title}.", date=date)
        )
    return library


def listed_titles(app: NewsReaderApp) -> list[str]:
    library = app.reader.library
    return [library.article(i).title for i in app.reader.article_list.shown_ids]  # type: ignore[union-attr]


def list_subtitle(app: NewsReaderApp) -> str:
    return str(app.reader.article_list.border_subtitle)


async def test_s_cycles_newest_oldest_title_and_says_which_order_is_shown() -> None:
    app = open_reader(library=dated_library(), analyze=False, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert listed_titles(app) == [
            "Delta floods recede",
            "Beta budget passes",
            "charlie wins the cup",
            "Alpha mill closes",  # undated: last, in the order they were read
            "Echo of the storm",
        ]
        assert "newest first" in list_subtitle(app)
        assert app.reader.article_view.article.title == "Delta floods recede"  # type: ignore[union-attr]
        await pilot.press("s")
        assert "oldest first" in list_subtitle(app)
        assert listed_titles(app) == [
            "charlie wins the cup",
            "Beta budget passes",
            "Delta floods recede",
            "Alpha mill closes",  # undated is not "oldest": still last
            "Echo of the storm",
        ]
        await pilot.press("s")
        assert "by title" in list_subtitle(app)
        assert listed_titles(app) == [
            "Alpha mill closes",
            "Beta budget passes",
            "charlie wins the cup",  # letter case does not matter
            "Delta floods recede",
            "Echo of the storm",
        ]
        await pilot.press("s")
        assert "most statements" in list_subtitle(app)
        await pilot.press("s")
        assert "newest first" in list_subtitle(app)
        assert listed_titles(app)[0] == "Delta floods recede"


async def test_most_statements_lists_the_articles_with_more_statements_first() -> None:
    library = analysed_library()
    app = open_reader(library=library, analyze=False, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "s", "s")
        counts = [len(library.analysis(i).quotes) for i in app.reader.article_list.shown_ids]  # type: ignore[union-attr]
        assert counts == sorted(counts, reverse=True)
        assert counts[0] > counts[-1], counts  # the samples differ: the test can tell the orders apart
        assert "most statements" in list_subtitle(app)


async def test_the_chosen_order_survives_a_restart(tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text(
        "\n".join(
            json.dumps({"title": t, "text": f"{t}.\n\nThe story of {t}.", "date": d}) for t, d in ARTICLES
        ),
        encoding="utf-8",
    )
    options = {"paths": [str(articles)], "analyze": False, "view_path": tmp_path / "view.json"}
    first = open_reader(library=Library(no_cache=True), **options)
    async with first.run_test(size=(120, 40)) as pilot:
        await first.workers.wait_for_complete()
        await pilot.pause()
        assert listed_titles(first)[0] == "Delta floods recede"
        await pilot.press("s")
        assert "oldest first" in list_subtitle(first)
    again = open_reader(library=Library(no_cache=True), **options)
    async with again.run_test(size=(120, 40)) as pilot:
        await again.workers.wait_for_complete()
        for _ in range(50):
            await pilot.pause(0.02)
            if len(again.reader.article_list.shown_ids) == len(ARTICLES) and not again.reader.reading:
                break
        assert "oldest first" in list_subtitle(again)
        assert listed_titles(again)[:3] == [
            "charlie wins the cup",
            "Beta budget passes",
            "Delta floods recede",
        ]
        assert listed_titles(again)[3:] == ["Alpha mill closes", "Echo of the storm"]


async def test_a_search_keeps_its_ranking_and_says_so() -> None:
    app = open_reader(library=dated_library(), analyze=False, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"story", "enter")
        for _ in range(100):
            await pilot.pause(0.02)
            if app.reader.search_settled and app.reader.article_list.ranked:
                break
        assert "best match first" in list_subtitle(app)
        ranked = listed_titles(app)
        await pilot.press("s")  # no effect on a ranked list: it says why
        assert listed_titles(app) == ranked
        assert any("best match" in n.message for n in app._notifications)
        await pilot.press("escape")  # clear the search: the chosen order again
        for _ in range(100):
            await pilot.pause(0.02)
            if app.reader.search_settled and not app.reader.article_list.ranked:
                break
        assert "newest first" in list_subtitle(app)
        assert listed_titles(app)[0] == "Delta floods recede"
