"""The reader driven as a person would: open articles, read, move through actors, search, quit.

Every test runs the real NewsReaderApp with Pilot on real sample articles and real analyses.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_library import (
    KAZAKHSTAN,
    PELOSI,
    SYRIA,
    analysed_library,
    open_reader,
    sample_paths,
    unanalysed_library,
)
from rich.style import Style
from textual.widgets import OptionList
from textual.widgets.tree import TreeNode

from tui.app import messages
from tui.app.app import NewsReaderApp
from tui.app.screens.entity_card import EntityCard
from tui.app.screens.help import HelpScreen
from tui.app.widgets.actors_panel import ActorNode, ActorsPanel
from tui.app.widgets.legend import LegendBar


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Session and key map files go to a temporary home, never the developer's own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSREADER_DB", raising=False)
    return tmp_path


def reader(**kwargs) -> NewsReaderApp:  # type: ignore[no-untyped-def]
    kwargs.setdefault("library", analysed_library())
    kwargs.setdefault("analyze", False)
    kwargs.setdefault("theme", "textual-dark")
    return open_reader(**kwargs)


def screen_text(app: NewsReaderApp) -> str:
    """What the terminal shows, as plain text."""
    return app.export_screenshot()  # SVG: contains every visible character


async def loaded(app: NewsReaderApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the files are read (loading starts after the first paint, in a worker) and the
    search has caught up with what was typed (keys typed during a search are searched after it)."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(200):
        if app.reader.search_settled:
            break
        await pilot.pause(0.02)
    await pilot.pause()


def legend_text(app: NewsReaderApp) -> str:
    return str(app.query_one(LegendBar).render())


def style_at(app: NewsReaderApp, offset: int) -> Style:
    """The style the article view gives to one character of the text."""
    view = app.reader.article_view
    index = view.line_of(offset) - len(view._header)
    start = view._ranges[index][0]
    return view._line_texts[index].get_style_at_offset(app.console, offset - start)


def title_of(app: NewsReaderApp) -> str:
    article = app.reader.article_view.article
    assert article is not None
    return article.title


async def test_opening_paths_lists_the_articles_and_shows_the_first() -> None:
    app = open_reader(paths=sample_paths(), analyze=False, remember=False, theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        assert len(app.reader.article_list.shown_ids) == 3
        # newest first: Syria (2019-10-08) is read last but listed and opened first
        assert title_of(app) == "US President Trump announces troop withdrawal from Syria"
        assert "3 articles" in str(app.query_one("#search-count").render())


async def test_an_unreadable_file_is_named_in_a_notification_and_the_rest_load(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    app = open_reader(paths=[*sample_paths(PELOSI), str(bad)], analyze=False, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        notices = [n.message for n in app._notifications]
        assert any("broken.json" in message for message in notices), notices
        assert len(app.reader.article_list.shown_ids) == 1


async def test_j_and_k_move_through_the_list_and_open_each_article() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        assert "Pelosi" in title_of(app)
        await pilot.press("j")
        assert "Kazakhstan" in title_of(app)
        await pilot.press("k", "k")
        assert "Syria" in title_of(app)
        await pilot.press("G")
        assert "Kazakhstan" in title_of(app)
        await pilot.press("g")
        assert "Syria" in title_of(app)


async def test_enter_in_the_list_moves_focus_to_the_article() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert app.focused is app.reader.article_view
        await pilot.press("escape")
        assert app.focused is app.reader.article_list


async def test_article_shows_its_metadata_above_the_text() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Wikinews" in shown and "2019-09-25" in shown and "CC&#160;BY&#160;2.5" in shown


def listed_actors(panel: ActorsPanel) -> list[TreeNode]:
    """Every actor's node in the order the panel shows them, those folded away as silent included."""
    nodes = [n for top in panel.root.children for n in (top, *top.children)]
    return [n for n in nodes if isinstance(n.data, ActorNode)]


