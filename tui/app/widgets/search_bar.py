"""The search bar: a query box and how many articles match it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class SearchInput(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_search", "Clear search", id="search-clear"),
        Binding("enter", "done", "Show results", id="search-done"),
        Binding("down", "done", "Show results", show=False, id="search-down"),
    ]

    class Done(Message):
        """The reader finished typing (enter) or cleared the query (escape): focus returns to the list."""

        def __init__(self, cleared: bool) -> None:
            super().__init__()
            self.cleared = cleared

    def action_clear_search(self) -> None:
        self.value = ""
        self.post_message(self.Done(cleared=True))

    def action_done(self) -> None:
        self.post_message(self.Done(cleared=False))


class SearchBar(Horizontal):
    """Docked at the top; `/` focuses it from anywhere."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._count_text = ""

    def compose(self) -> ComposeResult:
        yield Label("/", id="search-slash")
        yield SearchInput(placeholder='search: words, "a phrase", prefix*', id="search-input", compact=True)
        yield Label("", id="search-count")

    def show_count(self, matched: int | None, total: int, *, shown: int | None = None) -> None:
        """ "12 articles", "3 of 12 match", or "2,400 of 100,000 match (best 500 shown)" when the list
        holds only the best matches."""
        if matched is None:
            text = f"{total:,} article{'s' if total != 1 else ''}"
        elif shown is not None and shown < matched:
            text = f"{matched:,} of {total:,} match (best {shown:,} shown)"
        else:
            text = f"{matched:,} of {total:,} match"
        if text == self._count_text:
            return
        self._count_text = text
        label = self.query_one("#search-count", Label)
        # A new layout (the whole screen composed again) only when the text no longer fits: a shorter
        # text leaves blank cells until the next layout (the search box has one per keystroke).
        label.update(text, layout=len(text) > label.content_size.width)
