"""Join the analyses of a long text's pieces (chunking.py) into the analysis of the whole text.

Every offset moves by where its piece starts, so entities, quotes, cues, speakers and mentions point
at the same characters of the whole text. Actors of the same name in several pieces become one actor
holding all their mentions and aliases; an actor's label is the one it had where it was first seen.
"""

from __future__ import annotations

import dataclasses

from ..model import Actor, Analysis, Entity, Quote, Span


def join_analyses(pieces: list[tuple[int, Analysis]], article_id: str, pipeline: str) -> Analysis:
    """One Analysis from (piece start, analysis of the piece) pairs, in text order."""
    entities: list[Entity] = []
    quotes: list[Quote] = []
    actors: dict[str, tuple[Actor, list[Span], set[str]]] = {}
    for offset, analysis in pieces:
        entities.extend(
            dataclasses.replace(e, start=e.start + offset, end=e.end + offset) for e in analysis.entities
        )
        quotes.extend(_shifted_quote(q, offset) for q in analysis.quotes)
        for actor in analysis.actors:
            _first, mentions, aliases = actors.setdefault(actor.name, (actor, [], set()))
            mentions.extend(_shifted(m, offset) for m in actor.mentions)
            aliases.update(actor.aliases)
    return Analysis(
        article_id=article_id,
        pipeline=pipeline,
        entities=tuple(entities),
        quotes=tuple(quotes),
        actors=tuple(
            dataclasses.replace(
                first,
                aliases=tuple(sorted(aliases - {first.name})),
                mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end))),
            )
            for first, mentions, aliases in actors.values()
        ),
    )


def _shifted(span: Span, offset: int) -> Span:
    return Span(span.start + offset, span.end + offset, span.text)


def _shifted_quote(quote: Quote, offset: int) -> Quote:
    return dataclasses.replace(
        quote,
        start=quote.start + offset,
        end=quote.end + offset,
        parts=tuple((start + offset, end + offset) for start, end in quote.parts),
        cue=_shifted(quote.cue, offset) if quote.cue else None,
        speaker=_shifted(quote.speaker, offset) if quote.speaker else None,
    )
