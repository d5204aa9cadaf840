"""The actor page's "appears with": the actors of the same articles, with how many they share.

Each row's id is the other actor's library-wide key, so enter on it opens their page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.terminal_safe import visible_line

if TYPE_CHECKING:
    from tui.core.library import ActorSummary


def co_actor_prompt(actor: ActorSummary, shared: int) -> Table:
    """How many articles they share, then the name (wrapped under itself); bold for one who spoke."""
    row = Table.grid(padding=(0, 1), expand=True)
    row.add_column(width=3, justify="right", no_wrap=True)
    row.add_column(ratio=1)
    row.add_row(
        Text(str(shared), style="dim"),
        Text(visible_line(actor.name), style="bold" if actor.statements else ""),
    )
    return row


class CoActors(OptionList):
    """Who else is in this actor's articles, most shared articles first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, co_actors: Sequence[tuple[ActorSummary, int]], *, id: str | None = None) -> None:
        options = [Option(co_actor_prompt(actor, shared), id=actor.key) for actor, shared in co_actors]
        if not options:
            options = [Option(Text("Nobody else in their articles.", style="dim italic"), disabled=True)]
        super().__init__(*options, id=id)
