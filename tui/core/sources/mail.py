"""Newsletters saved as `.eml` (one message) or `.mbox` (many), with the standard library's email package.

The plain-text part is preferred (it is what the sender wrote as text); a message with only HTML
goes through the web-page reader. The subject is the title, the sender the source.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import mailbox
from collections.abc import Iterator
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

from tui.core.model import Article, LoadProblem

from .dates import normalise_date
from .decoding import SNIFF_BYTES, binary_reason, decode_text
from .errors import SourceError
from .files import read_document_bytes
from .html_page import article_from_html
from .paragraphs import join_paragraphs, one_line, paragraphs_from_blocks
from .titles import fallback_title


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
    text = join_paragraphs(paragraphs_from_blocks(content))
    if not text:
        raise SourceError("the message's text part is empty")
    return Article(
        path=name,
        title=subject or fallback_title(text, name),
        text=text,
        date=date,
        source=sender,
        format=format,
    )


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
