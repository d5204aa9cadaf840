"""One actor across the library: each rule of tui.core.identity on names made up for it.

Every test builds a few hand-made article analyses (no spaCy) and asks which of their actors are
one: the identity keys, and the merged actors the library lists.
"""

from __future__ import annotations

import pytest

from tui.core.identity import ActorIdentities, fold
from tui.core.identity.group_names import acronym_of, initials_of
from tui.core.identity.person_names import parse_person
from tui.core.library import Library
from tui.core.model import Actor, Analysis, Article, Quote, Span


def analysis(article_id: str, *actors: Actor | str, speakers: tuple[str, ...] = ()) -> Analysis:
    """An article's analysis with these actors (a plain string is a person of that name, no alias);
    each of `speakers` says one thing."""
    made = tuple(Actor(a, "PERSON") if isinstance(a, str) else a for a in actors)
    quotes = tuple(Quote(0, 4, "indirect", "word", actor=name) for name in speakers)
    return Analysis(article_id, "test", quotes=quotes, actors=made)


def identities(*analyses: Analysis) -> ActorIdentities:
    found = ActorIdentities()
    for one in analyses:
        found.add(one.article_id, one)
    return found


def same(found: ActorIdentities, *pairs: tuple[str, str]) -> bool:
    """Whether these (article id, actor name) pairs are all one actor."""
    return len({found.local_key(article, name) for article, name in pairs}) == 1


def articles_naming(name: str, count: int, prefix: str) -> list[Analysis]:
    return [analysis(f"{prefix}{n}", name) for n in range(count)]


# -- names ----------------------------------------------------------------------------------------


def test_folding_drops_diacritics_case_possessives_and_the_stops_of_initials() -> None:
    assert fold("Recep Tayyip Erdoğan") == fold("recep tayyip erdogan") == "recep tayyip erdogan"
    assert fold("F.B.I.") == fold("FBI") == "fbi"
    assert fold("Sanders’") == fold("Sanders's") == fold("Sanders") == "sanders"
    assert fold("Lech Wałęsa") == "lech walesa"
    assert fold("O'Brien") == "obrien"


def test_a_name_loses_its_titles_and_keeps_its_middle_initials_and_generation_apart() -> None:
    trump = parse_person("Donald J. Trump's")
    assert trump is not None and (trump.forename, trump.middle, trump.surname) == ("donald", "j", "trump")
    kerry = parse_person("Secretary of State John Kerry")
    assert kerry is not None and kerry.full_key == ("john", "kerry")
    mister = parse_person("Mr. Trump")
    assert mister is not None and (mister.forename, mister.surname, mister.gender) == ("", "trump", "m")
    junior = parse_person("Donald Trump Jr.")
    assert junior is not None and junior.surname == "trump jr"
    laden = parse_person("Mr. bin Laden")
    assert laden is not None and (laden.forename, laden.surname, laden.gender) == ("", "bin laden", "m")


def test_initials_are_read_from_capitals_and_a_name_knows_its_initials() -> None:
    assert acronym_of("F.B.I.") == "fbi"
    assert acronym_of("the WHO") == "who"
    assert acronym_of("Reuters") == ""
    assert "fbi" in initials_of("Federal Bureau of Investigation")
    assert "doj" in initials_of("Department of Justice")


# -- people ---------------------------------------------------------------------------------------


def test_spellings_of_one_full_name_are_one_person() -> None:
    found = identities(
        analysis("a", "Recep Tayyip Erdoğan"),
        analysis("b", "Recep Tayyip Erdogan"),
        analysis("c", "President Recep Tayyip Erdoğan"),
    )
    assert same(
        found,
        ("a", "Recep Tayyip Erdoğan"),
        ("b", "Recep Tayyip Erdogan"),
        ("c", "President Recep Tayyip Erdoğan"),
    )


def test_a_surname_alone_joins_the_only_full_name_of_the_library_whatever_its_accents() -> None:
    found = identities(analysis("a", "Recep Tayyip Erdoğan"), analysis("b", "Erdogan"))
    assert same(found, ("a", "Recep Tayyip Erdoğan"), ("b", "Erdogan"))
    assert found.identity(found.local_key("b", "Erdogan")).name == "Recep Tayyip Erdoğan"  # type: ignore[union-attr]


