"""Where a statement starts and ends when the parse hangs its words wrongly, on sentences of our own."""

from __future__ import annotations

from nlp_fixtures import analyse


def statements(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.text if q.speaker else None) for q in analyse(text).quotes]


def test_a_reported_subject_taken_for_the_cues_object_stays_in_the_report():
    assert statements(
        "But she said smaller farms that sell at weekend markets — especially those far from the city — "
        "are likely to struggle most."
    ) == [
        (
            "smaller farms that sell at weekend markets — especially those far from the city — "
            "are likely to struggle most",
            "she",
        )
    ]


def test_a_cue_after_its_sentence_keeps_its_own_subject_when_the_parse_gives_it_two():
    assert statements(
        "The workers who stay with the company when times get hard tend to be the ones who are worth the "
        "money they earn, he said."
    ) == [
        (
            "The workers who stay with the company when times get hard tend to be the ones who are worth the "
            "money they earn",
            "he",
        )
    ]


def test_two_clauses_the_parse_hangs_on_one_cue_after_them_are_both_reported():
    assert statements("The bus is slow and crowded in winter, and the fares went up again, riders say.") == [
        ("The bus is slow and crowded in winter, and the fares went up again", "riders")
    ]
    [(reported, speaker)] = statements(
        "It’s like a warm coat that keeps the cold out and the heat in (and yes, wool socks are actually "
        "a must, says Jensen."
    )
    assert reported.startswith("It’s like a warm coat") and reported.endswith(
        "wool socks are actually a must"
    )
    assert speaker == "Jensen"


def test_a_report_the_parser_made_the_main_clause_is_still_reported():
    assert statements("Still, Lindqvist said winter can complicate a long trip.") == [
        ("winter can complicate a long trip", "Lindqvist")
    ]
    assert statements("Okafor admits in this case, there were long delays.") == [
        ("in this case, there were long delays", "Okafor")
    ]


def test_a_reported_subject_split_off_as_the_cues_object_stays_in_the_report():
    assert statements(
        "Garland said unemployment and lost earning power due to heart attacks have broad effects on kids."
    ) == [("unemployment and lost earning power due to heart attacks have broad effects on kids", "Garland")]


def test_a_cue_with_an_object_and_a_second_act_reports_nothing():
    assert statements("The mayor said goodbye and left the hall.") == []
    assert statements("Mariano wrote a memoir about her years in the clinic.") == []


def test_a_one_word_question_before_its_cue_is_the_question_asked():
    # the parser takes `Stay` for the cue's to-infinitive, in front of it
    assert statements("“Stay?” he asked.") == [("“Stay?”", "he")]


def test_a_cue_closing_a_paragraph_reports_the_sentence_before_it():
    text = (
        "The workers who stay with the company when times get hard tend to be the ones who are worth the "
        "money they earn, he said.\n\nThe plant reopened in May."
    )
    assert statements(text) == [
        (
            "The workers who stay with the company when times get hard tend to be the ones who are worth the "
            "money they earn",
            "he",
        )
    ]


def test_a_cue_set_between_commas_inside_its_report_is_left_out_of_the_parts():
    text = "But while some towns shrink in winter, Okafor said, for others the cold season brings visitors."
    [quote] = analyse(text).quotes
    assert quote.text == text.rstrip(".")
    assert [text[s:e] for s, e in quote.parts] == [
        "But while some towns shrink in winter",
        "for others the cold season brings visitors",
    ]
    assert (quote.cue.text, quote.speaker.text) == ("said", "Okafor")


def test_who_is_told_and_what_is_ordered_are_not_the_report():
    [(reported, speaker)] = statements(
        'The recruiter told her on one occasion: "If you cannot travel, stay home and wait for word."'
    )
    assert not reported.startswith("her") and speaker == "The recruiter"
    assert (
        statements(
            "The grocer ordered bigger boxes from suppliers and increased deliveries, while its rival "
            "ordered extra stock."
        )
        == []
    )


def test_an_inverted_aside_keeps_the_whole_sentence():
    [(reported, speaker)] = statements(
        "Because warm water is lighter, says the study, it rises above the colder water near the shelf."
    )
    assert reported.startswith("Because warm water is lighter") and speaker == "the study"
