"""The command palette (ctrl+p): the reader's actions in context, searched by fuzzy match.

The screen the palette opens over gives the commands (`PaletteSource`): what is on it first (the
open article's highlights, its actors), then the actions of the keys in tui.app.keys.PALETTE_KEYS,
described by their own bindings, then every article. This module never imports the screen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from tui.app.article_text import ENTITY_GROUPS, Legend
from tui.app.keys import binding_text, described_keys
from tui.core.terminal_safe import visible_line

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from tui.app.widgets.actors_panel import ActorsPanel
    from tui.app.widgets.article_view import ArticleView
    from tui.core.library import ActorSummary
    from tui.core.model import Article

Command = tuple[str, str, Callable[[], object]]
DISCOVERY_LIMIT = 12


@runtime_checkable
class PaletteSource(Protocol):
    def palette_commands(self, actors: Sequence[ActorSummary] | None = None) -> list[Command]:
        """The screen's commands; `actors` are the library's, listed already (else the screen lists them)."""
        ...


def highlight_commands(view: ArticleView) -> list[Command]:
    """Show or hide each entity type of the open article, each group, and the quote marks."""
    commands: list[Command] = []
    for label, count in Legend.of(view.analysis).ordered_labels():
        state = "hide" if label not in view.marks.hidden_labels else "show"
        commands.append(
            (
                f"Toggle {label} highlights",
                f"{state} {count} in this article",
                partial(view.toggle_labels, [label]),
            )
        )
    for group, labels in ENTITY_GROUPS.items():
        commands.append((f"Toggle all {group}", ", ".join(labels), partial(view.toggle_labels, labels)))
    commands.append(("Toggle quote marks", "show or hide quotation highlights", view.action_toggle_quotes))
    return commands


def actor_commands(panel: ActorsPanel, jump: Callable[[str], object]) -> list[Command]:
    return [
        (
            f"Jump to actor: {visible_line(actor.name)}",
            f"{visible_line(actor.label)}, {len(actor.statements)} statements",
            partial(jump, actor.name),
        )
        for actor in panel.actors
    ]


def go_to_actor_commands(actors: Iterable[ActorSummary], open_page: Callable[[str], object]) -> list[Command]:
    """ "Go to actor" for every actor of the library, who said most first: their page. The other
    names they go by are in the text too, so typing any of them finds the actor."""
    commands: list[Command] = []
    for actor in actors:
        name = " ".join(actor.name.split())
        others = sorted(
            {alias for alias in actor.aliases if alias.casefold() not in name.casefold()}, key=str.casefold
        )
        also = f" ({', '.join(others[:3])}{', …' if len(others) > 3 else ''})" if others else ""
        said = len(actor.statements)
        articles = len(actor.article_ids)
        help_text = (
            f"{actor.label}, {said} statement{'s' if said != 1 else ''} "
            f"in {articles} article{'s' if articles != 1 else ''}: their page"
        )
        commands.append(
            (
                visible_line(f"Go to actor: {name}{also}"),
                visible_line(help_text),
                partial(open_page, actor.key),
            )
        )
    return commands


def key_commands(nodes: Iterable[tuple[str, DOMNode]], wanted: Sequence[str]) -> list[Command]:
    """The actions of the keys `wanted` (binding ids), found on `nodes` ((prefix, node): a pane's keys
    are prefixed with its name), described as the help describes them, the key as their help."""
    found: dict[str, Command] = {}
    for prefix, node in nodes:
        for binding_id, (binding, keys) in described_keys(node).items():
            if binding_id in wanted and binding_id not in found:
                text = f"{prefix}: {binding_text(binding)}" if prefix else binding_text(binding)
                run = partial(node.app.run_action, binding.action, node)
                found[binding_id] = (text, " ".join(keys), run)
    return [found[binding_id] for binding_id in wanted if binding_id in found]


def article_commands(articles: Iterable[Article], open_article: Callable[[str], object]) -> list[Command]:
    commands: list[Command] = []
    for article in articles:
        title, path = visible_line(article.title or article.path), visible_line(article.path)
        commands.append((f"Open article: {title}", path, partial(open_article, article.id)))
    return commands


class ReaderCommands(Provider):
    """Open an article, jump to an actor, toggle what is highlighted, and the reader's key actions."""

    _listed: list[Command] | None = None
    _actors: list[ActorSummary] | None = None

    async def startup(self) -> None:
        """List the library's actors (for "Go to actor") in a thread, before the first search: it
        walks every analysis (~0.3 s at 5,000 articles), and the palette must open at once."""
        screen = self.screen
        library = getattr(screen, "library", None)
        if isinstance(screen, PaletteSource) and library is not None:
            self._actors = await asyncio.to_thread(library.actors, None)

    def _commands(self) -> list[Command]:
        """Made once per opening of the palette, not per keystroke."""
        if self._listed is None:
            screen = self.screen
            self._listed = screen.palette_commands(self._actors) if isinstance(screen, PaletteSource) else []
        return self._listed

    async def discover(self) -> Hits:
        for text, help_text, callback in self._commands()[:DISCOVERY_LIMIT]:
            yield DiscoveryHit(Content(text), callback, text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        """Commands are plain text: an article titled "[b]" is shown as written, never read as markup
        (Matcher.highlight would parse it)."""
        matcher = self.matcher(query)
        for text, help_text, callback in self._commands():
            score, offsets = matcher.fuzzy_search.match(matcher.query, text)
            if score > 0:
                shown = Content(text)
                for offset in offsets:
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, shown, callback, text=text, help=escape(help_text))
