"""The first run: how to open articles, and the bundled samples one key away."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.sources.dispatch import SUFFIX_FORMATS

# What a person calls each format the reader opens, in the order the welcome names them.
FORMAT_NAMES: dict[str, str] = {
    "txt": "plain text",
    "md": "Markdown with front matter",
    "json": "JSON",
    "jsonl": "JSON Lines",
    "html": "saved web pages",
    "rss": "RSS",
    "atom": "Atom feeds",
    "eml": "e-mail",
    "mbox": "mailboxes",
}


def formats_sentence() -> str:
    """Every format with its suffixes, from the readers' own table, so none is left unnamed."""
    named = []
    for format_name, words in FORMAT_NAMES.items():
        suffixes: list[str] = [suffix for suffix, name in SUFFIX_FORMATS.items() if name == format_name]
        if format_name == "txt":
            suffixes.append("first line is the title")
        named.append(f"{words} ({', '.join(suffixes)})" if suffixes else words)
    return "; ".join(named)


class WelcomeScreen(ModalScreen[bool]):
    """Dismissed with True to open the samples, False to stay on an empty reader."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,o", "dismiss(True)", "Open the sample articles", id="welcome-open"),
        Binding("escape", "dismiss(False)", "Close", id="welcome-close"),
        Binding("q", "app.quit", "Quit", id="welcome-quit"),
    ]

    def __init__(self, samples: Path | None) -> None:
        super().__init__()
        self.samples = samples

    def compose(self) -> ComposeResult:
        samples = (
            f"Press enter to open the sample articles bundled with newsreader\n({self.samples})."
            if self.samples
            else "The bundled sample articles are not installed here."
        )
        with Vertical(id="welcome") as box:
            box.border_title = "Welcome to newsreader"
            yield Static(
                "Open articles by naming files or folders when you start it:\n\n"
                "    newsreader PATH...\n\n"
                f"Folders are read recursively: {formats_sentence()}; and web addresses (https://...), "
                "or - for standard input. In the reader, o opens more. Next time, newsreader with no paths "
                "reopens what you had open.\n\n"
                f"{samples}\n\nescape: an empty reader · q: quit · ?: keys",
                id="welcome-text",
            )
