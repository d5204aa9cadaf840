"""The command palette (ctrl+p): the reader's actions in context, searched by fuzzy match."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

if TYPE_CHECKING:
    from tui.app.app import NewsReaderApp

Command = tuple[str, str, Callable[[], object]]
DISCOVERY_LIMIT = 12


class ReaderCommands(Provider):
    """Open an article, jump to an actor, toggle what is highlighted, and the panel and scope switches."""

    def _commands(self) -> list[Command]:
        app = cast("NewsReaderApp", self.app)
        return app.palette_commands()

    async def discover(self) -> Hits:
        for text, help_text, callback in self._commands()[:DISCOVERY_LIMIT]:
            yield DiscoveryHit(Content(text), callback, text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        """Commands are plain text: an article titled "[/b]" is shown as written, never read as markup
        (Matcher.highlight would parse it)."""
        matcher = self.matcher(query)
        for text, help_text, callback in self._commands():
            score, offsets = matcher.fuzzy_search.match(matcher.query, text)
            if score > 0:
                shown = Content(text)
                for offset in offsets:
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, shown, callback, text=text, help=escape(help_text))
