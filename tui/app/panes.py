"""The reader's panes, each described once: this list gives the help its sections, the key map its
ids, and the layout the panes it may hide.

A new pane is a widget (its keys in its BINDINGS, its work done by posting messages) plus one line
here and its place in ReaderScreen.compose (tui/app/screens/reader.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.widget import Widget

from tui.app.widgets.actors_panel import ActorsPanel
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.search_bar import SearchInput


@dataclass(frozen=True)
class Pane:
    title: str
    """Its section in the help (and the F1 help's title)."""
    widget: type[Widget]
    """Its class: the keys in its BINDINGS are the pane's keys."""
    id: str
    """Its widget's id in the reader screen."""
    side: bool = False
    """A side pane: `L`/`A` show and hide it, and on a narrow terminal only one side pane shows."""


PANES: tuple[Pane, ...] = (
    Pane("Article list", ArticleList, "article-list", side=True),
    Pane("Article", ArticleView, "article-view"),
    Pane("Actors panel", ActorsPanel, "actors-panel", side=True),
    Pane("Search bar", SearchInput, "search-input"),
)
SIDE_PANES: tuple[str, ...] = tuple(pane.id for pane in PANES if pane.side)
