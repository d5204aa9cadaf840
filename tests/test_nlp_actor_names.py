"""The actor list holds people and organisations that are named, not every entity spaCy tags."""

from __future__ import annotations

import pytest
from nlp_fixtures import analyse

from tui.core.nlp.actor_names import actor_label, looks_like_name


def test_platform_tagged_as_person_is_listed_as_organisation():
    assert actor_label("Twitter", "PERSON") == "ORG"
    assert actor_label("Barack Obama", "PERSON") == "PERSON"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Articles 2", "PERSON"),  # a common noun and a number
        ("Hoo Boy.", "PERSON"),  # ends a sentence
        ('Twitter "Youtube-dl', "PERSON"),  # runs into a quotation
        ("la marginación de parte de sus", "PERSON"),  # words of a sentence, not a name
        ("el hospital", "ORG"),
        ("Caboolture 43–5", "ORG"),  # a score
    ],
)
def test_not_names(name, label):
    assert not looks_like_name(name, label, [(100, 100 + len(name))], "x" * 200)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Bashar al-Assad", "PERSON"),
        ("Ludwig van Beethoven", "PERSON"),
        ("Robert Downey Jr.", "PERSON"),
        ("Sergey M.", "PERSON"),
        ("Agreement on Peacekeeping Activities", "ORG"),
        ("1st Fleet Command", "ORG"),
        ("Group of 20", "ORG"),
        ("eBay", "ORG"),
    ],
)
def test_names(name, label):
    assert looks_like_name(name, label, [(100, 100 + len(name))], "x" * 200)


def test_a_capitalised_common_noun_at_sentence_start_is_no_name():
    text = "He spoke for an hour. Speech in Cairo by the president was long, and the speech was praised."
    start = text.index("Speech")
    assert not looks_like_name("Speech", "ORG", [(start, start + 6)], text)
    # a surname that only starts sentences is a name when the article never writes it in lower case
    text = "He spoke for an hour. Brown was there."
    assert looks_like_name("Brown", "PERSON", [(text.index("Brown"), text.index("Brown") + 5)], text)


def test_entities_stay_but_noise_leaves_the_actor_list():
    text = (
        "The treaty was signed on Monday.\n"
        "The grounds for sending the troops are Articles 2 and 4 of the Collective Security Treaty.\n"
        "Maria Lopez wrote on Twitter that the troops had arrived.\n"
    )
    analysis = analyse(text)
    actors = {a.name: a.label for a in analysis.actors}
    assert "Maria Lopez" in actors
    assert not any(name.startswith("Articles") for name in actors)
    if "Twitter" in actors:
        assert actors["Twitter"] == "ORG"


def test_a_speaker_who_is_only_a_common_noun_is_no_actor():
    analysis = analyse("The police arrived at noon. Soon the reports said that three people were hurt.\n")
    said = next(q for q in analysis.quotes if "three people were hurt" in q.text)
    assert said.actor != "Reports"
    assert "Reports" not in {a.name for a in analysis.actors}
