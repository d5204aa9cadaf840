"""The actor page's timeline: when they spoke, as bars over the span of the loaded articles' dates.

Bars in a Textual Sparkline give one count per day (or per equal stretch of days when the span is
wider than the chart), with the first and last day under them and a line that says what the chart
leaves out (undated articles) or why there is no chart at all.
Chosen over plotext: at 80x24 a plotext chart needs ~10 rows for its axes and frame to say what
two rows of bars and one line of dates say here, and it would be one more dependency.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static

from tui.core.actor_page import Timeline


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def axis_line(timeline: Timeline, width: int) -> Text:
    """The time axis under the bars: the first and last day at its ends, the middle day when there is
    room, joined by a rule."""
    if timeline.first is None or timeline.last is None:
        return Text("")
    first, last = timeline.first.isoformat(), timeline.last.isoformat()
    if first == last:
        return Text(first.center(width, "─"), style="dim")
    gap = width - len(first) - len(last)
    if gap < 3:
        return Text(first, style="dim")
    middle = (timeline.first + (timeline.last - timeline.first) / 2).isoformat()
    if timeline.span_days >= 3 and gap >= len(middle) + 6:
        left = (gap - len(middle)) // 2
        right = gap - len(middle) - left
        return Text(f"{first} {'─' * (left - 2)} {middle} {'─' * (right - 2)} {last}", style="dim")
    return Text(f"{first} {'─' * (gap - 2)} {last}", style="dim")


def timeline_note(timeline: Timeline, buckets: int) -> Text:
    """What the chart shows and what it leaves out, in words."""
    note = Text()
    if timeline.first is None:
        note.append("No loaded article is dated: no timeline.", style="italic")
        if timeline.undated:
            note.append(f" {plural(timeline.undated, 'statement')} without a date.", style="dim")
        return note
    dated = len(timeline.days)
    if not dated:
        if timeline.undated:
            note.append(
                f"Every statement ({timeline.undated}) is from an undated article: "
                "none can be placed in time.",
                style="italic",
            )
        else:
            note.append("No statements to place in time.", style="italic")
        return note
    days = timeline.span_days / buckets
    per = "day" if buckets >= timeline.span_days else f"{days:.0f} days" if days >= 10 else f"{days:.1f} days"
    note.append(f"{plural(dated, 'dated statement')}", style="bold" if dated else "dim")
    note.append(f" · one bar per {per}", style="dim")
    busiest = timeline.busiest()
    if busiest is not None and dated > 1:
        day, count = busiest
        note.append(f" · most on {day.isoformat()} ({count})", style="dim")
    if timeline.undated:
        note.append(f" · {timeline.undated} from undated articles, not shown", style="yellow")
    return note


BARS = "▁▂▃▄▅▆▇█"
TALL = 40  # terminal rows from which the bars get four rows instead of two


def bar_rows(counts: list[int], width: int, height: int) -> list[str]:
    """Columns of bars, top row first: `counts` stretched over `width` columns, heights linear in
    the count but rounded up, so that one statement among hundreds still shows, and nothing where
    nothing was said (Textual's own Sparkline draws its minimum, often zero, as a bar too)."""
    if not counts or width <= 0 or height <= 0:
        return [" " * max(width, 0) for _ in range(max(height, 0))]
    most = max(counts) or 1
    levels = len(BARS) * height
    filled = [-(-count * levels // most) if count else 0 for count in counts]  # ceil
    columns = [filled[column * len(counts) // width] for column in range(width)]
    rows = []
    for row in reversed(range(height)):
        low = row * len(BARS)
        line = []
        for eighths in columns:
            part = eighths - low
            line.append(" " if part <= 0 else "█" if part >= len(BARS) else BARS[part - 1])
        rows.append("".join(line))
    return rows


class StatementBars(Sparkline):
    """Textual's Sparkline (its colours, its CSS), drawn by `bar_rows`: zero is empty, one is seen."""

    def render(self) -> Text:
        style = self.get_component_rich_style("sparkline--max-color", partial=True)
        rows = bar_rows(list(self.data or []), self.size.width, self.size.height)
        return Text("\n".join(rows), style=style, no_wrap=True)


class ActorTimeline(Vertical):
    """Bars of statements over time, their dates, and a note; redrawn to fit when resized."""

    DEFAULT_CSS = """
    ActorTimeline { height: auto; }
    ActorTimeline > StatementBars { height: 2; }
    ActorTimeline > Static { height: 1; }
    """

    def __init__(self, timeline: Timeline, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.timeline = timeline

    def compose(self) -> ComposeResult:
        drawn = bool(self.timeline.days)  # no bars to draw: the note says why, in one line
        chart = StatementBars([], id="timeline-bars")
        chart.display = drawn
        yield chart
        axis = Static("", id="timeline-axis")
        axis.display = drawn
        yield axis
        yield Static(timeline_note(self.timeline, 1), id="timeline-note")

    def on_mount(self) -> None:
        self._fit_height()

    def on_resize(self) -> None:
        self._fit_height()
        self.redraw()

    def _fit_height(self) -> None:
        """Two rows of bars on a short terminal, where the statements need the room; four on a tall one."""
        self.query_one(StatementBars).styles.height = 4 if self.app.size.height >= TALL else 2

    def redraw(self) -> None:
        width = self.content_region.width or self.size.width
        if width <= 0:
            return
        counts = self.timeline.counts(width)
        self.query_one(StatementBars).data = counts
        self.query_one("#timeline-axis", Static).update(axis_line(self.timeline, width))
        self.query_one("#timeline-note", Static).update(timeline_note(self.timeline, max(1, len(counts))))

    @property
    def counts(self) -> list[int]:
        """The bars as drawn (for tests and for reading the chart aloud)."""
        return list(self.query_one(StatementBars).data or [])
