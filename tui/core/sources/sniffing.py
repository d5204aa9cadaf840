"""Which reader fits a file whose suffix says nothing (`.xml`, no suffix, an unknown one)?

Only the first few kilobytes are looked at: enough to tell a feed from a web page, JSON from
JSON Lines, an e-mail from an mbox, without reading a large file.
"""

from __future__ import annotations

import re

from .decoding import bom_encoding

_EMAIL_HEADER = re.compile(
    rb"^(from|to|subject|date|received|return-path|message-id|mime-version|delivered-to):", re.IGNORECASE
)


def sniff_format(head: bytes) -> str | None:
    """The format name ("rss", "atom", "html", "json", "jsonl", "md", "mbox", "eml") or None."""
    encoding = bom_encoding(head)
    text_head = head.decode(encoding or "utf-8", errors="ignore") if encoding else head.decode("latin-1")
    start = text_head.lstrip("\ufeff \t\r\n")
    lowered = start[:4096].lower()
    if "<rss" in lowered or "<rdf:rdf" in lowered:
        return "rss"
    if "<feed" in lowered and "atom" in lowered:
        return "atom"
    if lowered.startswith(("<!doctype html", "<html")) or "<html" in lowered[:1024]:
        return "html"
    if start.startswith("["):
        return "json"
    if start.startswith("{"):
        first_line, _, rest = start.partition("\n")
        return "jsonl" if first_line.rstrip().endswith("}") and rest.lstrip().startswith("{") else "json"
    if start.startswith("---\n") or start.startswith("---\r\n"):
        return "md"
    if head.startswith(b"From "):
        return "mbox"
    if _EMAIL_HEADER.match(head.lstrip()):
        return "eml"
    return None
