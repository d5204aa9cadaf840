"""Offices: one role written several ways is one actor ("Kazakh FM" = the Minister of Foreign Affairs)."""

from __future__ import annotations

import pytest
from nlp_fixtures import analyse

from tui.core.nlp.offices import office_of, same_place

PLACES = {"Kazakhstan", "Russia", "Russian", "Ukraine"}


@pytest.mark.parametrize(
    ("adjective", "country", "same"),
    [
        ("Kazakh", "Kazakhstan", True),
        ("Kazakhstani", "Kazakhstan", True),
        ("Russian", "Russia", True),
        ("Chinese", "China", True),
        ("Afghan", "Afghanistan", True),
        ("French", "France", True),
        ("Austrian", "Austria", True),
        ("Austrian", "Australia", False),
        ("Iraqi", "Iran", False),
        ("Russian", "Ukraine", False),
    ],
)
def test_a_nationality_names_its_country(adjective, country, same):
    assert same_place(adjective, country) is same


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Kazakh FM", "Minister of Foreign Affairs of Kazakhstan", True),
        ("Minister of Foreign Affairs", "Kazakh foreign minister", True),
        ("Russian Defence Minister", "Minister of Defense of Russia", True),
        ("Kazakhstan President", "President of Kazakhstan", True),
        ("Russian FM", "Minister of Foreign Affairs of Kazakhstan", False),
        ("Kazakh FM", "Kazakh PM", False),
        ("the president", "the president", False),  # no office in particular
    ],
)
def test_one_office_written_two_ways(first, second, same):
    assert office_of(first, PLACES).same_as(office_of(second, PLACES)) is same


def test_a_ministry_is_no_minister():
    assert office_of("Russian Defense Ministry", PLACES) is None


def test_headline_abbreviation_and_title_are_one_actor():
    analysis = analyse(
        "Russian FM: talks will go on\n"
        "The talks in Geneva ended on Friday.\n"
        "The Minister of Foreign Affairs of Russia said that the talks would go on next week.\n"
    )
    names = [a.name for a in analysis.actors if a.label == "PERSON"]
    assert names == ["Minister of Foreign Affairs of Russia"]
    speakers = {q.actor for q in analysis.quotes}
    assert speakers == {"Minister of Foreign Affairs of Russia"}


def test_the_office_joins_the_person_named_with_that_title():
    analysis = analyse(
        "Russian FM: talks will go on\n"
        "Foreign Minister Sergei Lavrov arrived in Geneva on Friday.\n"
        "He said that the talks would go on next week.\n"
    )
    headline = next(q for q in analysis.quotes if q.text.startswith("talks will go on"))
    assert headline.actor == "Sergei Lavrov"
    assert not any("FM" in a.name for a in analysis.actors)


def test_two_countries_ministers_stay_apart():
    analysis = analyse(
        "The Minister of Foreign Affairs of Russia said that the talks would go on.\n"
        "The Minister of Foreign Affairs of Ukraine said that the talks had failed.\n"
    )
    actors = {q.actor for q in analysis.quotes}
    assert actors == {"Minister of Foreign Affairs of Russia", "Minister of Foreign Affairs of Ukraine"}


def test_the_office_joins_the_person_with_that_title_in_apposition():
    analysis = analyse(
        "Russian FM: talks will go on\n"
        "Sergei Lavrov, the foreign minister of Russia, arrived in Geneva on Friday.\n"
    )
    headline = next(q for q in analysis.quotes if q.text.startswith("talks will go on"))
    assert headline.actor == "Sergei Lavrov"
