"""Every loader keeps the structure a reader sees (headings, block quotations, list items) as blocks:
spans of the text it builds, read from the format's own parser, with the text itself unchanged."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.model import Article
from tui.core.sources import load_paths

BLOGGER_PAGE = """<html><head><title>Bloggers react</title></head><body><article>
<h1>Bloggers react to the speech</h1>
<p>Many bloggers in the region listened to the speech and wrote about it the same evening.</p>
<p>Blogger Juan Perez writes:</p>
<blockquote><p>This speech was a turning point for everyone in the region and beyond it.</p>
<p>We will remember it for a long time, whatever comes next.</p></blockquote>
<h2>What others said</h2>
<ul><li>Some called it historic and long overdue.</li><li>Others were not convinced at all.</li></ul>
<p>The debate goes on in the comments of many blogs across the region this week.</p>
</article></body></html>"""


def load_one(path: Path) -> Article:
    articles, problems = load_paths([str(path)])
    assert [p for p in problems if not p.kept] == []
    [article] = articles
    return article


def shown(article: Article) -> list[tuple[str, str, int | None]]:
    return [(b.kind, article.text[b.start : b.end], b.level) for b in article.blocks]


def assert_well_formed(article: Article) -> None:
    """In order, not overlapping, inside the text, each a trimmed span, covering every word."""
    previous_end = 0
    covered = [False] * len(article.text)
    for block in article.blocks:
        assert previous_end <= block.start < block.end <= len(article.text)
        words = article.text[block.start : block.end]
        assert words == words.strip()
        covered[block.start : block.end] = [True] * (block.end - block.start)
        previous_end = block.end
    separators = {
        i for i, char in enumerate(article.text) if char == "." and _alone_on_its_line(article.text, i)
    }
    outside = [
        i
        for i in range(len(article.text))
        if not covered[i] and not article.text[i].isspace() and i not in separators
    ]
    assert outside == [], "a word outside every block"


def _alone_on_its_line(text: str, index: int) -> bool:
    """A " ." line: the paragraph separator of some plain-text files, not a paragraph."""
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return text[start : end if end >= 0 else len(text)].strip() == "."


def test_markdown_blocks_come_from_its_token_stream(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "# Bloggers react\n\nJuan Perez writes:\n\n> The speech was a turning point.\n>\n"
        "> We will remember it.\n\n## Reactions\n\n- historic\n- not convincing\n\n"
        "```\nsome code\n```\n",
        encoding="utf-8",
    )
    article = load_one(path)
    assert shown(article) == [
        ("heading", "Bloggers react", 1),
        ("paragraph", "Juan Perez writes:", None),
        ("blockquote", "The speech was a turning point.", None),
        ("blockquote", "We will remember it.", None),
        ("heading", "Reactions", 2),
        ("list_item", "historic", None),
        ("list_item", "not convincing", None),
        ("preformatted", "some code", None),
    ]
    assert_well_formed(article)


def test_a_saved_page_keeps_its_block_quotation_after_the_blogger_who_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(BLOGGER_PAGE, encoding="utf-8")
    article = load_one(path)
    kinds = shown(article)
    assert ("paragraph", "Blogger Juan Perez writes:", None) in kinds
    quoted = [words for kind, words, _ in kinds if kind == "blockquote"]
    assert quoted == [
        "This speech was a turning point for everyone in the region and beyond it.",
        "We will remember it for a long time, whatever comes next.",
    ]
    assert ("heading", "What others said", 2) in kinds
    assert [words for kind, words, _ in kinds if kind == "list_item"] == [
        "- Some called it historic and long overdue.",
        "- Others were not convinced at all.",
    ]
    assert_well_formed(article)


def test_a_feed_entry_keeps_the_block_quotation_of_its_html(tmp_path: Path) -> None:
    path = tmp_path / "news.atom"
    content = "<p>Gorenberg writes:</p><blockquote><p>Words of the blogger.</p></blockquote><p>After.</p>"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>'
        f'<entry><title>Story</title><content type="html">{content.replace("<", "&lt;")}</content></entry>'
        "</feed>",
        encoding="utf-8",
    )
    article = load_one(path)
    assert shown(article) == [
        ("paragraph", "Gorenberg writes:", None),
        ("blockquote", "Words of the blogger.", None),
        ("paragraph", "After.", None),
    ]


def test_an_email_quotes_by_its_marked_lines_without_the_markers(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "Briefing <b@example.org>"
    message["Subject"] = "Talks"
    message.set_content(
        "The minister wrote to us:\n> We are ready to talk\n> on Monday.\n>\n> Nothing else.\n"
        "\nThat was all.\n"
    )
    path = tmp_path / "talks.eml"
    path.write_bytes(message.as_bytes())
    article = load_one(path)
    assert shown(article) == [
        ("paragraph", "The minister wrote to us:", None),
        ("blockquote", "We are ready to talk on Monday.", None),
        ("blockquote", "Nothing else.", None),
        ("paragraph", "That was all.", None),
    ]


def test_a_json_record_gives_the_blocks_of_its_html_body(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    body = "<h2>Section</h2><p>She said:</p><blockquote>Quoted words.</blockquote>"
    path.write_text(json.dumps({"title": "T", "text": body}) + "\n", encoding="utf-8")
    article = load_one(path)
    assert shown(article) == [
        ("heading", "Section", 2),
        ("paragraph", "She said:", None),
        ("blockquote", "Quoted words.", None),
    ]


def test_a_text_file_stays_byte_for_byte_with_its_title_line_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    contents = "Talks resume\nThe minister said talks resume.\r\n  Another paragraph.\n"
    path.write_bytes(contents.encode("utf-8"))
    article = load_one(path)
    assert article.text == contents
    assert shown(article) == [
        ("heading", "Talks resume", 1),
        ("paragraph", "The minister said talks resume.", None),
        ("paragraph", "Another paragraph.", None),
    ]


def test_a_hard_wrapped_text_file_has_a_paragraph_per_run_of_lines(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text("Title\n\nThe minister said\nthe talks resume.\n .\nShe left\nearly.\n", encoding="utf-8")
    article = load_one(path)
    assert shown(article) == [
        ("heading", "Title", 1),
        ("paragraph", "The minister said\nthe talks resume.", None),
        ("paragraph", "She left\nearly.", None),
    ]


_WORDS = st.text(alphabet="abc XYZ.,:*_`>#-!", min_size=1, max_size=25)
_MARKDOWN_BLOCK = st.one_of(
    _WORDS.map(lambda w: w),
    _WORDS.map(lambda w: f"# {w}"),
    _WORDS.map(lambda w: f"> {w}\n>\n> {w}"),
    _WORDS.map(lambda w: f"- {w}\n- {w}"),
    _WORDS.map(lambda w: f"```\n{w}\n```"),
    _WORDS.map(lambda w: f"<blockquote><p>{w}</p></blockquote>"),
)
_HTML_BLOCK = st.one_of(
    _WORDS.map(lambda w: f"<p>{w}</p>"),
    _WORDS.map(lambda w: f"<h3>{w}</h3>"),
    _WORDS.map(lambda w: f"<blockquote><p>{w}</p>{w}</blockquote>"),
    _WORDS.map(lambda w: f"<ul><li>{w}<li><b>{w}</b></ul>"),
    _WORDS.map(lambda w: f"<pre>{w}\n{w}</pre>"),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_MARKDOWN_BLOCK, min_size=1, max_size=8), st.sampled_from(["md", "txt"]))
def test_any_markdown_or_text_file_has_well_formed_blocks(
    tmp_path: Path, blocks: list[str], suffix: str
) -> None:
    path = tmp_path / f"any.{suffix}"
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    articles, _ = load_paths([str(path)])
    for article in articles:
        assert_well_formed(article)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_HTML_BLOCK, min_size=1, max_size=8), st.sampled_from(["jsonl", "html"]))
def test_any_html_record_or_page_has_well_formed_blocks(
    tmp_path: Path, blocks: list[str], suffix: str
) -> None:
    path = tmp_path / f"any.{suffix}"
    if suffix == "html":
        path.write_text(f"<html><body><article>{''.join(blocks)}</article></body></html>", encoding="utf-8")
    else:
        path.write_text(json.dumps({"title": "T", "text": "".join(blocks)}) + "\n", encoding="utf-8")
    articles, _ = load_paths([str(path)])
    for article in articles:
        assert_well_formed(article)
