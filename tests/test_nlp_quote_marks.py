"""Pairing quotation marks, before any parse: every style of mark, apostrophes, quotes over paragraphs."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from property_budget import examples

from tui.core.nlp.quote_marks import find_quoted_spans


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted_spans(text)]


def test_straight_curly_guillemet_low_and_wire_marks():
    assert quoted('He said "yes" today.') == ['"yes"']
    assert quoted("He said “yes” today.") == ["“yes”"]
    assert quoted("Il a dit « oui » hier.") == ["« oui »"]
    assert quoted("Er sagte „ja“ heute.") == ["„ja“"]
    assert quoted("''It's more tinkering,'' said Alan Cole.") == ["''It's more tinkering,''"]


def test_apostrophes_are_not_quote_marks():
    assert quoted("Clinton’s team and the voters’ choice don’t matter.") == []
    assert quoted("Clinton's team didn't say.") == []


def test_a_year_cut_short_is_no_opening_mark():
    assert quoted("Sales 2016 2017 2018 ‘19 SOURCE: the company’s reports") == []
    assert quoted("Music of the ‘90s and the ‘80s came back, the DJ’s fans said.") == []
    assert quoted("She called it ‘a fine mess’ in ‘19.") == ["‘a fine mess’"]


def test_single_curly_quotes_open_only_where_a_quote_can_start():
    assert quoted("Trump: ‘I will win’ and the voters’ choice") == ["‘I will win’"]


def test_quote_inside_a_quote_is_part_of_the_outer_one():
    assert quoted("He said “they called it a ‘hybrid’ attack” then.") == [
        "“they called it a ‘hybrid’ attack”"
    ]


def test_a_quote_runs_over_paragraphs_that_reopen_it():
    text = "He said:\n“First paragraph goes on\n“and the second ends it.”\nNarration."
    assert quoted(text) == ["“First paragraph goes on\n“and the second ends it.”"]


def test_an_unclosed_quote_ends_with_its_paragraph():
    text = "He said “this never closes\nNarration follows."
    spans = find_quoted_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["“this never closes"]
    assert spans[0].closed is False


def test_a_stray_straight_mark_cannot_swallow_curly_quotes():
    text = '"Stray opener\n“A real quote,” she said.'
    assert "“A real quote,”" in quoted(text)


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.sampled_from([*"ab .,\n\"“”‘’'«»„`", "''", "``"]), max_size=120).map("".join))
def test_spans_stay_inside_the_text_in_order_and_never_overlap(text):
    spans = find_quoted_spans(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
    for before, after in itertools.pairwise(spans):
        assert before.end <= after.start


def test_sloppy_mixed_marks_still_close_the_quote():
    assert quoted('"Oz has a pulpit,” said David. “He can’t.”') == ['"Oz has a pulpit,”', "“He can’t.”"]
    assert quoted('“Immunity deals should not," Chaffetz said.') == ['“Immunity deals should not,"']


def test_a_wrong_way_mark_can_open_a_paragraph_quote():
    assert quoted("”Fear. I am afraid.” ― Ana") == ["”Fear. I am afraid.”"]


def test_a_straight_mark_closes_a_curly_quote_when_the_next_curly_mark_opens_a_new_one():
    text = '“Schools will change," said the doctor, who writes a blog. “Parents will see it.”'
    assert quoted(text) == ['“Schools will change,"', "“Parents will see it.”"]


def test_two_curly_apostrophes_typed_for_a_closing_mark_close_a_curly_quote():
    text = "“We only sell local comics,’’ says the owner. “Try another shop.”"
    assert quoted(text) == ["“We only sell local comics,’’", "“Try another shop.”"]
    assert quoted("The voters’ choice and the parties’ money.") == []
