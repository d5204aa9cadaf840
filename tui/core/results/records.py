"""One analysed article as a plain record (the analysis JSON contract) and back.

The record is what `newsreader analyze --format jsonl` prints and what a Parquet row holds; it
names the pipeline that made the analysis, so `newsreader import` can tell a result this
newsreader would produce from one of another model or another version of the analysis.
"""

from __future__ import annotations

from typing import Any

from tui.core.model import Analysis, Article, Block


class BadRecord(ValueError):
    """A record that is not an analysed article; the message says what is wrong, for the user."""


def as_record(article: Article, analysis: Analysis, pipeline: str | None) -> dict[str, Any]:
    """The contract: offsets are character offsets into `text`, the article's text as read.

    `authors`, `licence` and `format` make the record the whole article as the cache keeps it: the
    reader opening the same files after `newsreader import` then finds every row as it would write
    it, and rewrites (and re-indexes) none.
    """
    return {
        "path": article.path,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "text": article.text,
        "quotes": [q.to_dict() for q in analysis.quotes],
        "entities": [e.to_dict() for e in analysis.entities],
        "actors": [a.to_dict() for a in analysis.actors],
        "blocks": [b.to_dict() for b in article.blocks],
        "authors": list(article.authors),
        "licence": article.licence,
        "format": article.format,
        "pipeline": pipeline,
    }


def from_record(record: Any) -> tuple[Article, Analysis]:
    """The article and its analysis, keyed by the text's content hash as the cache keys them.

    Raises BadRecord when a field is missing or a span falls outside the text: an imported
    analysis must never make the reader highlight past the end of an article.
    """
    if not isinstance(record, dict):
        raise BadRecord("not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text:
        raise BadRecord("no text")
    try:
        article = Article(
            path=str(record.get("path") or ""),
            title=str(record.get("title") or ""),
            text=text,
            date=_optional(record.get("date")),
            source=_optional(record.get("source")),
            url=_optional(record.get("url")),
            authors=tuple(str(a) for a in record.get("authors") or ()),
            licence=_optional(record.get("licence")),
            format=str(record.get("format") or "txt"),
            blocks=tuple(Block.from_dict(b) for b in record.get("blocks") or ()),
        )
        analysis = Analysis.from_dict(
            {
                "article_id": article.id,
                "pipeline": record.get("pipeline") or "",
                "entities": record.get("entities") or (),
                "quotes": record.get("quotes") or (),
                "actors": record.get("actors") or (),
            }
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BadRecord(f"not an analysed article ({type(error).__name__}: {error})") from None
    _check_spans(len(text), article, analysis)
    return article, analysis


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)


def _check_spans(length: int, article: Article, analysis: Analysis) -> None:
    spans: list[tuple[int, int]] = [(b.start, b.end) for b in article.blocks]
    spans += [(e.start, e.end) for e in analysis.entities]
    for quote in analysis.quotes:
        spans += [(quote.start, quote.end), *quote.parts]
        spans += [(s.start, s.end) for s in (quote.cue, quote.speaker) if s is not None]
    for actor in analysis.actors:
        spans += [(m.start, m.end) for m in actor.mentions]
    bad = next(((s, e) for s, e in spans if not 0 <= s <= e <= length), None)
    if bad is not None:
        raise BadRecord(f"a span {bad[0]}..{bad[1]} lies outside the text ({length:,} characters)")
