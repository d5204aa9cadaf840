"""HTML to paragraphs by its block structure: the plain converter behind every HTML path.

Used for feed entry bodies, HTML blocks in Markdown and as the last resort for web pages. Block
elements (p, li, h1-h6, blockquote, div, ...) and <br> end a paragraph; scripts, styles and
forms and photo captions are dropped; inline markup keeps its words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .paragraphs import paragraphs_from_lines

if TYPE_CHECKING:
    import lxml.etree
    import lxml.html

_DROPPED = (
    "head",
    "title",
    "script",
    "style",
    "noscript",
    "template",
    "form",
    "button",
    "select",
    "iframe",
    "svg",
)
# Photo captions ("Photo by X, used under CC BY") are not the article's words. WordPress marks them
# "wp-caption"/"wp-caption-text", other sites use the class names below or <figcaption>. Only whole
# class names count ("has-captions" on an article wrapper must not drop the article), and only
# short elements: a caption is a line, not the story.
_CAPTION_CLASSES = (
    "caption",
    "wp-caption",
    "wp-caption-text",
    "image-caption",
    "photo-caption",
    "media-caption",
    "figure-caption",
    "img-caption",
)
_CAPTIONS = "//figcaption | " + " | ".join(
    f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]" for name in _CAPTION_CLASSES
)
MAX_CAPTION_CHARS = 600
# Characters XML (and so lxml) refuses: C0 controls other than tab/newline/CR, DEL, lone surrogates.
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "main",
        "nav",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tr",
        "td",
        "th",
        "caption",
        "figure",
        "figcaption",
        "address",
        "hr",
        "center",
    ]
)


def paragraphs_from_html(html: str) -> list[str]:
    """The paragraphs of an HTML document or fragment, each on one line, in document order."""
    import lxml.etree
    import lxml.html

    html = without_control_characters(html)
    if not html.strip():
        return []
    try:
        root = lxml.html.fromstring(html)
    except ValueError:
        # lxml refuses str input that carries an XML encoding declaration; bytes are fine.
        root = _parse_bytes(html)
    except lxml.etree.ParserError:
        return []
    if root is None:
        return paragraphs_from_lines(html)
    for element in list(root.iter(*_DROPPED, lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        _drop_keeping_tail(element)
    for element in list(root.xpath(_CAPTIONS)):
        if len(element.text_content()) <= MAX_CAPTION_CHARS:
            _drop_keeping_tail(element)
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br" or tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if tag != "br":
                element.text = "\n" + (element.text or "")
    return paragraphs_from_lines(root.text_content())


def without_control_characters(text: str) -> str:
    """The text without the control characters lxml refuses (they carry no words)."""
    return _XML_INCOMPATIBLE.sub("", text)


def _drop_keeping_tail(element: lxml.etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _parse_bytes(html: str) -> lxml.html.HtmlElement | None:
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.fromstring(html.encode("utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return None
