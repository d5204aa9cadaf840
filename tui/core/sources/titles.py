"""A title for an article whose source gave none: the list of articles must never show a blank."""

from __future__ import annotations

from pathlib import PurePath

MAX_TITLE_CHARS = 120


def first_line_title(text: str) -> str:
    """The first non-empty line, stripped: the title convention of plain-text news files."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def fallback_title(text: str, path: str) -> str:
    """The first line of the text, shortened at a word boundary, else the file's name."""
    line = " ".join(first_line_title(text).split())
    if len(line) > MAX_TITLE_CHARS:
        line = line[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return line or PurePath(path.split("#", 1)[0]).stem or path
