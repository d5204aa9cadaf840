"""HTML to paragraphs by its block structure: the plain converter behind every HTML path.

Used for feed entry bodies, HTML blocks in Markdown and as the last resort for web pages. Block
elements (p, li, h1-h6, blockquote, div, ...) and <br> end a paragraph; scripts, styles and
forms are dropped; inline markup keeps its words. Each paragraph knows its block (heading, block
quotation, list item, preformatted, caption): a marker character put at the start of each block's
line before the text is taken out says which, and is removed again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.core.model import BlockKind

from .block_text import BlockParagraph
from .paragraphs import one_line, paragraphs_from_lines

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
# Photo captions ("Dockers at the port. (Jane Doe/Reuters)") are the page's words about a picture,
# not the story's: they are kept as `caption` blocks (drawn dimmed; no statement is found in them).
# WordPress marks them "wp-caption"/"wp-caption-text", other sites use the class names below or
# <figcaption>. Only whole class names count ("has-captions" on an article wrapper must not make
# the article a caption), and only short elements: a caption is a line, not the story.
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


# Unicode noncharacters (never text) that mark where a block's line starts: one per kind, six for
# the heading levels. Any found in the page itself are removed first.
_MARKER_BASE = 0xFDD0
_MARKED_KINDS: tuple[BlockKind, ...] = ("paragraph", "blockquote", "list_item", "preformatted", "caption")
_HEADING_MARKER = _MARKER_BASE + len(_MARKED_KINDS)
_MARKERS = re.compile(f"[{chr(_MARKER_BASE)}-{chr(_HEADING_MARKER + 5)}]")
_HEADINGS = {f"h{level}": level for level in range(1, 7)}


def paragraphs_from_html(html: str) -> list[str]:
    """The paragraphs of an HTML document or fragment, each on one line, in document order."""
    import lxml.etree
    import lxml.html

    html = _MARKERS.sub("", without_control_characters(html))
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
    captions = set(caption_elements(root))
    markers = _markers(root, captions)
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br" or tag in _BLOCKS or element in captions:  # a caption is a block, a <span> too
            parent = element.getparent()
            element.tail = "\n" + markers.get(parent, "") + (element.tail or "")
            if tag != "br":
                element.text = "\n" + markers[element] + (element.text or "")
    return _marked_paragraphs(root.text_content())


def caption_elements(root: lxml.etree._Element) -> list[lxml.etree._Element]:
    """The page's photo captions (<figcaption>, caption classes), short enough to be one."""
    return [e for e in root.xpath(_CAPTIONS) if len(e.text_content()) <= MAX_CAPTION_CHARS]


# what an element's ancestors (or itself) make its text
_QUOTED, _LISTED, _PREFORMATTED, _CAPTIONED = 1, 2, 4, 8


def _markers(root: lxml.etree._Element, captions: set[lxml.etree._Element]) -> dict[lxml.etree._Element, str]:
    """The marker of the block kind each element's own text stands in, in one pass over the tree
    (document order visits a parent before its children, so each inherits its parent's context)."""
    context: dict[lxml.etree._Element, int] = {}
    markers: dict[lxml.etree._Element, str] = {}
    for element in root.iter():
        parent = element.getparent()
        tag = element.tag if isinstance(element.tag, str) else ""
        flags = context.get(parent, 0) if parent is not None else 0
        flags |= (_QUOTED if tag == "blockquote" else 0) | (_LISTED if tag == "li" else 0)
        flags |= (_PREFORMATTED if tag == "pre" else 0) | (_CAPTIONED if element in captions else 0)
        context[element] = flags
        level = _HEADINGS.get(tag)
        if flags & _CAPTIONED:  # the words about a photo, wherever the photo stands
            code = _MARKED_KINDS.index("caption")
        elif flags & _QUOTED:
            code = _MARKED_KINDS.index("blockquote")
        elif level is not None:
            code = len(_MARKED_KINDS) + level - 1
        elif flags & _PREFORMATTED:
            code = _MARKED_KINDS.index("preformatted")
        elif flags & _LISTED:
            code = _MARKED_KINDS.index("list_item")
        else:
            code = 0
        markers[element] = chr(_MARKER_BASE + code)
    return markers


def _marked_paragraphs(text: str) -> list[str]:
    """The lines of marked text as paragraphs of their kind; a line with no marker continues the
    kind of the line before (a <pre>'s later lines, words after an inline element)."""
    paragraphs: list[str] = []
    kind: BlockKind = "paragraph"
    level: int | None = None
    for line in text.splitlines():
        markers = _MARKERS.findall(line)
        if markers:
            code = ord(markers[-1]) - _MARKER_BASE
            if code >= len(_MARKED_KINDS):
                kind, level = "heading", code - len(_MARKED_KINDS) + 1
            else:
                kind, level = _MARKED_KINDS[code], None
            line = _MARKERS.sub("", line)
        words = one_line(line)
        if words:
            paragraphs.append(BlockParagraph(words, kind, level))
    return paragraphs


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
