"""The legend under the article: each entity type present, in its colour, with its count and toggle key."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from tui.app.article_text import ENTITY_GROUPS, QUOTE_CLASSES, Legend, entity_class

KEY_OF_LABEL = {
    label: str(number) for number, labels in enumerate(ENTITY_GROUPS.values(), 1) for label in labels
}


class LegendBar(Static):
    """Types present with counts; hidden types are struck through so the reader sees what is off."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(entity_class(label) for labels in ENTITY_GROUPS.values() for label in labels),
        "article-view--entity-other",
        *QUOTE_CLASSES.values(),
        "legend--hidden",
        "legend--key",
        "legend--note",
    }

    def show_legend(
        self, legend: Legend, hidden: frozenset[str], show_quotes: bool, note: str | None = None
    ) -> None:
        style = self._style
        text = Text()
        for label, count in legend.ordered_labels():
            off = label in hidden
            chip = Text(f" {label} ", style=style(entity_class(label)))
            if off:
                chip.stylize(style("legend--hidden"))
            key = KEY_OF_LABEL.get(label)
            if key:
                text.append(key, style("legend--key"))
            text.append_text(chip)
            text.append(f" {count}  ")
        if legend.quote_kinds:
            text.append('"', style("legend--key"))
            for kind in ("direct", "indirect", "mixed"):
                count = legend.quote_kinds.get(kind, 0)
                if count:
                    chip = Text(
                        kind, style=style(QUOTE_CLASSES[kind]) if show_quotes else style("legend--hidden")
                    )
                    text.append_text(chip)
                    text.append(f" {count}  ")
        if note:
            text.append(note, style("legend--note"))
        if not text:
            text.append("No entities or quotes found.", style("legend--note"))
        self.update(text)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)
