"""The list of loaded articles, filtered by the search: a Line API widget that paints only what shows.

Textual's OptionList lays out every option again whenever its options are set: listing 100,000
imported articles, set once per batch read, took 68 s of the screen's time against the library's
14 s. Here a row's height is worked out once per article and width (row_layout.py, microseconds),
the rows' tops are one running sum, and a repaint renders only the rows on screen, so listing or
filtering costs the same at 100 articles as at 300,000, apart from that sum.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.list_order import DEFAULT_ORDER, ORDER_LABELS, ListOrder, next_order
from tui.app.row_layout import row_lines
from tui.core.model import Article

TITLE_STYLE = Style(bold=True)
META_STYLE = Style(dim=True)


class ArticleList(ScrollView, can_focus=True):
    """Articles in the order chosen with `s` (newest first at first), or as a search ranked them;
    moving the cursor opens the article beside it. The subtitle says which order is shown."""

    DEFAULT_CSS = """
    ArticleList {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-gutter: stable;  /* rows keep their width (and heights) as the scroll bar comes and goes */
        padding: 0 1;
        background: $surface;
        & > .article-list--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .article-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-list--cursor"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list-down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list-up"),
        Binding("g,home", "first", "First", show=False, id="list-first"),
        Binding("G,end", "last", "Last", show=False, id="list-last"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="list-page-down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="list-page-up"),
        Binding("enter", "select", "Read", id="list-open"),
        Binding(
            "s",
            "cycle_order",
            "Order",
            tooltip="Order: newest, oldest, title, most statements",
            id="list-order",
        ),
    ]

    order: var[ListOrder] = var(DEFAULT_ORDER, init=False)
    """The order the articles are listed in when no search is active (the screen lists them)."""
    ranked = var(False, init=False)
    """A search is active: the list shows its matches, best first, whatever `order` says."""

    class OrderChanged(Message):
        """The user chose another order: the screen lists the articles again and remembers it."""

        def __init__(self, order: ListOrder) -> None:
            super().__init__()
            self.order = order

    class Highlighted(Message):
        """The cursor moved onto an article (by a key or the mouse): the screen opens it."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class Selected(Message):
        """Enter (or a click) on an article: the screen opens it and moves to its text."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown_ids: list[str] = []
        self._articles: dict[str, Article] = {}  # the listed ones, by id
        # each article's row height at `_laid_out_at` columns, with the copy it was worked out for (the
        # same text may come back with another title under the same id)
        self._heights: dict[str, tuple[Article, int]] = {}
        self._laid_out_at = 0
        self._row_heights: list[int] = []
        self._tops: list[int] = []  # each row's first line
        self._highlighted: int | None = None

    # -- what the screen asks --------------------------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        """The row under the cursor, or None when nothing is listed."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        self._move_to(index, tell=False)

    @property
    def highlighted_id(self) -> str | None:
        index = self._highlighted
        return self.shown_ids[index] if index is not None else None

    @property
    def row_count(self) -> int:
        return len(self.shown_ids)

    def row_text(self, index: int) -> list[str]:
        """The lines of row `index` as they are painted (title lines, then date · source if any)."""
        title, meta = row_lines(self._articles[self.shown_ids[index]], self._laid_out_at or self._width())
        return [*title, meta] if meta else title

    def set_articles(self, articles: Sequence[Article]) -> None:
        """Show exactly these articles in one update, the cursor on the same article when it is still
        listed, else on the first.

        No Highlighted message is posted for this: opening the article under the cursor costs more
        than the list itself (text, highlights, actors), so the app does it after the list is painted.
        """
        ids = [a.id for a in articles]
        if ids == self.shown_ids:
            return
        keep = self.highlighted_id
        self._articles = {a.id: a for a in articles}
        self.shown_ids = ids
        self._lay_out()
        self.scroll_to(y=0, animate=False, immediate=True)
        position = self._position(keep)
        self._highlighted = None
        self._move_to(position if position is not None else (0 if ids else None), tell=False)

    def replace_article(self, old_id: str, new: Article | None) -> None:
        """The row of `old_id` shows `new` instead (or goes, for None), where it was; the view stays
        where it was scrolled to. A no-op when `old_id` is not listed (a search that excludes it)."""
        index = self._position(old_id)
        if index is None:
            return
        keep = self.highlighted_id
        ids = list(self.shown_ids)
        del self._articles[old_id]
        if new is None or (new.id != old_id and new.id in self._articles):  # a row less
            del ids[index]
        else:
            ids[index] = new.id
            self._articles[new.id] = new
        if keep == old_id:
            keep = new.id if new is not None else None
        scrolled = self.scroll_y
        self.shown_ids = ids
        self._lay_out()
        position = self._position(keep)
        if position is None and ids:
            position = min(index, len(ids) - 1)
        self._highlighted = None
        self._move_to(position, tell=False)
        self.scroll_to(y=scrolled, animate=False, immediate=True)

    # -- order -----------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._show_order()

    def watch_order(self) -> None:
        self._show_order()

    def watch_ranked(self) -> None:
        self._show_order()

    def _show_order(self) -> None:
        # in the subtitle, not the title: "Articles · most statements" does not fit 80 columns
        self.border_title = "Articles"
        self.border_subtitle = "best match first" if self.ranked else f"{ORDER_LABELS[self.order]} (s)"

    def action_cycle_order(self) -> None:
        if self.ranked:
            self.notify(
                "Search results are listed best match first; clear the search (Esc) to order.", timeout=3
            )
            return
        self.order = next_order(self.order)
        self.post_message(self.OrderChanged(self.order))

    # -- the cursor ------------------------------------------------------------------------------

    def _position(self, article_id: str | None) -> int | None:
        if article_id is None or article_id not in self._articles:
            return None
        return self.shown_ids.index(article_id)

    def _move_to(self, index: int | None, *, tell: bool) -> None:
        if index is not None:
            index = max(0, min(index, len(self.shown_ids) - 1)) if self.shown_ids else None
        old, self._highlighted = self._highlighted, index
        if old == index:
            return
        for row in (old, index):
            if row is not None and row < len(self._tops):
                self.refresh(self._row_region(row).translate(-self.scroll_offset))
        if index is None:
            return
        self._scroll_to_row(index)
        if tell:
            self.post_message(self.Highlighted(self.shown_ids[index]))

    def _row_region(self, index: int) -> Region:
        return Region(0, self._tops[index], self._width(), self._row_heights[index])

    def _scroll_to_row(self, index: int) -> None:
        if self.is_mounted and index < len(self._tops):
            self.scroll_to_region(self._row_region(index), animate=False, force=True, immediate=True)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, rows: int) -> None:
        if not self.shown_ids:
            return
        if self._highlighted is None:
            self._move_to(0 if rows > 0 else len(self.shown_ids) - 1, tell=True)
        else:
            self._move_to(self._highlighted + rows, tell=True)

    def action_first(self) -> None:
        if self.shown_ids:
            self._move_to(0, tell=True)

    def action_last(self) -> None:
        if self.shown_ids:
            self._move_to(len(self.shown_ids) - 1, tell=True)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """The cursor a screenful down (or up): onto the row at the line a page away from it."""
        if not self.shown_ids:
            return
        current = self._highlighted if self._highlighted is not None else 0
        line = self._tops[current] + direction * max(1, self.scrollable_content_region.height)
        self._move_to(self._row_at(max(0, line)), tell=True)

    def action_select(self) -> None:
        if self._highlighted is not None:
            self.post_message(self.Selected(self.shown_ids[self._highlighted]))

    async def _on_click(self, event: events.Click) -> None:
        row = self._row_at(event.y + round(self.scroll_y))
        if row is not None and event.y < self.scrollable_content_region.height:
            self._move_to(row, tell=True)
            self.action_select()

    def _row_at(self, line: int) -> int | None:
        """The row that paints content line `line`; the last row below the end."""
        if not self._tops:
            return None
        return max(0, bisect_right(self._tops, line) - 1)

    # -- layout and painting ---------------------------------------------------------------------

    def _width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def _lay_out(self) -> None:
        """Every row's height (worked out once per article and width) and top line; left to the first
        resize while the list has no width yet (set before it was laid out on the screen)."""
        if self.scrollable_content_region.width <= 0:
            self._tops = []
            return
        width = self._width()
        if width != self._laid_out_at:
            self._heights.clear()
            self._laid_out_at = width
        heights = self._heights
        row_heights = []
        for article_id in self.shown_ids:
            article = self._articles[article_id]
            known = heights.get(article_id)
            if known is None or known[0] is not article:
                title, meta = row_lines(article, width)
                known = heights[article_id] = (article, len(title) + (1 if meta else 0))
            row_heights.append(known[1])
        self._row_heights = row_heights
        self._tops = [0, *accumulate(row_heights)][:-1] if row_heights else []
        self.virtual_size = Size(width, sum(row_heights))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.shown_ids and (self._width() != self._laid_out_at or not self._tops):
            self._lay_out()
            if self._highlighted is not None:
                self._scroll_to_row(self._highlighted)

    def render_line(self, y: int) -> Strip:
        width = self._width()
        if width != self._laid_out_at and self._tops:  # a width no Resize announced: lay out again
            self.call_later(self._lay_out)
            width = self._laid_out_at
        line = y + round(self.scroll_y)
        row = self._row_at(line)
        base = self.rich_style
        if row is None or line >= self._tops[-1] + self._row_heights[-1]:
            return Strip.blank(width, base)
        article = self._articles[self.shown_ids[row]]
        title, meta = row_lines(article, width)
        offset = line - self._tops[row]
        text, style = (title[offset], TITLE_STYLE) if offset < len(title) else (meta, META_STYLE)
        if row == self._highlighted:
            base = base + self.get_component_rich_style("article-list--cursor")
        return Strip([Segment(text, base + style)]).extend_cell_length(width, base).crop(0, width)
