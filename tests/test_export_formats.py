"""Round trips: what each export format writes reads back as the quotes the analysis found.

Each test builds real Articles and Quotes (offsets found in the text, so `text[start:end]` is
the quote), writes them through `export_quotes` to a file, and parses the file with the reader a
user would use: markdown-it-py for Markdown, the csv module for CSV, json for JSON Lines.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tui.core.export import EXPORT_FIELDS, FORMATS, ExportItem, export_quotes, select_quotes
from tui.core.model import Analysis, Article, Quote, Span

NOW = datetime(2026, 11, 25, 15, 30, tzinfo=UTC)


def analysed(text: str, quotes: list[dict], **meta) -> tuple[Article, Analysis]:
    """An article and an analysis whose quotes sit where their words are in `text`."""
    article = Article(
        path=meta.pop("path", "news/a.txt"), title=meta.pop("title", text.split("\n")[0]), text=text, **meta
    )
    found = []
    for spec in quotes:
        start = text.index(spec["text"])
        end = start + len(spec["text"])

        def span(words: str | None) -> Span | None:
            if words is None:
                return None
            at = text.index(words)
            return Span(at, at + len(words), words)

        found.append(
            Quote(
                start=start,
                end=end,
                kind=spec.get("kind", "direct"),
                text=spec["text"],
                cue=span(spec.get("cue")),
                speaker=span(spec.get("speaker")),
                actor=spec.get("actor"),
            )
        )
    return article, Analysis(article_id=article.id, pipeline="test", quotes=tuple(found))


TRICKY_QUOTES = [
    '"We will not give up, not now, not ever," he said',
    '"First paragraph ends here.\n\n"And the second one goes on, with a comma,\nand a line break."',
    "> this is not a nested quote",
    "* not a list item, and **not bold**, _not italic_",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "# not a heading\n---\n===\n1. not a list\n2) nor this\n+ nor this",
    "`code` and ```fences```\n~~~\nnot code\n~~~",
    "<b>no html</b> &amp; no entity &#65; AT&T [not](http://a.link) ![nor](image.png)",
    "a back\\slash\\ at the end \\",
    "    indented four spaces\n\ttabbed   ",
    "«Мы не отступим», — сказал министр.",
    "我们不会放弃，绝不。",
    "قال الرئيس: «لن نتراجع أبداً»",
    "C'est l'été — “quoted” ‘single’ „low“",
]


def tricky_pairs() -> list[tuple[Article, Analysis]]:
    """Two articles, three actors (one missing), every quote from TRICKY_QUOTES somewhere."""
    first_quotes = TRICKY_QUOTES[:7]
    second_quotes = TRICKY_QUOTES[7:]
    first_text = (
        "Ministers speak | about *things*\n" + "\nsaid Mr Smith. ".join(first_quotes) + "\nsaid Mr Smith."
    )
    second_text = "Вести: 世界 news\n" + "\nsaid Ms Jones. ".join(second_quotes) + "\nsaid Ms Jones."
    first = analysed(
        first_text,
        [
            {"text": q, "actor": "John Smith" if i % 2 else "Ana Jones", "speaker": "Mr Smith", "cue": "said"}
            for i, q in enumerate(first_quotes)
        ],
        url="https://news.example/a story (1)?x=1&y=2",
        date="2026-01-07",
        source="Example News",
    )
    second = analysed(
        second_text,
        [
            {"text": q, "actor": None if i == 0 else "Ana Jones", "speaker": "Ms Jones", "kind": "indirect"}
            for i, q in enumerate(second_quotes)
        ],
        path="news/b.txt",
    )
    return [first, second]


def markdown_paragraphs(text: str) -> list[str]:
    """The quote as Markdown can carry it: each non-blank line, without whitespace at its ends."""
    lines = re.split(r"\r\n?|\n", text.replace("\0", "\ufffd"))
    return [line.strip() for line in lines if line.strip()]


def inline_text(inline: Token) -> str:
    parts = []
    for child in inline.children or []:
        if child.type in {"text", "code_inline", "html_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append("\n")
    return "".join(parts)


def blockquotes(tokens: list[Token]) -> list[list[str]]:
    """The paragraphs of every block quote, nested ones counted on their own."""
    found: list[list[str]] = []
    open_quotes: list[list[str]] = []
    for token in tokens:
        if token.type == "blockquote_open":
            open_quotes.append([])
            found.append(open_quotes[-1])
        elif token.type == "blockquote_close":
            open_quotes.pop()
        elif token.type == "inline" and open_quotes:
            open_quotes[-1].append(inline_text(token))
    return found


def sections(tokens: list[Token]) -> list[tuple[str, list[str], str]]:
    """(actor heading, quote paragraphs, attribution line) for each quote, in document order."""
    result = []
    heading = ""
    quote: list[str] | None = None
    depth = 0
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            heading = inline_text(tokens[index + 1])
        elif token.type == "blockquote_open":
            depth += 1
            quote = []
        elif token.type == "blockquote_close":
            depth -= 1
        elif token.type == "inline" and depth and quote is not None:
            quote.append(inline_text(token))
        elif token.type == "inline" and quote is not None and tokens[index - 1].type == "paragraph_open":
            result.append((heading, quote, token))
            quote = None
    return result


@pytest.mark.parametrize("preset", ["commonmark", "gfm-like"])
def test_markdown_gives_one_blockquote_per_quote_with_its_words(tmp_path: Path, preset: str) -> None:
    pairs = tricky_pairs()
    items = select_quotes(pairs)
    result = export_quotes(items, tmp_path / "quotes.md", "md", what="all quotes", now=NOW)
    tokens = MarkdownIt(preset).parse(result.path.read_text(encoding="utf-8"))

    quotes_in_file = blockquotes(tokens)
    assert len(quotes_in_file) == len(TRICKY_QUOTES) == result.count
    expected = sorted(markdown_paragraphs(item.quote) for item in items)
    assert sorted(quotes_in_file) == expected


def test_markdown_groups_by_actor_and_attributes_each_quote(tmp_path: Path) -> None:
    pairs = tricky_pairs()
    items = select_quotes(pairs)
    document = export_quotes(items, tmp_path / "q.md", "md", what="all quotes", now=NOW).path.read_text(
        "utf-8"
    )
    tokens = MarkdownIt().parse(document)

    title = next(tokens[i + 1].content for i, t in enumerate(tokens) if t.tag == "h1")
    assert title == "All quotes"
    assert "2026-11-25 15:30" in document.split("\n## ")[0]
    headings = [
        tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"
    ]
    assert headings == ["Ana Jones", "John Smith", "Unattributed"]

    by_words = {tuple(markdown_paragraphs(item.quote)): item for item in items}
    for heading, paragraphs, attribution in sections(tokens):
        item = by_words[tuple(paragraphs)]
        assert heading == (item.actor or "Unattributed")
        line = inline_text(attribution)
        assert line.startswith(f"— {item.speaker_mention}")
        assert item.article_title in line
        links = [c for c in attribution.children or [] if c.type == "link_open"]
        if item.url:
            assert item.cue in line and item.date in line and item.source in line
            assert [unquote(str(link.attrs["href"])) for link in links] == [item.url]
        else:
            assert links == []
            assert "(indirect)" in line and item.path in line


def test_csv_reads_back_as_the_analysis(tmp_path: Path) -> None:
    pairs = tricky_pairs()
    result = export_quotes(select_quotes(pairs), tmp_path / "q.csv", "csv", what="all quotes", now=NOW)
    raw = result.path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with result.path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))

    assert rows[0] == list(EXPORT_FIELDS)
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    expected = [(article, quote) for article, analysis in pairs for quote in analysis.quotes]
    assert len(records) == len(expected)
    for record, (article, quote) in zip(records, expected, strict=True):
        start, end = int(record["start"]), int(record["end"])
        assert record["quote"] == quote.text == article.text[start:end]
        assert record["actor"] == (quote.actor or "")
        assert record["speaker_mention"] == quote.speaker.text
        assert record["kind"] == quote.kind
        assert record["article_title"] == article.title
        assert record["url"] == (article.url or "")
        assert record["path"] == article.path
    assert raw.count(b"\r\n") >= len(rows), "RFC 4180 ends records with CRLF"


def test_jsonl_reads_back_as_the_analysis(tmp_path: Path) -> None:
    pairs = tricky_pairs()
    result = export_quotes(select_quotes(pairs), tmp_path / "q.jsonl", "jsonl", what="all", now=NOW)
    text = result.path.read_text(encoding="utf-8")
    assert "Мы не отступим" in text and "\\u" not in text.replace("\\u2028", "")
    records = [json.loads(line) for line in text.splitlines()]

    expected = [(article, quote) for article, analysis in pairs for quote in analysis.quotes]
    assert len(records) == len(expected)
    for record, (article, quote) in zip(records, expected, strict=True):
        assert list(record) == list(EXPORT_FIELDS)
        assert record["quote"] == quote.text == article.text[record["start"] : record["end"]]
        assert record["actor"] == quote.actor
        assert record["cue"] == (quote.cue.text if quote.cue else None)
        assert record["date"] == article.date
        assert record["path"] == article.path


def test_jsonl_keeps_one_quote_per_line_even_with_unicode_line_separators() -> None:
    words = "first\u2028second\u2029third\x85fourth\nfifth\rsixth"
    item = ExportItem("A", "a", words, "direct", None, "T", None, None, None, "p", 0, len(words))
    text = FORMATS["jsonl"].render([item, item], "x", NOW)
    lines = text.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["quote"] for line in lines] == [words, words]


def test_csv_quotes_fields_with_commas_quote_marks_and_newlines() -> None:
    words = 'He said, "yes,\r\nno"'
    item = ExportItem("A, B", None, words, "direct", None, 'Title "x"', None, None, None, "p", 3, 9)
    text = FORMATS["csv"].render([item], "x", NOW)
    assert text.splitlines()[1].startswith('"A, B",,"He said, ""yes,')
    (row,) = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["quote"] == words and row["actor"] == "A, B" and row["speaker_mention"] == ""