async def test_the_actors_panel_lists_the_actors_of_the_open_article() -> None:
    library = analysed_library()
    app = reader(library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.reader.actors_panel
        top = panel.root.children
        speaking = [node.data.actor.name for node in top if isinstance(node.data, ActorNode)]
        actors = library.actors([app.reader.current_id])
        assert set(speaking) == {a.name for a in actors if a.statements} and speaking
        # the actors the text only names wait folded at the end, under one node that counts them
        silent = {a.name for a in actors if not a.statements}
        assert silent, "the sample article names people who say nothing"
        fold = top[-1]
        assert str(fold.label) == f"{len(silent)} more named, no statements"
        assert {leaf.data.actor.name for leaf in fold.children} == silent
        assert not fold.is_expanded
        await pilot.press("G")  # the Kazakhstan article (undated: last)
        names = {node.data.actor.name for node in panel.root.children if isinstance(node.data, ActorNode)}
        assert any("Tokayev" in name for name in names), names


async def test_selecting_a_statement_scrolls_the_article_to_it_and_flashes_it() -> None:
    app = reader()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("G")  # the longer Syria article
        await pilot.press("A")  # the actors panel, shown on demand at 80 columns
        panel = app.reader.actors_panel
        assert app.focused is panel
        statements = [n for n in panel.root.children if isinstance(n.data, ActorNode) and n.children]
        last = statements[-1].children[-1]
        statements[-1].expand()
        await pilot.pause()
        panel.move_cursor(last)
        await pilot.press("enter")
        await pilot.pause()
        view = app.reader.article_view
        quote = last.data.quote
        assert view.selected_quote == quote
        assert view.marks.flash == (quote.start, quote.end)
        line = view.line_of(quote.start)
        assert view.scroll_offset.y <= line < view.scroll_offset.y + view.scrollable_content_region.height


async def test_a_switches_the_actors_to_all_articles_where_a_statement_opens_its_article() -> None:
    library = analysed_library()
    app = reader(library=library)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("a")
        panel = app.reader.actors_panel
        assert "all articles" in str(panel.border_title)
        assert {n.data.actor.name for n in listed_actors(panel)} == {a.name for a in library.actors(None)}
        tokayev = next(n for n in listed_actors(panel) if "Tokayev" in n.data.actor.name)
        tokayev.expand()
        await pilot.pause()
        panel.focus()
        panel.move_cursor(tokayev.children[0])
        await pilot.press("enter")
        await pilot.pause()
        assert "Kazakhstan" in title_of(app)
        assert app.reader.article_view.selected_quote == tokayev.children[0].data.quote
        await pilot.press("a")
        assert "this article" in str(panel.border_title)


async def test_s_sorts_the_actors_by_name_and_back() -> None:
    app = reader()
    async with app.run_test(size=(160, 50)) as pilot:
        panel = app.reader.actors_panel
        panel.focus()
        assert "s: by name" in str(panel.border_subtitle)  # what s will do
        await pilot.press("s")
        speaking = [n.data.actor.name for n in panel.root.children if isinstance(n.data, ActorNode)]
        silent = [n.data.actor.name for n in panel.root.children[-1].children]
        assert speaking == sorted(speaking, key=str.lower) and silent == sorted(silent, key=str.lower)
        assert "s: by statements" in str(panel.border_subtitle)  # it said "s: by name" still (issue 12)
        await pilot.press("s")
        counts = [len(n.data.actor.statements) for n in listed_actors(panel)]
        assert counts == sorted(counts, reverse=True) and counts[-1] == 0
        assert "s: by name" in str(panel.border_subtitle)


async def test_brackets_step_through_the_quotes_with_cue_and_speaker() -> None:
    library = analysed_library()
    app = reader(library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "right_square_bracket")
        view = app.reader.article_view
        quotes = sorted(library.analysis(app.reader.current_id).quotes, key=lambda q: q.start)
        assert view.selected_quote == quotes[0]
        await pilot.press("right_square_bracket")
        assert view.selected_quote == quotes[1]
        await pilot.press("left_square_bracket")
        assert view.selected_quote == quotes[0]
        cue = quotes[0].cue
        assert cue is not None
        cue_style = view.get_component_rich_style("article-view--cue", partial=True)
        assert style_at(app, cue.start).bgcolor == cue_style.bgcolor


async def test_braces_step_through_entities_and_enter_shows_the_card() -> None:
    library = analysed_library()
    app = reader(library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "right_curly_bracket")
        first = sorted(library.analysis(app.reader.current_id).entities, key=lambda e: e.start)[0]
        assert app.reader.article_view.selected_entity == first
        await pilot.press("right_curly_bracket", "left_curly_bracket")
        assert app.reader.article_view.selected_entity == first
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntityCard)
        card_text = str(app.screen.query_one("#card-summary").render())
        assert first.label in card_text and "loaded article" in card_text
        await pilot.press("escape")
        assert not isinstance(app.screen, EntityCard)


