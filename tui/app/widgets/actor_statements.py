"""The actor page's statements: each article a heading (date · source · title), newest first, and
under it what the actor said there, starred when marked. A statement printed by several of the
actor's articles is one row under its first printing, naming the others ("also: Politico
2016-03-02, …") and the words each changes ("leaves out …", "adds …", "great → big").

The headings cannot be chosen; the cursor moves over the statements only, and the page asks
`statement` which one it is on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.quote_words import first_words
from tui.app.widgets.statement_note import outlet
from tui.app.word_changes import changes_text
from tui.core.actor_page import ArticleStatements, Printing, StatementRow
from tui.core.marks import MarkKey
from tui.core.model import Article, Quote
from tui.core.terminal_safe import visible_line

MARKED = " ★"
WORDS_SHOWN = 20
OUTLETS_NAMED = 4  # printings named on the "also:" line; the rest are counted
VERSIONS_SPELT = 2  # printings whose changed words get a line of their own; the rest are counted
CHANGES_PER_VERSION = 2


def article_heading(group: ArticleStatements) -> Text:
    article = group.article
    heading = Text()
    heading.append(visible_line(article.date[:10]) if article.date else "undated", style="bold")
    heading.append(" · ")
    heading.append(visible_line(article.source) if article.source else "no source", style="italic")
    heading.append(" · ")
    heading.append(visible_line(article.title or article.path), style="bold")
    return heading


def printed_where(printing: Printing) -> str:
    article = printing.article
    return f"{outlet(article)} {visible_line(article.date[:10]) if article.date else 'undated'}"


def printings_text(printings: Sequence[Printing]) -> Text:
    """Where else the statement is printed and, for the versions whose words differ, how."""
    text = Text()
    if not printings:
        return text
    text.append("also: ", style="dim")
    text.append(", ".join(printed_where(p) for p in printings[:OUTLETS_NAMED]))
    if len(printings) > OUTLETS_NAMED:
        text.append(f" and {len(printings) - OUTLETS_NAMED} more", style="dim")
    changed = [p for p in printings if p.changes]
    if not changed:
        text.append(" · same words" if len(printings) == 1 else " · all the same words", style="dim")
    text.append(" · p lists them", style="dim")
    for printing in changed[:VERSIONS_SPELT]:
        text.append("\n")
        text.append(f"{outlet(printing.article)}: ", style="italic")
        text.append_text(changes_text(printing.changes, CHANGES_PER_VERSION))
    if len(changed) > VERSIONS_SPELT:
        text.append(f"\n{len(changed) - VERSIONS_SPELT} more versions differ", style="dim")
    return text


def statement_prompt(row: StatementRow, *, marked: bool) -> Table:
    """The cue and the first words, wrapped under themselves (a hanging indent under the heading),
    a star in the margin when marked; under them the statement's other printings."""
    quote = row.quote
    words = Text()
    cue = quote.cue.text if quote.cue else quote.kind
    words.append(visible_line(cue), style="bold")
    words.append(" ")
    words.append(first_words(quote.spoken_words().strip(), WORDS_SHOWN))
    if row.printings:
        words.append("\n")
        words.append_text(printings_text(row.printings))
    row = Table.grid(padding=0, expand=True)
    row.add_column(width=3, no_wrap=True)
    row.add_column(ratio=1)
    row.add_row(Text(MARKED, style="bold yellow") if marked else Text(" "), words)
    return row


class ActorStatements(OptionList):
    """Every statement of one actor, grouped by article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def __init__(self, groups: Sequence[ArticleStatements], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.groups = tuple(groups)
        self.items: list[tuple[Article, Quote]] = []
        self.rows: list[StatementRow] = []
        self.marked: set[MarkKey] = set()

    def on_mount(self) -> None:
        self.show_statements()

    def show_statements(self) -> None:
        """(Re)build the list, keeping the cursor on the same statement."""
        chosen = self.highlighted
        self.clear_options()
        self.items = []
        self.rows = []
        options: list[Option | None] = []
        for group in self.groups:
            if options:
                options.append(None)  # a separator line between articles
            options.append(Option(article_heading(group), disabled=True))
            for row in group.rows:
                key = MarkKey.of(group.article, row.quote)
                options.append(
                    Option(statement_prompt(row, marked=key in self.marked), id=str(len(self.items)))
                )
                self.items.append((group.article, row.quote))
                self.rows.append(row)
        if not options:
            options.append(
                Option(Text("No statements attributed to this actor.", style="dim italic"), disabled=True)
            )
        self.add_options(options)
        if (
            chosen is not None
            and chosen < self.option_count
            and not self.get_option_at_index(chosen).disabled
        ):
            self.highlighted = chosen
        elif self.items:
            self.highlighted = 1  # the first statement, under the first heading

    def set_marked(self, keys: set[MarkKey]) -> None:
        """Star the marked statements (rebuilding the rows in place: the cursor stays)."""
        self.marked = set(keys)
        for index in range(self.option_count):
            option = self.get_option_at_index(index)
            if option.id is not None:
                article, quote = self.items[int(option.id)]
                marked = MarkKey.of(article, quote) in self.marked
                row = self.rows[int(option.id)]
                self.replace_option_prompt_at_index(index, statement_prompt(row, marked=marked))

    @property
    def row(self) -> StatementRow | None:
        """The row under the cursor (its statement and other printings), or None when there is none."""
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.rows[int(option.id)] if option.id is not None else None

    @property
    def statement(self) -> tuple[Article, Quote] | None:
        """The statement under the cursor, or None when there is none."""
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.items[int(option.id)] if option.id is not None else None

    def select_statement(self, article_id: str, start: int) -> bool:
        """Put the cursor on a statement, or on the row that shows it as another printing (tests and
        the page's own restoring); False when absent."""
        for index in range(self.option_count):
            option = self.get_option_at_index(index)
            if option.id is not None:
                article, quote = self.items[int(option.id)]
                printings = self.rows[int(option.id)].printings
                if (article.id, quote.start) == (article_id, start) or any(
                    (p.article.id, p.quote.start) == (article_id, start) for p in printings
                ):
                    self.highlighted = index
                    return True
        return False

    def scroll_to_highlight(self, top: bool = False) -> None:
        """As OptionList scrolls, and the first statement of an article brings its heading (date,
        source, title) into view with it: a statement is never read without knowing where it is from."""
        super().scroll_to_highlight(top)
        index = self.highlighted
        if not index or not self.is_mounted or not self.get_option_at_index(index - 1).disabled:
            return
        heading_line = self._index_to_line.get(index - 1)  # OptionList's own map of option -> line
        if heading_line is not None and heading_line < self.scroll_offset.y:
            self.scroll_to(y=heading_line, animate=False, immediate=True)
