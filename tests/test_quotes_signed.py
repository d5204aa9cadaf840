"""Paragraphs signed by their speaker: an embedded post and a pull quote, on sentences of our own."""

from __future__ import annotations

from nlp_fixtures import analyse


def statements(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker.text if q.speaker else None, q.actor) for q in analyse(text).quotes]


def test_an_embedded_post_is_a_statement_of_its_author():
    text = (
        "The storm cut power to thousands of homes on the coast.\n\n"
        "Crews are working around the clock. Most of the island should have power back by Sunday night. "
        "pic.twitter.com/Ab12Cd34 — Coast Power (@coastpower) March 3, 2019\n\n"
        "Schools stayed closed on Monday."
    )
    assert statements(text) == [
        (
            "Crews are working around the clock. Most of the island should have power back by Sunday night",
            "Coast Power",
            "Coast Power",
        )
    ]


def test_what_an_embedded_post_reports_is_part_of_the_post():
    text = (
        "Ferries were cancelled for a second day.\n\n"
        "Waiting times keep growing and the ferry workers union says crews are stretched too thin. "
        "https://t.co/x1Y2z3 — Dana Okafor (@dana_okafor) March 4, 2019"
    )
    [(quoted, speaker, actor)] = statements(text)
    assert quoted.startswith("Waiting times keep growing")
    assert quoted.endswith("stretched too thin")
    assert (speaker, actor) == ("Dana Okafor", "Dana Okafor")


def test_a_pull_quote_is_the_statement_of_the_name_under_it():
    text = (
        "The town hall was packed on Tuesday night.\n\n"
        "We have waited three years for this bridge and nobody has told us why. Greta Lindqvist, "
        "Millbrook councillor\n\n"
        "The province has promised a decision by June."
    )
    assert statements(text) == [
        (
            "We have waited three years for this bridge and nobody has told us why",
            "Greta Lindqvist",
            "Greta Lindqvist",
        )
    ]


def test_a_sentence_ending_in_a_name_is_no_pull_quote():
    for text in (
        "The award went to a young engineer from the north. Her name is Greta Lindqvist",
        "The bridge was designed by a firm from Oslo and built by Lindqvist Construction.",
        "Ferries were cancelled for a second day. (Paul Gray/Coast News)",
        "Crowds waited outside the arena. Greta Lindqvist",
    ):
        assert statements(text) == [], text
