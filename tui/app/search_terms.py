"""Where the words of a search query occur in one article, so the reader can step through them.

The library decides which articles match; this only finds the words of the query inside the text
shown, with the query language's operators and field names set aside.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_OPERATORS = {"OR", "AND", "NOT", "NEAR"}


def query_terms(query: str) -> list[tuple[str, bool]]:
    """(term, is_prefix) for every positive word or phrase in the query."""
    terms: list[tuple[str, bool]] = []
    for match in _TOKEN.finditer(query):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            if phrase.strip():
                terms.append((phrase.strip(), False))
            continue
        if word in _OPERATORS or word.startswith("-"):
            continue
        if ":" in word:
            field, _, word = word.partition(":")
            if field == "date":
                continue
            word = word.strip('"')
        prefix = word.endswith("*")
        word = word.strip("*()")
        if word:
            terms.append((word, prefix))
    return terms


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Character spans of the query's words in the text, in reading order, whole words only."""
    patterns = []
    for term, prefix in query_terms(query):
        body = r"\s+".join(re.escape(part) for part in term.split())
        patterns.append(rf"\b{body}\w*" if prefix else rf"\b{body}\b")
    if not patterns:
        return []
    found = re.finditer("|".join(f"(?:{p})" for p in patterns), text, flags=re.IGNORECASE)
    return [m.span() for m in found if m.end() > m.start()]
