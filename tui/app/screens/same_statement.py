"""The other articles that print a statement: where, when, and how their words differ.

Opened with enter on a statement the note under the article says is printed elsewhere; enter on an
article opens it at the statement. The first printing (by date) is the reference the others are
compared with, so a cut or a changed word shows at a glance.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.quote_words import first_words
from tui.app.widgets.statement_note import outlet
from tui.app.word_changes import changes_text
from tui.core.model import Article
from tui.core.reprints.group import Appearance, StatementGroup
from tui.core.terminal_safe import visible_line

QUOTE_MARKS = "\"'“”‘’«»„ "


def how_it_differs(group: StatementGroup, appearance: Appearance) -> Text:
    """'the reference', 'same words', or the words changed, left out and added against the reference."""
    if appearance is group.reference:
        return Text("the first printing: the others are compared with it", style="dim")
    return changes_text(group.changes(appearance)) or Text("same words", style="dim")


class SameStatementScreen(ModalScreen[str | None]):
    """Dismissed with `article id#quote start` of the printing to open (enter), or None (escape)."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss(None)", "Close", id="same-statement-close"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
    ]

    def __init__(
        self, group: StatementGroup, article_id: str, article: Callable[[str], Article | None]
    ) -> None:
        super().__init__()
        self.group = group
        self.article_id = article_id
        self.article = article

    def compose(self) -> ComposeResult:
        group = self.group
        others = group.others(self.article_id)
        with Vertical(id="card") as card:
            card.border_title = (
                f"The same statement in {len(others)} other article{'s' if len(others) != 1 else ''}"
            )
            card.border_subtitle = "enter opens · escape closes"
            said = group.reference.quote.spoken_words().strip(QUOTE_MARKS)
            yield Static(Text.assemble(("“", "dim"), first_words(said, 30), ("”", "dim")), id="card-summary")
            options = [self._option(appearance) for appearance in others]
            yield OptionList(*options, id="card-list")

    def _option(self, appearance: Appearance) -> Option:
        article = self.article(appearance.article_id)
        date = visible_line((article.date or "")[:10]) if article is not None else ""
        title = visible_line(article.title or article.path) if article is not None else ""
        prompt = Text.assemble(
            (f"{date or 'undated':<10} ", "bold"), (outlet(article), "bold"), "  ", title, "\n  "
        )
        prompt.append_text(how_it_differs(self.group, appearance))
        return Option(prompt, id=f"{appearance.article_id}#{appearance.quote.start}")

    def on_mount(self) -> None:
        self.query_one("#card-list", OptionList).focus()

    def action_cursor(self, step: int) -> None:
        options = self.query_one("#card-list", OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
