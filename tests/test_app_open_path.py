"""`o` opens a file, folder or web address from inside the reader: a name completed as typed, read
into the library like the command line's paths, problems named, and remembered for the next start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from app_library import open_reader, sample_paths

from tui.app.app import NewsReaderApp
from tui.app.path_suggester import complete_path
from tui.app.screens.open_path import OpenPathScreen
from tui.core.library import Library


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSREADER_DB", raising=False)


def titles(app: NewsReaderApp) -> list[str]:
    library = app.reader.library
    return [library.article(i).title for i in app.reader.article_list.shown_ids]  # type: ignore[union-attr]


async def read_all(app: NewsReaderApp, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause(0.02)
        if not app.reader.reading and not app.reader.adding:
            break
    await pilot.pause()


def a_folder_of_news(tmp_path: Path) -> Path:
    folder = tmp_path / "more news"
    folder.mkdir()
    (folder / "harbour.txt").write_text(
        "Harbour reopens after the storm\n\nThe harbour reopened on Monday, the mayor said.\n",
        encoding="utf-8",
    )
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return folder


async def test_o_opens_a_folder_whose_articles_join_the_list_and_the_session(tmp_path: Path) -> None:
    folder = a_folder_of_news(tmp_path)
    session = tmp_path / "session.json"
    app = open_reader(
        paths=sample_paths(), library=Library(no_cache=True), analyze=False, session_path=session
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await read_all(app, pilot)
        assert len(titles(app)) == 3
        await pilot.press("o")
        assert isinstance(app.screen, OpenPathScreen)
        await pilot.press(*str(folder), "enter")
        await read_all(app, pilot)
        assert "Harbour reopens after the storm" in titles(app)
        assert len(titles(app)) == 4
        notices = [n.message for n in app._notifications]
        assert any("broken.json" in m for m in notices), notices  # as for the command line's paths
        assert any("1 new article from" in m for m in notices), notices
    remembered = json.loads(session.read_text(encoding="utf-8"))["paths"]
    assert str(folder.resolve()) in remembered and len(remembered) == 4


async def test_a_name_is_completed_with_tab_and_a_missing_one_is_said_so(tmp_path: Path) -> None:
    folder = a_folder_of_news(tmp_path)
    app = open_reader(library=Library(no_cache=True), analyze=False, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if app.screen is not app.reader:  # the welcome screen of an empty reader
            await pilot.press("escape")
        await pilot.press("o", *str(tmp_path / "more"))
        await pilot.pause(0.1)
        await pilot.press("tab")
        field = app.screen.query_one("#open-input")
        assert field.value == str(folder) + "/"
        await pilot.press(*"nothing-here", "enter")
        assert isinstance(app.screen, OpenPathScreen)  # stays open to correct the name
        assert "No such file or folder" in str(app.screen.query_one("#open-message").render())
        await pilot.press("escape")
        assert app.screen is app.reader


def test_completion_offers_folders_with_their_slash_and_hides_dot_names(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "report.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    base = str(tmp_path)
    assert complete_path(base + "/rep") == base + "/report.txt"  # sorted: "report.txt" < "reports/"
    assert complete_path(base + "/reports") == base + "/reports/"
    assert complete_path(base + "/") in (base + "/report.txt", base + "/reports/")
    assert complete_path(base + "/.h") == base + "/.hidden"
    assert complete_path(base + "/zzz") is None
    assert complete_path("https://example.org/a") is None
