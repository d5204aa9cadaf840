"""The article pane: metadata above the text, entities and quotes highlighted, cursors on both.

It draws with the Line API (a ScrollView that renders only the visible lines) because an article can
run to thousands of words: the text is wrapped once per width, styled once per change of marks, and
each visible line is cut from the styled text and cached. Because wrapping depends only on the plain
text and the width, highlights arriving from the analysis never move the reader's scroll position.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.article_text import (
    BLOCK_CLASSES,
    ENTITY_CLASSES,
    ENTITY_GROUPS,
    HEADER_CLASSES,
    MARK_CLASSES,
    PREFIX_CLASS,
    QUOTE_CLASSES,
    LineShape,
    Marks,
    cut_lines,
    display_text,
    header_lines,
    layout_lines,
    shaped_line,
    styled_text,
    visible_entities,
)
from tui.app.keys import ARTICLE_KEYS, next_index
from tui.core.model import Analysis, Article, Entity, Quote
from tui.core.terminal_safe import visible

READING_WIDTH = 100
FLASH_SECONDS = 0.8


class ArticleView(ScrollView, can_focus=True):
    """One article, read with the keyboard: scroll, page, and step through quotes and entities."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *ENTITY_CLASSES,
        *QUOTE_CLASSES.values(),
        *MARK_CLASSES,
        *HEADER_CLASSES,
        *BLOCK_CLASSES.values(),
        PREFIX_CLASS,
        "article-view--placeholder",
    }

    BINDINGS: ClassVar[list[BindingType]] = ARTICLE_KEYS

    class EntityCardRequested(Message):
        """The reader asked for the card of an entity (enter on it, or a click)."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    class QuoteSelected(Message):
        """The selected statement changed (None: no statement is selected any more)."""

        def __init__(self, view: ArticleView, quote: Quote | None) -> None:
            super().__init__()
            self.view = view
            self.quote = quote

    class SameStatementRequested(Message):
        """Enter on a statement that other articles print too: list them."""

        def __init__(self, quote: Quote) -> None:
            super().__init__()
            self.quote = quote

    class MarksChanged(Message):
        """Which types are shown changed: the legend redraws."""

        def __init__(self, view: ArticleView) -> None:
            super().__init__()
            self.view = view

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self._text = ""  # the article's text as shown (display_text): what is wrapped and styled
        self.analysis: Analysis | None = None
        self.marks = Marks()
        self.placeholder = "No article open."
        self._quotes: list[Quote] = []
        self._entities: list[Entity] = []
        self._quote_index: int | None = None
        self._entity_index: int | None = None
        self._match_index: int | None = None
        self._header: list[Text] = []
        self._ranges: list[tuple[int, int]] = []
        self._shapes: list[LineShape] = []  # each line's block and prefix (bar, bullet)
        self._starts: list[int] = []
        self._line_texts: list[Text] = []
        self._strips: dict[int, Strip] = {}
        self._wrap_width = 0
        self._flash_timer = None
        self._quote_last = False  # the statement was selected after the entity: enter is about it
        self.printed_elsewhere: Quote | None = None
        """The selected statement, when the screen found other articles printing it (enter lists them)."""

    # -- what is shown ---------------------------------------------------------------------------

    def show(self, article: Article | None, analysis: Analysis | None) -> None:
        """Open an article (from the top), with its analysis if there is one yet."""
        same = article is not None and self.article is not None and article.id == self.article.id
        had_quote = self.marks.selected_quote is not None
        self.article = article
        self._text = display_text(article.text) if article is not None else ""
        self._quote_index = self._entity_index = self._match_index = None
        self.marks = replace(
            self.marks,
            selected_quote=None,
            selected_entity=None,
            flash=None,
            current_match=None,
            marked=frozenset(),
        )
        self._set_analysis(analysis)
        self._layout(force=True)
        if had_quote:
            self._quote_changed(None)
        if not same:
            self.scroll_to(0, 0, animate=False, immediate=True)

    def update_analysis(self, analysis: Analysis) -> None:
        """Highlights arrived: restyle in place, keeping the scroll position."""
        if self.article is None or analysis.article_id != self.article.id:
            return
        self._set_analysis(analysis)
        self._restyle()

    def set_matches(self, matches: Iterable[tuple[int, int]]) -> None:
        self._match_index = None
        self.marks = replace(self.marks, matches=tuple(matches), current_match=None)
        self._restyle()

    def set_marked(self, spans: Iterable[tuple[int, int]]) -> None:
        """The (start, end) of this article's quotes the reader marked for export."""
        marked = frozenset(spans)
        if marked != self.marks.marked:
            self.marks = replace(self.marks, marked=marked)
            self._restyle()

    @property
    def match_count(self) -> int:
        return len(self.marks.matches)

    @property
    def selected_quote(self) -> Quote | None:
        return self.marks.selected_quote

    @property
    def selected_entity(self) -> Entity | None:
        return self.marks.selected_entity

    def select_quote(self, quote: Quote, *, flash: bool = False) -> None:
        """Emphasise a quote (its cue and speaker), bring it into view, and flash it if asked."""
        if quote in self._quotes:
            self._quote_index = self._quotes.index(quote)
        self.marks = replace(self.marks, selected_quote=quote)
        if flash:
            self._flash(quote.start, quote.end)
        self._restyle()
        self._bring_into_view(quote.start, quote.end)
        self._quote_last = True
        self._quote_changed(quote)

    def _quote_changed(self, quote: Quote | None) -> None:
        self.printed_elsewhere = None
        self.post_message(self.QuoteSelected(self, quote))

    def clear_selection(self) -> bool:
        """Forget the selected quote and entity; False when there was nothing to clear."""
        if self.marks.selected_quote is None and self.marks.selected_entity is None:
            return False
        self._quote_index = self._entity_index = None
        self.marks = replace(self.marks, selected_quote=None, selected_entity=None)
        self._restyle()
        self._quote_changed(None)
        return True

    def _set_analysis(self, analysis: Analysis | None) -> None:
        self.analysis = analysis
        self._quotes = sorted(analysis.quotes, key=lambda q: (q.start, q.end)) if analysis else []
        self._entities = visible_entities(analysis, self.marks.hidden_labels)

    # -- layout and drawing ----------------------------------------------------------------------

    def _styles(self) -> dict[str, Style]:
        return {name: self.get_component_rich_style(name, partial=True) for name in self.COMPONENT_CLASSES}

    def _text_width(self) -> int:
        return max(10, min(self.scrollable_content_region.width or self.size.width, READING_WIDTH))

    def _layout(self, *, force: bool = False) -> None:
        """Wrap the header and the text to the current width (only when it or the article changed)."""
        width = self._text_width()
        if not force and width == self._wrap_width:
            return
        self._wrap_width = width
        self._header = self._header_lines(width)
        self._ranges, self._shapes = self._wrap(width)
        self._starts = [start for start, _ in self._ranges]
        self._restyle()

    def _header_lines(self, width: int) -> list[Text]:
        if self.article is None:
            style = self.get_component_rich_style("article-view--placeholder", partial=True)
            # the placeholder may name the paths that could not be read
            return list(Text(visible(self.placeholder), style=style).wrap(self.app.console, width))
        return header_lines(self.article, width, self.app.console, self._styles())

    def _wrap(self, width: int) -> tuple[list[tuple[int, int]], list[LineShape]]:
        if self.article is None:
            return [], []
        return layout_lines(self._text, width, self.article.blocks)

    def _restyle(self) -> None:
        """Style the whole text once and cut it into the wrapped lines."""
        self._strips.clear()
        self._line_texts = []
        if self.article is not None:
            styles = self._styles()
            styled = styled_text(self._text, self.analysis, self.marks, styles)
            self._line_texts = [
                shaped_line(line, shape, styles)
                for line, shape in zip(cut_lines(styled, self._ranges), self._shapes, strict=True)
            ]
        total = len(self._header) + len(self._line_texts)
        self.virtual_size = Size(self._wrap_width, total)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._layout()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        number = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        strip = self._strips.get(number)
        if strip is None:
            text = self._line_at(number)
            if text is None:
                return Strip.blank(width, base)
            line = text.copy()
            line.rstrip_end(self._wrap_width)
            strip = Strip(line.render(self.app.console), line.cell_len)
            self._strips[number] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_style(base)

    def _line_at(self, number: int) -> Text | None:
        if number < len(self._header):
            return self._header[number]
        number -= len(self._header)
        if 0 <= number < len(self._line_texts):
            return self._line_texts[number]
        return None

    def line_of(self, offset: int) -> int:
        """The screen line (from the top of the content) that shows a character offset."""
        index = max(0, bisect_right(self._starts, offset) - 1)
        return len(self._header) + index

    def offset_at(self, line: int, column: int) -> int | None:
        """The character under a cell of the content, or None outside the text."""
        index = line - len(self._header)
        if not 0 <= index < len(self._ranges):
            return None
        start, end = self._ranges[index]
        cells = cell_len(self._shapes[index].prefix)  # the bar or bullet before the text
        if column < cells:
            return None
        for position in range(start, end):
            cells += cell_len(self._text[position])
            if cells > column:
                return position
        return None

    def _bring_into_view(self, start: int, end: int) -> None:
        first, last = self.line_of(start), self.line_of(max(start, end - 1))
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if first >= top and last < top + height:
            return
        target = first - 2 if last - first + 3 >= height else first - max(2, height // 3)
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def _flash(self, start: int, end: int) -> None:
        self.marks = replace(self.marks, flash=(start, end))
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self._flash_timer = self.set_timer(FLASH_SECONDS, self._end_flash)

    def _end_flash(self) -> None:
        self._flash_timer = None
        self.marks = replace(self.marks, flash=None)
        self._restyle()

    # -- actions ---------------------------------------------------------------------------------

    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + lines, animate=False)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_offset.y + direction * step, animate=False)

    def action_quote(self, step: int) -> None:
        index = self._step(self._quotes, self._quote_index, step, "No quotes found in this article yet.")
        if index is not None:
            self._quote_index = index
            self.select_quote(self._quotes[index])

    def action_entity(self, step: int) -> None:
        index = self._step(self._entities, self._entity_index, step, "No entities shown in this article.")
        if index is None:
            return
        self._entity_index = index
        entity = self._entities[index]
        self._quote_last = False
        self.marks = replace(self.marks, selected_entity=entity)
        self._restyle()
        self._bring_into_view(entity.start, entity.end)

    def next_match(self, step: int) -> bool:
        matches = self.marks.matches
        if not matches:
            return False
        index = next_index(self._match_index, step, len(matches), 0)
        self._match_index = index
        self.marks = replace(self.marks, current_match=index)
        self._restyle()
        self._bring_into_view(*matches[index])
        return True

    def _step(
        self, spans: list[Quote] | list[Entity], current: int | None, step: int, empty: str
    ) -> int | None:
        """The index of the next (or previous) span from the current one, or from the first on screen;
        None, and `empty` said, when there is none."""
        if not spans:
            self.notify(empty, severity="warning", timeout=2)
            return None
        top = self.scroll_offset.y
        first = next((i for i, span in enumerate(spans) if self.line_of(span.start) >= top), 0)
        return next_index(current, step, len(spans), first)

    def action_entity_card(self) -> None:
        """The selected entity's card; on a statement other articles print too (chosen last), their list."""
        quote = self.marks.selected_quote
        if quote is not None and self._quote_last and self.printed_elsewhere == quote:
            self.post_message(self.SameStatementRequested(quote))
            return
        entity = self.marks.selected_entity
        if entity is None and self._entities:
            self.action_entity(1)
            entity = self.marks.selected_entity
        if entity is None:
            self.notify("No entity to show: the analysis has not found any here yet.", timeout=2)
            return
        self.post_message(self.EntityCardRequested(entity))

    def action_toggle_quotes(self) -> None:
        self.marks = replace(self.marks, show_quotes=not self.marks.show_quotes)
        self._restyle()
        self.post_message(self.MarksChanged(self))

    def action_toggle_group(self, group: str) -> None:
        self.toggle_labels(ENTITY_GROUPS.get(group, (group,)))

    def toggle_labels(self, labels: Iterable[str]) -> None:
        """Hide the labels if any is shown, else show them all."""
        labels = set(labels)
        hidden = set(self.marks.hidden_labels)
        hidden = hidden | labels if labels - hidden else hidden - labels
        self.marks = replace(self.marks, hidden_labels=frozenset(hidden))
        self._entities = visible_entities(self.analysis, hidden)
        selected = self.marks.selected_entity
        if selected is not None and selected.label in hidden:
            self.marks = replace(self.marks, selected_entity=None)
            self._entity_index = None
        elif selected is not None:
            self._entity_index = self._entities.index(selected)
        self._restyle()
        self.post_message(self.MarksChanged(self))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.analysis is None:
            return
        position = self.offset_at(self.scroll_offset.y + offset.y, self.scroll_offset.x + offset.x)
        if position is None:
            return
        for index, entity in enumerate(self._entities):
            if entity.start <= position < entity.end:
                self._entity_index = index
                self._quote_last = False
                self.marks = replace(self.marks, selected_entity=entity)
                self._restyle()
                self.post_message(self.EntityCardRequested(entity))
                return
        for index, quote in enumerate(self._quotes):
            if quote.start <= position < quote.end:
                self._quote_index = index
                self.select_quote(quote)
                return
