"""Whatever text arrives, analysis returns spans inside it, in order, never overlapping within a kind."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nlp_fixtures import analyse
from property_budget import examples

PIECES = [
    "He said",
    " that ",
    "the minister",
    "According to officials,",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "''",
    "'",
    ",",
    ".",
    ":",
    "\n",
    "\n\n",
    " ",
    "Tokayev",
    "Putin told reporters",
    "it will end",
    "— Jane Doe",
    "noting",
    "READ MORE:",
    "\n .\n",
    ", she said, ",
    "The Big Show",
    "ACCORDING TO",
    "according to",
    ".,.",
    ";",
    "…",
    "(",
    ")",
    "—",
    "“”",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
)


def check(text: str) -> None:
    analysis = analyse(text)
    for kind in (analysis.quotes, analysis.entities):
        spans = sorted((item.start, item.end) for item in kind)
        for start, end in spans:
            assert 0 <= start < end <= len(text)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start
    for quote in analysis.quotes:
        assert quote.text == text[quote.start : quote.end]
        assert quote.parts, "a quote has at least one piece"
        previous_end = quote.start
        for start, end in quote.parts:  # pieces in order, inside the quote, never overlapping
            assert previous_end <= start < end <= quote.end
            previous_end = end
        assert any(character.isalnum() for character in quote.text), "a quote says something"
        for span in (quote.cue, quote.speaker):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert span.text == text[span.start : span.end]
    for actor in analysis.actors:
        for mention in actor.mentions:
            assert mention.text == text[mention.start : mention.end]


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_arbitrary_text_never_breaks_the_analysis(text):
    check(text)


# Texts on which the analysis once gave a quote that was empty or held nothing but punctuation.
SAYS_NOTHING = [
    "ACCORDING TO.,.",
    "according to ,,, .",
    " :  : ACCORDING TO",
    "“”“”“”ACCORDING TO“”",
    'Minister:"“”',
    'Putin told reporters\n\n(-\tAccording to officials,("„\t-(',
    "'.''''\tACCORDING TO.",
    "—!—«According to officials,)the minister«»»,According to officials,«»«»",
    "Minister:ACCORDING TO»»»»",
]


@pytest.mark.parametrize("text", SAYS_NOTHING)
def test_punctuation_is_never_a_quote(text):
    check(text)
    assert analyse(text).quotes == ()


def test_a_quote_left_by_according_to_still_counts():
    text = 'That is according to the school\'s latest "list of words that nobody should use again."'
    check(text)
    assert any("list of words" in q.text for q in analyse(text).quotes)


def test_empty_and_blank_text():
    for text in ("", " ", "\n\n", '"', "“", "''"):
        check(text)
        assert analyse(text).quotes == ()


def test_huge_paragraph_with_unbalanced_marks():
    text = (
        'He said "it will end, ' + "and the troops stay " * 2000 + "\n"
    ) + "“Unclosed quote runs on " * 300
    check(text)
