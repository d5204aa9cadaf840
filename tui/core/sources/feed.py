"""RSS and Atom feeds (`.rss`, `.atom`, `.xml` sniffed): one article per entry, with feedparser.

The full content is used where the feed carries it (content:encoded, atom:content), the summary
otherwise; entry HTML goes through the block-structure converter, not a page extractor, because
an entry body has no site chrome to remove and extractors drop its short paragraphs.
A truncated feed yields the entries that arrived whole and one problem saying where it broke.
"""

from __future__ import annotations

import xml.sax
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tui.core.model import Article, LoadProblem

from .block_text import text_and_blocks
from .cleaning import without_residue
from .dates import normalise_date
from .decoding import SNIFF_BYTES, binary_reason
from .errors import SourceError
from .files import read_document_bytes
from .html_text import paragraphs_from_html
from .paragraphs import one_line, paragraphs_from_blocks
from .titles import fallback_title

MAX_FEED_BYTES = 50 * 1024 * 1024


def read_feed_file(path: Path) -> Iterator[Article | LoadProblem]:
    yield from articles_from_feed(read_document_bytes(path, MAX_FEED_BYTES), str(path))


def articles_from_feed(data: bytes, name: str, format: str | None = None) -> Iterator[Article | LoadProblem]:
    """The entries of a feed document; `format` overrides "rss"/"atom" (articles fetched from a URL)."""
    reason = binary_reason(data[:SNIFF_BYTES])
    if reason:
        raise SourceError(reason)
    import feedparser  # here: a tenth of a second to import, paid only when a feed is read

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    broken = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not isinstance(broken, xml.sax.SAXParseException):
        broken = None
    entries = list(parsed.entries)
    cut_off = broken is not None and bool(entries) and _breaks_at_end(broken, data)
    if cut_off:
        entries = entries[:-1]
    if not entries:
        if broken is not None:
            raise SourceError(f"not a readable feed ({_where(broken)})")
        raise SourceError("the feed has no entries" if parsed.get("version") else "not an RSS or Atom feed")
    feed_format = format or ("atom" if str(parsed.get("version", "")).startswith("atom") else "rss")
    feed_info = parsed.get("feed", {})
    textless: list[int] = []
    for number, entry in enumerate(entries, start=1):
        entry_name = f"{name}#{number}"
        article = _article_from_entry(entry, feed_info, entry_name, feed_format)
        if article is not None:
            yield article
        elif broken is None:
            yield LoadProblem(entry_name, f"entry {number} has no text")
        else:
            textless.append(number)
    if broken is not None:
        read = len(entries) - len(textless)
        detail = f"; the entry after entry {len(entries)} was cut off" if cut_off else ""
        if textless:
            detail += f"; entries {', '.join(map(str, textless))} had no text"
        yield LoadProblem(
            name,
            f"read {read} {'entry' if read == 1 else 'entries'}; "
            f"the feed is not well-formed XML ({_where(broken)}){detail}",
            kept=True,
        )


def _article_from_entry(
    entry: dict[str, Any], feed_info: dict[str, Any], name: str, format: str
) -> Article | None:
    paragraphs, _ = without_residue(_entry_paragraphs(entry))
    text, blocks = text_and_blocks(paragraphs)
    if not text:
        return None
    link = str(entry.get("link") or "")
    return Article(
        path=name,
        title=one_line(entry.get("title") or "") or fallback_title(text, name),
        text=text,
        date=normalise_date(
            entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published")
        ),
        source=one_line(feed_info.get("title") or "") or None,
        url=link if link.startswith(("http://", "https://")) else None,
        authors=tuple(
            one_line(author.get("name") or "") for author in entry.get("authors") or () if author.get("name")
        ),
        licence=one_line(entry.get("license") or entry.get("rights") or feed_info.get("rights") or "")
        or None,
        format=format,
        blocks=blocks,
    )


def _licence(entry: dict[str, Any], feed_info: dict[str, Any]) -> str | None:
    """The Creative Commons licence (cc:license) or the rights statement of the entry, else of the feed."""
    return one_line(entry.get("license") or entry.get("rights") or feed_info.get("rights") or "") or None


def _entry_paragraphs(entry: dict[str, Any]) -> list[str]:
    contents = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    if contents:
        body = max(contents, key=lambda c: len(c.get("value") or ""))
        return _paragraphs(body.get("value") or "", body.get("type") or "text/html")
    detail = entry.get("summary_detail") or {}
    return _paragraphs(entry.get("summary") or "", detail.get("type") or "text/html")


def _paragraphs(value: str, content_type: str) -> list[str]:
    if content_type == "text/plain":
        return paragraphs_from_blocks(value)
    return paragraphs_from_html(value)


def _breaks_at_end(error: xml.sax.SAXParseException, data: bytes) -> bool:
    """True when the XML error is on the document's last line: the file was cut off there."""
    last_line = data.rstrip().count(b"\n") + 1
    return (error.getLineNumber() or 0) >= last_line


def _where(error: xml.sax.SAXParseException) -> str:
    return f"{error.getMessage()} at line {error.getLineNumber()}"
