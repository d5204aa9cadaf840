"""On the actor's page a statement printed by several articles is one row: its outlets and dates, the
words each version changes, and the keys acting on its first printing."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_library import open_reader
from reprint_library import CORN, CUT, SPEAKER, WALL, reprint_library
from textual.pilot import Pilot

from tui.app.app import NewsReaderApp
from tui.app.screens.actor_page import ActorPageScreen
from tui.app.screens.export import ExportScreen
from tui.app.widgets.actor_statements import ActorStatements
from tui.core.marks import MarkKey


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def reader(tmp_path: Path) -> NewsReaderApp:
    return open_reader(
        library=reprint_library(),
        analyze=False,
        remember=False,
        theme="textual-dark",
        marks_path=tmp_path / "marks.json",
    )


def painted(app: NewsReaderApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def wait(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def open_page(app: NewsReaderApp, pilot: Pilot) -> ActorPageScreen:
    await wait(pilot)
    app.reader.open_actor_page(next(a.key for a in app.library.actors(None) if a.name == SPEAKER))
    await wait(pilot)
    page = app.screen
    assert isinstance(page, ActorPageScreen)
    return page


async def to_the_wall(app: NewsReaderApp, pilot: Pilot) -> ActorStatements:
    statements = app.screen.query_one(ActorStatements)
    while statements.statement is None or statements.statement[1].text != WALL:
        await pilot.press("down")
    return statements


async def test_the_statement_is_one_row_naming_its_other_printings_and_their_changes(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_page(app, pilot)
        shown = painted(app)
        assert "2 statements (4 printings) in 3 articles" in shown
        statements = app.screen.query_one(ActorStatements)
        assert [quote.text for _, quote in statements.items] == [CORN, WALL]  # the cut is not a row
        assert "also: Politico 2016-03-02, Campaign Blog undated" in shown
        assert "Politico: leaves out We are going to build a…; leaves out because they" in shown
        assert "Campaign Blog: leaves out far" in shown
        assert "Rally notes" not in shown  # the blog has no statement of its own: no heading
        assert shown.count("Ruiz promises a wall") == 1


async def test_enter_reads_the_first_printing_and_m_marks_it(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_page(app, pilot)
        statements = await to_the_wall(app, pilot)
        article, quote = statements.statement  # type: ignore[misc]
        assert article.source == "USA Today"
        await pilot.press("m")
        assert MarkKey.of(article, quote) in app.mark_store and len(app.mark_store) == 1
        await pilot.press("enter")
        await wait(pilot)
        assert app.screen is app.reader
        opened = app.reader.article_view
        assert opened.article is not None and opened.article.source == "USA Today"
        assert opened.selected_quote is not None and opened.selected_quote.text == WALL


async def test_export_offers_each_statement_once(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_page(app, pilot)
        await pilot.press("e")
        await wait(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert dialog.scope == f"Quotes by {SPEAKER} (2)"
        items = dialog.scopes[dialog.scope]
        assert sorted(item.quote for item in items) == sorted([CORN, WALL])  # not the cut, not the blog's
        assert CUT not in [item.quote for item in items]


async def test_p_lists_the_other_printings_and_enter_reads_one(tmp_path: Path) -> None:
    from tui.app.screens.same_statement import SameStatementScreen

    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_page(app, pilot)
        await pilot.press("p")  # on the first row: printed only by Politico
        await wait(pilot)
        assert isinstance(app.screen, ActorPageScreen)
        assert any("No other loaded article prints" in n.message for n in app._notifications)
        await to_the_wall(app, pilot)
        await pilot.press("p")
        await wait(pilot)
        listing = app.screen
        assert isinstance(listing, SameStatementScreen)
        rows = [str(option.prompt) for option in listing.query_one("#card-list").options]
        assert rows[0].startswith("2016-03-02 Politico  Border plans")
        assert rows[1].startswith("undated    Campaign Blog  Rally notes") and "leaves out far" in rows[1]
        await pilot.press("down", "enter")  # the blog's printing
        await wait(pilot)
        assert app.screen is app.reader
        opened = app.reader.article_view
        assert opened.article is not None and opened.article.source == "Campaign Blog"
        assert opened.selected_quote is not None and opened.selected_quote.text.endswith("for too long.")
