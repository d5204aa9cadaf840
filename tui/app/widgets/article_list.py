"""The list of loaded articles, filtered by the search; OptionList because it stays fast at 10,000."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.model import Article


def article_prompt(article: Article) -> Text:
    meta = " · ".join(p for p in (article.date, article.source) if p)
    prompt = Text(article.title or article.path, style="bold")
    if meta:
        prompt.append("\n" + meta, style="dim")
    return prompt


class ArticleList(OptionList):
    """Articles in the order they were read; moving the cursor opens the article beside it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list-down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list-up"),
        Binding("g,home", "first", "First", show=False, id="list-first"),
        Binding("G,end", "last", "Last", show=False, id="list-last"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="list-page-down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="list-page-up"),
        Binding("enter", "select", "Read", id="list-open"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown_ids: list[str] = []

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def append_articles(self, articles: Iterable[Article]) -> None:
        new = [Option(article_prompt(a), id=a.id) for a in articles]
        if not new:
            return
        self.shown_ids.extend(option.id for option in new if option.id)
        self.add_options(new)
        if self.highlighted is None:
            self.highlighted = 0

    def set_articles(self, articles: Sequence[Article]) -> None:
        """Show exactly these articles, keeping the cursor on the same article when it is still listed."""
        keep = self.highlighted_id
        ids = [a.id for a in articles]
        if ids == self.shown_ids:
            return
        self.clear_options()
        self.shown_ids = []
        self.append_articles(articles)
        if keep is not None and keep in ids:
            self.highlighted = ids.index(keep)
