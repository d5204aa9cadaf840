"""Objects of reporting verbs: which are words said and which are not, on sentences of our own."""

from __future__ import annotations

from nlp_fixtures import analyse


def quote_texts(text: str) -> list[str]:
    return [q.text for q in analyse(text).quotes]


def test_what_is_reported_revealed_or_confirmed_as_a_thing_is_no_statement():
    for sentence in (
        "The mining company reported a sharp drop in quarterly profit.",
        "A local radio station first reported the sale.",
        "The court files reveal a long list of missed payments.",
        "The ministry did not reveal any details about the contract.",
        "The newspaper could not confirm the identity of the buyer.",
        "The premier dismissed the idea of an early election.",
    ):
        assert quote_texts(sentence) == [], sentence


def test_what_is_reported_revealed_or_confirmed_as_a_clause_still_is():
    assert quote_texts("The mining company reported that profit fell by a third.") == [
        "that profit fell by a third"
    ]
    assert quote_texts("The ministry confirmed the contract had been signed in May.") == [
        "the contract had been signed in May"
    ]
    assert quote_texts("The mayor revealed that the arena would cost twice as much.") == [
        "that the arena would cost twice as much"
    ]


def test_what_someone_writes_or_warns_about_is_a_topic_not_words_said():
    for sentence in (
        "She writes about food and travel for a weekly magazine.",
        "The economist, who writes extensively about housing, spoke at the forum.",
        "Forecasters warned of heavy snow across the region.",
        "Retailers have warned about slowing sales this winter.",
    ):
        assert quote_texts(sentence) == [], sentence
    assert quote_texts("Forecasters warned that the roads would be icy by morning.") == [
        "that the roads would be icy by morning"
    ]
    assert quote_texts("The union warned against any cuts to the night shift.") == [
        "any cuts to the night shift"
    ]
