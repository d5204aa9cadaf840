"""The actor page's timeline: when they spoke, as bars over the span of the loaded articles' dates.

Textual's Sparkline draws the bars; this widget gives it one count per day (or per equal stretch
of days when the span is wider than the chart), with the first and last day under it and a line
that says what the chart leaves out (undated articles) or why there is no chart at all.
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
    """The first and last day under the bars' ends; the middle day too when there is room."""
    if timeline.first is None or timeline.last is None:
        return Text("")
    first, last = timeline.first.isoformat(), timeline.last.isoformat()
    if first == last:
        return Text(first.center(width), style="dim")
    gap = width - len(first) - len(last)
    if gap < 1:
        return Text(first, style="dim")
    middle = timeline.first + (timeline.last - timeline.first) / 2
    centre = middle.isoformat()
    if timeline.span_days >= 3 and gap >= len(centre) + 4:
        left = (gap - len(centre)) // 2
        return Text(f"{first}{' ' * left}{centre}{' ' * (gap - len(centre) - left)}{last}", style="dim")
    return Text(f"{first}{' ' * gap}{last}", style="dim")


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
    per = "day" if buckets >= timeline.span_days else f"{timeline.span_days / buckets:.1f} days"
    note.append(f"{plural(dated, 'dated statement')}", style="bold" if dated else "dim")
    note.append(f" · one bar per {per}", style="dim")
    busiest = timeline.busiest()
    if busiest is not None and dated > 1:
        day, count = busiest
        note.append(f" · most on {day.isoformat()} ({count})", style="dim")
    if timeline.undated:
        note.append(f" · {timeline.undated} from undated articles, not shown", style="yellow")
    return note


class ActorTimeline(Vertical):
    """Bars of statements over time, their dates, and a note; redrawn to fit when resized."""

    DEFAULT_CSS = """
    ActorTimeline { height: auto; }
    ActorTimeline > Sparkline { height: 2; }
    ActorTimeline > Static { height: 1; }
    """

    def __init__(self, timeline: Timeline, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.timeline = timeline

    def compose(self) -> ComposeResult:
        drawn = bool(self.timeline.days)  # no bars to draw: the note says why, in one line
        chart = Sparkline([], summary_function=sum, id="timeline-bars")
        chart.display = drawn
        yield chart
        axis = Static("", id="timeline-axis")
        axis.display = drawn
        yield axis
        yield Static(timeline_note(self.timeline, 1), id="timeline-note")

    def on_resize(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        width = self.content_region.width or self.size.width
        if width <= 0:
            return
        counts = self.timeline.counts(width)
        # one bucket alone is drawn full height whatever its value: a silent single day stays flat
        self.query_one(Sparkline).data = counts * 2 if counts == [0] else counts
        self.query_one("#timeline-axis", Static).update(axis_line(self.timeline, width))
        self.query_one("#timeline-note", Static).update(timeline_note(self.timeline, max(1, len(counts))))

    @property
    def counts(self) -> list[int]:
        """The bars as drawn (for tests and for reading the chart aloud)."""
        return list(self.query_one(Sparkline).data or [])
