"""Saved web pages (`.html`, `.htm`): the article's body, title, date, authors and URL, without the site.

trafilatura does the extraction (the most accurate open extractor in published benchmarks) with
reader comments excluded; when it finds nothing, readability-lxml, then the page's plain block
text. Titles get extra care because sites put their own name in <title> ("Site » Headline").
The text is trafilatura's plain text; each of its lines takes its block (heading, block quotation,
list item) from the element of trafilatura's own tree (`<head>`, `<quote>`, `<item>`) it came from.
trafilatura turns a `<pre>` into a `<quote>` too: a quote with a `<pre>`'s words is preformatted
text (code, a table of figures), not a quotation. It leaves photo captions out; they are put back,
as `caption` blocks, where the page has them between two paragraphs of the text.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.model import Article, BlockKind, LoadProblem

from .block_text import BlockParagraph, block_kind, text_and_blocks
from .cleaning import without_residue
from .dates import normalise_date
from .decoding import SNIFF_BYTES, binary_reason, decode_text
from .errors import SourceError
from .files import read_document_bytes
from .html_text import caption_elements, paragraphs_from_html, without_control_characters
from .paragraphs import one_line, paragraphs_from_lines
from .titles import fallback_title

if TYPE_CHECKING:
    import lxml.html

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|»«·•–—:]{1,2}|-{1,2})\s+")

# trafilatura logs every page it cannot extract at WARNING; that is a normal outcome here.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("readability").setLevel(logging.ERROR)


def read_html_file(path: Path) -> Iterator[Article | LoadProblem]:
    yield article_from_html(decode_html(read_document_bytes(path)), str(path), "html")


def decode_html(data: bytes) -> str:
    """HTML bytes as text: UTF-8, else the charset the page declares, else what charset-normalizer finds."""
    reason = binary_reason(data[:SNIFF_BYTES])
    if reason:
        raise SourceError(reason)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii"))
            return data.decode(codec.name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def article_from_html(html: str, name: str, format: str, url: str | None = None) -> Article:
    """One article from a whole page (or an HTML e-mail body), or SourceError when it holds no text."""
    html = without_control_characters(html)
    extracted = _trafilatura(html, url)
    root = _parse(html)
    preformatted = _preformatted_texts(root)
    lines = paragraphs_from_lines(extracted.get("text") or "")
    paragraphs = _with_kinds(lines, extracted.get("body"), preformatted)
    if paragraphs and root is not None:
        paragraphs = _with_captions(paragraphs, html, root)
    if not paragraphs:
        paragraphs = _readability_paragraphs(html)
    if not paragraphs and root is not None:
        paragraphs = paragraphs_from_html(html)
    paragraphs, dateline_date = without_residue(paragraphs)
    text, blocks = text_and_blocks(paragraphs)
    if not text:
        raise SourceError("no article text found in the page")
    page_title, site_name = _title_and_site(root, extracted.get("title"))
    return Article(
        path=name,
        title=page_title or fallback_title(text, name),
        text=text,
        date=normalise_date(extracted.get("date")) or dateline_date,
        source=one_line(extracted.get("sitename") or "") or site_name,
        url=url or _page_url(root) or extracted.get("url"),
        authors=_authors(extracted.get("author")),
        licence=extracted.get("license") or None,
        format=format,
        blocks=blocks,
    )


# trafilatura's elements that hold a line of its text, and the block each stands in.
_TRAFILATURA_LINES = frozenset({"head", "p", "item", "quote", "cell", "code", "list"})
_LOOKAHEAD = 8  # elements skipped at most looking for a line's own: keeps the match linear


def _with_kinds(paragraphs: list[str], body: Any, preformatted: frozenset[str] = frozenset()) -> list[str]:
    """The paragraphs, each marked with the block kind of the element of `body` it came from.

    trafilatura writes its text from its tree, one element a line (or several: a line break, a
    `<pre>`'s lines), in order (a list item's line starting "- "), so a line is matched with the next
    element line whose words it ends with; a line that matches none stays a paragraph.
    `preformatted` are the words of the page's `<pre>` elements (`_preformatted_texts`).
    """
    if body is None:
        return paragraphs
    lines = _tree_lines(body, preformatted)
    marked: list[str] = []
    next_line = 0
    for paragraph in paragraphs:
        for index in range(next_line, min(len(lines), next_line + _LOOKAHEAD)):
            words, kind, level = lines[index]
            if words and paragraph.endswith(words):
                marked.append(BlockParagraph(paragraph, kind, level))
                next_line = index + 1
                break
        else:
            marked.append(paragraph)
    return marked


def _tree_lines(
    body: Any, preformatted: frozenset[str] = frozenset()
) -> list[tuple[str, BlockKind, int | None]]:
    """(words, kind, heading level) of each line of each innermost line-holding element of
    trafilatura's tree, found in one pass: document order visits a parent before its children."""
    inside: dict[Any, tuple[bool, bool, bool]] = {}  # element -> in a <quote>, an <item>, a <pre>
    holders: set[Any] = set()  # elements with a line-holding element inside them
    found: list[tuple[Any, BlockKind, int | None]] = []
    for element in body.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        parent = element.getparent()
        quoted, listed, pre = inside.get(parent, (False, False, False))
        if tag == "quote" and preformatted and _squeezed(_text_with_breaks(element)) in preformatted:
            pre = True  # a <pre> of the page, which trafilatura calls a quote
        else:
            quoted = quoted or tag == "quote"
        listed = listed or tag == "item"
        inside[element] = (quoted, listed, pre)
        if tag not in _TRAFILATURA_LINES:
            continue
        ancestor = parent
        while ancestor is not None and ancestor not in holders:
            holders.add(ancestor)
            ancestor = ancestor.getparent()
        kind: BlockKind = "paragraph"
        level = None
        if pre:
            kind = "preformatted"
        elif quoted:
            kind = "blockquote"
        elif tag == "head":
            kind, rend = "heading", str(element.get("rend") or "")
            level = int(rend[1:]) if rend[:1] == "h" and rend[1:].isdigit() else 2
        elif listed:
            kind = "list_item"
        elif tag == "code":
            kind = "preformatted"
        found.append((element, kind, level))
    return [
        (one_line(line), kind, level)
        for element, kind, level in found
        if element not in holders
        for line in [line for line in _text_with_breaks(element).splitlines() if line.strip()] or [""]
    ]


