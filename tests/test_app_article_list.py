"""The article list as a reader uses it: rows laid out in its width, the cursor moved by keys and the
mouse, and a listing of thousands that paints only what shows."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.app.row_layout import ELLIPSIS, wrap_title
from tui.app.widgets.article_list import ArticleList
from tui.core.model import Article


def article(n: int, title: str | None = None) -> Article:
    return Article(
        path=f"news/{n:05d}.txt",
        title=title if title is not None else f"Story number {n}",
        text=f"Body of story {n}.",
        date=f"2020-01-{1 + n % 28:02d}",
        source="Wire",
    )


class ListApp(App[None]):
    """The list alone, 30 columns wide (26 inside its padding and scroll bar), as in the side pane."""

    CSS = "ArticleList { width: 30; height: 1fr; }"

    def __init__(self) -> None:
        super().__init__()
        self.highlighted: list[str] = []
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield ArticleList(id="article-list")

    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        self.highlighted.append(message.article_id)

    def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        self.selected.append(message.article_id)


def screen_text(app: App[None]) -> str:
    return app.export_screenshot().replace("&#160;", " ")


def test_a_title_wraps_on_words_and_a_long_one_ends_in_an_ellipsis() -> None:
    assert wrap_title("US President Trump announces troop withdrawal from Syria", 28) == [
        "US President Trump announces",
        "troop withdrawal from Syria",
    ]
    long = wrap_title(" ".join(["word"] * 40), 20)
    assert len(long) == 3 and long[-1].endswith(ELLIPSIS)
    assert wrap_title("x" * 50, 20) == ["x" * 20, "x" * 20, "x" * 10]  # a word wider than the row is cut
    assert all(len(line) <= 10 for line in wrap_title("日本語のタイトル日本語", 10))  # 2 cells a character


async def test_rows_show_title_then_date_and_source_and_only_the_visible_ones_are_painted() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        listed = app.query_one(ArticleList)
        articles = [article(n) for n in range(20_000)]
        articles[0] = article(0, "A headline long enough that it cannot possibly fit in three rows of a list")
        listed.set_articles(articles)
        await pilot.pause()
        assert listed.row_count == 20_000
        assert listed.row_text(0)[-1] == "2020-01-01 · Wire"
        assert listed.row_text(0)[2].endswith(ELLIPSIS)
        text = screen_text(app)
        assert "A headline long enough" in text and "Story number 1" in text
        assert "Story number 100" not in text  # below the fold
        assert listed.virtual_size.height == 4 + 2 * 19_999


async def test_keys_move_the_cursor_and_open_what_they_land_on() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        listed = app.query_one(ArticleList)
        articles = [article(n) for n in range(500)]
        listed.set_articles(articles)
        listed.focus()
        await pilot.pause()
        assert listed.highlighted_id == articles[0].id and app.highlighted == []  # listing opens nothing

        await pilot.press("j", "down")
        assert listed.highlighted == 2
        await pilot.press("k")
        assert listed.highlighted == 1
        await pilot.press("G")
        await pilot.pause()
        assert listed.highlighted == 499
        assert "Story number 499" in screen_text(app)  # scrolled to it
        await pilot.press("g", "pagedown")
        assert 3 <= listed.highlighted <= 6  # a screenful of 2-line rows: 12 lines
        await pilot.press("enter")
        assert app.selected == [articles[listed.highlighted].id]
        assert app.highlighted[:3] == [articles[1].id, articles[2].id, articles[1].id]


async def test_a_click_opens_the_row_under_the_mouse() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        listed = app.query_one(ArticleList)
        articles = [article(n) for n in range(50)]
        listed.set_articles(articles)
        await pilot.pause()
        await pilot.click(ArticleList, offset=(3, 3))  # the second row's meta line (row 1: lines 2-3)
        assert listed.highlighted == 1
        assert app.selected == [articles[1].id]


async def test_relisting_keeps_the_cursor_on_its_article_and_a_replaced_row_in_place() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        listed = app.query_one(ArticleList)
        articles = [article(n) for n in range(30)]
        listed.set_articles(articles)
        listed.highlighted = 7
        listed.set_articles(list(reversed(articles)))
        assert listed.highlighted_id == articles[7].id
        renamed = article(7, "Story number 7, corrected")
        listed.replace_article(articles[7].id, renamed)
        assert listed.highlighted_id == renamed.id
        assert listed.row_text(listed.highlighted)[0] == "Story number 7, corrected"
        listed.replace_article(renamed.id, None)
        assert renamed.id not in listed.shown_ids and listed.row_count == 29
        await pilot.pause()


async def test_a_narrower_list_lays_its_rows_out_again() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        listed = app.query_one(ArticleList)
        listed.set_articles([article(0, "Parliament votes on the budget after a long night")])
        await pilot.pause()
        assert listed.row_text(0)[:2] == ["Parliament votes on the", "budget after a long night"]
        listed.styles.width = 16
        await pilot.pause()
        assert listed.row_text(0)[:3] == ["Parliament", "votes on the", "budget afte…"]
        assert listed.virtual_size.height == 4


def painted(listed: ArticleList) -> list[str]:
    """The list's content lines as painted now, trailing blanks dropped."""
    lines = [listed.render_line(y).text.rstrip() for y in range(listed.scrollable_content_region.height)]
    while lines and not lines[-1]:
        lines.pop()
    return lines


async def test_a_short_list_after_a_long_one_paints_each_row_once() -> None:
    """A search's few matches after the whole library: the scroll bar goes, the rows' lines stay right
    (once, the meta line of a row laid out 2 columns narrower was painted twice)."""
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        listed = app.query_one(ArticleList)
        listed.set_articles([article(n) for n in range(500)])
        await pilot.pause()
        matches = [article(700, "US President Trump announces troop withdrawal"), article(2)]
        listed.set_articles(matches)
        await pilot.pause()
        assert painted(listed) == [*listed.row_text(0), *listed.row_text(1)]
        assert painted(listed).count("2020-01-03 · Wire") == 1

        # the same text again with a longer title (same id): its row grows
        listed.set_articles([article(2, "Story number 2, now with a title that takes two lines")])
        await pilot.pause()
        assert painted(listed) == listed.row_text(0)
        assert len(listed.row_text(0)) == 3
