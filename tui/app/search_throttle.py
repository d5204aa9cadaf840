"""The search box's throttle: the first key after a pause is searched at once, keys typed while a
search runs merge into one search for the latest text.

A throttle, not a debounce: a search at 100,000 articles takes ~2-12 ms, so waiting before the first
one only adds to what the reader sees (until commit 2ec076c a 150 ms debounce did). The text is
searched even when it is the one searched last: new articles (loading, --watch) must be found too.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.worker import Worker


class SearchThrottle:
    """`request(text)` searches now, or as soon as the running search ends (`search_ended`)."""

    def __init__(self, start: Callable[[str], Worker[None]]) -> None:
        self._start = start
        self._worker: Worker[None] | None = None
        self._wanted = ""
        self._due = False

    def request(self, query: str) -> None:
        self._wanted = query
        self._due = True
        self._next()

    def search_ended(self, worker: Worker[None]) -> None:
        """A worker finished: if it was the search, the one due (if any) starts."""
        if worker is self._worker and worker.is_finished:
            self._next()

    @property
    def idle(self) -> bool:
        """No search running and none waiting."""
        return not (self._running or self._due)

    @property
    def _running(self) -> bool:
        return self._worker is not None and not self._worker.is_finished

    def _next(self) -> None:
        if self._due and not self._running:
            self._due = False
            self._worker = self._start(self._wanted)