def test_titles_and_middle_initials_name_the_same_person() -> None:
    found = identities(
        analysis("a", "Amira J. Okafor"), analysis("b", "Mrs. Okafor"), analysis("c", "Amira Okafor")
    )
    assert same(found, ("a", "Amira J. Okafor"), ("b", "Mrs. Okafor"), ("c", "Amira Okafor"))


def test_two_middle_initials_are_two_people_and_the_name_without_stays_apart() -> None:
    found = identities(
        analysis("a", "Peter K. Lindqvist"),
        analysis("b", "Peter M. Lindqvist"),
        analysis("c", "Peter Lindqvist"),
    )
    keys = {
        found.local_key(a, n)
        for a, n in (("a", "Peter K. Lindqvist"), ("b", "Peter M. Lindqvist"), ("c", "Peter Lindqvist"))
    }
    assert len(keys) == 3


def test_a_son_of_the_same_name_is_not_his_father() -> None:
    found = identities(analysis("a", "Paul Berg Jr."), analysis("b", "Paul Berg"))
    assert not same(found, ("a", "Paul Berg Jr."), ("b", "Paul Berg"))


def test_two_people_sharing_a_surname_stay_two_and_the_surname_alone_stays_apart() -> None:
    found = identities(analysis("a", "Amira Okafor"), analysis("b", "Jonas Okafor"), analysis("c", "Okafor"))
    keys = {
        found.local_key("a", "Amira Okafor"),
        found.local_key("b", "Jonas Okafor"),
        found.local_key("c", "Okafor"),
    }
    assert len(keys) == 3
    assert found.local_key("c", "Okafor") == "surname:okafor"


def test_a_surname_joins_the_full_name_its_own_article_gives_over_the_library() -> None:
    found = identities(
        *articles_naming("Amira Okafor", 9, "amira"),
        analysis("x", "Jonas Okafor", "Okafor"),  # this article names Jonas: its Okafor is Jonas
    )
    assert same(found, ("x", "Okafor"), ("x", "Jonas Okafor"))
    assert not same(found, ("x", "Okafor"), ("amira0", "Amira Okafor"))


def test_an_article_naming_two_namesakes_leaves_its_surname_alone_open() -> None:
    found = identities(
        *articles_naming("Amira Okafor", 9, "amira"), analysis("x", "Amira Okafor", "Jonas Okafor", "Okafor")
    )
    assert found.local_key("x", "Okafor") == "surname:okafor"


@pytest.mark.parametrize(
    ("most", "fewer", "joins"), [(8, 2, True), (12, 3, True), (7, 2, False), (3, 2, False)]
)
def test_a_surname_alone_goes_to_the_namesake_who_clearly_dominates_else_nowhere(
    most: int, fewer: int, joins: bool
) -> None:
    found = identities(
        *articles_naming("Lucia Moreno", most, "lucia"),
        *articles_naming("Diego Moreno", fewer, "diego"),
        analysis("x", "Moreno"),
    )
    assert same(found, ("x", "Moreno"), ("lucia0", "Lucia Moreno")) is joins
    assert not same(found, ("x", "Moreno"), ("diego0", "Diego Moreno"))


def test_a_title_of_the_other_gender_sets_the_dominant_namesake_aside() -> None:
    found = identities(
        *articles_naming("Mary Castillo", 10, "mary"),
        *articles_naming("John Castillo", 2, "john"),
        analysis("x", "Mr. Castillo"),
        analysis("y", "Mrs. Castillo"),
    )
    assert same(found, ("x", "Mr. Castillo"), ("john0", "John Castillo"))
    assert same(found, ("y", "Mrs. Castillo"), ("mary0", "Mary Castillo"))


