"""Quotes as a Markdown document a person reads: grouped by actor, each quote a block quote.

Quotes are other people's words and may hold anything: `>`, `*`, `|`, `#`, backticks, HTML, a
line that looks like a list item or a heading underline. Every character that could start
Markdown syntax is escaped, so any CommonMark reader (markdown-it-py, with or without the GFM
table and strikethrough rules) sees exactly one block quote per quote, holding exactly its words.

What Markdown cannot carry is dropped, on purpose and predictably: each line of a quote becomes
one paragraph of the block quote, with the whitespace at its ends and any blank lines left out
(Markdown ignores them anyway); a NUL character becomes U+FFFD, as every CommonMark reader does;
any other control character shows as its placeholder (ESC as ␛, see tui.core.terminal_safe), so
no byte of an article acts on the terminal of someone who prints the file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import datetime
from urllib.parse import quote as percent_encode
from urllib.parse import urlsplit

from tui.core.export.items import ExportItem
from tui.core.terminal_safe import visible_line

UNATTRIBUTED = "Unattributed"

# Characters that start inline syntax anywhere in a line: escapes, code, emphasis, links and
# images, HTML and autolinks, block quotes, GFM tables and strikethrough. NUL becomes U+FFFD, as
# every CommonMark reader would make it.
_INLINE_ESCAPES = str.maketrans({"\0": "\ufffd"} | {char: "\\" + char for char in "\\`*_[]<>|~"})
# `&` only matters where it would start an entity reference such as `&amp;` or `&#65;`.
_ENTITY_START = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What starts a block when it opens a line: headings, list items, thematic breaks, setext
# underlines, definition lists (fences and block quotes are already escaped above).
_BLOCK_STARTERS = frozenset("#-+=:")
_ORDERED_LIST_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_HASH_AFTER_SPACE = re.compile(r"(?<=\s)#")
_LINE_BREAKS = re.compile(r"\r\n?|\n")


def escape_markdown(text: str) -> str:
    """One line of text made literal: Markdown shows these characters and nothing else.

    Control characters (ESC, BEL, C1, bidirectional overrides) become visible placeholders, one
    for one: the file is for a person, who may well `cat` it on a terminal.
    """
    text = visible_line(text.translate(_INLINE_ESCAPES))
    if "&" in text:
        text = _ENTITY_START.sub(r"\\&", text)
    if text[:1] in _BLOCK_STARTERS:
        return "\\" + text
    if text[:1].isdigit():
        return _ORDERED_LIST_START.sub(r"\1\\\2", text)
    return text


def quote_paragraphs(text: str) -> list[str]:
    """The lines of a quote as Markdown keeps them: ends stripped, blank lines gone."""
    lines = (line.strip() for line in _LINE_BREAKS.split(text))
    return [line for line in lines if line]


def render_blockquote(text: str) -> str:
    """The quote as one block quote; its lines become paragraphs separated by a bare `>`."""
    paragraphs = [f"> {escape_markdown(line)}" for line in quote_paragraphs(text)]
    return "\n>\n".join(paragraphs) if paragraphs else ">"


def render_markdown(items: Sequence[ExportItem], *, title: str, now: datetime) -> str:
    """The document: a header saying what was exported and when, then one section per actor.

    Actors come in alphabetical order (quotes nobody was found to have said come last, under
    "Unattributed"); within an actor the quotes keep the order of `items`.
    """
    groups: dict[str, list[ExportItem]] = {}
    for item in items:
        groups.setdefault(item.actor or "", []).append(item)
    names = sorted((name for name in groups if name), key=lambda name: (name.casefold(), name))
    if "" in groups:
        names.append("")

    articles = {(item.article_id or item.path) for item in items}
    lines = [
        f"# {_capitalised(_heading_text(title)) or 'Quotes'}",
        "",
        f"Exported from newsreader on {_when(now)}: {_count(len(items), 'quote')} "
        f"by {_count(len([n for n in names if n]), 'actor')} "
        f"from {_count(len(articles), 'article')}.",
    ]
    for name in names:
        lines += ["", f"## {_heading_text(name) or UNATTRIBUTED}"]
        for item in groups[name]:
            lines += ["", render_blockquote(item.quote), "", render_attribution(item)]
    return "\n".join(lines) + "\n"


def render_attribution(item: ExportItem) -> str:
    """The line under a quote: who said it and how, then where and when, linked when possible."""
    who = _one_line(item.speaker_mention) or _one_line(item.actor) or "unknown speaker"
    said = escape_markdown(who)
    if item.cue:
        said += f", {escape_markdown(_one_line(item.cue))}"
    if item.kind != "direct":
        said += f" ({escape_markdown(item.kind)})"
    title = escape_markdown(_one_line(item.article_title) or _one_line(item.path))
    link = _safe_link_target(item.url)
    parts = [f"— {said}", f"[{title}]({link})" if link else title]
    parts += [escape_markdown(_one_line(value)) for value in (item.date, item.source) if _one_line(value)]
    if not link:
        parts.append(escape_markdown(_one_line(item.url) or _one_line(item.path)))
    return " · ".join(dict.fromkeys(parts))


@functools.lru_cache(maxsize=256)
def _safe_link_target(url: str | None) -> str | None:
    """A web URL ready to sit in `(...)`: only http(s), with spaces, brackets and quotes encoded."""
    if not url:
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in {"http", "https"}:
        return None
    return percent_encode(url, safe="!#$%&'*+,-./:;=?@[]^_{}~")


def _heading_text(text: str) -> str:
    """Also escape a `#` after a space, which could otherwise close the heading."""
    return _HASH_AFTER_SPACE.sub(r"\\#", escape_markdown(_one_line(text)))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _when(now: datetime) -> str:
    zone = now.tzname()
    return now.strftime("%Y-%m-%d %H:%M") + (f" {zone}" if zone else "")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
