"""Reading a whole document file safely: refused before reading when empty or too large.

A news article is kilobytes; a 50 MB "article" is a log or a dump, and reading it into the
analysis would stall the reader for minutes. The size is checked with stat() first, so refusing
it costs nothing.
"""

from __future__ import annotations

from pathlib import Path

from .decoding import DecodedText, decode_document
from .errors import SourceError

MEGABYTE = 1024 * 1024
MAX_DOCUMENT_BYTES = 10 * MEGABYTE
MAX_COLLECTION_BYTES = 200 * MEGABYTE


def describe_size(size: int) -> str:
    """A size as people read it: 1.5 MB, 12 KB, 900 bytes."""
    if size >= MEGABYTE:
        return f"{size / MEGABYTE:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def read_document_bytes(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The file's bytes, or SourceError when it is missing, unreadable, empty or over `limit`."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise SourceError(
                f"too large to be an article ({describe_size(size)}; the limit is {describe_size(limit)})"
            )
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read: {error.strerror or error}") from None
    if not data.strip():
        raise SourceError("empty file")
    return data


def read_document_text(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> str:
    """The file decoded as text (see decoding.decode_text), or SourceError with the reason."""
    return read_document(path, limit).text


def read_document(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> DecodedText:
    """The file decoded as text with a note on any damaged bytes, or SourceError with the reason."""
    decoded = decode_document(read_document_bytes(path, limit))
    if not decoded.text.strip():
        raise SourceError("empty file")
    return decoded
