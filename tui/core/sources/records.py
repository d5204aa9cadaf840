"""One JSON object to one Article, whatever the dataset calls its fields.

News datasets disagree on names (news-please says `maintext` and `date_publish`, NewsAPI says
`content`, `publishedAt` and nests `source`), so the mapping lists the usual names in order of
preference and takes the first one present.
"""

from __future__ import annotations

import re
from typing import Any

from tui.core.model import Article

from .block_text import text_and_blocks
from .cleaning import without_residue
from .dates import normalise_date
from .errors import SourceError
from .html_text import paragraphs_from_html
from .paragraphs import one_line, paragraphs_from_lines
from .titles import fallback_title

_HTML_MARKUP = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote|span|a)\b[^>]*>", re.IGNORECASE)

TITLE_FIELDS = ("title", "headline")
TEXT_FIELDS = ("text", "maintext", "body", "content", "article")
DATE_FIELDS = ("date", "date_publish", "published", "publishedAt")
URL_FIELDS = ("url", "link")
AUTHOR_FIELDS = ("authors", "author")
SOURCE_FIELDS = ("publisher", "source")
"""`publisher` first: a dataset that has both (PolNeAR) keeps its own name for itself in `source`."""
LICENCE_FIELDS = ("license", "licence")


def article_from_record(record: Any, path: str, format: str) -> Article:
    """The article a JSON object describes, or SourceError when it is not an object or has no text."""
    if not isinstance(record, dict):
        raise SourceError(f"expected a JSON object, found {_json_kind(record)}")
    paragraphs, dateline_date = without_residue(_paragraphs(_first(record, TEXT_FIELDS)))
    text, blocks = text_and_blocks(paragraphs)
    if not text:
        raise SourceError(f"no article text (looked for the fields {', '.join(TEXT_FIELDS)})")
    title = one_line(_as_str(_first(record, TITLE_FIELDS)) or "") or fallback_title(text, path)
    return Article(
        path=path,
        title=title,
        text=text,
        date=normalise_date(_first(record, DATE_FIELDS)) or dateline_date,
        source=_name_of(_first(record, SOURCE_FIELDS)),
        url=_as_str(_first(record, URL_FIELDS)),
        authors=_authors(_first(record, AUTHOR_FIELDS)),
        licence=_as_str(_first(record, LICENCE_FIELDS)),
        format=format,
        blocks=blocks,
    )


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _paragraphs(value: Any) -> list[str]:
    """A text field's paragraphs: a string (plain or HTML, as CMS exports give it) or a list of strings."""
    if isinstance(value, list):
        return [p for item in value if isinstance(item, str) for p in _paragraphs(item)]
    if not isinstance(value, str):
        return []
    if _HTML_MARKUP.search(value):
        return paragraphs_from_html(value)
    return paragraphs_from_lines(value)


def _as_str(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = one_line(str(value))
    return text or None


def _name_of(value: Any) -> str | None:
    """A source may be a string or, as in NewsAPI, an object with a name."""
    if isinstance(value, dict):
        return _as_str(value.get("name") or value.get("title"))
    return _as_str(value)


def _authors(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    names = (_name_of(item) for item in items)
    return tuple(name for name in names if name)


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return "a number"
