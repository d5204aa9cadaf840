"""A photo caption is drawn dimmed (muted and italic) and preformatted text indented, in the reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_library import open_reader
from rich.console import Console

from tui.core.library import Library
from tui.core.model import Article, Block

WORDS = [
    ("paragraph", "Dockers in Mombasa returned to work on Monday after a week-long strike."),
    ("caption", "Dockers at the port gates on Monday."),
    ("paragraph", "Shipping lines said the backlog would take ten days to clear."),
    ("preformatted", "crane start berth-4"),
]


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


async def test_a_caption_is_drawn_dimmed_and_preformatted_text_indented() -> None:
    text = "\n\n".join(words for _, words in WORDS)
    blocks, position = [], 0
    for kind, words in WORDS:
        blocks.append(Block(kind, position, position + len(words)))  # type: ignore[arg-type]
        position += len(words) + 2
    library = Library(no_cache=True)
    library.add(Article(path="strike.html", title="Harbour strike ends", text=text, blocks=tuple(blocks)))
    app = open_reader(library=library, analyze=False, remember=False, theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.reader.article_view
        lines = [view._line_at(n) for n in range(len(view._header) + len(view._line_texts))]
        console = Console()

        def drawn(words: str):  # type: ignore[no-untyped-def]
            line = next(line for line in lines if words in line.plain)
            return line, line.get_style_at_offset(console, line.plain.index(words))

        caption, caption_style = drawn("Dockers at the port gates")
        _, paragraph_style = drawn("Shipping lines said")
        assert caption_style.italic and not paragraph_style.italic
        assert caption_style.color != paragraph_style.color  # muted
        code, _ = drawn("crane start")
        assert code.plain.startswith("  crane start")
        assert caption.plain.startswith("Dockers at the port gates")  # a caption takes no prefix
