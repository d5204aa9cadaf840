"""The legend under the article: each entity type present, in its colour, with its count and toggle key."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from tui.app.article_text import ENTITY_GROUPS, QUOTE_CLASSES, Legend, entity_class

KEY_OF_LABEL = {
    label: str(number) for number, labels in enumerate(ENTITY_GROUPS.values(), 1) for label in labels
}


GAP = 2  # spaces between two items of the legend


class LegendBar(Static):
    """Types present with counts; hidden types are struck through so the reader sees what is off."""

    # The chips' colours are the article view's own component classes, passed in as `colours`:
    # declaring them here again would style two dozen more component classes before the first paint.
    COMPONENT_CLASSES: ClassVar[set[str]] = {"legend--hidden", "legend--key", "legend--note"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[tuple[int, Text]] = []  # (spaces before it, item)

    def show_legend(
        self,
        legend: Legend,
        hidden: frozenset[str],
        show_quotes: bool,
        note: str | None = None,
        *,
        colours: Callable[[str], Style],
    ) -> None:
        """`colours` gives the style of an entity or quote component class (the article view's)."""
        style = self._style
        items: list[tuple[int, Text]] = []
        last_key = None
        for label, count in legend.ordered_labels():
            item = Text()
            key = KEY_OF_LABEL.get(label)
            # a number key toggles its whole group: shown once, before the group's first type
            same_group = key is not None and key == last_key
            if key and not same_group:
                item.append(key, style("legend--key"))
            last_key = key
            chip = Text(f" {label} ", style=colours(entity_class(label)))
            if label in hidden:
                chip.stylize(style("legend--hidden"))
            item.append_text(chip)
            item.append(f" {count}")
            items.append((1 if same_group else GAP, item))
        quote_items = []
        for kind in ("direct", "indirect", "mixed"):
            count = legend.quote_kinds.get(kind, 0)
            if count:
                chip_style = colours(QUOTE_CLASSES[kind]) if show_quotes else style("legend--hidden")
                quote_items.append(Text.assemble((kind, chip_style), f" {count}"))
        if quote_items:
            quote_items[0] = Text.assemble(('"', style("legend--key")), quote_items[0])
            items.extend((GAP if n == 0 else 1, item) for n, item in enumerate(quote_items))
        if note:
            items.append((GAP, Text(note, style=style("legend--note"))))
        if not items:
            items.append((GAP, Text("No entities or quotes found.", style=style("legend--note"))))
        self._items = items
        self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        """Break lines between items, never inside one ("6 DATE 3" stays together); groups are two
        spaces apart, the types of one group one."""
        width = self.content_region.width
        lines: list[Text] = []
        line = Text()
        for gap, item in self._items:
            if line and width and line.cell_len + gap + item.cell_len > width:
                lines.append(line)
                line = Text()
            if line:
                line.append(" " * gap)
            line.append_text(item)
        lines.append(line)
        self.update(Text("\n").join(lines))

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)
