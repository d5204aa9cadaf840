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
