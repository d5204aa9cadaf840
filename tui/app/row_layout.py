"""An article's row in the list as plain lines: the title wrapped to a few lines, then date and source.

Kept apart from the widget (and from rich's Text) because the list lays out every row it holds to
know how tall it is: at 100,000 articles a row must cost microseconds, not the ~20 µs of a rich
Text wrap, and a title longer than its rows is cut with an ellipsis instead of pushing the list down.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len, set_cell_size

from tui.core.model import Article
from tui.core.terminal_safe import visible_line

TITLE_LINES = 3  # a headline of ~80 characters fits the 32-column list; longer ones are cut
ELLIPSIS = "…"


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells (a wide character is never split)."""
    return text if cell_len(text) <= width else set_cell_size(text, width).rstrip()


def _cut(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis at the end when something was left out."""
    if cell_len(text) <= width:
        return text
    return _fit(text, max(0, width - 1)).rstrip() + ELLIPSIS


def wrap_title(title: str, width: int, max_lines: int = TITLE_LINES) -> list[str]:
    """The title's lines at `width` cells, words kept whole where they fit; at most `max_lines`, the
    last ending in an ellipsis when words were left over. A word wider than a line is cut across lines."""
    if width <= 0:
        return [""]
    if title.isascii():  # most titles: a character is a cell, and len() is 10x cheaper than cell_len
        return _wrap(title, width, max_lines, len)
    return _wrap(title, width, max_lines, cell_len)


def _wrap(title: str, width: int, max_lines: int, cells: Callable[[str], int]) -> list[str]:
    lines: list[str] = []
    current = ""
    words = title.split()
    for number, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if cells(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
        while cells(word) > width and len(lines) < max_lines:
            head = _fit(word, width) or word[0]
            lines.append(head)
            word = word[len(head) :]
        current = word
        if len(lines) >= max_lines:
            rest = " ".join([current, *words[number + 1 :]]).strip()
            if rest:
                lines[-1] = _cut(lines[-1] + " " + rest, width)
            return lines[:max_lines]
    if current or not lines:
        lines.append(current)
    return lines


def row_lines(article: Article, width: int) -> tuple[list[str], str]:
    """The row's title lines (its path when it has no title) and its `date · source` line ("" if none);
    control characters shown as placeholders, as everywhere on screen."""
    title = visible_line(article.title or article.path)
    meta = visible_line(" · ".join(p for p in (article.date, article.source) if p))
    return wrap_title(title, width), _cut(meta, width) if meta else ""


def row_height(article: Article, width: int) -> int:
    """How many lines the row takes at `width`."""
    title, meta = row_lines(article, width)
    return len(title) + (1 if meta else 0)
