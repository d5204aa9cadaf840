"""How one printing of a statement differs from the reference, in words a reader takes in at a glance:
"leaves out …" (struck), "adds …" (bold), "great → big". The same wording on the same-statement list
and on the actor's page."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from tui.app.quote_words import first_words
from tui.core.reprints.group import WordChange

CHANGES_SHOWN = 3  # changed stretches spelt out per printing; the rest are counted


def shown(words: str, count: int) -> str:
    """The first words of a changed stretch, without a leading ellipsis (where a cue was left out)."""
    return first_words(words.lstrip("… "), count)


def changes_text(changes: Sequence[WordChange], shown_at_most: int = CHANGES_SHOWN) -> Text:
    """The changed stretches (equal ones are skipped); empty when no word differs."""
    differing = [c for c in changes if c.kind != "equal"]
    text = Text()
    for change in differing[:shown_at_most]:
        if text:
            text.append("; ", style="dim")
        if change.kind == "delete":
            text.append("leaves out ", style="dim")
            text.append(shown(change.reference, 6), style="strike")
        elif change.kind == "insert":
            text.append("adds ", style="dim")
            text.append(shown(change.version, 6), style="bold")
        else:
            text.append(shown(change.reference, 4), style="strike")
            text.append(" → ", style="dim")
            text.append(shown(change.version, 4), style="bold")
    if len(differing) > shown_at_most:
        text.append(f"; {len(differing) - shown_at_most} more changes", style="dim")
    return text
