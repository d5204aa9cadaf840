"""The reader says when a statement is printed by other loaded articles, and lists them on enter."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_library import open_reader
from textual.pilot import Pilot

from tui.app.app import NewsReaderApp
from tui.core.library import Library
from tui.core.model import Analysis, Article, Quote

WALL = (
    "We are going to build a wall on the southern border, and Mexico is going to pay for that wall, "
    "believe me, because they have taken advantage of us for far too long."
)
CUT = "Mexico is going to pay for that wall, believe me"


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def reported(path: str, title: str, date: str | None, source: str, said: str) -> tuple[Article, Analysis]:
    """An article whose one statement is `said`, by Ana Ruiz, after a line of the reporter's."""
    intro = f"{title}.\nAna Ruiz spoke to supporters on Tuesday.\n"
    text = f'{intro}"{said}" said Ana Ruiz.\nThe rally ended late in the evening.'
    article = Article(path=path, title=title, text=text, date=date, source=source)
    start = len(intro) + 1
    quote = Quote(start, start + len(said), "direct", said, actor="Ana Ruiz")
    return article, Analysis(article.id, "test", quotes=(quote,))


def library() -> Library:
    made = Library(no_cache=True)
    for article, analysis in (
        reported("first.txt", "Ruiz promises a wall", "2016-03-01", "USA Today", WALL),
        reported("later.txt", "Border plans", "2016-03-02", "Politico", CUT),
        reported("blog.txt", "Rally notes", None, "Campaign Blog", WALL.replace("far too long", "too long")),
        reported(
            "other.txt", "Weather week", "2016-03-01", "Wire", "Rain will fall over the north all week."
        ),
    ):
        made.add(article)
        made.set_analysis(analysis)
    return made


def reader() -> NewsReaderApp:
    return open_reader(library=library(), analyze=False, remember=False, theme="textual-dark")


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.query_one("#search-input").cursor_blink = False
    await pilot.pause()


async def open_first_and_select_its_statement(pilot: Pilot) -> None:
    app = pilot.app
    await settle(pilot)
    first = next(a for a in app.library.articles if a.source == "USA Today")
    app.reader.open_article(first.id)
    app.reader.article_view.focus()
    await pilot.press("right_square_bracket")
    await settle(pilot)


def test_a_statement_printed_elsewhere_says_where(snap_compare) -> None:
    assert snap_compare(reader(), terminal_size=(80, 24), run_before=open_first_and_select_its_statement)


async def test_enter_lists_the_other_articles_and_opens_one_at_the_statement() -> None:
    app = reader()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_and_select_its_statement(pilot)
        note = app.query_one("#statement-note")
        assert note.display
        assert "Also in 2 other articles: Politico, Campaign Blog" in str(note.render())

        await pilot.press("enter")
        await settle(pilot)
        from tui.app.screens.same_statement import SameStatementScreen

        listing = app.screen
        assert isinstance(listing, SameStatementScreen)
        rows = [str(option.prompt) for option in listing.query_one("#card-list").options]
        assert rows[0].startswith("2016-03-02 Politico  Border plans")
        assert "leaves out We are going to build a…; leaves out because they" in rows[0]
        assert rows[1].startswith("undated    Campaign Blog  Rally notes")
        assert "far → too" not in rows[1] and "leaves out far" in rows[1]

        await pilot.press("enter")  # the first row: Politico's cut
        await settle(pilot)
        assert not isinstance(app.screen, SameStatementScreen)
        opened = app.reader.article_view
        assert opened.article is not None and opened.article.source == "Politico"
        assert opened.selected_quote is not None and opened.selected_quote.text == CUT


async def test_a_statement_printed_nowhere_else_keeps_enter_for_the_entity_card() -> None:
    app = reader()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        weather = next(a for a in app.library.articles if a.source == "Wire")
        app.reader.open_article(weather.id)
        app.reader.article_view.focus()
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert not app.query_one("#statement-note").display
        await pilot.press("enter")
        await settle(pilot)
        from tui.app.screens.same_statement import SameStatementScreen

        assert not isinstance(app.screen, SameStatementScreen)


async def test_an_outlet_name_with_terminal_controls_is_shown_harmlessly() -> None:
    hostile = Library(no_cache=True)
    for article, analysis in (
        reported("first.txt", "Ruiz promises a wall", "2016-03-01", "USA Today", WALL),
        reported("evil.txt", "Title\x1b[2J wiped", "2016-03-02", "Evil\x1b]0;owned\x07 Times", WALL),
    ):
        hostile.add(article)
        hostile.set_analysis(analysis)
    app = open_reader(library=hostile, analyze=False, remember=False, theme="textual-dark")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_and_select_its_statement(pilot)
        note = str(app.query_one("#statement-note").render())
        assert "Also in 1 other article: Evil" in note and "\x1b" not in note and "\x07" not in note
        await pilot.press("enter")
        await settle(pilot)
        rows = [str(option.prompt) for option in app.screen.query_one("#card-list").options]
        assert len(rows) == 1 and "Evil" in rows[0] and "wiped" in rows[0]
        assert "\x1b" not in rows[0] and "\x07" not in rows[0]