async def test_the_card_of_an_actor_lists_where_they_appear_and_what_they_said() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G")  # the Kazakhstan article (undated: last)
        panel = app.reader.actors_panel
        panel.focus()
        tokayev = next(n for n in panel.root.children if "Tokayev" in n.data.actor.name)
        panel.move_cursor(tokayev)
        await pilot.press("c")
        await pilot.pause()
        card = app.screen
        assert isinstance(card, EntityCard)
        summary = str(card.query_one("#card-summary").render())
        assert "Statements" in summary and "(actor)" in summary
        options = card.query_one("#card-list", OptionList)
        # headings "Appears in" and "Statements", one article, then each statement
        assert options.option_count == 2 + 1 + len(tokayev.data.actor.statements)
        await pilot.press("down", "enter")  # the first statement: opens it in its article
        await pilot.pause()
        assert not isinstance(app.screen, EntityCard)
        assert app.reader.article_view.selected_quote == tokayev.data.actor.statements[0][1]


async def test_clicking_an_entity_opens_its_card() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.article_view
        entity = sorted(view.analysis.entities, key=lambda e: e.start)[0]
        line = view.line_of(entity.start) - view.scroll_offset.y
        start_of_line = view._ranges[line - len(view._header)][0]
        column = entity.start - start_of_line
        region = view.content_region
        await pilot.click(offset=(region.x + column, region.y + line))
        await pilot.pause()
        assert isinstance(app.screen, EntityCard)
        assert app.screen.profile.label == entity.label


async def test_number_keys_hide_entity_types_and_the_legend_says_so() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert "PERSON" in legend_text(app)
        person = next(e for e in app.reader.article_view.analysis.entities if e.label == "PERSON")
        colour = app.reader.article_view.get_component_rich_style("article-view--entity-person", partial=True)
        assert style_at(app, person.start).bgcolor == colour.bgcolor
        await pilot.press("1")
        assert "PERSON" in app.reader.article_view.marks.hidden_labels
        assert style_at(app, person.start).bgcolor != colour.bgcolor
        await pilot.press("1")
        assert "PERSON" not in app.reader.article_view.marks.hidden_labels
        await pilot.press("quotation_mark")
        assert app.reader.article_view.marks.show_quotes is False


async def test_slash_filters_the_list_as_you_type_and_counts_the_matches() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        assert app.focused is app.reader.search_input
        await pilot.press(*"tokayev")
        await loaded(app, pilot)
        assert len(app.reader.article_list.shown_ids) == 1
        assert "1 of 3 match" in str(app.query_one("#search-count").render())
        assert "Kazakhstan" in title_of(app)
        assert app.reader.article_view.match_count >= 3
        await pilot.press("enter")
        assert app.focused is app.reader.article_list
        await pilot.press("n")
        first = app.reader.article_view.marks.current_match
        await pilot.press("n")
        assert app.reader.article_view.marks.current_match == (first or 0) + 1
        await pilot.press("N")
        assert app.reader.article_view.marks.current_match == first
        await pilot.press("slash", "escape")
        await loaded(app, pilot)
        assert len(app.reader.article_list.shown_ids) == 3
        assert app.reader.article_view.match_count == 0


async def test_space_b_g_and_G_page_through_the_article_without_animation() -> None:
    app = reader()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("G", "enter")
        view = app.reader.article_view
        await pilot.press("space")
        page = view.scroll_offset.y
        assert page >= view.scrollable_content_region.height - 1
        await pilot.press("j")
        assert view.scroll_offset.y == page + 1
        await pilot.press("k", "b")
        assert view.scroll_offset.y == 0
        await pilot.press("G")
        assert view.scroll_offset.y == view.max_scroll_y > 0
        await pilot.press("g")
        assert view.scroll_offset.y == 0


