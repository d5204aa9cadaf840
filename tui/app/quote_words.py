"""A quote in a few words, on one line: how the actors panel, the entity card and the copy notice
name a statement without showing all of it."""

from __future__ import annotations

from tui.core.terminal_safe import visible_line

FIRST_WORDS = 8


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    """The first `count` words, "…" when there are more, control characters shown as placeholders."""
    words = text.split()
    return visible_line(" ".join(words[:count]) + ("…" if len(words) > count else ""))
