"""Things that look like statements and are not: each kind of false alarm, on sentences of our own."""

from __future__ import annotations

from nlp_fixtures import analyse, shared_analyzer

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


def test_verbs_of_acts_rather_than_words_report_nothing_by_their_object():
    for sentence in (
        "The mayor thanked the volunteers for their hard work.",
        "The senator talked about the economy for an hour.",
        "Opposition parties attacked the budget on Monday.",
        "The union endorsed the candidate in March.",
        "The coach defended his decision to bench the starters.",
        "Residents welcomed the new bus schedule.",
        "The board rejected the proposal by a wide margin.",
        "The governor ordered the agencies to cut spending.",
    ):
        assert quote_texts(sentence) == [], sentence


def test_verbs_that_report_words_still_do():
    assert quote_texts("The mayor said the pool will reopen in June.") == ["the pool will reopen in June"]
    assert quote_texts("The senator called for a new vote on the bill.") == ["a new vote on the bill"]


def test_the_writer_telling_the_reader_what_to_do_is_no_statement():
    text = (
        "Your partner may love his beard. Tell him why you think a trim would suit him. "
        "Ask him if he feels the same way."
    )
    assert quote_texts(text) == []


def test_titles_and_names_in_quote_marks_are_not_statements():
    text = (
        'The old legend gets a fresh spin in "The Girl Who Talked To Dragons," a film full of charm.\n\n'
        '"The Girl Who Talked To Dragons" opens in theatres on Friday.\n\n'
        'She passed the language test known as "Level Four" in March.'
    )
    assert quote_texts(text) == []


def test_a_capitalised_cry_or_a_headline_quote_is_still_a_quote():
    assert quote_texts('The crowd chanted "Lock Them Up!" as he spoke.') == ['"Lock Them Up!"']
    assert quote_texts("Mayor: ‘We Will Rebuild The Bridge’") == ["‘We Will Rebuild The Bridge’"]


def test_a_reporting_verb_with_an_object_of_its_own_reports_no_later_clause():
    """`it would add so many rules that lawyers profit`: "add" has its object; the that-clause
    belongs to the object (parse given as the model gives it)."""
    from spacy.tokens import Doc

    from tui.core.nlp.quotes import find_statements

    words = ["It", "would", "add", "new", "rules", "that", "lawyers", "like", "."]
    heads = [2, 2, 2, 4, 2, 7, 7, 4, 2]
    deps = ["nsubj", "aux", "ROOT", "amod", "dobj", "mark", "nsubj", "relcl", "punct"]
    pos = ["PRON", "AUX", "VERB", "ADJ", "NOUN", "SCONJ", "NOUN", "VERB", "PUNCT"]
    doc = Doc(shared_analyzer().nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert find_statements(doc) == []
