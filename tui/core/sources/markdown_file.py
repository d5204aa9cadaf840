"""`.md` articles: YAML front matter as metadata, the Markdown body as plain paragraphs with their blocks.

markdown-it-py parses the body (front matter through mdit_py_plugins), so emphasis, links, lists,
block quotes and headings come out as the words a reader sees, one paragraph per line, with no
Markdown syntax left for the analysis to trip on; each paragraph's block (heading, block quotation,
list item, code) is read from the same token stream and kept as a span of that text.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.model import Article, BlockKind, LoadProblem

from .block_text import BlockParagraph, text_and_blocks
from .dates import normalise_date
from .errors import SourceError
from .files import read_document
from .html_text import paragraphs_from_html
from .paragraphs import one_line
from .titles import fallback_title

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Inline tokens whose words are part of the text; everything else (images, raw HTML) is markup.
_INLINE_TEXT = frozenset({"text", "code_inline"})
_INLINE_SPACE = frozenset({"softbreak", "hardbreak"})


@cache
def _parser() -> MarkdownIt:
    """Built on first use, so importing the loaders stays cheap for the reader's start-up."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").use(front_matter_plugin).enable(["table", "strikethrough"])


class AliasRefusedError(Exception):
    """Front matter that uses a YAML alias; `line` is its line in the file."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


@cache
def _front_matter_loader() -> type:
    """yaml.SafeLoader without aliases: `*name` repeats a node by reference, so nine nested lines of
    ten aliases each make 10**9 strings once turned into text (a "billion laughs" in YAML: 8 GB and
    minutes, measured). An article's title, date and authors never need them."""
    import yaml

    class FrontMatterLoader(yaml.SafeLoader):
        def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
            if self.check_event(yaml.AliasEvent):
                raise AliasRefusedError(self.peek_event().start_mark.line + 2)
            return super().compose_node(parent, index)

    return FrontMatterLoader


def read_markdown_file(path: Path) -> Iterator[Article | LoadProblem]:
    import yaml

    decoded = read_document(path)
    text, name = decoded.text, str(path)
    tokens = _parser().parse(text)
    metadata: dict[str, Any] = {}
    if tokens and tokens[0].type == "front_matter":
        try:
            loaded = yaml.load(tokens[0].content, Loader=_front_matter_loader())
        except AliasRefusedError as refused:
            yield LoadProblem(
                name,
                f"read without its front matter, which uses a YAML alias (*name) at line {refused.line}: "
                "not allowed, since aliases can repeat a value a billion times",
                kept=True,
            )
        except yaml.YAMLError as error:
            yield LoadProblem(
                name,
                f"read without its front matter, which is not valid YAML ({_yaml_where(error)})",
                kept=True,
            )
        else:
            if isinstance(loaded, dict):
                metadata = loaded
            elif loaded is not None:
                yield LoadProblem(
                    name, "read without its front matter, which is not a mapping of fields", kept=True
                )
    paragraphs, first_heading = _body_paragraphs(tokens)
    body, blocks = text_and_blocks(paragraphs)
    if not body:
        raise SourceError("no article text (the Markdown body is empty)")
    title = _field(metadata, "title") or first_heading or fallback_title(body, name)
    yield Article(
        path=name,
        title=title,
        text=body,
        date=normalise_date(metadata.get("date")),
        source=_field(metadata, "source"),
        url=_field(metadata, "url"),
        authors=_authors(metadata.get("authors", metadata.get("author"))),
        licence=_field(metadata, "license") or _field(metadata, "licence"),
        format="md",
        blocks=blocks,
    )
    if decoded.note:
        yield LoadProblem(name, decoded.note, kept=True)


def _body_paragraphs(tokens: list[Token]) -> tuple[list[str], str | None]:
    """Each block's words as one paragraph that knows its kind (heading, block quotation, list
    item...); a table row is one paragraph with its cells joined."""
    paragraphs: list[str] = []
    first_heading: str | None = None
    row: list[str] | None = None
    heading_level: int | None = None
    quotes = items = 0
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            paragraphs.append(BlockParagraph(" | ".join(cell for cell in row if cell), _kind(quotes, items)))
            row = None
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
        elif token.type == "heading_close":
            heading_level = None
        elif token.type == "blockquote_open":
            quotes += 1
        elif token.type == "blockquote_close":
            quotes -= 1
        elif token.type == "list_item_open":
            items += 1
        elif token.type == "list_item_close":
            items -= 1
        elif token.type == "inline":
            words = _inline_text(token)
            if row is not None:
                row.append(words)
            elif heading_level is not None and not quotes:
                paragraphs.append(BlockParagraph(words, "heading", heading_level))
                if first_heading is None and words:
                    first_heading = words
            else:
                paragraphs.append(BlockParagraph(words, _kind(quotes, items)))
        elif token.type in ("fence", "code_block"):
            paragraphs.append(BlockParagraph(token.content, "blockquote" if quotes else "preformatted"))
        elif token.type == "html_block":
            paragraphs.extend(paragraphs_from_html(token.content))
    return paragraphs, first_heading


def _kind(quotes: int, items: int) -> BlockKind:
    """A block quotation wins over a list item: a quoted list is still someone else's words."""
    return "blockquote" if quotes else "list_item" if items else "paragraph"


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in _INLINE_TEXT:
            parts.append(child.content)
        elif child.type in _INLINE_SPACE:
            parts.append(" ")
    return one_line("".join(parts))


def _field(metadata: dict[str, Any], key: str) -> str | None:
    value = metadata.get(key)
    if value is None or isinstance(value, dict | list):
        return None
    return one_line(str(value)) or None


def _authors(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(one_line(str(item)) for item in items if item is not None and one_line(str(item)))


def _yaml_where(error: Exception) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or "syntax error"
    if mark is not None:
        return f"{problem} at line {mark.line + 2}"
    return str(problem)
