"""The actors panel's line for an actor: across all articles it says where the actor's names came from."""

from __future__ import annotations

from tui.app.widgets.actors_panel import actor_label
from tui.core.library import ActorSummary
from tui.core.model import Quote


def erdogan() -> ActorSummary:
    said = Quote(0, 4, "indirect", "word")
    return ActorSummary(
        "Recep Tayyip Erdoğan",
        "PERSON",
        aliases={"Erdoğan", "Erdogan"},
        statements=[("a", said), ("b", said)],
        article_ids={"a", "b", "c"},
        alias_articles={"Recep Tayyip Erdoğan": {"a"}, "Erdoğan": {"b", "c"}, "Erdogan": {"c"}},
        key="person:recep erdogan",
    )


def test_all_articles_scope_shows_the_articles_and_each_other_name_with_its_count() -> None:
    label = actor_label(erdogan(), across=True).plain
    assert label == (
        "Recep Tayyip Erdoğan  PERSON · 2 statements · 3 articles · also Erdoğan (2), Erdogan (1)"
    )


def test_one_articles_scope_keeps_the_short_line() -> None:
    assert actor_label(erdogan()).plain == "Recep Tayyip Erdoğan  PERSON · 2 statements"


def test_many_other_names_are_cut_to_the_three_most_used() -> None:
    actor = erdogan()
    actor.alias_articles.update({"Tayyip": {"a"}, "President Erdoğan": {"a", "b", "c"}})
    label = actor_label(actor, across=True).plain
    assert label.endswith("also President Erdoğan (3), Erdoğan (2), Erdogan (1) +1")