async def test_tab_and_shift_tab_move_between_the_panes() -> None:
    app = reader()
    async with app.run_test(size=(160, 50)) as pilot:
        assert app.focused is app.reader.article_list
        await pilot.press("tab")
        assert app.focused is app.reader.article_view
        await pilot.press("tab")
        assert app.focused is app.reader.actors_panel
        await pilot.press("shift+tab")
        assert app.focused is app.reader.article_view


async def test_at_80_columns_the_actors_panel_is_toggled_not_squeezed() -> None:
    app = reader()
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.reader.actors_panel.display and app.reader.article_list.display
        await pilot.press("A")
        assert app.reader.actors_panel.display and not app.reader.article_list.display
        await pilot.press("L")
        assert app.reader.article_list.display and not app.reader.actors_panel.display
        await pilot.resize_terminal(160, 50)
        await pilot.pause()
        assert app.reader.actors_panel.display and app.reader.article_list.display


async def test_highlights_arrive_without_moving_the_scroll_position() -> None:
    library = unanalysed_library()
    app = reader(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("G", "enter", "space", "space")
        view = app.reader.article_view
        before = view.scroll_offset.y
        assert before > 0 and view.analysis is None
        assert "not analysed" in legend_text(app)
        analysis = analysed_library().analysis(app.reader.current_id)
        library.set_analysis(analysis)
        app.reader.post_message(messages.AnalysesReady([analysis]))
        await pilot.pause()
        assert view.analysis == analysis
        assert view.scroll_offset.y == before
        assert "PERSON" in legend_text(app)


async def test_help_lists_every_pane_s_keys_from_the_bindings() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.plain_text()
        for description in (
            "Next quote",
            "Next entity",
            "Next match",
            "Actors scope",
            "Search",
            "Quit",
            "Sort",
            "Mark/unmark the selected quote",
            "Copy the selected quote with its source",
            "Export quotes to a file",
            "Mark statement / fold actor",
        ):
            assert description in shown, description
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_keys_toml_remaps_a_binding_by_its_id(private_user_dirs: Path) -> None:
    keys = private_user_dirs / "config" / "newsreader" / "keys.toml"
    keys.parent.mkdir(parents=True)
    keys.write_text('next-quote = "x"\nnot-a-binding = "z"\n', encoding="utf-8")
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "x")
        assert app.reader.article_view.selected_quote is not None
        notices = [n.message for n in app._notifications]
        assert any("not-a-binding" in m for m in notices), notices
        await pilot.press("question_mark")
        shown = app.screen.plain_text()
        line = next(row for row in shown.splitlines() if "Next quote" in row)
        assert "x" in line.split("Next quote")[0]


async def test_the_palette_offers_the_reader_s_keys_in_the_help_s_words_with_the_user_s_keys(
    private_user_dirs: Path,
) -> None:
    keys = private_user_dirs / "config" / "newsreader" / "keys.toml"
    keys.parent.mkdir(parents=True)
    keys.write_text('mark-quote = "M"\n', encoding="utf-8")
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        offered = {text: key for text, key, _ in app.reader.palette_commands()}
        assert offered["Mark/unmark the selected quote"] == "M"  # the help's words, the user's key
        assert offered["Export quotes to a file"] == "e"
        assert offered["Actors panel: Sort"] == "s"
        await pilot.press("question_mark")
        help_rows = app.screen.plain_text().splitlines()
        assert any(" ".join(row.split()) == "M Mark/unmark the selected quote" for row in help_rows)


async def test_the_command_palette_opens_an_article() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        titles = [text for text, _, _ in app.reader.palette_commands() if text.startswith("Open article")]
        assert len(titles) == 3
        await pilot.press("ctrl+p")
        await pilot.press(*"open article csto")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert "Kazakhstan" in title_of(app)


async def test_q_quits() -> None:
    app = reader()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_the_paths_are_remembered_and_reopened_without_arguments() -> None:
    first = open_reader(paths=sample_paths(KAZAKHSTAN, SYRIA), analyze=False)
    async with first.run_test(size=(120, 40)) as pilot:
        await loaded(first, pilot)
    again = open_reader(analyze=False)
    async with again.run_test(size=(120, 40)) as pilot:
        await loaded(again, pilot)
        assert len(again.reader.article_list.shown_ids) == 2
        assert again.reader.paths == sample_paths(KAZAKHSTAN, SYRIA)


