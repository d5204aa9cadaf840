"""The reader's main view: article list | article | actors, the search bar above and the keys below.

ReaderScreen owns the layout and the keys; its layers below hold the panes and what they show
(reader_panes.py) and what the background jobs report (reader_feed.py). The panes are described
once in tui.app.panes, the keys in tui.app.keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.widgets import Input
from textual.worker import Worker, WorkerState, get_current_worker

from tui.app.keys import ACTOR_PAGE_KEYS, GLOBAL_KEYS, READER_KEYS
from tui.app.panes import PANES
from tui.app.screens.reader_feed import ReaderFeed
from tui.app.widgets.actors_panel import ActorsPanel
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.search_bar import SearchInput
from tui.app.widgets.statement_note import StatementNote
from tui.core.terminal_safe import visible_line

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.app import messages
    from tui.app.commands import Command
    from tui.app.screens.entity_card import ActorPageChoice
    from tui.core.actor_page import ActorPageData
    from tui.core.library import ActorSummary


def _reader_commands() -> type[Provider]:
    """Imported when the palette first opens, not at start-up."""
    from tui.app.commands import ReaderCommands

    return ReaderCommands


class ReaderScreen(ReaderFeed, inherit_bindings=False):
    """The reader's main view: its layout, its keys, the search, the cards and the palette."""

    # Screen's own bindings are not inherited: READER_KEYS binds tab and shift+tab, with ids, where the
    # help lists them, and Screen's copy key is kept as it is.
    BINDINGS: ClassVar[list[BindingType]] = [
        *GLOBAL_KEYS,
        *READER_KEYS,
        Binding("ctrl+c,super+c", "screen.copy_text", "Copy selected text", show=False),
    ]
    COMMANDS: ClassVar = {_reader_commands}
    _grouping = False  # a worker is grouping the library's statements for the first time

    # -- panes and layout ------------------------------------------------------------------------

    def binding_ids(self) -> set[str]:
        """Every binding id of the reader: its own keys and every pane's (what keys.toml may remap)."""
        bindings = [
            *type(self).BINDINGS,
            *(b for pane in PANES for b in pane.widget.BINDINGS),
            *ACTOR_PAGE_KEYS,
        ]
        return {b.id for b in bindings if isinstance(b, Binding) and b.id}

    def help_sections(self, everywhere: Sequence[DOMNode]) -> list[tuple[str, Sequence[DOMNode]]]:
        """The help's sections: the keys that work everywhere, then each pane's, then the actor page's."""
        from tui.app.screens.actor_page import ActorPageKeys

        return [
            ("Everywhere", [self, *everywhere]),
            *((pane.title, [self.query_one(f"#{pane.id}")]) for pane in PANES),
            ("Actor page", [ActorPageKeys()]),
        ]

    def action_actors_scope(self) -> None:
        panel = self.actors_panel
        panel.scope = "all" if panel.scope == "article" else "article"
        if panel.id in self.hidden:
            self.action_toggle_pane(panel.id)
        self._refresh_actors(keep_place=False)

    @on(ActorsPanel.StatementChosen)
    def _statement_chosen(self, event: ActorsPanel.StatementChosen) -> None:
        if event.article_id != self.current_id:
            if not event.selected:
                return
            self.open_article(event.article_id)
        self.article_view.select_quote(event.quote, flash=event.selected)

    @on(ActorsPanel.MarkRequested)
    def _mark_requested(self, event: ActorsPanel.MarkRequested) -> None:
        article = self.library.article(event.article_id)
        if article is not None:
            self.quotes.toggle(article, event.quote)

    @on(ActorsPanel.CardRequested)
    def _actor_card(self, event: ActorsPanel.CardRequested) -> None:
        from tui.app.profiles import profile_of_actor

        self._show_card(profile_of_actor(self.library, event.actor))

    # -- the same statement in other articles ----------------------------------------------------

    @on(ArticleView.QuoteSelected)
    def _quote_selected(self, event: ArticleView.QuoteSelected) -> None:
        self._note_statement()

    def _note_statement(self) -> None:
        """Say under the article which other articles print the selected statement. The first time,
        the statements are grouped by a worker (seconds at 100,000 articles), and the note follows."""
        view = self.article_view
        note = self.query_one(StatementNote)
        quote, article = view.selected_quote, view.article
        if quote is None or article is None:
            note.show_group(None, "", self.library.article)
            return
        library = self.library
        if not library.statements_ready:
            note.show_group(None, "", library.article)
            if not self._grouping:
                self._grouping = True
                self.run_worker(library.prepare_statements, thread=True, group="statements")
            return
        group = library.same_statement(article.id, quote)
        note.show_group(group, article.id, library.article)
        view.printed_elsewhere = quote if group is not None else None

    def _statements_grouped(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "statements" and event.worker.is_finished:
            self._grouping = False
            if event.state == WorkerState.SUCCESS:
                self._note_statement()

    @on(ArticleView.SameStatementRequested)
    def _same_statement(self, event: ArticleView.SameStatementRequested) -> None:
        from tui.app.screens.same_statement import SameStatementScreen

        article = self.article_view.article
        group = self.library.same_statement(article.id, event.quote) if article is not None else None
        if article is not None and group is not None:
            self.app.push_screen(
                SameStatementScreen(group, article.id, self.library.article), self._card_closed
            )

    @on(ArticleView.EntityCardRequested)
    def _entity_card(self, event: ArticleView.EntityCardRequested) -> None:
        from tui.app.profiles import profile_of_entity

        self._show_card(profile_of_entity(self.library, self.current_id, event.entity))

    def _show_card(self, profile) -> None:  # type: ignore[no-untyped-def]
        from tui.app.screens.entity_card import EntityCard

        self.app.push_screen(EntityCard(profile), self._card_closed)

    def _card_closed(self, choice: str | ActorPageChoice | None) -> None:
        from tui.app.screens.entity_card import ActorPageChoice

        if isinstance(choice, ActorPageChoice):
            self.open_actor_page(choice.key)
            return
        if not choice:
            return
        article_id, _, start = choice.partition("#")
        self.show_statement(article_id, int(start) if start else None)

    def show_statement(self, article_id: str, start: int | None) -> None:
        """Open an article and select (and flash) its statement starting at `start`, the article
        taking the focus: how the entity card and the actor's page send a reader to a statement."""
        if self.open_article(article_id) is None:
            self.notify("That article is no longer loaded.", severity="warning", timeout=4)
            return
        if start is not None:
            analysis = self.library.analysis(article_id)
            quote = next((q for q in analysis.quotes if q.start == start), None) if analysis else None
            if quote is not None:
                self.article_view.select_quote(quote, flash=True)
        self.article_view.focus()

    # -- the actor's page ------------------------------------------------------------------------

    @on(ActorsPanel.ActorPageRequested)
    def _actor_page_requested(self, event: ActorsPanel.ActorPageRequested) -> None:
        self.open_actor_page(event.actor.key)

    def open_actor_page(self, key: str) -> None:
        """The page of the actor with this library-wide key, over whatever screen is showing. Made in
        a thread: it lists the library's actors, ~0.2 s at 10,000 articles, and groups the library's
        statements printed by several articles when not grouped yet (bench/actor_page.py)."""
        library = self.library
        waiting = bool(library.pending())

        def make() -> None:
            from tui.core.actor_page import actor_page

            try:
                page = actor_page(library, key, still_analysing=waiting)
            except Exception as error:  # a bug: say so on the screen rather than show nothing
                self.app.call_from_thread(self.notify, f"The actor's page failed: {error}", severity="error")
                return
            if not get_current_worker().is_cancelled:  # enter pressed again meanwhile: the newer page
                self.app.call_from_thread(self._show_actor_page, key, page)

        self.run_worker(make, thread=True, exclusive=True, group="actor-page", exit_on_error=False)

    def _show_actor_page(self, key: str, page: ActorPageData | None) -> None:
        if page is None:
            self.notify(
                f"No actor {visible_line(key)} among the analysed articles.", severity="warning", timeout=4
            )
            return
        from tui.app.screens.actor_page import ActorPageScreen

        self.app.push_screen(ActorPageScreen(page))

    # -- search ----------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.search_input.focus()

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self.search.request(self.query_text)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.search.search_ended(event.worker)
        self._statements_grouped(event)

    @property
    def search_settled(self) -> bool:
        """No search running or waiting, and the list and article show the last one's results."""
        return self.search.idle and not self._follow_due

    def on_search_results(self, message: messages.SearchResults) -> None:
        if message.query != self.query_text:
            return  # typed on meanwhile: the search for the newer text is due or running
        if message.error:
            self.notify(message.error, title="Search", severity="warning", timeout=5)
            return
        if message.article_ids is None:
            self.article_list.ranked = False
            self.article_list.set_articles(self.listed_articles())
            self.match_total = None
        else:
            # a search's matches stay as ranked, best first: the title says so
            self.article_list.ranked = True
            listed = [self.library.article(i) for i in message.article_ids]
            self.article_list.set_articles([a for a in listed if a is not None])
            self.match_total = message.total
        self._count()
        # The list first: the article under the cursor and its highlighted matches cost more than
        # the list (text, highlights, actors, legend), so they follow once the list is on screen.
        if not self._follow_due:
            self._follow_due = True
            self.call_after_refresh(self._follow_list)

    def _follow_list(self) -> None:
        """Open the article under the list's cursor (the best match, or the one already open) and
        highlight the query's matches in it."""
        self._follow_due = False
        chosen = self.article_list.highlighted_id
        if chosen is not None and chosen != self.current_id:
            self.open_article(chosen)
            return
        article = self.article_view.article
        if article is not None:
            self.article_view.set_matches(
                self.library.match_spans(self.query_text, article.id) if self.query_text else []
            )

    @on(SearchInput.Done)
    def _search_done(self, event: SearchInput.Done) -> None:
        if event.cleared:
            self.query_text = ""
        self.article_list.focus()

    # -- keys ------------------------------------------------------------------------------------

    def action_quote(self, step: int) -> None:
        self.article_view.action_quote(step)

    def action_entity(self, step: int) -> None:
        self.article_view.action_entity(step)

    def action_match(self, step: int) -> None:
        if not self.query_text:
            self.notify("Search first with / to step through matches.", timeout=2)
        elif not self.article_view.next_match(step):
            self.notify("No match in this article.", timeout=2)

    def action_open_path(self) -> None:
        from tui.app.screens.open_path import OpenPathScreen

        def chosen(path: str | None) -> None:
            if path:
                self.add_paths([path])

        self.app.push_screen(OpenPathScreen(), chosen)

    def action_toggle_mark(self) -> None:
        self.quotes.toggle_selected()

    def action_copy_quote(self) -> None:
        self.quotes.copy_selected()

    def action_export(self) -> None:
        self.quotes.export(
            article_id=self.current_id, query=self.query_text, matching_ids=self.article_list.shown_ids
        )

    def action_back(self) -> None:
        view = self.article_view
        if self.focused is view and view.clear_selection():
            return
        if self.focused is not self.article_list and self.article_list.display:
            self.article_list.focus()
        elif self.query_text:
            self.search_input.value = ""
            self.query_text = ""
            self.search.request("")

    def palette_commands(self, actors: Sequence[ActorSummary] | None = None) -> list[Command]:
        """Commands for the palette, the ones about what is on screen first; `actors` are the
        library's when the palette listed them already (in a thread)."""
        from tui.app import commands
        from tui.app.keys import PALETTE_KEYS

        panes = [(pane.title, self.query_one(f"#{pane.id}")) for pane in PANES]
        return [
            *commands.highlight_commands(self.article_view),
            *commands.actor_commands(self.actors_panel, self._jump_to_actor),
            *commands.go_to_actor_commands(
                self.library.actors(None) if actors is None else actors, self.open_actor_page
            ),
            *commands.key_commands([("", self), ("", self.app), *panes], PALETTE_KEYS),
            *commands.article_commands(self.library.articles, self._open_and_read),
        ]

    def _jump_to_actor(self, name: str) -> None:
        if self.actors_panel.id in self.hidden:
            self.action_toggle_pane(self.actors_panel.id or "")
        self.actors_panel.jump_to(name)

    def _open_and_read(self, article_id: str) -> None:
        self.open_article(article_id)
        self.article_view.focus()
