"""What a search shows: the hits with snippets, and where in an article the query matched.

The index says which articles match; this module finds the words themselves in the article text,
with the same word rules as the index (query.words_of), so the snippet in the list and the
highlights in the article show what the search found, and `n`/`N` can move between them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from tui.core.identity.folding import fold
from tui.core.model import Analysis, Article
from tui.core.query import PLACE_FIELD_LABELS, Query, Term

SNIPPET_CHARS = 160


@dataclass(frozen=True)
class SearchHit:
    """One matching article: its id, the index's score (higher is better) and a line of context.

    `snippet_spans` are (start, end) offsets of the matched words inside `snippet`.
    """

    article_id: str
    score: float
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class SearchResults:
    """How many loaded articles match, and the best hits (at most the limit asked for)."""

    total: int
    hits: list[SearchHit]


def needs_analysis(query: Query) -> bool:
    """Whether highlighting this query needs the article's analysis (field terms do)."""
    return any(t.field not in (None, "title", "source", "date") for t in query.positive_terms())


def match_spans(
    query: Query,
    article: Article,
    analysis: Analysis | None = None,
    actor_names: Mapping[Term, set[str]] | None = None,
) -> list[tuple[int, int]]:
    """Character spans in `article.text` where the query's words match, in reading order.

    Field terms match only inside their part of the article: `said:` inside quotations, `person:`
    inside PERSON entities, `actor:` inside the actor's mentions (or, without an analysis, nowhere).
    `actor_names` gives, for an `actor:` term, the actors of this article it names by the library's
    identities (`actor:Erdogan` names `Erdoğan`): their mentions match whatever their spelling.
    """
    spans: set[tuple[int, int]] = set()
    for term in query.positive_terms():
        if term.field in ("source", "date"):
            continue
        named = (actor_names or {}).get(term) if term.field == "actor" else None
        if named and analysis is not None:
            found = _occurrences(term, article.text)
            wanted = set(term.words)
            spans.update(
                (start, end)  # a mention spelling the words otherwise (`Erdoğan` for erdogan): all of it
                for start, end in _mentions_of(named, analysis)
                if wanted <= set(fold(article.text[start:end]).split())
                and not any(start <= a and b <= end for a, b in found)
            )
        allowed = _regions(term, article, analysis)
        if allowed is not None and not allowed:
            continue
        for start, end in _occurrences(term, article.text):
            if allowed is None or any(a <= start and end <= b for a, b in allowed):
                spans.add((start, end))
    return _merge(sorted(spans))


def _regions(term: Term, article: Article, analysis: Analysis | None) -> list[tuple[int, int]] | None:
    """Where a field term may match (None: anywhere in the text)."""
    if term.field is None:
        return None
    if term.field == "title":
        at = article.text.find(article.title) if article.title else -1
        return [(at, at + len(article.title))] if at >= 0 else []
    if analysis is None:
        return []
    if term.field == "said":
        return [(q.start, q.end) for q in analysis.quotes]
    if term.field == "actor":
        regions = [(m.start, m.end) for a in analysis.actors for m in a.mentions]
        regions += [(q.speaker.start, q.speaker.end) for q in analysis.quotes if q.speaker and q.actor]
        return regions + [(e.start, e.end) for e in analysis.entities if e.label in ("PERSON", "ORG")]
    labels = {"person": {"PERSON"}, "org": {"ORG"}, "place": PLACE_FIELD_LABELS}[term.field]
    return [(e.start, e.end) for e in analysis.entities if e.label in labels]


def _mentions_of(names: set[str], analysis: Analysis) -> list[tuple[int, int]]:
    """Where the article names these actors: their mentions, and the speakers of their statements."""
    spans = [(m.start, m.end) for a in analysis.actors if a.name in names for m in a.mentions]
    return spans + [
        (q.speaker.start, q.speaker.end) for q in analysis.quotes if q.speaker and q.actor in names
    ]


def _occurrences(term: Term, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _pattern(term).finditer(text)]


@functools.lru_cache(maxsize=256)
def _pattern(term: Term) -> re.Pattern[str]:
    """The term as a regular expression with the index's word rules: words are runs of letters and
    digits, anything else between them is a separator, and case does not matter."""
    body = r"[\W_]+".join(re.escape(w) for w in term.words)
    tail = r"[^\W_]*" if term.prefix else r"(?![^\W_])"
    return re.compile(rf"(?<![^\W_]){body}{tail}", re.IGNORECASE)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(
    text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """One line of context around the first match (the opening of the text when none), on one line."""
    if spans:
        first = spans[0][0]
        start = max(0, first - width // 3)
        space = text.rfind(" ", 0, start + 1) if start else -1
        start = space + 1 if space >= 0 and first - space < width // 2 else start
    else:
        start = 0
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    window = text[start:end]
    flat = " ".join(window.split())
    inner = _flat_spans(window, [(s - start, e - start) for s, e in spans if s >= start and e <= end])
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix)
    return prefix + flat + suffix, tuple((s + shift, e + shift) for s, e in inner) if flat else ()


def _flat_spans(window: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Map spans in `window` to spans in `" ".join(window.split())`."""
    mapping: list[int] = []
    out_len = 0
    in_space = True
    leading = True
    for ch in window:
        if ch.isspace():
            mapping.append(out_len)
            if not in_space and not leading:
                in_space = True
        else:
            if in_space and not leading:
                out_len += 1
            mapping.append(out_len)
            out_len += 1
            in_space = False
            leading = False
    mapping.append(out_len)
    return [(mapping[s], mapping[e - 1] + 1) for s, e in spans if e > s]
