"""The line under the article that says which other articles print the selected statement."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from tui.core.model import Article
from tui.core.reprints.group import StatementGroup
from tui.core.terminal_safe import visible_line

NAMED = 3  # outlets named on the line; the list (enter) has them all


def outlet(article: Article | None) -> str:
    """How an article is named in a list of outlets: its source, else its title, else its path."""
    if article is None:
        return "?"
    return visible_line(article.source or article.title or article.path)


class StatementNote(Static):
    """Hidden unless the selected statement is printed by other loaded articles."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"statement-note--key"}

    def show_group(
        self, group: StatementGroup | None, article_id: str, article: Callable[[str], Article | None]
    ) -> None:
        others = group.others(article_id) if group is not None else ()
        self.display = bool(others)
        if not others:
            return
        names = list(dict.fromkeys(outlet(article(a.article_id)) for a in others))
        shown = ", ".join(names[:NAMED]) + (", …" if len(names) > NAMED else "")
        count = len(others)
        text = Text.assemble(
            ("Also in ", "bold"),
            (f"{count} other article{'s' if count != 1 else ''}", "bold"),
            f": {shown} — ",
            ("enter", self.get_component_rich_style("statement-note--key", partial=True)),
            " lists them",
        )
        self.update(text)
