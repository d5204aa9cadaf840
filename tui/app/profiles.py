"""What the entity card shows: who or what an entity is across every loaded article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.model import Article, Entity, Quote

if TYPE_CHECKING:  # the library (cache, index) is imported where it is opened, off the first paint
    from tui.core.library import ActorSummary, Library


@dataclass
class EntityProfile:
    name: str
    label: str
    other_names: list[str] = field(default_factory=list)
    appearances: list[tuple[Article, int]] = field(default_factory=list)
    statements: list[tuple[Article, Quote]] = field(default_factory=list)
    is_actor: bool = False
    actor_key: str | None = None
    """The actor's library-wide key when the entity is an actor: their page is found by it."""

    @property
    def mentions(self) -> int:
        return sum(count for _, count in self.appearances)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def find_actor(library: Library, article_id: str | None, entity: Entity) -> ActorSummary | None:
    """The actor this entity names: by a mention at the same place, else by name or alias."""
    analysis = library.analysis(article_id) if article_id else None
    name = None
    if analysis is not None:
        for actor in analysis.actors:
            if any(
                m.start <= entity.start < m.end or entity.start <= m.start < entity.end
                for m in actor.mentions
            ):
                name = actor.name
                break
    wanted = _key(entity.text)
    key = library.actor_key(article_id, name) if article_id and name is not None else None
    for summary in library.actors(None):
        if summary.key == key or (
            name is None and (_key(summary.name) == wanted or wanted in {_key(a) for a in summary.aliases})
        ):
            return summary
    return None


def profile_of_entity(library: Library, article_id: str | None, entity: Entity) -> EntityProfile:
    actor = find_actor(library, article_id, entity)
    if actor is not None:
        return profile_of_actor(library, actor)
    return _profile(library, entity.text, entity.label, {_key(entity.text)}, None)


def profile_of_actor(library: Library, actor: ActorSummary) -> EntityProfile:
    names = {_key(actor.name), *(_key(a) for a in actor.aliases)}
    return _profile(library, actor.name, actor.label, names, actor)


def _profile(
    library: Library, name: str, label: str, names: set[str], actor: ActorSummary | None
) -> EntityProfile:
    appearances: list[tuple[Article, int]] = []
    spellings: set[str] = set()
    for article in library.articles:
        analysis = library.analysis(article.id)
        if analysis is None:
            continue
        count = 0
        for entity in analysis.entities:
            if _key(entity.text) in names:
                count += 1
                spellings.add(" ".join(entity.text.split()))
        if actor is not None and article.id in actor.article_ids:
            for found in analysis.actors:
                if library.actor_key(article.id, found.name) == actor.key:
                    count = max(count, len(found.mentions))
        if count:
            appearances.append((article, count))
    appearances.sort(key=lambda item: (-item[1], item[0].title))
    other = set(actor.aliases) if actor is not None else set()
    other |= spellings
    other.discard(name)
    statements = []
    if actor is not None:
        for article_id, quote in actor.statements:
            article = library.article(article_id)
            if article is not None:
                statements.append((article, quote))
    return EntityProfile(
        name=name,
        label=label,
        other_names=sorted(other, key=str.casefold),
        appearances=appearances,
        statements=statements,
        is_actor=actor is not None,
        actor_key=actor.key if actor is not None else None,
    )
