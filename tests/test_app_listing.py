"""The reader on paths it read before: the titles are on the first screen, from the cache, and what
changed on disk since is caught once the files are read after it (issue 13)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from app_library import open_reader

from tui.app.jobs import Loader
from tui.core.library import Library


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSREADER_DB", raising=False)


async def read_to_the_end(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the loading job is done and the screen has taken in all it posted."""
    await app.workers.wait_for_complete()
    deadline = time.monotonic() + 10
    while app.reader.reading and time.monotonic() < deadline:
        await pilot.pause(0.02)
    await pilot.pause()


def row_titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The first line (the title) of each of the list's rows, as the reader sees them."""
    rows = app.reader.article_list
    return sorted(rows.row_text(i)[0] for i in range(rows.row_count))


async def test_titles_come_from_the_cache_first_and_the_files_correct_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "budget.txt").write_text("Budget vote\nThe parliament met in Lagos.\n", "utf-8")
    (folder / "weather.txt").write_text("Weather\nRain over Lagos all week.\n", "utf-8")
    (folder / "port.txt").write_text("Port strike\nDockers stopped work in Mombasa.\n", "utf-8")
    db = str(tmp_path / "cache.db")
    Library(db=db).open([str(folder)], keep_listing=True)  # last session read the folder to the end

    (folder / "port.txt").unlink()
    (folder / "budget.txt").write_text("Budget vote, recount\nThe parliament met in Abuja.\n", "utf-8")
    (folder / "rail.txt").write_text("Rail line\nA new line opens in Nairobi.\n", "utf-8")

    # the files are read only once the test has seen the first screen
    go = threading.Event()
    run = Loader.run

    def held(self: Loader, paths: list[str]) -> None:
        go.wait(10)
        run(self, paths)

    monkeypatch.setattr(Loader, "run", held)
    app = open_reader(paths=[str(folder)], db=db, remember=False, analyze=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert row_titles(app) == ["Budget vote", "Port strike", "Weather"]  # as they were last time
        assert "Budget vote" in app.export_screenshot().replace("&#160;", " ")
        go.set()
        await read_to_the_end(app, pilot)
        assert row_titles(app) == ["Budget vote, recount", "Rail line", "Weather"]
        shown = app.reader.article_view.article
        assert shown is not None and shown.title in ("Budget vote, recount", "Rail line", "Weather")
        notices = " ".join(f"{n.title}: {n.message}" for n in app._notifications)
        assert "Changed on disk: Budget vote, recount" in notices
        assert "1 article no longer in the opened files" in notices

    # the next start lists the folder as it is now
    assert sorted(a.title for a in Library(db=db).list_cached([str(folder)])) == [
        "Budget vote, recount",
        "Rail line",
        "Weather",
    ]


async def test_the_open_article_is_shown_again_when_its_file_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Budget vote\nThe parliament met in Lagos.\n", "utf-8")
    db = str(tmp_path / "cache.db")
    Library(db=db).open([str(story)], keep_listing=True)
    story.write_text("Budget vote, recount\nThe parliament met in Abuja.\n", "utf-8")

    go = threading.Event()
    run = Loader.run
    monkeypatch.setattr(Loader, "run", lambda self, paths: (go.wait(10), run(self, paths)))
    app = open_reader(paths=[str(story)], db=db, remember=False, analyze=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.reader.article_view.article.title == "Budget vote"
        go.set()
        await read_to_the_end(app, pilot)
        view = app.reader.article_view
        assert view.article.title == "Budget vote, recount"
        assert "Abuja" in app.export_screenshot()
