"""The line above the footer while articles are read or analysed: what is going on, and a progress bar."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label


class AnalysisStatus(Horizontal):
    """Hidden when nothing runs. The bar is mounted when first needed, not for the first paint (a
    progress bar is four widgets to style)."""

    def compose(self) -> ComposeResult:
        yield Label("", id="analysis-label")

    def show(self, text: str, done: int | None = None, total: int | None = None) -> None:
        """`text`, with a bar at `done` of `total` (no bar when `total` is None)."""
        self.display = True
        self.query_one("#analysis-label", Label).update(text)
        bars = self.query("#analysis-bar")
        if total is None:
            bars.set(display=False)
            return
        if bars:
            bar = bars.first()
        else:
            from textual.widgets import ProgressBar

            bar = ProgressBar(id="analysis-bar", show_eta=False)
            self.mount(bar)
        bar.display = True
        bar.update(total=total, progress=done or 0)  # type: ignore[attr-defined]

    def hide(self) -> None:
        self.display = False
