"""How an article with structure looks: a heading set apart, a block quotation behind a bar, list
items behind bullets, with entity and quote highlights on top, at 80x24 and 120x40.

Regenerate with `pytest tests/test_snapshots_blocks.py --snapshot-update` and look at the SVGs
(rendered to PNG) before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_library import open_reader
from textual.pilot import Pilot

from tui.app.app import NewsReaderApp
from tui.core.library import Library
from tui.core.model import Analysis, Article, Entity, Quote, Span
from tui.core.sources.markdown_file import read_markdown_file

SIZES = [(80, 24), (120, 40)]
MARKDOWN = """---
title: "Bloggers react to the speech"
source: Example Voices
date: 2009-06-05
---

Many bloggers in the region listened to the speech in Cairo and wrote about it the same evening.

## What the bloggers wrote

Stiletos in the Sand, an American based in Saudi Arabia, writes:

> 54 minutes of my life I can never get back. The speech was a list of promises we have heard before.
>
> I will wait and see what he does, not what he says.

Others listed what they missed:

- a word on the blockade of Gaza
- a plan for the refugees, with dates and money behind it

"We expected more," said Mahmood Al Yousif in Manama.
"""


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def structured_article(folder: Path) -> Article:
    path = folder / "bloggers.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    [article] = [item for item in read_markdown_file(path) if isinstance(item, Article)]
    return article


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def analysis_of(article: Article) -> Analysis:
    """Highlights that fall inside a block quotation, a list item and a paragraph, made by hand so
    the picture changes only when the drawing does."""
    text = article.text
    entity = lambda words, label: Entity(*span(text, words), label, words)  # noqa: E731
    said = span(text, "We expected more,")
    speaker = span(text, "Mahmood Al Yousif")
    return Analysis(
        article.id,
        "frozen",
        entities=(
            entity("Cairo", "GPE"),
            entity("Stiletos in the Sand", "PERSON"),
            entity("Saudi Arabia", "GPE"),
            entity("54 minutes", "TIME"),
            entity("Gaza", "GPE"),
            entity("Mahmood Al Yousif", "PERSON"),
            entity("Manama", "GPE"),
        ),
        quotes=(
            Quote(
                *said,
                "direct",
                text[said[0] : said[1]],
                cue=Span(*span(text, "said"), "said"),
                speaker=Span(*speaker, "Mahmood Al Yousif"),
                actor="Mahmood Al Yousif",
            ),
        ),
    )


def reader(folder: Path) -> NewsReaderApp:
    article = structured_article(folder)
    library = Library(no_cache=True)
    library.add(article)
    library.set_analysis(analysis_of(article))
    return open_reader(library=library, analyze=False, remember=False, theme="textual-dark")


async def open_first(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.query_one("#search-input").cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_an_article_with_a_heading_a_block_quotation_and_a_list(
    snap_compare, size: tuple[int, int], tmp_path: Path
) -> None:
    assert snap_compare(reader(tmp_path), terminal_size=size, run_before=open_first)