def _text_with_breaks(element: Any) -> str:
    """An element's words with a newline for each line break (`<lb/>`), as trafilatura's text has."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text_with_breaks(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _squeezed(text: str) -> str:
    """Words without their spacing: how the page and trafilatura's text of one element compare."""
    return "".join(text.split())


def _preformatted_texts(root: lxml.html.HtmlElement | None) -> frozenset[str]:
    """The words (`_squeezed`) of each `<pre>` of the page."""
    if root is None:
        return frozenset()
    return frozenset(_squeezed(element.text_content()) for element in root.iter("pre"))


MAX_CAPTION_GAP = 3  # page paragraphs the extractor left out, at most, between a caption and the text


def _with_captions(paragraphs: list[str], html: str, root: lxml.html.HtmlElement) -> list[str]:
    """The extracted paragraphs with the page's photo captions put back as `caption` blocks.

    A caption goes where the page has it: between the two paragraphs of the extracted text around
    it (or before the first), with at most MAX_CAPTION_GAP paragraphs the extractor left out
    (a byline, a share bar) on either side; a caption outside the text (a promotion, a gallery
    elsewhere on the page) stays out. A caption the extractor kept is marked in place.
    """
    if not caption_elements(root):
        return paragraphs
    where: dict[str, int] = {}
    for index, paragraph in enumerate(paragraphs):
        where.setdefault(_squeezed(paragraph), index)
    marked = list(paragraphs)
    before: dict[int, list[str]] = {}  # extracted paragraph -> captions to put before it
    anchor: int | None = None  # the extracted paragraph the page showed last
    gap = 0  # page paragraphs since, left out of the extraction
    waiting: list[tuple[str, int]] = []  # captions since, each with the gap before it
    for paragraph in paragraphs_from_html(html):
        key = _squeezed(paragraph)
        index = where.get(key)
        if block_kind(paragraph)[0] == "caption":
            if index is not None:
                marked[index] = BlockParagraph(paragraphs[index], "caption")
            else:
                waiting.append((paragraph, gap))
            continue
        if index is None:
            gap += 1
            continue
        for caption, gap_before in waiting:
            follows = index == 0 if anchor is None else index == anchor + 1 and gap_before <= MAX_CAPTION_GAP
            if follows and gap - gap_before <= MAX_CAPTION_GAP and caption not in before.get(index, []):
                before.setdefault(index, []).append(caption)
        waiting, anchor, gap = [], index, 0
    if not before:
        return marked
    return [item for index, paragraph in enumerate(marked) for item in [*before.get(index, []), paragraph]]


def _trafilatura(html: str, url: str | None) -> dict[str, Any]:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_images=False, with_metadata=True
    )
    if document is None:
        return {}
    return document.as_dict() if hasattr(document, "as_dict") else dict(document)


def _readability_paragraphs(html: str) -> list[str]:
    from readability import Document

    try:
        summary = Document(html).summary(html_partial=True)
    except Exception:  # readability raises its own Unparseable and lxml errors on broken pages
        return []
    return paragraphs_from_html(summary)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.fromstring(html.encode("utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return None


def _title_and_site(
    root: lxml.html.HtmlElement | None, extracted_title: str | None
) -> tuple[str, str | None]:
    """The headline and, when <title> is "Site » Headline", the site's name.

    A part of <title> that is also a heading on the page is preferred (the longest such part, since
    the site's name is often a heading too, and usually the shorter one); otherwise the longest part.
    """
    extracted = one_line(extracted_title or "")
    if root is None:
        return extracted, None
    full = one_line(" ".join(root.xpath("//title//text()")))
    parts = [part for part in _TITLE_SEPARATORS.split(full) if part] if full else []
    if len(parts) < 2:
        return extracted or full, None
    headings = {one_line(element.text_content()) for element in root.xpath("//h1|//h2|//h3")}
    matching = [part for part in parts if part in headings]
    headline = max(matching or parts, key=len)
    others = [part for part in parts if part != headline]
    return headline, others[0] if len(others) == 1 else None


def _page_url(root: lxml.html.HtmlElement | None) -> str | None:
    if root is None:
        return None
    for xpath in ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"):
        found = root.xpath(xpath)
        if found and str(found[0]).startswith(("http://", "https://")):
            return str(found[0]).strip()
    return None


def _authors(value: str | None) -> tuple[str, ...]:
    """trafilatura joins several authors with "; "."""
    if not value:
        return ()
    return tuple(name for name in (one_line(part) for part in value.split(";")) if name)
