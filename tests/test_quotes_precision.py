"""Things that look like statements and are not: each kind of false alarm, on sentences of our own."""

from __future__ import annotations

from nlp_fixtures import analyse

from tui.core.nlp.page_furniture import is_furniture


def quote_texts(text: str) -> list[str]:
    return [q.text for q in analyse(text).quotes]


def test_a_link_to_another_story_is_no_statement():
    text = (
        "The council voted to close the pool.\n\n"
        "READ MORE: Mayor says the city will build a new arena next year\n\n"
        'WATCH: "We have waited long enough," residents say\n\n'
        '"We could not afford the repairs," the mayor said.'
    )
    assert quote_texts(text) == ['"We could not afford the repairs,"']


def test_a_photo_caption_with_its_credit_is_no_statement():
    text = (
        "Jane Moss says the new rules will help her students. (Peter Ray/Daily Courier)\n\n"
        "Teachers said the new rules would take effect in the fall.\n\n"
        "The pool opened in May. ( Ann Wu / The Record )"
    )
    assert quote_texts(text) == ["the new rules would take effect in the fall"]


def test_furniture_is_told_by_the_line_alone():
    assert is_furniture("READ MORE: Mayor says arena is coming")
    assert is_furniture("Relevant Reading: How to talk to your kids")
    assert is_furniture("A crowd gathers outside city hall. (Sam Lee/CBC).")
    assert not is_furniture("The mayor said more: the arena is coming.")
    assert not is_furniture("The deal (worth $3 million) was signed on Friday.")
