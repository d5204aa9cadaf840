"""The actor's page, driven as a person would: every way in, every key, and the actors with one
statement, none, or only undated ones. Real sample articles with their stored analyses (no spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_library import frozen_library, open_reader
from textual.pilot import Pilot
from textual.widgets.tree import TreeNode

from tui.app.app import NewsReaderApp
from tui.app.screens.actor_page import ActorPageScreen
from tui.app.screens.entity_card import EntityCard
from tui.app.screens.export import ExportScreen
from tui.app.screens.help import HelpScreen
from tui.app.widgets.actor_statements import ActorStatements
from tui.app.widgets.actor_timeline import ActorTimeline
from tui.app.widgets.actors_panel import ActorNode
from tui.core.library import Library
from tui.core.marks import MarkKey
from tui.core.model import Article

TRUMP = "Donald Trump"  # 6 statements in two dated articles
TOKAYEV = "Kassym-Jomart Tokayev"  # 9 statements, all in the undated Kazakhstan article
COLLINS = "Doug Collins"  # one statement
CLINTON = "Bill Clinton"  # named, said nothing


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def reader(tmp_path: Path, library: Library | None = None) -> NewsReaderApp:
    return open_reader(
        library=library or frozen_library(),
        analyze=False,
        remember=False,
        theme="textual-dark",
        marks_path=tmp_path / "marks.json",
    )


def page_of(app: NewsReaderApp) -> ActorPageScreen:
    screen = app.screen
    assert isinstance(screen, ActorPageScreen), screen
    return screen


def statements_of(app: NewsReaderApp) -> ActorStatements:
    return page_of(app).query_one(ActorStatements)


def painted(app: NewsReaderApp) -> str:
    """The terminal's lines as plain text, as a reader sees them."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def actor_node(app: NewsReaderApp, name: str) -> TreeNode:  # type: ignore[type-arg]
    panel = app.reader.actors_panel
    nodes = [n for top in panel.root.children for n in (top, *top.children)]
    return next(n for n in nodes if isinstance(n.data, ActorNode) and n.data.actor.name == name)


