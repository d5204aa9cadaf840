"""Newsletters saved as `.eml` (one message) or `.mbox` (many), with the standard library's email package.

The plain-text part is preferred (it is what the sender wrote as text); a message with only HTML
goes through the web-page reader. The subject is the title, the sender the source.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import mailbox
import re
from collections.abc import Iterator
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

from tui.core.model import Article, LoadProblem

from .block_text import BlockParagraph, text_and_blocks
from .dates import normalise_date
from .decoding import SNIFF_BYTES, binary_reason, decode_text
from .errors import SourceError
from .files import read_document_bytes
from .html_page import article_from_html
from .paragraphs import one_line
from .titles import fallback_title

_QUOTE_MARKER = re.compile(r"[ \t]*>(?:[ \t]?>)*[ \t]?")


def read_eml_file(path: Path) -> Iterator[Article | LoadProblem]:
    data = read_document_bytes(path)
    reason = binary_reason(data[:SNIFF_BYTES])
    if reason:
        raise SourceError(reason)
    yield article_from_message(_parse(data), str(path), "eml")


def read_mbox_file(path: Path) -> Iterator[Article | LoadProblem]:
    name = str(path)
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head.strip():
        raise SourceError("empty file")
    reason = binary_reason(head)
    if reason:
        raise SourceError(reason)
    box = mailbox.mbox(path, create=False)
    try:
        keys = box.keys()
        if not keys:
            raise SourceError('not an mbox file: no message starts with a "From " line')
        for number, key in enumerate(keys, start=1):
            message_name = f"{name}#{number}"
            try:
                yield article_from_message(_parse(box.get_bytes(key)), message_name, "mbox")
            except SourceError as error:
                yield LoadProblem(message_name, f"message {number}: {error.reason}")
    finally:
        box.close()


def article_from_message(message: EmailMessage, name: str, format: str) -> Article:
    """The article a message carries, or SourceError when it has no readable text part."""
    subject = one_line(str(message.get("subject") or ""))
    sender = _sender(message)
    date = _date(message)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise SourceError("the message has no text or HTML part")
    content = _part_text(body)
    if body.get_content_subtype() == "html":
        article = article_from_html(content, name, format)
        return replace(
            article,
            title=subject or article.title,
            date=date or article.date,
            source=sender or article.source,
        )
    text, blocks = text_and_blocks(mail_paragraphs(content))
    if not text:
        raise SourceError("the message's text part is empty")
    return Article(
        path=name,
        title=subject or fallback_title(text, name),
        text=text,
        date=date,
        source=sender,
        format=format,
        blocks=blocks,
    )


def mail_paragraphs(content: str) -> list[str]:
    """The paragraphs of a plain-text body: blank lines end a paragraph, and a run of `>` quoted
    lines is a block quotation of its own (its `>` markers dropped, as a mail reader shows it)."""
    paragraphs: list[str] = []
    current: list[str] = []
    current_quoted = False

    def close() -> None:
        if current:
            words = one_line(" ".join(current))
            paragraphs.append(BlockParagraph(words, "blockquote") if current_quoted else words)
            current.clear()

    for line in content.splitlines():
        marker = _QUOTE_MARKER.match(line)
        quoted = marker is not None
        words = line[marker.end() :] if marker else line
        if quoted != current_quoted:
            close()
            current_quoted = quoted
        if words.strip():
            current.append(words)
        else:
            close()
    close()
    return paragraphs


def _parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise SourceError("not an e-mail message: no headers found")
    return message


def _part_text(part: EmailMessage) -> str:
    """A part's text in its declared charset, or detected when the declaration is missing or wrong."""
    try:
        return str(part.get_content())
    except (LookupError, UnicodeDecodeError, AssertionError):
        payload = part.get_payload(decode=True)
        return decode_text(payload) if isinstance(payload, bytes) and payload.strip() else ""


def _sender(message: EmailMessage) -> str | None:
    header = str(message.get("from") or "")
    if not header:
        return None
    display_name, address = email.utils.parseaddr(header)
    return one_line(display_name or address or header) or None


def _date(message: EmailMessage) -> str | None:
    header = str(message.get("date") or "")
    if not header:
        return None
    try:
        return normalise_date(email.utils.parsedate_to_datetime(header))
    except (TypeError, ValueError, IndexError):
        return normalise_date(header)