def test_identities_follow_articles_that_leave() -> None:
    found = identities(analysis("a", "Amira Okafor"), analysis("b", "Okafor"))
    assert same(found, ("a", "Amira Okafor"), ("b", "Okafor"))
    found.add("c", analysis("c", "Jonas Okafor"))
    assert found.local_key("b", "Okafor") == "surname:okafor"
    found.remove("c")
    assert same(found, ("a", "Amira Okafor"), ("b", "Okafor"))


# -- organisations --------------------------------------------------------------------------------


def test_initials_with_or_without_stops_are_one_organisation() -> None:
    found = identities(analysis("a", Actor("F.B.I.", "ORG")), analysis("b", Actor("FBI", "ORG")))
    assert same(found, ("a", "F.B.I."), ("b", "FBI"))


def test_initials_join_the_name_they_stand_for() -> None:
    found = identities(
        analysis("a", Actor("World Health Organization", "ORG")),
        analysis("b", Actor("WHO", "ORG")),
        analysis("c", Actor("the World Health Organisation", "ORG")),
    )
    assert same(
        found, ("a", "World Health Organization"), ("b", "WHO"), ("c", "the World Health Organisation")
    )
    assert found.identity(found.local_key("b", "WHO")).name == "World Health Organization"  # type: ignore[union-attr]


def test_initials_two_names_share_stay_apart_unless_an_article_links_them() -> None:
    found = identities(
        analysis("a", Actor("National Press Agency", "ORG")),
        analysis("b", Actor("Nordic Power Association", "ORG")),
        analysis("c", Actor("NPA", "ORG")),
    )
    assert found.local_key("c", "NPA") == "group:npa"
    found.add("d", analysis("d", Actor("Nordic Power Association", "ORG", ("NPA",))))
    assert same(found, ("c", "NPA"), ("b", "Nordic Power Association"))


def test_a_person_tagged_an_organisation_is_the_person_the_library_knows() -> None:
    found = identities(
        *articles_naming("Amira Okafor", 3, "amira"),
        analysis("x", Actor("Okafor", "ORG")),
        analysis("y", Actor("Amira Okafor", "ORG")),
    )
    assert same(found, ("x", "Okafor"), ("y", "Amira Okafor"), ("amira0", "Amira Okafor"))


def test_something_of_someones_follows_who_they_are() -> None:
    found = identities(
        analysis("a", "Amira Okafor", Actor("Amira Okafor's campaign", "ORG")),
        analysis("b", Actor("Okafor’s campaign", "ORG")),
    )
    assert same(found, ("a", "Amira Okafor's campaign"), ("b", "Okafor’s campaign"))


# -- through the library --------------------------------------------------------------------------


def library_of(*named: tuple[str, tuple[Actor, ...], tuple[str, ...]]) -> tuple[Library, list[Article]]:
    """A library (in memory, no spaCy) of articles, each (text, actors, speakers)."""
    library = Library(no_cache=True)
    articles = []
    for n, (text, actors, speakers) in enumerate(named):
        article = Article(path=f"a{n}.txt", title=f"Article {n}", text=text)
        library.add(article)
        quotes = tuple(Quote(0, 4, "indirect", text[:4], actor=name) for name in speakers)
        library.set_analysis(Analysis(article.id, "test", quotes=quotes, actors=actors))
        articles.append(article)
    return library, articles


def mention(text: str, name: str) -> Actor:
    start = text.index(name)
    return Actor(name, "PERSON", (), (Span(start, start + len(name), name),))


def test_the_library_lists_one_actor_with_its_aliases_and_where_each_came_from() -> None:
    first = "Recep Tayyip Erdoğan spoke in Ankara."
    second = "Erdoğan said the talks would go on."
    library, (one, two) = library_of(
        (first, (mention(first, "Recep Tayyip Erdoğan"),), ("Recep Tayyip Erdoğan",)),
        (second, (mention(second, "Erdoğan"),), ("Erdoğan", "Erdoğan")),
    )
    (actor,) = library.actors(None)
    assert actor.name == "Recep Tayyip Erdoğan"
    assert actor.key == "person:recep erdogan"
    assert actor.aliases == {"Erdoğan"}
    assert actor.alias_articles == {"Recep Tayyip Erdoğan": {one.id}, "Erdoğan": {two.id}}
    assert len(actor.statements) == 3 and actor.article_ids == {one.id, two.id}
    assert [a.name for a in library.actors([two.id])] == ["Recep Tayyip Erdoğan"]
    assert library.actor_key(two.id, "Erdoğan") == actor.key


