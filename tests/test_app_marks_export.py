"""Marking quotes, copying one and exporting them, and `--watch`, driven through the real reader.

Real sample articles with real analyses (tests/app_library.py); marks go to a temporary file, which a
second app then reopens as a reader restarting would.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from app_library import KAZAKHSTAN, analysed_library, open_reader
from textual.widgets import Input, Label

from tui.app.app import NewsReaderApp
from tui.app.screens.export import ExportScreen
from tui.app.widgets.actors_panel import MARKED, StatementNode
from tui.core.model import Quote


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSREADER_DB", raising=False)
    return tmp_path


def reader(marks: Path, **kwargs) -> NewsReaderApp:  # type: ignore[no-untyped-def]
    kwargs.setdefault("library", analysed_library())
    kwargs.setdefault("analyze", False)
    kwargs.setdefault("remember", False)
    kwargs.setdefault("theme", "textual-dark")
    return open_reader(marks_path=marks, **kwargs)


def notices(app: NewsReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


def marked_count(app: NewsReaderApp) -> str | None:
    """The footer's count of marked quotes as shown, or None when it is hidden."""
    label = app.query_one("#marked-count", Label)
    return str(label.render()) if label.display else None


def plain_offset(app: NewsReaderApp, quote: Quote) -> int:
    """A character of the quote that no entity colours, so the quote's own style shows there."""
    analysis = app.reader.article_view.analysis
    assert analysis is not None
    for offset in range(quote.start, quote.end):
        if app.reader.article_view.article.text[offset].isalpha() and not any(
            e.start <= offset < e.end for e in analysis.entities
        ):
            return offset
    raise AssertionError("the quote is all entities")


def style_at(app: NewsReaderApp, offset: int):  # type: ignore[no-untyped-def]
    view = app.reader.article_view
    index = view.line_of(offset) - len(view._header)
    start = view._ranges[index][0]
    return view._line_texts[index].get_style_at_offset(app.console, offset - start)


def statement_leaves(app: NewsReaderApp) -> list:  # type: ignore[type-arg]
    return [
        leaf
        for node in app.reader.actors_panel.root.children
        for leaf in node.children
        if isinstance(leaf.data, StatementNode)
    ]


async def test_m_marks_the_selected_quote_shows_and_counts_it_and_a_restart_keeps_it(tmp_path: Path) -> None:
    marks = tmp_path / "marks.json"
    app = reader(marks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "right_square_bracket")
        quote = app.reader.article_view.selected_quote
        assert quote is not None
        assert marked_count(app) is None
        await pilot.press("m")
        assert marked_count(app) == "★ 1 marked"
        assert any(m.startswith("Marked the quote") for m in notices(app)), notices(app)
        await pilot.press("escape")  # clear the selection: the mark itself must still show
        assert app.reader.article_view.selected_quote is None
        marked_style = app.reader.article_view.get_component_rich_style(
            "article-view--quote-marked", partial=True
        )
        assert style_at(app, plain_offset(app, quote)).bgcolor == marked_style.bgcolor
        starred = [leaf for leaf in statement_leaves(app) if str(leaf.label).startswith(MARKED)]
        assert [leaf.data.quote for leaf in starred] == [quote]
        article_title = app.reader.article_view.article.title

    again = reader(marks)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.reader.article_view.article.title == article_title
        assert marked_count(again) == "★ 1 marked"
        assert again.reader.article_view.marks.marked == {(quote.start, quote.end)}
        await pilot.press("enter", "right_square_bracket")
        assert again.reader.article_view.selected_quote == quote
        await pilot.press("m")  # unmark: the count goes away, and the file says so too
        assert marked_count(again) is None
        assert json.loads(marks.read_text(encoding="utf-8"))["marks"] == []


async def test_space_m_and_y_act_on_the_statement_under_the_cursor_in_the_actors_panel(
    tmp_path: Path,
) -> None:
    app = reader(tmp_path / "marks.json")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        panel = app.reader.actors_panel
        first_actor = panel.root.children[0]
        first_actor.expand()
        await pilot.pause()
        panel.focus()
        panel.move_cursor(first_actor.children[0])
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        leaf = first_actor.children[0]
        assert str(leaf.label).startswith(MARKED)
        assert marked_count(app) == "★ 1 marked"
        assert app.reader.article_view.marks.marked == {(leaf.data.quote.start, leaf.data.quote.end)}
        await pilot.press("y")  # y copies the statement under the panel's cursor
        assert leaf.data.quote.text.strip() in app.clipboard
        await pilot.press("m")  # m works on the panel's statement too: unmarked again
        assert not str(leaf.label).startswith(MARKED)
        assert marked_count(app) is None
        panel.move_cursor(first_actor)
        await pilot.press("space")  # on an actor, space still folds it
        assert not first_actor.is_expanded


async def test_m_and_y_without_a_selected_quote_say_how_to_select_one(tmp_path: Path) -> None:
    app = reader(tmp_path / "marks.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m", "y")
        warnings = [m for m in notices(app) if m.startswith("Select a quote first")]
        assert len(warnings) == 2
        assert marked_count(app) is None
        assert app.clipboard == ""