async def wait(pilot: Pilot) -> None:
    """Until what the keys started is on screen: a page is made in a thread, then shown."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def key_of(app: NewsReaderApp, name: str) -> str:
    """The library-wide key of the actor called `name` (pages are found by key, not by name)."""
    return next(actor.key for actor in app.reader.library.actors(None) if actor.name == name)


async def open_page(app: NewsReaderApp, pilot: Pilot, name: str) -> ActorPageScreen:
    app.reader.open_actor_page(key_of(app, name))
    await wait(pilot)
    return page_of(app)


# -- the ways in -----------------------------------------------------------------------------------


async def test_enter_on_an_actor_in_all_articles_scope_opens_their_page(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        panel = app.reader.actors_panel
        panel.focus()
        panel.move_cursor(actor_node(app, TRUMP))
        await pilot.press("enter")
        await wait(pilot)
        page = page_of(app)
        assert page.page.actor.name == TRUMP
        assert "Donald Trump" in str(page.query_one("#actor-head").border_title)
        await pilot.press("escape")
        await wait(pilot)
        assert app.screen is app.reader and app.focused is panel


async def test_in_article_scope_enter_opens_the_page_and_space_still_folds(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = app.reader.actors_panel
        assert panel.scope == "article"
        panel.focus()
        node = actor_node(app, TRUMP)  # the Syria article is open: newest first
        panel.move_cursor(node)
        await wait(pilot)
        was_open = node.is_expanded
        await pilot.press("space")
        assert node.is_expanded != was_open
        await pilot.press("enter")
        await wait(pilot)
        assert page_of(app).page.actor.name == TRUMP
        # the page is the actor across the library, not only this article
        assert {g.article.title[:8] for g in page_of(app).page.groups} == {"US Presi", "US Speak"}


async def test_p_on_an_actor_s_card_opens_their_page(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = app.reader.actors_panel
        panel.focus()
        panel.move_cursor(actor_node(app, TRUMP))
        await pilot.press("c")
        await wait(pilot)
        assert isinstance(app.screen, EntityCard)
        assert "p: actor's page" in str(app.screen.query_one("#card").border_subtitle)
        await pilot.press("p")
        await wait(pilot)
        assert page_of(app).page.actor.name == TRUMP
        await pilot.press("escape")
        await wait(pilot)
        assert app.screen is app.reader  # the card was left for the page: back goes to the reader


async def test_the_palette_goes_to_an_actor_by_any_of_their_names(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        texts = [text for text, _, _ in app.reader.palette_commands() if text.startswith("Go to actor")]
        assert "Go to actor: Kassym-Jomart Tokayev" in texts
        assert len(texts) == len(app.reader.library.actors(None))
        await pilot.press("ctrl+p")
        await pilot.press(*"go to tokayev")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait(pilot)
        assert page_of(app).page.actor.name == TOKAYEV


# -- what the page shows ---------------------------------------------------------------------------


async def test_the_page_shows_type_names_timeline_statements_by_article_and_co_actors(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        page = await open_page(app, pilot, TRUMP)
        shown = painted(app)
        assert "Person" in shown and "6 statements in 2 articles" in shown
        assert "Trump" in shown and "(2 articles)" in shown  # each name and how many articles used it
        # newest first, each article under its date and source
        headings = [g.article.date for g in page.page.groups]
        assert headings == ["2019-10-08", "2019-09-25"]
        assert "2019-10-08" in shown and "Wikinews" in shown
        assert len(statements_of(app).items) == 6
        bars = page.query_one(ActorTimeline).counts
        assert sum(bars) == 6 and len(bars) == 14  # one bar per day, 2019-09-25 to 2019-10-08
        assert bars[0] == 2 and bars[-1] == 4
        co = page.query_one("#actor-co")
        assert co.option_count == len(page.page.co_actors) > 0


async def test_an_actor_who_spoke_only_in_an_undated_article_says_so_on_the_timeline(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_page(app, pilot, TOKAYEV)
        assert not page.query_one("#timeline-bars").display
        assert "undated article" in painted(app)
        assert statements_of(app).items[0][0].date is None


async def test_a_library_with_no_dated_article_has_no_timeline_and_says_why(tmp_path: Path) -> None:
    library = Library(no_cache=True)
    source = frozen_library()
    for article in source.articles:
        undated = Article(article.path, article.title, article.text, date=None, source=article.source)
        library.add(undated)
        library.set_analysis(source.analysis(article.id))  # the same text: the same id
    app = reader(tmp_path, library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_page(app, pilot, TRUMP)
        assert "No loaded article is dated" in painted(app)


async def test_an_actor_with_one_statement(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_page(app, pilot, COLLINS)
        assert len(statements_of(app).items) == 1
        assert "1 statement in 1 article" in painted(app)
        assert sum(page.query_one(ActorTimeline).counts) == 1


async def test_an_actor_with_no_statement_has_a_page_and_keys_say_there_is_nothing(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_page(app, pilot, CLINTON)
        assert "No statements attributed" in painted(app)
        for key in ("enter", "m", "e"):
            await pilot.press(key)
            await wait(pilot)
            assert isinstance(app.screen, ActorPageScreen), key
        notices = [n.message for n in app._notifications]
        assert any("Nothing to export" in notice for notice in notices)
        assert any("No statement here" in notice for notice in notices)
        assert len(app.mark_store) == 0


# -- the keys --------------------------------------------------------------------------------------


async def test_enter_reads_the_statement_in_its_article(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.reader.open_article(next(a.id for a in app.reader.library.articles if a.date is None))
        await open_page(app, pilot, TRUMP)
        statements = statements_of(app)
        await pilot.press("down", "down")  # the third statement of the newest article
        article, quote = statements.statement  # type: ignore[misc]
        assert quote == statements.items[2][1]
        await pilot.press("enter")
        await wait(pilot)
        assert app.screen is app.reader
        assert app.reader.current_id == article.id
        assert app.reader.article_view.selected_quote == quote
        assert app.focused is app.reader.article_view


async def test_enter_on_a_co_actor_opens_their_page_and_escape_comes_back(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        first = await open_page(app, pilot, TRUMP)
        await pilot.press("tab")
        co = first.query_one("#actor-co")
        assert app.focused is co
        wanted = first.page.co_actors[0][0].key
        await pilot.press("enter")
        await wait(pilot)
        assert page_of(app).page.actor.key == wanted
        await pilot.press("escape")
        await wait(pilot)
        assert app.screen is first
        # a statement read from a page opened over a page goes straight to the reader
        await open_page(app, pilot, TOKAYEV)
        await pilot.press("enter")
        await wait(pilot)
        assert app.screen is app.reader and len(app.screen_stack) == 1


async def test_m_marks_the_statement_here_and_in_the_reader(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_page(app, pilot, TRUMP)
        article, quote = statements_of(app).statement  # type: ignore[misc]
        await pilot.press("m")
        await wait(pilot)
        assert MarkKey.of(article, quote) in app.mark_store
        assert "★ 1 marked" in painted(app)
        assert painted(app).count("★") == 2  # on the statement, and in the count
        await pilot.press("escape")
        await wait(pilot)
        assert MarkKey.of(article, quote) in app.reader.actors_panel.marked  # the reader shows it too
        await open_page(app, pilot, TRUMP)
        await pilot.press("m")
        assert MarkKey.of(article, quote) not in app.mark_store


async def test_e_opens_the_export_with_this_actor_s_statements_chosen(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        page = await open_page(app, pilot, TRUMP)
        await pilot.press("e")
        await wait(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert dialog.scope == "Quotes by Donald Trump (6)"
        exported = [(item.article_id, item.start) for item in dialog.scopes[dialog.scope]]
        assert exported == [(article.id, quote.start) for article, quote in page.page.statements()]
        assert {item.actor for item in dialog.scopes[dialog.scope]} == {TRUMP}
        path = dialog.query_one("#export-path")
        path.value = str(tmp_path / "trump.csv")  # type: ignore[attr-defined]
        dialog.fmt = "csv"
        await pilot.press("ctrl+s")
        await wait(pilot)
        written = (tmp_path / "trump.csv").read_text(encoding="utf-8")
        assert written.count("\n") >= 7 and "Syria" in written
        assert app.screen is page


async def test_question_mark_on_the_page_lists_its_keys_first(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_page(app, pilot, TRUMP)
        await pilot.press("question_mark")
        await wait(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = [" ".join(row.split()) for row in app.screen.plain_text().splitlines()]
        assert rows[0] == "Actor page"
        for row in (
            "⏎ Read the statement in its article (on an actor it appears with: their page)",
            "m Mark/unmark the selected statement",
            "e Export this actor's statements to a file",
            "esc Back to where the page was opened",
        ):
            assert row in rows, rows
        await pilot.press("escape")
        await wait(pilot)
        # the reader's own help lists the page's keys too, and says what enter does on an actor
        await pilot.press("escape", "question_mark")
        await wait(pilot)
        every = app.screen.plain_text()  # type: ignore[attr-defined]
        assert "Actor page" in every and "their page across all articles" in every


async def test_the_footer_shows_the_page_s_keys(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_page(app, pilot, TRUMP)
        shown = painted(app)
        for word in ("Mark", "Export", "Back"):
            assert word in shown


def test_bars_leave_silent_days_empty_and_show_a_single_statement_beside_a_peak() -> None:
    from tui.app.widgets.actor_timeline import bar_rows

    top, bottom = bar_rows([0, 1, 0, 100], 8, 2)
    assert bottom[0:2] == "  " and bottom[4:6] == "  "  # nothing said: nothing drawn
    assert bottom[2:4].strip() != ""  # one statement next to a hundred is still seen
    assert top[6:8] == "██" and bottom[6:8] == "██"
    assert bar_rows([], 5, 2) == ["     ", "     "]


async def test_the_palette_on_a_page_goes_to_another_actor_s_page(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        first = await open_page(app, pilot, TRUMP)
        await pilot.press("ctrl+p")
        await pilot.press(*"go to tokayev")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait(pilot)
        assert page_of(app).page.actor.name == TOKAYEV
        await pilot.press("escape")
        await wait(pilot)
        assert app.screen is first


async def test_control_characters_in_names_titles_and_sources_never_reach_the_terminal(
    tmp_path: Path,
) -> None:
    from tui.core.model import Actor, Analysis, Quote, Span

    evil = "Evil\x1b[2J\x07 Name"
    text = f"{evil} said: \x1b]0;owned\x07 we are here."
    article = Article(
        "/tmp/evil.txt", "Title \x1b[31mred", text, date="2024-01-02", source="Wire\x1b[5m", format="txt"
    )
    quote = Quote(
        len(evil) + 7,
        len(text),
        "direct",
        text[len(evil) + 7 :],
        cue=Span(len(evil) + 1, len(evil) + 5, "said"),
        actor=evil,
    )
    library = Library(no_cache=True)
    library.add(article)
    library.set_analysis(
        Analysis(article.id, "test", quotes=(quote,), actors=(Actor(evil, "PERSON", aliases=("Evil\x1b",)),))
    )
    app = reader(tmp_path, library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_page(app, pilot, evil)
        shown = painted(app)
        assert "Evil" in shown and "Title" in shown and "Wire" in shown
        assert not any(ord(char) < 32 and char != "\n" for char in shown)


async def test_moving_to_an_article_s_first_statement_brings_its_heading_into_view(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_page(app, pilot, TOKAYEV)  # nine statements: the list scrolls at 80x24
        statements = statements_of(app)
        await pilot.press("G")
        await wait(pilot)
        assert statements.scroll_offset.y > 0
        await pilot.press("g")
        await wait(pilot)
        assert statements.highlighted == 1 and statements.scroll_offset.y == 0  # "undated · … · Kazakhstan …"


async def test_the_bars_get_taller_on_a_tall_terminal(tmp_path: Path) -> None:
    app = reader(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        page = await open_page(app, pilot, TRUMP)
        assert page.query_one("#timeline-bars").size.height == 4
        await pilot.resize_terminal(80, 24)
        await wait(pilot)
        assert page.query_one("#timeline-bars").size.height == 2
