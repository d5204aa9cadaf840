"""`o`: open another file, folder or web address from inside the reader, its name completed as typed."""

from __future__ import annotations

import os
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.app.path_suggester import PathSuggester
from tui.core.terminal_safe import visible_line


class OpenPathScreen(ModalScreen[str | None]):
    """Dismissed with the path or URL to open (a `~` expanded), or None when cancelled.

    A name that does not exist is said so in the dialog, which stays open to correct it; what can
    be read from an existing one, and what cannot, is the reader's to report as for the command line.
    """

    CSS_PATH = "dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="open-cancel"),
        Binding("tab", "complete", "Complete the name", id="open-complete"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog") as box:
            box.border_title = "Open a file, folder or web address"
            yield Input(
                placeholder="path/to/articles or https://…", suggester=PathSuggester(), id="open-input"
            )
            yield Static("→ or tab: complete · enter: open · escape: cancel", id="open-message")

    def action_complete(self) -> None:
        field = self.query_one(Input)
        field.action_cursor_right()  # at the end, it takes the greyed suggestion

    @on(Input.Submitted, "#open-input")
    def _submitted(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        if not typed:
            self.dismiss(None)
            return
        if "://" in typed:
            self.dismiss(typed)
            return
        path = os.path.expanduser(typed)
        if not os.path.exists(path):
            message = self.query_one("#open-message", Static)
            message.update(f"No such file or folder: {visible_line(typed)}")
            message.add_class("-error")
            return
        self.dismiss(path)