async def test_a_marks_file_that_cannot_be_saved_is_said_and_nothing_is_marked(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    app = reader(blocker / "marks.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "right_square_bracket", "m")
        assert any("could not save marks" in m for m in notices(app)), notices(app)
        assert marked_count(app) is None
        assert app.reader.article_view.marks.marked == frozenset()


async def test_a_damaged_marks_file_is_reported_at_start_up(tmp_path: Path) -> None:
    marks = tmp_path / "marks.json"
    marks.write_text("{broken", encoding="utf-8")
    app = reader(marks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("damaged" in m and "marks.json" in m for m in notices(app)), notices(app)


async def test_y_copies_the_selected_quote_with_its_source_and_says_so(tmp_path: Path) -> None:
    app = reader(tmp_path / "marks.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "right_square_bracket", "y")
        quote = app.reader.article_view.selected_quote
        article = app.reader.article_view.article
        assert quote is not None and article is not None
        assert quote.text.strip() in app.clipboard
        assert article.title in app.clipboard
        assert any(m.startswith("Copied the quote") for m in notices(app)), notices(app)


async def test_e_opens_the_export_dialog_and_writes_the_marked_quote(tmp_path: Path) -> None:
    library = analysed_library()
    app = reader(tmp_path / "marks.json", library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G")  # the Kazakhstan article (undated: last)
        await pilot.press("enter", "right_square_bracket", "right_square_bracket", "m")
        quote = app.reader.article_view.selected_quote
        assert quote is not None and app.reader.article_view.article.path.endswith(KAZAKHSTAN)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        in_article = len(library.analysis(app.reader.current_id).quotes)
        labels = dialog.labels
        assert labels[0] == "Marked quotes (1)" and dialog.scope == labels[0]
        assert f"Quotes in this article ({in_article})" in labels
        assert labels[-1].startswith("All quotes (")
        assert quote.actor and any(label.startswith(f"Quotes by {quote.actor} (") for label in labels)
        await pilot.press("e", "m")  # under the dialog the reader's keys do nothing
        assert app.screen is dialog and len(app.screen_stack) == 2
        assert marked_count(app) == "★ 1 marked"
        await pilot.click("#export-format-jsonl")
        target = tmp_path / "picked.jsonl"
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
        assert [(r["quote"], r["start"], r["end"]) for r in records] == [(quote.text, quote.start, quote.end)]
        assert any(str(target) in m for m in notices(app)), notices(app)


async def test_e_with_a_search_offers_the_quotes_of_the_matching_articles(tmp_path: Path) -> None:
    app = reader(tmp_path / "marks.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"csto", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.reader.article_list.shown_ids) == 1
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        search = [
            label for label in app.screen.labels if label.startswith("Quotes in articles matching csto")
        ]
        matching = app.library.analysis(app.reader.article_list.shown_ids[0]).quotes
        assert search == [f"Quotes in articles matching csto ({len(matching)})"]
        await pilot.press("escape")
        assert not isinstance(app.screen, ExportScreen)


@pytest.mark.parametrize("already", [1, 0], ids=["one-article", "empty-folder"])
async def test_watch_reads_a_file_saved_into_the_opened_folder(tmp_path: Path, already: int) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    if already:
        (folder / "first.txt").write_text("The first story\n\nIt begins here.\n", encoding="utf-8")
    app = open_reader(
        paths=[str(folder)], analyze=False, remember=False, watch=True, marks_path=tmp_path / "marks.json"
    )
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.monotonic() + 10
        while not app.reader._watched_paths and time.monotonic() < deadline:
            await pilot.pause(0.1)
        assert len(app.reader.article_list.shown_ids) == already
        new = folder / "second.txt"
        deadline = time.monotonic() + 20
        while len(app.reader.article_list.shown_ids) < already + 1 and time.monotonic() < deadline:
            # written again until seen: the watcher may still be starting when the file first lands
            new.write_text("A second story\n\nSaved while the reader was open.\n", encoding="utf-8")
            for _ in range(10):
                await pilot.pause(0.1)
                if len(app.reader.article_list.shown_ids) == already + 1:
                    break
        titles = {app.library.article(i).title for i in app.reader.article_list.shown_ids}
        assert titles == {"The first story", "A second story"} if already else {"A second story"}
        assert app.reader.article_view.article is not None  # the new article is open, not the placeholder
        # the notice comes with the watcher's message, which a relist of the library may precede
        deadline = time.monotonic() + 5
        while not any("A second story" in m for m in notices(app)) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert any("A second story" in m for m in notices(app)), notices(app)


async def test_a_watched_article_is_analysed_like_the_ones_opened(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    app = open_reader(
        paths=[str(folder)],
        remember=False,
        watch=True,
        no_cache=True,
        analysis_in_processes=False,
        marks_path=tmp_path / "marks.json",
    )
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.monotonic() + 10
        while not app.reader._watched_paths and time.monotonic() < deadline:
            await pilot.pause(0.1)
        story = folder / "story.txt"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (
            app.reader.article_view.analysis is not None and app.reader.article_view.analysis.quotes
        ):
            if not app.reader.article_list.shown_ids:
                story.write_text(
                    'Minister speaks\n\n"We will rebuild the bridge," Maria Lopez said on Monday.\n',
                    encoding="utf-8",
                )
            await pilot.pause(0.2)
        analysis = app.reader.article_view.analysis
        assert analysis is not None, "the watched article was never analysed"
        assert [q.text for q in analysis.quotes] and "Maria Lopez" in {a.name for a in analysis.actors}
