"""The first run: how to open articles, and the bundled samples one key away."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


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
                "Folders are read recursively: .txt (first line is the title), .md with front matter, "
                ".json and .jsonl. Next time, newsreader with no paths reopens what you had open.\n\n"
                f"{samples}\n\nescape: an empty reader · q: quit · ?: keys",
                id="welcome-text",
            )
