"""The command palette (ctrl+p): the reader's actions in context, searched by fuzzy match."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

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
            yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)
