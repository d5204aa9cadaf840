"""Who said what: a tree of actors, each with their statements (cue and first words)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.app.quote_words import first_words
from tui.core.model import Quote
from tui.core.terminal_safe import visible_line

if TYPE_CHECKING:
    from tui.core.library import ActorSummary
    from tui.core.marks import MarkKey

Scope = Literal["article", "all"]
SortOrder = Literal["statements", "name"]
MARKED = "★ "


@dataclass(frozen=True)
class ActorNode:
    actor: ActorSummary


@dataclass(frozen=True)
class StatementNode:
    actor: ActorSummary
    article_id: str
    quote: Quote

    @property
    def mark_key(self) -> MarkKey:
        from tui.core.marks import MarkKey  # not at start-up: the panel is empty until articles load

        return MarkKey(self.article_id, self.quote.start, self.quote.end)


@dataclass(frozen=True)
class SilentGroup:
    """The fold that holds the actors named in the text who said nothing (often entity noise)."""

    count: int


NodeData = ActorNode | StatementNode | SilentGroup
SILENT = "silent"  # the fold's place when the tree is rebuilt


def statement_label(quote: Quote, *, marked: bool = False) -> Text:
    label = Text()
    if marked:
        label.append(MARKED, style="bold yellow")
    cue = quote.cue.text if quote.cue else quote.kind
    label.append(visible_line(cue), style="bold")
    label.append(" ")
    label.append(first_words(quote.spoken_words().strip().strip("\"“”‘’'")))
    return label


ALIASES_SHOWN = 3


def actor_label(actor: ActorSummary, *, across: bool = False) -> Text:
    """The actor's name, type and statements; `across` (all articles' scope) adds how many articles
    the actor comes from and the other names they go by there, each with its number of articles."""
    said = len(actor.statements)
    label = Text(visible_line(actor.name), style="bold")
    label.append(f"  {visible_line(actor.label)} · {said} statement{'s' if said != 1 else ''}", style="dim")
    if across:
        count = len(actor.article_ids)
        label.append(f" · {count} article{'s' if count != 1 else ''}", style="dim")
        others = sorted(
            (alias for alias in actor.alias_articles if alias != actor.name),
            key=lambda alias: (-len(actor.alias_articles[alias]), alias.casefold()),
        )
        if others:
            shown = ", ".join(
                f"{visible_line(alias)} ({len(actor.alias_articles[alias])})"
                for alias in others[:ALIASES_SHOWN]
            )
            more = f" +{len(others) - ALIASES_SHOWN}" if len(others) > ALIASES_SHOWN else ""
            label.append(f" · also {shown}{more}", style="dim italic")
    return label


def silent_label(count: int) -> Text:
    return Text(f"{count} more named, no statements", style="dim italic")


def sorted_actors(actors: Sequence[ActorSummary], order: SortOrder) -> list[ActorSummary]:
    if order == "name":
        return sorted(actors, key=lambda a: a.name.lower())
    return sorted(actors, key=lambda a: (-len(a.statements), a.name.lower()))


class ActorsPanel(Tree[NodeData]):
    """Actors of this article or of all loaded articles; enter on a statement shows it in the article,
    enter on an actor opens their page, space folds an actor's statements."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, id="actors-down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="actors-up"),
        Binding("g,home", "scroll_home", "First", show=False, id="actors-first"),
        Binding("G,end", "scroll_end", "Last", show=False, id="actors-last"),
        Binding(
            "enter",
            "select_cursor",
            "Show statement / actor's page",
            tooltip="On a statement: show it in its article; on an actor: their page across all articles",
            show=False,
            id="actors-select",
        ),
        Binding("space", "mark_or_toggle", "Mark statement / fold actor", show=False, id="actors-mark"),
        Binding("s", "sort", "Sort", id="actors-sort"),
        Binding("c", "card", "Card", id="actors-card"),
    ]

    class StatementChosen(Message):
        """A statement was highlighted (moving) or selected (enter/click)."""

        def __init__(self, article_id: str, quote: Quote, *, selected: bool) -> None:
            super().__init__()
            self.article_id = article_id
            self.quote = quote
            self.selected = selected

    class MarkRequested(Message):
        """Space on a statement: the reader wants it marked (or unmarked) for export."""

        def __init__(self, article_id: str, quote: Quote) -> None:
            super().__init__()
            self.article_id = article_id
            self.quote = quote

    class ActorPageRequested(Message):
        """Enter on an actor: the reader opens their page (tui.app.screens.actor_page)."""

        def __init__(self, actor: ActorSummary) -> None:
            super().__init__()
            self.actor = actor

    class CardRequested(Message):
        def __init__(self, actor: ActorSummary) -> None:
            super().__init__()
            self.actor = actor

    scope: reactive[Scope] = reactive("article", init=False)
    """Whose actors: the open article's, or all loaded articles' (the title says which)."""
    order: reactive[SortOrder] = reactive("statements", init=False)
    """Most statements first, or by name (the subtitle offers the other order)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Actors"), id=id)  # a str is read as markup: rich imports its emoji table
        self.show_root = False
        self.guide_depth = 2
        self.actors: list[ActorSummary] = []
        self.empty_note = "No actors yet."
        self.marked: set[MarkKey] = set()

    def show_actors(self, actors: Sequence[ActorSummary], *, keep_place: bool = True) -> None:
        """Rebuild the tree, keeping the cursor on the same actor or statement when it is still there.

        Actors with statements lead; those the text only names (often entity noise such as a
        PERSON "Hoo Boy.") wait folded under one node at the end, so the panel opens on who said what.
        """
        self.actors = list(actors)
        place = self._place() if keep_place else None
        expanded = {self._fold_name(node) for node in self.root.children if node.is_expanded}
        self.clear()
        if not self.actors:
            self.root.add_leaf(Text(self.empty_note, style="dim"))
            return
        ordered = sorted_actors(self.actors, self.order)
        across = self.scope == "all"
        speaking = [actor for actor in ordered if actor.statements]
        silent = [actor for actor in ordered if not actor.statements]
        target: TreeNode[NodeData] | None = None
        for actor in speaking:
            node = self.root.add(
                actor_label(actor, across=across), data=ActorNode(actor), expand=actor.name in expanded
            )
            for article_id, quote in actor.statements:
                data = StatementNode(actor, article_id, quote)
                leaf = node.add_leaf(statement_label(quote, marked=data.mark_key in self.marked), data=data)
                if place == (actor.name, article_id, quote.start):
                    target = leaf
                    node.expand()
            if place == (actor.name, None, None):
                target = node
        if silent:
            fold = self.root.add(
                silent_label(len(silent)),
                data=SilentGroup(len(silent)),
                expand=SILENT in expanded or not speaking,
            )
            if place == (SILENT, None, None):
                target = fold
            for actor in silent:
                leaf = fold.add_leaf(actor_label(actor, across=across), data=ActorNode(actor))
                if place == (actor.name, None, None):
                    target = leaf
                    fold.expand()
        if target is not None:
            self.call_after_refresh(self.move_cursor, target)
        elif not expanded and speaking:
            self.root.children[0].expand()

    @staticmethod
    def _fold_name(node: TreeNode[NodeData]) -> str | None:
        if isinstance(node.data, ActorNode):
            return node.data.actor.name
        return SILENT if isinstance(node.data, SilentGroup) else None

    def _place(self) -> tuple[str, str | None, int | None] | None:
        node = self.cursor_node
        if node is None or node.data is None:
            return None
        if isinstance(node.data, SilentGroup):
            return (SILENT, None, None)
        if isinstance(node.data, StatementNode):
            return (node.data.actor.name, node.data.article_id, node.data.quote.start)
        return (node.data.actor.name, None, None)

    def set_marked(self, keys: set[MarkKey]) -> None:
        """Star the marked statements, relabelling in place so the cursor and folds stay put."""
        self.marked = set(keys)
        for actor_node in self.root.children:
            for leaf in actor_node.children:
                if isinstance(leaf.data, StatementNode):
                    leaf.set_label(statement_label(leaf.data.quote, marked=leaf.data.mark_key in self.marked))

    @property
    def selected_statement(self) -> StatementNode | None:
        """The statement under the cursor, or None when the cursor is on an actor."""
        node = self.cursor_node
        return node.data if node is not None and isinstance(node.data, StatementNode) else None

    def action_select_cursor(self) -> None:
        """Enter: on an actor, their page (in either scope: the page is the actor across every
        article); on a statement, show it; on the fold of silent actors, open or close it."""
        node = self.cursor_node
        if node is not None and isinstance(node.data, ActorNode):
            self.post_message(self.ActorPageRequested(node.data.actor))
            return
        super().action_select_cursor()

    def action_mark_or_toggle(self) -> None:
        statement = self.selected_statement
        if statement is not None:
            self.post_message(self.MarkRequested(statement.article_id, statement.quote))
        else:
            self.action_toggle_node()

    @property
    def selected_actor(self) -> ActorSummary | None:
        node = self.cursor_node
        if node is None or not isinstance(node.data, ActorNode | StatementNode):
            return None
        return node.data.actor

    def on_mount(self) -> None:
        self._show_titles()

    def watch_scope(self) -> None:
        self._show_titles()

    def watch_order(self) -> None:
        self._show_titles()
        self.show_actors(self.actors)

    def _show_titles(self) -> None:
        self.border_title = f"Actors · {'this article' if self.scope == 'article' else 'all articles'}"
        self.border_subtitle = f"a: scope · s: by {'name' if self.order == 'statements' else 'statements'}"

    def action_sort(self) -> None:
        self.order = "name" if self.order == "statements" else "statements"
        self.notify(
            f"Actors sorted by {'name' if self.order == 'name' else 'number of statements'}.", timeout=2
        )

    def action_card(self) -> None:
        actor = self.selected_actor
        if actor is not None:
            self.post_message(self.CardRequested(actor))

    def jump_to(self, name: str) -> bool:
        """Put the cursor on the actor called `name`, opening the fold of silent actors if it is there."""
        nodes = [n for top in self.root.children for n in (top, *top.children)]
        for node in nodes:
            if isinstance(node.data, ActorNode) and node.data.actor.name == name:
                if node.parent is not None:
                    node.parent.expand()
                node.expand()
                self.move_cursor(node)
                self.focus()
                return True
        return False

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        data = event.node.data
        if isinstance(data, StatementNode):
            event.stop()
            self.post_message(self.StatementChosen(data.article_id, data.quote, selected=False))

    def on_tree_node_selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        data = event.node.data
        if isinstance(data, StatementNode):
            event.stop()
            self.post_message(self.StatementChosen(data.article_id, data.quote, selected=True))
