"""The search bar answers at once and coalesces fast typing; edited files swap their rows (--watch)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from app_library import analysed_library, open_reader

from tui.app import messages
from tui.app.app import NewsReaderApp


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Session, key map and cache files go to a temporary home, never the developer's own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSREADER_DB", raising=False)
    return tmp_path


def reader(**kwargs) -> NewsReaderApp:  # type: ignore[no-untyped-def]
    kwargs.setdefault("library", analysed_library())
    kwargs.setdefault("analyze", False)
    kwargs.setdefault("remember", False)
    return open_reader(**kwargs)


async def settled(app: NewsReaderApp, pilot, timeout: float = 10) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    await pilot.pause()
    while not app.reader.search_settled and time.monotonic() < deadline:
        await pilot.pause(0.02)
    await pilot.pause()


def screen_text(app: NewsReaderApp) -> str:
    """What the terminal shows, as text (the screenshot is SVG, with its spaces as &#160;)."""
    return app.export_screenshot().replace("&#160;", " ")


def row_texts(app: NewsReaderApp) -> list[str]:
    """The article list's rows as the reader sees them (title, then date and source)."""
    rows = app.reader.article_list
    return ["\n".join(rows.row_text(i)) for i in range(rows.row_count)]


async def test_keys_typed_while_a_search_runs_become_one_search_for_the_latest_text() -> None:
    app = reader()
    searched: list[str] = []
    release = threading.Event()
    find = app.library.find

    def slow_find(query: str, **kwargs):  # type: ignore[no-untyped-def]
        searched.append(query)
        release.wait(5)  # the first search runs until every key has been typed
        return find(query, **kwargs)

    app.library.find = slow_find  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"trump")
        assert searched == ["t"]  # the first key is searched at once, not after a pause
        release.set()
        await settled(app, pilot)
        assert searched == ["t", "trump"]  # "r", "u", "m", "p" coalesced into one search
        assert len(app.reader.article_list.shown_ids) == 2
        assert all("Trump" in app.library.article(i).text for i in app.reader.article_list.shown_ids)


async def test_the_open_article_follows_the_best_match_and_stays_when_still_listed() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"csto")
        await settled(app, pilot)
        kazakhstan = app.reader.current_id
        assert app.reader.article_list.shown_ids == [kazakhstan]
        assert app.reader.article_list.highlighted_id == kazakhstan
        assert app.reader.article_view.match_count >= 1  # its matches highlighted once the list was shown
        await pilot.press("escape")  # back to every article: the cursor stays on the open one
        await settled(app, pilot)
        assert len(app.reader.article_list.shown_ids) == 3
        assert app.reader.article_list.highlighted_id == kazakhstan == app.reader.current_id
        assert app.reader.article_view.match_count == 0


async def test_a_row_replaced_by_nothing_goes_and_its_neighbour_opens() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(app, pilot)
        first, second, third = app.reader.article_list.shown_ids
        assert app.reader.current_id == first
        app.reader.post_message(messages.ArticlesReplaced([(first, None)]))
        await settled(app, pilot)
        assert app.reader.article_list.shown_ids == [second, third]
        assert app.reader.current_id == second
        assert app.reader.article_view.article is not None and app.reader.article_view.article.id == second


async def test_an_edited_file_keeps_one_row_which_shows_the_new_title_and_text(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text("The first draft\n\nThe council met on Monday.\n", encoding="utf-8")
    app = open_reader(
        paths=[str(folder)],
        analyze=False,
        remember=False,
        watch=True,
        no_cache=True,
        marks_path=tmp_path / "marks.json",
    )
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.monotonic() + 10
        while not app.reader._watched_paths and time.monotonic() < deadline:
            await pilot.pause(0.1)
        assert len(app.reader.article_list.shown_ids) == 1
        old_id = app.reader.article_list.shown_ids[0]
        deadline = time.monotonic() + 20
        while app.reader.article_list.shown_ids == [old_id] and time.monotonic() < deadline:
            # written again until seen: the watcher may still be starting when the file first changes
            story.write_text(
                "The final version\n\nThe council voted on Tuesday to rebuild the bridge.\n",
                encoding="utf-8",
            )
            for _ in range(10):
                await pilot.pause(0.1)
                if app.reader.article_list.shown_ids != [old_id]:
                    break
        await pilot.pause()
        assert len(app.reader.article_list.shown_ids) == 1
        assert row_texts(app)[0].startswith("The final version")
        assert "The first draft" not in "".join(row_texts(app))
        view = app.reader.article_view
        assert view.article is not None and view.article.title == "The final version"
        assert "voted on Tuesday" in screen_text(app)
        assert "met on Monday" not in screen_text(app)
        assert app.library.article(old_id) is None
