"""The library's identities hold whatever names the articles give, and follow articles in any order:
the same identities as when the remaining articles are taken in afresh."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from property_budget import examples

from tui.core.identity import ActorIdentities
from tui.core.model import Actor, Analysis, Quote

WORDS = ["Amira", "Okafor", "Mr.", "Mrs.", "J.", "F.B.I.", "FBI", "Erdoğan", "Erdogan", "the", "’s",
         "Jr.", "World", "Health", "Organization", "WHO", "bin", "", "—", "\x1b[2J", "Ünal",
         "O'Brien"]  # fmt: skip
NAMES = st.lists(st.sampled_from(WORDS), min_size=0, max_size=4).map(" ".join)
LABELS = st.sampled_from(["PERSON", "ORG", "GPE", "NORP"])
ACTORS = st.lists(
    st.builds(
        lambda name, label, aliases: Actor(name, label, tuple(aliases)),
        NAMES,
        LABELS,
        st.lists(NAMES, max_size=2),
    ),
    max_size=4,
)


def analysis_of(article_id: str, actors: list[Actor]) -> Analysis:
    quotes = tuple(Quote(0, 1, "indirect", "x", actor=actor.name) for actor in actors[:2])
    return Analysis(article_id, "test", quotes=quotes, actors=tuple(actors))


def keys(identities: ActorIdentities, analyses: dict[str, Analysis]) -> dict[tuple[str, str], str | None]:
    return {
        (article_id, actor.name): identities.local_key(article_id, actor.name)
        for article_id, analysis in analyses.items()
        for actor in analysis.actors
    }


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(ACTORS, min_size=1, max_size=6), st.data())
def test_identities_after_changes_are_those_of_a_fresh_start(
    articles: list[list[Actor]], data: st.DataObject
) -> None:
    analyses = {f"a{n}": analysis_of(f"a{n}", actors) for n, actors in enumerate(articles)}
    kept = ActorIdentities()
    first = data.draw(st.integers(0, len(analyses)))
    for n, (article_id, analysis) in enumerate(analyses.items()):
        if n == first:  # the rest arrive after a list was made: it grows
            kept.summaries(lambda name, label, key: _Summary(name, label, key))
        kept.add(article_id, analysis)
    kept.summaries(lambda name, label, key: _Summary(name, label, key))
    gone = data.draw(st.sets(st.sampled_from(sorted(analyses))))
    for article_id in gone:
        kept.remove(article_id)
    left = {i: a for i, a in analyses.items() if i not in gone}
    fresh = ActorIdentities()
    for article_id, analysis in left.items():
        fresh.add(article_id, analysis)

    assert keys(kept, left) == keys(fresh, left)
    made = kept.summaries(lambda name, label, key: _Summary(name, label, key))
    again = fresh.summaries(lambda name, label, key: _Summary(name, label, key))
    assert sorted(_seen(s) for s in made) == sorted(_seen(s) for s in again)


def _seen(s: _Summary) -> tuple[object, ...]:
    """What a reader sees of an actor: name, label, statements in order, articles, names used."""
    names = sorted((alias, sorted(ids)) for alias, ids in s.alias_articles.items())
    return (s.key, s.name, s.label, [(a, q.actor) for a, q in s.statements], sorted(s.article_ids), names)


class _Summary:
    def __init__(self, name: str, label: str, key: str) -> None:
        self.name, self.label, self.key = name, label, key
        self.aliases: set[str] = set()
        self.statements: list[tuple[str, Quote]] = []
        self.article_ids: set[str] = set()
        self.alias_articles: dict[str, set[str]] = {}
