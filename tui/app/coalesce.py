"""Many updates in a short time become one: the reader's single way to merge a flood of updates.

Used where each update costs a repaint and only the gathered result matters: the "skipped" notice
(one notification for all the files a folder could not give, not one each) and the actors of all
articles while the analysis streams in (one rebuild of the tree every half second, not one per
article). Messages where only the latest counts merge in the queue instead (tui.app.messages).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from textual.message_pump import MessagePump
from textual.timer import Timer

Item = TypeVar("Item")


class Coalescer(Generic[Item]):
    """`add` gathers items; `deliver` is called once with all of them, `delay` seconds after the first
    (or at once by `flush`). `add()` with no item only asks for one call."""

    def __init__(self, owner: MessagePump, delay: float, deliver: Callable[[list[Item]], None]) -> None:
        self._owner = owner
        self.delay = delay  # the owner may lengthen it when delivering costs more
        self._deliver = deliver
        self._items: list[Item] = []
        self._timer: Timer | None = None

    def add(self, *items: Item) -> None:
        self._items.extend(items)
        if self._timer is None:
            self._timer = self._owner.set_timer(self.delay, self.flush)

    def flush(self) -> None:
        """Deliver what was gathered now (nothing when nothing was asked for since the last time)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        else:
            return
        items, self._items = self._items, []
        self._deliver(items)