def test_actor_search_finds_every_spelling_of_the_actor() -> None:
    first = "Recep Tayyip Erdoğan spoke in Ankara."
    second = "Erdoğan said the talks would go on."
    third = "Nobody of that name is here."
    library, (one, two, three) = library_of(
        (first, (mention(first, "Recep Tayyip Erdoğan"),), ()),
        (second, (mention(second, "Erdoğan"),), ()),
        (third, (), ()),
    )
    found = library.find("actor:Erdogan")
    assert {hit.article_id for hit in found.hits} == {one.id, two.id}
    assert library.match_spans("actor:Erdogan", two.id) == [(0, len("Erdoğan"))]
    assert {a.id for a in library.search("-actor:Erdogan")} == {three.id}


def test_actor_search_by_surname_finds_the_articles_of_the_full_name_said_as_mr() -> None:
    first = "Donald J. Trump arrived."
    second = "Mr. Trump said so."
    library, (one, two) = library_of(
        (first, (mention(first, "Donald J. Trump"),), ("Donald J. Trump",)),
        (second, (mention(second, "Mr. Trump"),), ("Mr. Trump",)),
    )
    assert {a.id for a in library.search('actor:"Donald Trump"')} == {one.id, two.id}
    (actor,) = library.find_actors("Trump", speaking=True)
    assert actor.name == "Donald J. Trump" and len(actor.statements) == 2


def test_a_forename_alone_is_the_one_person_it_clearly_names_else_one_actor_per_article() -> None:
    found = identities(
        *articles_naming("Amira Okafor", 12, "amira"),
        analysis("x", "Amira"),
        analysis("b1", "Tariq Haddad"),
        analysis("b2", "Tariq Nasser"),
        analysis("y", "Tariq"),
        analysis("z", "Tariq"),
    )
    assert same(found, ("x", "Amira"), ("amira0", "Amira Okafor"))
    assert not same(found, ("y", "Tariq"), ("z", "Tariq")), "two articles' Tariqs are not one person"
    assert not same(found, ("y", "Tariq"), ("b1", "Tariq Haddad"))
    names = {identity.name for identity in found.identities().values()}
    assert "Tariq" in names


def test_a_forename_named_in_few_articles_is_not_enough() -> None:
    found = identities(*articles_naming("Amira Okafor", 3, "amira"), analysis("x", "Amira"))
    assert not same(found, ("x", "Amira"), ("amira0", "Amira Okafor"))


def test_actor_search_folds_diacritics_even_before_the_identities_are_read(tmp_path, monkeypatch) -> None:
    import tui.core.library as library_module

    text = "Erdoğan said the talks would go on."
    article = Article(path="a.txt", title="Talks", text=text)
    first = Library(db=str(tmp_path / "cache.db"))
    first.add(article)
    first.set_analysis(Analysis(article.id, "test", actors=(mention(text, "Erdoğan"),)))
    first.close()
    monkeypatch.setattr(library_module, "SEARCH_IDENTIFY_AT_MOST", -1)  # as with a very large library

    reopened = Library(db=str(tmp_path / "cache.db"))
    reopened.add(article)

    assert [a.id for a in reopened.search("actor:Erdogan")] == [article.id]
    reopened.close()


def test_a_forename_shared_by_several_people_joins_only_the_one_its_article_names() -> None:
    found = identities(
        *articles_naming("Walter Brennan", 12, "wb"),
        *articles_naming("Walter Ostrowski", 2, "wo"),
        analysis("alone", "Walter"),
        analysis("with-surname", "Walter", "Brennan"),
    )
    assert not same(found, ("alone", "Walter"), ("wb0", "Walter Brennan")), (
        "a story naming no Brennan says nothing of which Walter it means"
    )
    assert same(found, ("with-surname", "Walter"), ("wb0", "Walter Brennan"))
