"""An article's text as a rich Text with its entities, quotes, selection and search matches styled.

Every span is a character offset into `Article.text`, so the same offsets serve highlighting,
scrolling to a quote and mapping a click back to an entity. What is shown is `display_text`: the
text with each control character as one visible placeholder (one character for one), so no byte of
an article acts on the terminal and every offset still points at the same character.
Styles are passed in (they come from the stylesheet's component classes) so this module holds
no colours and can be tested without a screen.

The article's blocks shape the lines, never the text: a block quotation's lines are drawn behind a
bar, a list item's behind a bullet, and those lines wrap that much narrower. The bar and the bullet
are a prefix added to the screen line, outside the text, so every offset still maps to its cell
once the prefix's width is taken off (`LineShape.prefix`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rich._wrap import divide_line
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from tui.core.model import Analysis, Article, Block, BlockKind, Entity, Quote
from tui.core.terminal_safe import visible, visible_line

# spaCy labels grouped the way a reader thinks of them; each group is one toggle key and one colour
# family (displaCy's), in the order the legend shows them.
ENTITY_GROUPS: dict[str, tuple[str, ...]] = {
    "people": ("PERSON",),
    "organisations": ("ORG",),
    "places": ("GPE", "LOC"),
    "groups": ("NORP",),
    "names": ("FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE"),
    "times": ("DATE", "TIME"),
    "numbers": ("MONEY", "QUANTITY", "PERCENT", "ORDINAL", "CARDINAL"),
}
LABEL_ORDER: tuple[str, ...] = tuple(label for labels in ENTITY_GROUPS.values() for label in labels)


def entity_class(label: str) -> str:
    """The component class that colours one entity label (unknown labels share a neutral one)."""
    known = label in LABEL_ORDER
    return (
        f"article-view--entity-{label.lower().replace('_', '-')}" if known else "article-view--entity-other"
    )


ENTITY_CLASSES: tuple[str, ...] = (
    *(entity_class(label) for label in LABEL_ORDER),
    "article-view--entity-other",
)
QUOTE_CLASSES: dict[str, str] = {
    "direct": "article-view--quote-direct",
    "indirect": "article-view--quote-indirect",
    "mixed": "article-view--quote-mixed",
}
MARK_CLASSES: tuple[str, ...] = (
    "article-view--quote-marked",
    "article-view--quote-selected",
    "article-view--cue",
    "article-view--speaker",
    "article-view--entity-selected",
    "article-view--match",
    "article-view--match-current",
    "article-view--flash",
)
HEADER_CLASSES: tuple[str, ...] = ("article-view--title", "article-view--meta", "article-view--link")
BLOCK_CLASSES: dict[str, str] = {
    "heading": "article-view--heading",
    "blockquote": "article-view--blockquote",
    "list_item": "article-view--list-item",
    "caption": "article-view--caption",
    "preformatted": "article-view--preformatted",
}
PREFIX_CLASS = "article-view--block-prefix"
QUOTE_BAR = "▌ "
BULLET = "• "
_TEXT_BULLETS = ("- ", "* ", "• ")  # a list item whose text already starts with its bullet


@dataclass(frozen=True)
class LineShape:
    """How one screen line is drawn: the block it belongs to and what stands before its text."""

    kind: BlockKind | None = None
    prefix: str = ""


PLAIN_LINE = LineShape()


@dataclass(frozen=True)
class Marks:
    """What the reader has chosen to see, and where the cursors are."""

    hidden_labels: frozenset[str] = frozenset()
    show_quotes: bool = True
    selected_quote: Quote | None = None
    selected_entity: Entity | None = None
    matches: tuple[tuple[int, int], ...] = ()
    current_match: int | None = None
    flash: tuple[int, int] | None = None
    marked: frozenset[tuple[int, int]] = frozenset()
    """(start, end) of the quotes the reader marked for export, shown even when quote marks are off."""


@dataclass
class Legend:
    """The entity labels and quote kinds present in one article, with their counts."""

    labels: Counter[str] = field(default_factory=Counter)
    quote_kinds: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, analysis: Analysis | None) -> Legend:
        if analysis is None:
            return cls()
        return cls(Counter(e.label for e in analysis.entities), Counter(q.kind for q in analysis.quotes))

    def ordered_labels(self) -> list[tuple[str, int]]:
        known = [(label, self.labels[label]) for label in LABEL_ORDER if self.labels[label]]
        other = sorted((label, n) for label, n in self.labels.items() if label not in LABEL_ORDER)
        return known + other


def display_text(text: str) -> str:
    """An article's text as the screen shows it, as long as the text: tabs and carriage returns as
    spaces (they lay out, Rich would drop a CR and shift every offset after it), every other control
    character (ESC, BEL, C1, bidirectional overrides) as a visible placeholder. Newlines stay."""
    return visible(text.replace("\t", " ").replace("\r", " "))


def visible_entities(analysis: Analysis | None, hidden: Iterable[str] = ()) -> list[Entity]:
    if analysis is None:
        return []
    hidden = set(hidden)
    return [e for e in analysis.entities if e.label not in hidden]


def styled_text(
    text: str,
    analysis: Analysis | None,
    marks: Marks,
    styles: Mapping[str, Style],
) -> Text:
    """The article text with spans applied in order of precedence: later spans win.

    Quotes go first (their underline survives under an entity's background), then the marked ones
    (the reader's own choice must show whatever is toggled off), then entities, then the selected
    quote's cue and speaker, search matches, and a brief flash on top.
    A quote is styled piece by piece (`Quote.parts`): the cue and speaker that split a statement
    (`"A," she said, "B."`) are the reporter's words and are not shown as quoted.
    """
    rich_text = Text(display_text(text), end="")
    spans: list[tuple[int, int, Style]] = []
    if analysis is not None:
        if marks.show_quotes:
            for quote in analysis.quotes:
                style = styles[QUOTE_CLASSES.get(quote.kind, QUOTE_CLASSES["direct"])]
                spans.extend((start, end, style) for start, end in quote.parts)
        by_span = {(quote.start, quote.end): quote for quote in analysis.quotes}
        for key in sorted(marks.marked):
            pieces = by_span[key].parts if key in by_span else (key,)
            spans.extend((start, end, styles["article-view--quote-marked"]) for start, end in pieces)
        for entity in analysis.entities:
            if entity.label not in marks.hidden_labels:
                spans.append((entity.start, entity.end, styles[entity_class(entity.label)]))
    if marks.selected_quote is not None:
        quote = marks.selected_quote
        spans.extend((start, end, styles["article-view--quote-selected"]) for start, end in quote.parts)
        if quote.cue is not None:
            spans.append((quote.cue.start, quote.cue.end, styles["article-view--cue"]))
        if quote.speaker is not None:
            spans.append((quote.speaker.start, quote.speaker.end, styles["article-view--speaker"]))
    if marks.selected_entity is not None:
        entity = marks.selected_entity
        spans.append((entity.start, entity.end, styles["article-view--entity-selected"]))
    for index, (start, end) in enumerate(marks.matches):
        name = "article-view--match-current" if index == marks.current_match else "article-view--match"
        spans.append((start, end, styles[name]))
    if marks.flash is not None:
        spans.append((*marks.flash, styles["article-view--flash"]))
    length = len(text)
    for start, end, style in spans:
        start, end = max(0, start), min(length, end)
        if start < end:
            rich_text.stylize(style, start, end)
    return rich_text


def line_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """Character ranges of each screen line of `text` wrapped to `width` cells; an empty range
    stands for the blank line shown between two paragraphs. Depends only on the text and the width,
    so highlights arriving later never move a line."""
    return layout_lines(text, width)[0]


def layout_lines(
    text: str, width: int, blocks: Iterable[Block] = ()
) -> tuple[list[tuple[int, int]], list[LineShape]]:
    """`line_ranges` for an article with blocks, and the shape of each line: a line of a block
    quotation or a list item wraps narrower by its prefix; the lines of one block (a hard-wrapped
    paragraph) follow each other with no blank line between."""
    ranges: list[tuple[int, int]] = []
    shapes: list[LineShape] = []
    block_list = list(blocks)
    paragraphs = text.split("\n")
    position = 0
    index = 0  # the first block that may hold the current line
    previous_block: Block | None = None
    last_kind: BlockKind | None = None  # the kind of the last line with words
    for paragraph in paragraphs:
        end = position + len(paragraph)
        if paragraph.strip():
            words_at = position + len(paragraph) - len(paragraph.lstrip())
            while index < len(block_list) and block_list[index].end <= words_at:
                index += 1
            block = (
                block_list[index] if index < len(block_list) and block_list[index].start <= words_at else None
            )
            continues = block is not None and block is previous_block
            if ranges and ranges[-1][0] != ranges[-1][1] and not continues:
                ranges.append((position - 1, position - 1))
                shapes.append(PLAIN_LINE)
            if (
                block is not None
                and block.kind == "blockquote"
                and last_kind == "blockquote"
                and not continues
            ):
                shapes[-1] = LineShape("blockquote", QUOTE_BAR.rstrip())  # one bar down a quotation
            first, rest = _prefixes(text, block, continues)
            indent = max(cell_len(first), cell_len(rest))
            breaks = divide_line(paragraph, max(1, width - indent), fold=True)
            starts = [0, *breaks]
            ends = [*breaks, len(paragraph)]
            for line_number, (s, e) in enumerate(zip(starts, ends, strict=True)):
                ranges.append((position + s, position + e))
                shapes.append(LineShape(block.kind if block else None, rest if line_number else first))
            previous_block = block
            last_kind = block.kind if block is not None else None
        elif ranges and ranges[-1][0] != ranges[-1][1]:
            ranges.append((end, end))
            shapes.append(PLAIN_LINE)
            previous_block = None
        position = end + 1
    return ranges, shapes


def _prefixes(text: str, block: Block | None, continues: bool) -> tuple[str, str]:
    """What stands before a block's first screen line and before its others."""
    if block is None:
        return "", ""
    if block.kind == "blockquote":
        return QUOTE_BAR, QUOTE_BAR
    if block.kind == "list_item":
        if continues:
            return "  ", "  "
        if text.startswith(_TEXT_BULLETS, block.start):
            return "", "  "
        return BULLET, "  "
    if block.kind == "preformatted":
        return "  ", "  "
    return "", ""


def shaped_line(line: Text, shape: LineShape, styles: Mapping[str, Style]) -> Text:
    """A cut screen line drawn in its block's style (under the highlights) behind its prefix."""
    name = BLOCK_CLASSES.get(shape.kind or "")
    if name is not None and line.plain:
        line.stylize_before(styles[name])
    if not shape.prefix:
        return line
    return Text.assemble(Text(shape.prefix, style=styles[PREFIX_CLASS]), line, end="")


def header_lines(article: Article, width: int, console: Console, styles: Mapping[str, Style]) -> list[Text]:
    """What stands above the text, wrapped to `width`: the title, source · date · authors, the link
    (one line, cut short with …), the licence, then a blank line. Each is shown, never obeyed: the
    URL is made visible inside its hyperlink's own escape sequence too. A title the text opens with
    as its heading (a `.txt` file's first line, a Markdown `# Title`) is shown once, there."""
    title, meta, link_style = (styles[name] for name in HEADER_CLASSES)
    parts = [article.source, article.date, ", ".join(article.authors) if article.authors else None]
    lines: list[Text] = []
    if not title_opens_text(article):
        lines.extend(Text(visible_line(article.title or article.path), style=title).wrap(console, width))
    described = visible_line(" · ".join(p for p in parts if p))
    if described:
        lines.extend(Text(described, style=meta).wrap(console, width))
    if article.url:
        url = visible_line(article.url)
        link = Text(url, style=link_style + Style(link=url), no_wrap=True)
        link.truncate(width, overflow="ellipsis")
        lines.append(link)
    if article.licence:
        lines.extend(Text(f"Licence: {visible_line(article.licence)}", style=meta).wrap(console, width))
    if lines:
        lines.append(Text(""))
    return lines


def title_opens_text(article: Article) -> bool:
    """Whether the text's first block is a heading with the article's title as its words."""
    if not article.blocks or not article.title:
        return False
    first = article.blocks[0]
    heading = article.text[first.start : first.end]
    return first.kind == "heading" and " ".join(heading.split()) == " ".join(article.title.split())


def cut_lines(styled: Text, ranges: list[tuple[int, int]]) -> list[Text]:
    """The styled text cut into the screen lines of `line_ranges` (an empty range: a blank line),
    in one pass over the text however many lines there are."""
    pieces: dict[int, Text] = {}
    position = 0
    for piece in styled.divide(sorted({offset for span in ranges for offset in span})):
        pieces[position] = piece
        position += len(piece)
    lines = []
    for start, end in ranges:
        piece = pieces.get(start)
        lines.append(Text("") if start == end or piece is None else piece[: end - start])
    return lines
