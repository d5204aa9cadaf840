"""Property tests: no reader fails in an unplanned way on arbitrary bytes, and text survives unchanged.

The readers are called directly, not through the dispatcher's last-resort `except Exception`, so a
parser error that escapes a reader fails here instead of being hidden.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property_budget import examples

from tui.core.model import Article, LoadProblem
from tui.core.sources import load_paths
from tui.core.sources.decoding import decode_text
from tui.core.sources.dispatch import READERS
from tui.core.sources.errors import SourceError
from tui.core.sources.html_text import paragraphs_from_html
from tui.core.sources.sniffing import sniff_format

PROPERTY_SETTINGS = settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Starts that lead each parser past its first check, followed by arbitrary bytes.
FORMAT_OPENINGS = [
    b"",
    b"---\ntitle: x\n---\n",
    b'{"title": "t", "text": "',
    b'[{"text": "a"}, ',
    b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>",
    b"<!DOCTYPE html><html><head><title>t</title></head><body><p>",
    b"From someone@example.org Mon Jun  1 00:00:00 2020\nSubject: s\n\n",
    b"Subject: s\nContent-Type: text/html; charset=utf-8\n\n<p>",
]

SUFFIX_FOR = {"txt": ".txt", "md": ".md", "json": ".json", "jsonl": ".jsonl", "html": ".html"}
SUFFIX_FOR |= {"rss": ".rss", "atom": ".atom", "eml": ".eml", "mbox": ".mbox"}

readable_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from("\n\r\t"),
    min_size=1,
    max_size=400,
).filter(lambda text: text.strip() != "")


def assert_well_formed(item: Article | LoadProblem, format_name: str) -> None:
    assert isinstance(item, Article | LoadProblem)
    if isinstance(item, LoadProblem):
        assert item.reason.strip()
        return
    assert item.title.strip() and item.text.strip()
    if format_name != "txt":
        for paragraph in item.text.split("\n\n"):
            assert paragraph and "\n" not in paragraph and paragraph == paragraph.strip()


@pytest.mark.parametrize("format_name", sorted(READERS))
@PROPERTY_SETTINGS
@given(opening=st.sampled_from(FORMAT_OPENINGS), tail=st.binary(max_size=600))
def test_every_reader_only_yields_articles_or_problems_on_arbitrary_bytes(
    format_name: str, opening: bytes, tail: bytes
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{SUFFIX_FOR[format_name]}"
        path.write_bytes(opening + tail)
        try:
            for item in READERS[format_name](path):
                assert_well_formed(item, format_name)
        except SourceError as error:
            assert error.reason.strip()


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=2000))
def test_decoding_either_gives_text_or_a_reason(data: bytes) -> None:
    try:
        text = decode_text(data)
    except SourceError as error:
        assert error.reason.strip()
    else:
        assert isinstance(text, str)
    assert sniff_format(data) in {None, "rss", "atom", "html", "json", "jsonl", "md", "mbox", "eml"}


@PROPERTY_SETTINGS
@given(text=readable_text)
def test_a_txt_file_is_loaded_exactly_as_written(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(text.encode("utf-8"))
        articles, problems = load_paths([str(path)])
    assert problems == []
    assert [a.text for a in articles] == [text]
    assert articles[0].title == next(line.strip() for line in text.splitlines() if line.strip())


@PROPERTY_SETTINGS
@given(
    records=st.lists(
        st.fixed_dictionaries({"title": st.text(max_size=30), "text": readable_text}), min_size=1, max_size=6
    )
)
def test_json_lines_load_in_order_with_their_line_numbers(records: list[dict[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
        articles, problems = load_paths([str(path)])
    assert problems == []
    assert [a.path for a in articles] == [f"{path}#{n}" for n in range(1, len(records) + 1)]
    for article, record in zip(articles, records, strict=True):
        assert article.text.split() == record["text"].split()
        assert article.title == (" ".join(record["title"].split()) or article.title)


@PROPERTY_SETTINGS
@given(html=st.text(max_size=800))
def test_html_to_paragraphs_never_leaves_a_line_break_inside_a_paragraph(html: str) -> None:
    for paragraph in paragraphs_from_html(html):
        assert paragraph and "\n" not in paragraph and paragraph == paragraph.strip()
