"""The actor's page: one actor across every loaded article.

Who they are (type, the names they go by and in how many articles each), when they spoke (a
timeline over the loaded articles' dates), everything they said grouped by article, newest first
(a statement several articles print is one row, under its first printing, with the others and the
words each changes), and who they appear with. From here a statement is read in its article (enter:
its first printing's; p lists the others), marked (m: the first printing) or exported with the rest
of the page, each statement once (e); escape goes back to where the page was opened.

The page shows what `tui.core.actor_page` worked out when it opened; marking and jumping go through
the reader's own paths (QuoteActions, ReaderScreen.show_statement), so they behave as they do there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Label, OptionList, Static

from tui.app.keys import ACTOR_PAGE_KEYS
from tui.app.widgets.actor_statements import ActorStatements
from tui.app.widgets.actor_timeline import ActorTimeline, plural
from tui.app.widgets.co_actors import CoActors
from tui.core.actor_page import ActorPageData
from tui.core.terminal_safe import visible_line

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.dom import DOMNode

    from tui.app.commands import Command
    from tui.app.screens.reader import ReaderScreen
    from tui.core.library import ActorSummary, Library
    from tui.core.marks import MarkStore

ALIASES_SHOWN = 8
KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country, city or state",
    "NORP": "group (nationality, religion, politics)",
}
NO_STATEMENT = "No statement here: move to one with ↑/↓ (j/k)."


def _reader_commands() -> type[Provider]:
    from tui.app.commands import ReaderCommands

    return ReaderCommands


class ActorPageKeys(Widget):
    """The page's keys without a page: the reader's full help lists them in a section of their own."""

    BINDINGS: ClassVar[list[BindingType]] = ACTOR_PAGE_KEYS


def kind_of(label: str) -> str:
    return KINDS.get(label, visible_line(label))


def summary_text(page: ActorPageData) -> Text:
    """Type, how much they said and where, and the names they go by with their article counts."""
    actor = page.actor
    text = Text()
    text.append(kind_of(actor.label).capitalize(), style="bold")
    said, printed = page.statement_count, page.printing_count
    # a statement several articles print counts once, and the printings are said apart
    printings = f" ({plural(printed, 'printing')})" if printed > said else ""
    text.append(f" · {plural(said, 'statement')}{printings} in {plural(page.article_count, 'article')}")
    text.append(f" · in {len(actor.article_ids)} of {plural(page.articles_loaded, 'loaded article')}\n")
    text.append("Names: ", style="bold")
    shown = page.aliases[:ALIASES_SHOWN]
    for number, (alias, count) in enumerate(shown):
        if number:
            text.append(" · ")
        text.append(visible_line(alias))
        text.append(f" ({plural(count, 'article')})" if number == 0 else f" ({count})", style="dim")
    if len(page.aliases) > ALIASES_SHOWN:
        text.append(f" · +{len(page.aliases) - ALIASES_SHOWN} more", style="dim")
    return text


class ActorPageScreen(Screen[None]):
    """One actor's page, pushed over the reader (or over another actor's page)."""

    CSS_PATH = "actor_page.tcss"
    BINDINGS: ClassVar[list[BindingType]] = ACTOR_PAGE_KEYS
    COMMANDS: ClassVar = {_reader_commands}
    AUTO_FOCUS = "#actor-statements"

    def __init__(self, page: ActorPageData) -> None:
        super().__init__()
        self.page = page

    # -- layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        page = self.page
        with Vertical(id="actor-head") as head:
            head.border_title = visible_line(page.actor.name)
            waiting = "still analysing: more may come · " if page.still_analysing else ""
            head.border_subtitle = f"{waiting}the actor's page · escape: back"
            yield Static(summary_text(page), id="actor-summary")
        timeline = ActorTimeline(page.timeline, id="actor-timeline")
        timeline.border_title = "Statements over time"
        yield timeline
        with Horizontal(id="actor-body"):
            statements = ActorStatements(page.groups, id="actor-statements")
            statements.border_title = "Statements · newest first"
            statements.border_subtitle = "enter: read · m: mark · e: export"
            yield statements
            co_actors = CoActors(page.co_actors, id="actor-co")
            co_actors.border_title = "Appears with"
            co_actors.border_subtitle = "articles shared"
            yield co_actors
        with Horizontal(id="actor-footer"):
            yield Footer()
            yield Label("", id="actor-marked")

    def on_mount(self) -> None:
        self.statements = self.query_one(ActorStatements)
        self._show_marks()

    # -- the reader behind the page ------------------------------------------------------------------

    @property
    def reader(self) -> ReaderScreen:
        return self.app.reader  # type: ignore[attr-defined,no-any-return]

    @property
    def library(self) -> Library:
        return self.app.library  # type: ignore[attr-defined,no-any-return]

    @property
    def mark_store(self) -> MarkStore:
        return self.app.mark_store  # type: ignore[attr-defined,no-any-return]

    def _show_marks(self) -> None:
        keys = self.mark_store.keys()
        self.statements.set_marked(keys)
        label = self.query_one("#actor-marked", Label)
        label.update(f"★ {len(keys)} marked")
        label.display = bool(keys)

    # -- keys ----------------------------------------------------------------------------------------

    def action_read(self) -> None:
        """Enter where no list took it (the lists answer enter themselves: see the handlers below)."""
        focused = self.focused
        if isinstance(focused, OptionList):
            focused.action_select()

    @on(OptionList.OptionSelected, "#actor-statements")
    def _statement_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.read_statement()

    @on(OptionList.OptionSelected, "#actor-co")
    def _co_actor_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.reader.open_actor_page(event.option.id)

    def read_statement(self) -> None:
        """Back to the reader, the statement's article open and the statement selected in it."""
        picked = self.statements.statement
        if picked is None:
            self.notify(NO_STATEMENT, severity="warning", timeout=3)
            return
        article, quote = picked
        self._read(article.id, quote.start)

    def _read(self, article_id: str, start: int) -> None:
        reader = self.reader
        while len(self.app.screen_stack) > 1 and self.app.screen is not reader:
            self.app.pop_screen()
        reader.show_statement(article_id, start)

    def action_printings(self) -> None:
        """The statement's printings in the actor's other articles, as the reader lists them; enter
        on one reads it there."""
        from tui.app.screens.same_statement import SameStatementScreen
        from tui.core.reprints.group import Appearance, StatementGroup

        picked, row = self.statements.statement, self.statements.row
        if picked is None or row is None:
            self.notify(NO_STATEMENT, severity="warning", timeout=3)
            return
        article, quote = picked
        if not row.printings:
            self.notify("No other loaded article prints this statement.", timeout=3)
            return
        group = StatementGroup(
            (Appearance(article.id, quote), *(Appearance(p.article.id, p.quote) for p in row.printings))
        )

        def chosen(choice: str | None) -> None:
            if choice:
                article_id, _, start = choice.rpartition("#")
                self._read(article_id, int(start))

        self.app.push_screen(SameStatementScreen(group, article.id, self.library.article), chosen)

    def action_toggle_mark(self) -> None:
        picked = self.statements.statement
        if picked is None:
            self.notify(NO_STATEMENT, severity="warning", timeout=3)
            return
        self.reader.quotes.toggle(*picked)  # saved, said, and starred in the reader too
        self._show_marks()

    def action_export(self) -> None:
        """The export dialog, this page's statements offered first (then the marked ones, and all)."""
        from tui.app.screens.export import ExportScreen, scope_choices
        from tui.core.export import ExportItem, select_quotes

        name = visible_line(self.page.actor.name)
        # each row names the actor of this page, whichever of their names the article used (that
        # one stays in the row as the speaker's mention)
        mine = [
            replace(ExportItem.from_quote(article, quote), actor=self.page.actor.name)
            for article, quote in self.page.statements()
        ]
        if not mine:
            self.notify(f"Nothing to export: no statement is attributed to {name}.", severity="warning")
            return
        library = self.library
        everything = select_quotes(library.analyzed(library.articles))
        marks = self.mark_store.keys()
        scopes = scope_choices(
            actor=(name, mine),
            marked=[item for item in everything if item.mark_key in marks],
            everything=everything,
        )
        default = next(label for label in scopes if label.startswith("Quotes by "))

        def exported(result) -> None:  # type: ignore[no-untyped-def]
            if result is not None:
                self.notify(result.message, title="Exported", timeout=8)

        self.app.push_screen(ExportScreen(scopes, default), callback=exported)

    def action_back(self) -> None:
        self.dismiss()

    # -- help and palette ----------------------------------------------------------------------------

    def help_sections(self, everywhere: list[DOMNode]) -> list[tuple[str, list[DOMNode]]]:
        """The help on this page: its keys first, then the ones that work everywhere."""
        return [("Actor page", [self]), ("Everywhere", everywhere)]

    def palette_commands(self, actors: Sequence[ActorSummary] | None = None) -> list[Command]:
        """ "Go to actor" for every actor of the library (`actors`, when the palette listed them)."""
        from tui.app import commands

        listed = self.library.actors(None) if actors is None else actors
        return commands.go_to_actor_commands(listed, self.reader.open_actor_page)
