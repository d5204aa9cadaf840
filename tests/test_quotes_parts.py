"""A statement split by its cue stays one statement, but says where its quoted pieces are (`parts`)."""

from __future__ import annotations

from nlp_fixtures import analyse

from tui.core.model import Quote


def pieces(text: str) -> list[list[str]]:
    """The words of each piece of each statement, as a reader would cite them."""
    return [[text[start:end] for start, end in q.parts] for q in analyse(text).quotes]


def test_quote_cue_quote_in_one_sentence_gives_two_pieces():
    text = '"The bridge is safe," the engineer said, "but the road needs work."'
    assert pieces(text) == [['"The bridge is safe,"', '"but the road needs work."']]


def test_quote_cue_then_a_new_sentence_quote_gives_two_pieces():
    text = '"We will not raise taxes," the mayor said. "Not this year and not next year."'
    assert pieces(text) == [['"We will not raise taxes,"', '"Not this year and not next year."']]


def test_a_speaker_in_apposition_is_left_out_with_the_cue():
    text = '"The water is clean," Ann Lee, the city chemist, said on Friday. "We test it every hour."'
    (quote,) = analyse(text).quotes
    assert [text[s:e] for s, e in quote.parts] == ['"The water is clean,"', '"We test it every hour."']
    assert quote.kind == "direct", "the cue and its aside are not reported words"


def test_a_parenthetical_cue_splits_reported_speech():
    text = "The new library, the mayor said, will open its doors in the spring."
    assert pieces(text) == [["The new library", "will open its doors in the spring"]]


def test_a_statement_with_its_cue_outside_has_one_piece_its_whole_span():
    text = 'The coach said the team "played with heart" all season.'
    (quote,) = analyse(text).quotes
    assert quote.parts == ((quote.start, quote.end),)


def test_words_leading_into_the_second_quote_stay_with_it():
    text = (
        '"It was a long night," the fire chief said, adding that the crews had saved "almost every '
        'house on the street."'
    )
    words = [piece for statement in pieces(text) for piece in statement]
    assert '"It was a long night,"' in words
    assert not any("fire chief" in piece or piece.startswith("said") for piece in words)


def test_parts_lie_inside_the_statement_in_order_and_never_overlap():
    text = (
        'Officials met on Monday. "Nothing is decided," the minister told reporters. "We will talk '
        'again next week." The union, its leader said, wants a deal by May.'
    )
    for quote in analyse(text).quotes:
        previous_end = quote.start
        for start, end in quote.parts:
            assert previous_end <= start < end <= quote.end
            previous_end = end


def test_parts_survive_the_round_trip_through_a_dict():
    quote = Quote(start=0, end=59, kind="direct", text="x" * 59, parts=((0, 26), (43, 59)))
    assert Quote.from_dict(quote.to_dict()) == quote
    assert quote.to_dict()["parts"] == [[0, 26], [43, 59]]


def test_a_quote_stored_without_parts_has_one_part_its_span():
    old = {"start": 3, "end": 9, "kind": "direct", "text": "abcdef"}
    assert Quote.from_dict(old).parts == ((3, 9),)


def test_according_to_in_mid_sentence_reports_both_sides_as_two_pieces():
    text = "The real cause, according to the fire marshal, was a faulty heater in the basement."
    assert pieces(text) == [["The real cause", "was a faulty heater in the basement"]]


def test_a_quote_over_two_paragraphs_has_a_piece_per_paragraph():
    text = (
        'The coach said: "We played our best hockey in the third period.\n\n'
        '"We will take the two points into the break and come back ready."'
    )
    (quote,) = analyse(text).quotes
    assert [text[s:e] for s, e in quote.parts] == [
        '"We played our best hockey in the third period.',
        '"We will take the two points into the break and come back ready."',
    ]


def test_a_second_cue_between_two_quotes_is_left_out_of_the_pieces():
    text = 'The principal said "nobody saw the whole video," and added: "Those students will be heard."'
    words = [piece for statement in pieces(text) for piece in statement]
    assert '"Those students will be heard."' in words
    assert not any("added" in piece for piece in words)
