"""Any quote text at all survives every export format.

Hypothesis draws arbitrary Unicode (controls, line separators, Markdown syntax, right-to-left
scripts) for the quote and the fields around it; CSV and JSON Lines must give it back exactly,
Markdown must give exactly one block quote holding the quote's non-blank lines.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from property_budget import examples

from tui.core.export import EXPORT_FIELDS, ExportItem, render_csv, render_jsonl, render_markdown
from tui.core.terminal_safe import visible_line

NOW = datetime(2026, 11, 25, 15, 30, tzinfo=UTC)
MARKDOWN = MarkdownIt("commonmark")

markdownish = st.text(
    alphabet=st.sampled_from(list("\\`*_[]<>|~#-+=:!&;.()0123456789 \t\n\rab")), max_size=40
)
any_text = st.one_of(st.text(max_size=60), markdownish)
maybe_text = st.none() | any_text


def item_with(quote: str, actor: str | None = "A", title: str = "T", url: str | None = None) -> ExportItem:
    return ExportItem(
        actor, "he", quote, "direct", "said", title, "2026-01-01", "S", url, "p.txt", 0, len(quote)
    )


def quote_blocks(document: str) -> list[list[str]]:
    tokens = MARKDOWN.parse(document)
    blocks: list[list[str]] = []
    depth = 0
    for token in tokens:
        if token.type == "blockquote_open":
            depth += 1
            blocks.append([])
        elif token.type == "blockquote_close":
            depth -= 1
        elif token.type == "inline" and depth:
            text = "".join(
                "\n" if c.type in {"softbreak", "hardbreak"} else c.content for c in token.children or []
            )
            blocks[-1].append(text)
    return blocks


@settings(max_examples=examples(300), deadline=None)
@given(quote=any_text)
@example(quote="> *a* | #b\n\n1. x")
@example(quote="&amp; &#65; \\")
@example(quote="---")
@example(quote="\0")
@example(quote="\x1b[2J red \x1b]0;title\x07 \x9b31m")
def test_markdown_keeps_any_quote_as_one_blockquote(quote: str) -> None:
    """Each line, with its control characters shown as placeholders (one for one): a Markdown
    export is read by people, who may print it on a terminal."""
    document = render_markdown([item_with(quote)], title="t", now=NOW)
    lines = re.split(r"\r\n?|\n", quote.replace("\0", "\ufffd"))
    assert quote_blocks(document) == [[visible_line(line.strip()) for line in lines if line.strip()]]


@settings(max_examples=examples(150), deadline=None)
@given(quotes=st.lists(any_text, min_size=1, max_size=4), actor=maybe_text, title=any_text, url=maybe_text)
def test_markdown_surrounding_fields_never_create_or_swallow_quotes(
    quotes: list[str], actor: str | None, title: str, url: str | None
) -> None:
    items = [item_with(q, actor=actor, title=title, url=url) for q in quotes]
    document = render_markdown(items, title=title, now=NOW)
    assert len(quote_blocks(document)) == len(quotes)


@settings(max_examples=examples(300), deadline=None)
@given(quote=any_text, actor=maybe_text, title=any_text)
def test_csv_gives_back_any_quote_exactly(quote: str, actor: str | None, title: str) -> None:
    text = render_csv([item_with(quote, actor=actor, title=title)])
    header, row = list(csv.reader(io.StringIO(text, newline="")))
    assert header == list(EXPORT_FIELDS)
    record = dict(zip(header, row, strict=True))
    assert record["quote"] == quote
    assert record["actor"] == (actor or "")
    assert record["article_title"] == title


@settings(max_examples=examples(300), deadline=None)
@given(quote=any_text, actor=maybe_text)
def test_jsonl_gives_back_any_quote_exactly(quote: str, actor: str | None) -> None:
    text = render_jsonl([item_with(quote, actor=actor), item_with(quote)])
    records = [json.loads(line) for line in text.splitlines()]
    assert [r["quote"] for r in records] == [quote, quote]
    assert records[0]["actor"] == actor


def one_line(text: str) -> str:
    """A name as the Markdown shows it: on one line, control characters as placeholders."""
    return visible_line(" ".join(text.replace("\0", "\ufffd").split()))


@settings(max_examples=examples(300), deadline=None)
@given(actor=any_text, title=any_text, speaker=any_text)
@example(actor="# C# ##", title="Ana *Jones* | 1. [x](y)", speaker="> he")
@example(actor="1. First", title="\\#", speaker="---")
def test_markdown_headings_and_attribution_show_the_names_as_given(
    actor: str, title: str, speaker: str
) -> None:
    item = ExportItem(
        actor, speaker, "q", "direct", None, title, None, None, "https://ex.org/a", "p.txt", 0, 1
    )
    tokens = MARKDOWN.parse(render_markdown([item], title="t", now=NOW))
    headings = [
        "".join(c.content for c in tokens[i + 1].children or [])
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2"
    ]
    assert headings == [one_line(actor) or "Unattributed"]
    attribution = [t for t in tokens if t.type == "inline" and t.content.startswith("—")][-1]
    children = attribution.children or []
    link_at = next(i for i, c in enumerate(children) if c.type == "link_open")
    assert children[link_at].attrs["href"] == "https://ex.org/a"
    link_text = "".join(c.content for c in children[link_at + 1 :] if c.type != "link_close").split(" · ")[0]
    assert link_text == (one_line(title) or "p.txt")
    said = "".join(c.content for c in children[:link_at])
    assert said == f"— {one_line(speaker) or one_line(actor) or 'unknown speaker'} · "
