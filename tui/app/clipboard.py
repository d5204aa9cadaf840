"""`y`: the selected quote with its attribution, on the clipboard, ready to paste into a story.

Textual's `copy_to_clipboard` sends the text to the terminal (OSC 52), so it also works over SSH
where no system clipboard is reachable; a terminal that ignores OSC 52 cannot tell us, so the
message says what was copied rather than promising where it went.
"""

from __future__ import annotations

from textual.app import App

from tui.app.quote_words import first_words
from tui.core.export import ExportItem

SHOWN_WORDS = 8


def copy_quote(app: App[object], item: ExportItem) -> str:
    """Copy `item`'s one-line citation; return the text to `notify` the user with."""
    app.copy_to_clipboard(item.citation())
    shown = first_words(item.quote, SHOWN_WORDS)
    who = item.actor or item.speaker_mention or "an unknown speaker"
    return f"Copied the quote by {who} with its source: {shown}"
