"""The list of loaded articles, filtered by the search; OptionList because it stays fast at 10,000."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.list_order import DEFAULT_ORDER, ORDER_LABELS, ListOrder, next_order
from tui.core.model import Article
from tui.core.terminal_safe import visible_line


def article_prompt(article: Article) -> Text:
    """The article's row: title (or path) and date · source, control characters shown as placeholders."""
    meta = visible_line(" · ".join(p for p in (article.date, article.source) if p))
    prompt = Text(visible_line(article.title or article.path), style="bold")
    if meta:
        prompt.append("\n" + meta, style="dim")
    return prompt


class ArticleList(OptionList):
    """Articles in the order chosen with `s` (newest first at first), or as a search ranked them;
    moving the cursor opens the article beside it. The subtitle says which order is shown.

    Each article's row (an Option) is made once and kept: OptionList caches a row's laid-out
    prompt and its height on the Option, so a search that lists 500 articles again reuses that work
    instead of wrapping 500 titles per keystroke (an id is a content hash: its row changes only when
    the same text comes back with new details, and `replace_article` makes it again then).
    """

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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown_ids: list[str] = []
        self._rows: dict[str, Option] = {}

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

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def _row(self, article: Article) -> Option:
        row = self._rows.get(article.id)
        if row is None:
            row = self._rows[article.id] = Option(article_prompt(article), id=article.id)
        return row

    def set_articles(self, articles: Sequence[Article]) -> None:
        """Show exactly these articles in one update, the cursor on the same article when it is still
        listed, else on the first.

        No OptionHighlighted is posted for this: opening the article under the cursor costs more than
        the list itself (text, highlights, actors), so the app does it after the list is painted.
        """
        ids = [a.id for a in articles]
        if ids == self.shown_ids:
            return
        keep = self.highlighted_id
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options([self._row(a) for a in articles])
            self.shown_ids = ids
            if ids:
                self.highlighted = ids.index(keep) if keep is not None and keep in ids else 0

    def replace_article(self, old_id: str, new: Article | None) -> None:
        """The row of `old_id` shows `new` instead (or goes, for None), where it was; the view stays
        where it was scrolled to. A no-op when `old_id` is not listed (a search that excludes it)."""
        self._rows.pop(old_id, None)
        if old_id not in self.shown_ids:
            return
        index = self.shown_ids.index(old_id)
        keep = self.highlighted_id
        scrolled = self.scroll_y
        options = list(self.options)
        ids = list(self.shown_ids)
        if new is None or (new.id != old_id and new.id in ids):  # gone, or its new text listed: a row less
            del options[index], ids[index]
        else:
            options[index], ids[index] = self._row(new), new.id
        if keep == old_id:
            keep = new.id if new is not None else None
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            self.shown_ids = ids
            if ids:
                self.highlighted = ids.index(keep) if keep in ids else min(index, len(ids) - 1)
        self.scroll_to(y=scrolled, animate=False, immediate=True)