async def test_a_first_run_welcomes_and_offers_the_sample_articles() -> None:
    app = open_reader(analyze=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Welcome" in str(app.screen.query_one("#welcome").border_title)
        await pilot.press("enter")
        await loaded(app, pilot)
        assert len(app.reader.article_list.shown_ids) > 30


async def test_f1_shows_the_keys_of_the_focused_pane_and_question_mark_every_key() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        app.reader.actors_panel.focus()
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.plain_text()
        assert "Actors panel" in shown and "Sort" in shown and "Mark statement / fold actor" in shown
        assert "Everywhere" in shown and "Quit" in shown
        assert "Article list" not in shown and "Search bar" not in shown
        await pilot.press("question_mark")  # from one pane's keys to every key
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Article list" in app.screen.plain_text()
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_quote_and_entity_keys_work_from_the_actors_panel_too() -> None:
    app = reader()
    async with app.run_test(size=(160, 50)) as pilot:
        app.reader.actors_panel.focus()
        await pilot.press("right_square_bracket")
        assert app.focused is app.reader.actors_panel
        first = app.reader.article_view.selected_quote
        assert first is not None
        await pilot.press("right_square_bracket")
        assert app.reader.article_view.selected_quote not in (None, first)
        await pilot.press("left_square_bracket")
        assert app.reader.article_view.selected_quote == first
        await pilot.press("right_curly_bracket")
        assert app.reader.article_view.selected_entity is not None
        app.reader.article_list.focus()
        await pilot.press("right_curly_bracket")
        assert app.focused is app.reader.article_list
        assert app.reader.article_view.selected_entity is not None


async def test_a_search_lists_the_best_matches_and_says_how_many_match_in_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("tui.app.jobs.SEARCH_LIMIT", 1)
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"trump")
        await loaded(app, pilot)
        assert len(app.reader.article_list.shown_ids) == 1
        assert "2 of 3 match (best 1 shown)" in str(app.query_one("#search-count").render())


@pytest.mark.parametrize("width", [80, 120])
async def test_the_legend_breaks_lines_between_items_never_inside_one(width: int) -> None:
    app = reader()
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.press("G")  # the Syria article: many entity types
        await pilot.pause()
        legend = app.query_one(LegendBar)
        lines = legend_text(app).splitlines()
        assert len(lines) > 1, lines  # the test means something only when the legend wraps
        for _, item in legend._items:
            assert any(item.plain in line for line in lines), (item.plain, lines)
        assert all(len(line) <= legend.content_region.width for line in lines)


async def test_analysis_progress_shows_counts_and_a_bar_until_the_analysis_ends() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.query("#analysis-status").first().display
        app.reader.post_message(messages.AnalysisProgress(2, 5))
        await pilot.pause()
        assert "Analysing 2/5" in str(app.query_one("#analysis-label").render())
        bar = app.query_one("#analysis-bar")
        assert bar.display and (bar.progress, bar.total) == (2, 5)
        app.reader.post_message(messages.AnalysisProgress(4, 5))
        await pilot.pause()
        assert app.query_one("#analysis-bar").progress == 4 and len(app.query("#analysis-bar")) == 1
        app.reader.post_message(messages.AnalysisFinished(None))
        await pilot.pause()
        assert not app.query("#analysis-status").first().display


async def test_keys_the_reader_uses_are_still_typed_into_the_search_box() -> None:
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", "left_square_bracket", "q", "right_curly_bracket", "question_mark")
        assert app.reader.search_input.value == "[q}?"
        assert app.reader.article_view.selected_quote is None and not isinstance(app.screen, HelpScreen)


async def test_the_welcome_names_every_format_the_reader_opens() -> None:
    from tui.core.sources.dispatch import READERS, SUFFIX_FORMATS

    app = open_reader(analyze=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = " ".join(str(app.screen.query_one("#welcome-text").render()).split())
    assert all(suffix in shown for suffix in SUFFIX_FORMATS), shown
    assert set(READERS) <= set(SUFFIX_FORMATS.values())  # so every reader has its suffix named
    assert "web addresses" in shown and "standard input" in shown
