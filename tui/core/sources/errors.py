"""The one exception a reader raises when a source cannot be read.

Readers raise `SourceError` with a reason worded for the person who named the path; the dispatcher
turns it into a `LoadProblem`, so no traceback ever reaches the user.
"""

from __future__ import annotations


class SourceError(Exception):
    """A source (file, line, entry, URL) that cannot be read, with the reason a person understands."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
