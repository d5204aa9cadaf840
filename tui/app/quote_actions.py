"""What the reader does with quotes: which one is meant, marking it, copying it, exporting quotes.

`m`, `y` and `e` work from any pane; space on a statement in the actors panel marks it too. They all
ask `selected` which quote the reader means, and all say the same thing when there is none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widgets import Label

from tui.app.widgets.actors_panel import ActorsPanel
from tui.app.widgets.article_view import ArticleView
from tui.core.model import Article, Quote

if TYPE_CHECKING:
    from tui.core.library import Library
    from tui.core.marks import MarkStore

NEED_A_QUOTE = (
    "Select a quote first: ] and [ step through the article's quotes, "
    "or move to a statement in the actors panel."
)


class QuoteActions:
    """Select, mark, copy and export quotes for the reader screen, and show what is marked."""

    def __init__(
        self,
        screen: Screen[object],
        library: Callable[[], Library],
        marks: Callable[[], MarkStore],
    ) -> None:
        self._screen = screen
        self._library = library
        self._marks = marks
        self._view = screen.query_one(ArticleView)
        self._panel = screen.query_one(ActorsPanel)
        self._count = screen.query_one("#marked-count", Label)

    def selected(self) -> tuple[Article, Quote] | None:
        """The quote the reader means: the statement under the cursor in the actors panel when it has
        the focus, else the quote selected in the article with ] and [."""
        if self._screen.focused is self._panel:
            statement = self._panel.selected_statement
            if statement is not None:
                article = self._library().article(statement.article_id)
                return (article, statement.quote) if article is not None else None
        if self._view.article is not None and self._view.selected_quote is not None:
            return self._view.article, self._view.selected_quote
        return None

    def _selected_or_say_so(self) -> tuple[Article, Quote] | None:
        picked = self.selected()
        if picked is None:
            self._screen.notify(NEED_A_QUOTE, severity="warning", timeout=4)
        return picked

    def toggle_selected(self) -> None:
        picked = self._selected_or_say_so()
        if picked is not None:
            self.toggle(*picked)

    def toggle(self, article: Article, quote: Quote) -> None:
        """Mark or unmark one quote, saved at once; a failed save is undone and said."""
        from tui.core.marks import MarkKey, MarkSaveError

        try:
            marked = self._marks().toggle(MarkKey.of(article, quote))
        except MarkSaveError as error:
            self._screen.notify(str(error), title="Marks", severity="error", timeout=10)
            return
        self.show_marks()
        who = quote.actor or (quote.speaker.text if quote.speaker else "an unknown speaker")
        verb = "Marked" if marked else "Unmarked"
        self._screen.notify(f"{verb} the quote by {who} (e exports the marked quotes).", timeout=2)

    def copy_selected(self) -> None:
        from tui.app.clipboard import copy_quote
        from tui.core.export import ExportItem

        picked = self._selected_or_say_so()
        if picked is not None:
            self._screen.notify(copy_quote(self._screen.app, ExportItem.from_quote(*picked)), timeout=4)

    def marked_spans(self, article_id: str | None) -> list[tuple[int, int]]:
        marked = self._marks().keys()
        return [(k.start, k.end) for k in marked if k.article_id == article_id]

    def show_marks(self) -> None:
        """Star the marked quotes in the article and the actors panel, and count them in the footer."""
        keys = self._marks().keys()
        article = self._view.article
        self._view.set_marked(self.marked_spans(article.id if article else None))
        self._panel.set_marked(keys)
        self._count.update(f"★ {len(keys)} marked")
        self._count.display = bool(keys)

    def export(self, *, article_id: str | None, query: str, matching_ids: list[str]) -> None:
        """The export dialog, offering the marked quotes, this article's, the selected actor's, the
        search's and all; or why there is nothing to export yet."""
        from tui.app.screens.export import ExportScreen, reader_scopes

        library = self._library()
        scopes, default = reader_scopes(
            list(library.analyzed(library.articles)),
            marked=self._marks().keys(),
            article_id=article_id,
            actor=self._selected_actor_name(),
            query=query or None,
            matching_ids=set(matching_ids) if query else None,
        )
        if not any(scopes.values()):
            note = "the analysis is still running" if library.pending() else "no quotes were found"
            self._screen.notify(f"Nothing to export yet: {note}.", severity="warning", timeout=4)
            return

        def exported(result) -> None:  # type: ignore[no-untyped-def]
            if result is not None:
                self._screen.notify(result.message, title="Exported", timeout=8)

        self._screen.app.push_screen(ExportScreen(scopes, default), callback=exported)

    def _selected_actor_name(self) -> str | None:
        """The actor under the cursor in the actors panel, else the speaker of the selected quote."""
        actor = self._panel.selected_actor if self._panel.display else None
        if actor is not None:
            return actor.name
        picked = self.selected()
        return picked[1].actor if picked is not None else None
