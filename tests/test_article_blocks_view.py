"""The article view draws blocks as a reader expects (a bar before a block quotation's lines, a
bullet before a list item) without moving an offset: clicks and highlights still land on their words."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text
from test_snapshots_blocks import reader

from tui.app.article_text import BULLET, QUOTE_BAR, LineShape, layout_lines, shaped_line
from tui.core.model import Block

TEXT = (
    "Intro words here.\n\nShe writes:\n\nquoted words that run on and on\n\n"
    "an item of the list\n\n- dash item"
)
BLOCKS = (
    Block("paragraph", 0, 17),
    Block("paragraph", 19, 30),
    Block("blockquote", 32, 63),
    Block("list_item", 65, 84),
    Block("list_item", 86, 97),
)


def lines(width: int) -> list[tuple[str, str]]:
    ranges, shapes = layout_lines(TEXT, width, BLOCKS)
    return [(shape.prefix, TEXT[start:end]) for (start, end), shape in zip(ranges, shapes, strict=True)]


def test_quotation_lines_stand_behind_a_bar_and_list_items_behind_a_bullet() -> None:
    shown = lines(16)
    assert [words for prefix, words in shown if prefix == QUOTE_BAR] == [
        "quoted words ",
        "that run on ",
        "and on",
    ]
    assert (BULLET, "an item of the ") in shown and ("  ", "list") in shown
    assert ("", "- dash item") in shown  # the text's own bullet is not doubled
    assert all(cell_len(prefix + words.rstrip()) <= 16 for prefix, words in shown)


def test_without_blocks_the_lines_are_the_plain_wrapping() -> None:
    ranges, shapes = layout_lines(TEXT, 16)
    assert all(shape.prefix == "" and shape.kind is None for shape in shapes)
    assert next(TEXT[s:e] for s, e in ranges if s != e) == "Intro words "


def test_the_lines_of_a_hard_wrapped_block_follow_each_other_without_a_blank_line() -> None:
    text = "Title\nfirst half of a paragraph\nsecond half\nNext"
    blocks = (Block("heading", 0, 5, 1), Block("paragraph", 6, 43), Block("paragraph", 44, 48))
    ranges, _ = layout_lines(text, 40, blocks)
    assert [text[s:e] for s, e in ranges] == [
        "Title",
        "",
        "first half of a paragraph",
        "second half",
        "",
        "Next",
    ]


def test_a_block_style_goes_under_the_highlights() -> None:
    styles = {"article-view--heading": Style(bold=True), "article-view--block-prefix": Style(color="blue")}
    line = Text("Heading")
    line.stylize(Style(color="red"), 0, 3)
    drawn = shaped_line(line, LineShape("heading"), styles)
    style = drawn.get_style_at_offset(Console(), 0)
    assert style.bold and style.color is not None and style.color.name == "red"
    assert drawn.get_style_at_offset(Console(), 5).bold


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_click_inside_a_block_quotation_finds_the_word_under_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    app = reader(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        view = app.reader.article_view
        text = view.article.text
        for words in ("54 minutes", "of my life", "blockade of Gaza", "dates and money"):
            offset = text.index(words) + len(words) - 1
            line = view.line_of(offset)
            index = line - len(view._header)
            start, _ = view._ranges[index]
            prefix = cell_len(view._shapes[index].prefix)
            column = prefix + cell_len(text[start:offset])
            assert view.offset_at(line, column) == offset, words
            if prefix:
                assert view.offset_at(line, 0) is None  # the bar or bullet is not a word


async def test_a_text_file_whose_first_line_is_its_title_shows_the_title_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app_library import open_reader, sample_paths

    from tui.core.library import Library

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    library = Library(no_cache=True)
    library.open(sample_paths("kazakhstan-csto-forces-to-remain.txt"), on_problem=lambda problem: None)
    app = open_reader(library=library, analyze=False, remember=False, theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        view = app.reader.article_view
        title = view.article.title
        shown = [view._line_at(n).plain for n in range(len(view._header) + len(view._line_texts))]
        assert title == "Kazakhstan President: CSTO forces to remain until situation stabilized"
        screen = " ".join(" ".join(shown).split())
        assert screen.count(title) == 1
        assert screen.startswith(title)  # the text's own first line, bold as a heading
        assert view.offset_at(0, 0) == 0  # and its words are the text's: a click there finds them
