"""docs/export.md shows what the code writes: its examples are compared with real output."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from tui.core.export import EXPORT_FIELDS, render_jsonl, render_markdown, select_quotes
from tui.core.model import Analysis, Article, Quote, Span

DOC = (Path(__file__).parent.parent / "docs" / "export.md").read_text(encoding="utf-8")
TEXT = (
    "Kazakh FM: Recent events are a hybrid attack\n"
    '"The situation is stable," President Tokayev said.\n'
    'The minister said the protests were "a hybrid attack".'
)


def span(words: str, after: int = 0) -> Span:
    at = TEXT.index(words, after)
    return Span(at, at + len(words), words)


def example_items():
    article = Article(
        path="news/kz.txt",
        title=TEXT.split("\n")[0],
        text=TEXT,
        date="2022-01-07",
        source="Example Wire",
        url="https://example.org/kz",
    )
    stable, hybrid = span('"The situation is stable,"'), span('the protests were "a hybrid attack"')
    quotes = (
        Quote(
            stable.start,
            stable.end,
            "direct",
            stable.text,
            span("said"),
            span("President Tokayev"),
            "Kassym-Jomart Tokayev",
        ),
        Quote(
            hybrid.start,
            hybrid.end,
            "mixed",
            hybrid.text,
            span("said", TEXT.index("The minister")),
            span("The minister"),
            None,
        ),
    )
    return select_quotes([(article, Analysis(article_id=article.id, pipeline="t", quotes=quotes))])


def code_block(language: str) -> str:
    (block,) = re.findall(rf"```{language}\n(.*?)```", DOC, flags=re.DOTALL)
    return block


def test_the_markdown_example_is_what_the_code_writes() -> None:
    written = render_markdown(
        example_items(), title="marked quotes", now=datetime(2026, 11, 25, 15, 30, tzinfo=UTC)
    )
    assert code_block("markdown") == written


def test_the_json_lines_example_is_what_the_code_writes() -> None:
    assert code_block("json") == render_jsonl(example_items()[:1])


def test_the_field_table_lists_every_field_in_order() -> None:
    table_fields = re.findall(r"^\| `(\w+)`\s+\|", DOC, flags=re.MULTILINE)
    assert tuple(table_fields) == EXPORT_FIELDS
