"""A quote with everything needed to cite it, and the choice of which quotes to export.

An `ExportItem` flattens a `Quote` and its `Article` into the fields every format writes, so the
writers never look at the analysis and a quote can always be traced back: the article's title, URL,
date and source for a reader, its path and character offsets (and those of its pieces) for a program.
A statement split by its cue (`"A," she said, "B."`) is exported without the cue: its pieces joined
by an ellipsis, as a writer cites words with some left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tui.core.marks import MarkKey
from tui.core.model import Analysis, Article, Quote

_OPENING_MARKS = set("\"“„«‘'‹「『")
_CLOSING_MARKS = set("\"”“»’'›」』")
"""What stands for the reporter's words (cue, speaker) left out between the pieces of a quote."""

#: The fields of an exported quote, in the order of the CSV columns and the JSON Lines keys.
EXPORT_FIELDS: tuple[str, ...] = (
    "actor",
    "speaker_mention",
    "quote",
    "kind",
    "cue",
    "article_title",
    "date",
    "source",
    "url",
    "path",
    "start",
    "end",
    "parts",
)


@dataclass(frozen=True)
class ExportItem:
    """One quote as exported. `start`/`end` are character offsets into the article's text, `parts` the
    offsets of its pieces (one piece, `start` to `end`, unless the cue splits the statement).

    `article_id` (the article's content hash) is kept to find the quote's mark again; the formats
    do not write it, since `path` with `start`/`end` already point at the words.
    """

    actor: str | None
    speaker_mention: str | None
    quote: str
    kind: str
    cue: str | None
    article_title: str
    date: str | None
    source: str | None
    url: str | None
    path: str
    start: int
    end: int
    parts: tuple[tuple[int, int], ...] = ()
    article_id: str = ""

    def __post_init__(self) -> None:
        if not self.parts:
            object.__setattr__(self, "parts", ((self.start, self.end),))

    @classmethod
    def from_quote(cls, article: Article, quote: Quote) -> ExportItem:
        return cls(
            actor=quote.actor,
            speaker_mention=quote.speaker.text if quote.speaker else None,
            quote=quote.spoken_words(),
            kind=quote.kind,
            cue=quote.cue.text if quote.cue else None,
            article_title=article.title,
            date=article.date,
            source=article.source,
            url=article.url,
            path=article.path,
            start=quote.start,
            end=quote.end,
            parts=quote.parts,
            article_id=article.id,
        )

    @property
    def mark_key(self) -> MarkKey:
        return MarkKey(self.article_id, self.start, self.end)

    def to_record(self) -> dict[str, Any]:
        """The exported fields, in `EXPORT_FIELDS` order (None where a value is unknown); `parts` as a
        list of [start, end] pairs."""
        record = {name: getattr(self, name) for name in EXPORT_FIELDS}
        record["parts"] = [[start, end] for start, end in self.parts]
        return record

    def citation(self) -> str:
        """The quote with its attribution on one line, for the clipboard: words, who, where, when."""
        words = " ".join(self.quote.split())
        if not (words[:1] in _OPENING_MARKS and words[-1:] in _CLOSING_MARKS):
            words = f"“{words}”"
        who = self.actor or self.speaker_mention or "unknown speaker"
        if self.cue:
            who = f"{who} ({self.cue})"
        where = [part for part in (self.article_title, self.source, self.date, self.url) if part]
        return f"{words} — {who}" + (f", {', '.join(where)}" if where else "")


def select_quotes(
    pairs: Iterable[tuple[Article, Analysis]],
    *,
    actor: str | None = None,
    marked: set[MarkKey] | None = None,
    article_ids: set[str] | None = None,
) -> list[ExportItem]:
    """The quotes that pass every filter given, in article order then reading order.

    `actor` matches the canonical actor name regardless of case and surrounding spaces; `marked`
    keeps only marked quotes; `article_ids` keeps only those articles (e.g. the search's matches).
    A filter left as None does not filter. The same article loaded twice (same content hash) gives
    its quotes once.
    """
    wanted_actor = actor.strip().casefold() if actor is not None else None
    wanted_marks = {MarkKey(*key) for key in marked} if marked is not None else None
    seen: set[MarkKey] = set()
    items: list[ExportItem] = []
    for article, analysis in pairs:
        if analysis.article_id != article.id:
            raise ValueError(f"the analysis of {article.path} belongs to another text")
        if article_ids is not None and article.id not in article_ids:
            continue
        for quote in analysis.quotes:
            key = MarkKey.of(article, quote)
            if key in seen:
                continue
            if wanted_actor is not None and (quote.actor or "").strip().casefold() != wanted_actor:
                continue
            if wanted_marks is not None and key not in wanted_marks:
                continue
            seen.add(key)
            items.append(ExportItem.from_quote(article, quote))
    return items
