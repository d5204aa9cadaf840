"""The help screen, built from the bindings themselves so it can never disagree with the keys."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.console import Console
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.keys import binding_text, described_keys

SEARCH_HELP = (
    'Search: words (all must match), "exact phrase", prefix*, -word to exclude, OR; '
    "fields such as actor:Tokayev when the search index supports them."
)


def binding_rows(nodes: Sequence[DOMNode]) -> list[tuple[str, str]]:
    """(keys, description) for the bindings of `nodes`, in order, each id once, the keymap applied."""
    rows: dict[str, tuple[str, str]] = {}
    for node in nodes:
        for binding_id, (binding, keys) in described_keys(node).items():
            rows.setdefault(binding_id, (" ".join(keys), binding_text(binding)))
    return list(rows.values())


def help_table(sections: Iterable[tuple[str, list[tuple[str, str]]]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    for title, rows in sections:
        if not rows:
            continue
        table.add_row(Text(title, style="bold underline"), "")
        for keys, description in rows:
            table.add_row(keys, description)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Keys of every pane, then how search works; or (F1) the focused pane's keys and the global ones.
    Escape, q, ? or F1 closes it."""

    CSS_PATH = "dialogs.tcss"  # the dialogs' styles, read when the first one opens

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1", "dismiss", "Close help", id="help-close"),
        Binding("question_mark", "every_key", "Every key / close", show=False, id="help-every-key"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
    ]

    def __init__(self, sections: Sequence[tuple[str, Sequence[DOMNode]]], *, title: str = "Keys") -> None:
        super().__init__()
        self.sections = sections
        self.title_text = title
        self.complete = title == "Keys"

    def compose(self) -> ComposeResult:
        self.table = table = help_table((title, binding_rows(nodes)) for title, nodes in self.sections)
        with VerticalScroll(id="help-body") as body:
            body.border_title = self.title_text
            body.border_subtitle = "escape closes" if self.complete else "? every key · escape closes"
            yield Static(table, id="help-keys")
            if self.complete or any(
                node.id == "search-input" for _, nodes in self.sections for node in nodes
            ):
                yield Static(SEARCH_HELP, id="help-search")

    def plain_text(self, width: int = 100) -> str:
        """The keys as text, as a reader sees them (for tests and for copying)."""
        console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
        console.print(self.table)
        return console.export_text()

    def action_every_key(self) -> None:
        """? closes the full help; on one pane's help (F1) it shows every key instead."""
        self.dismiss()
        if not self.complete:
            self.app.call_later(self.app.run_action, "help")

    def action_scroll(self, lines: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_to(y=body.scroll_offset.y + lines, animate=False)
