"""The query language: what people type is read as they mean it, and a bad query says what is wrong."""

from __future__ import annotations

import pytest

from tui.core.query import Any_, DateRange, QueryError, Term, parse_query


@pytest.mark.parametrize(
    ("query", "complaint"),
    [
        ('"hybrid attack', "unbalanced quote"),
        ('said:"hybrid', "unbalanced quote"),
        ("*", "lone *"),
        ("tokayev *", "lone *"),
        ("t*", "at least 2 letters"),
        ("colour:red", "unknown field colour:"),
        ("actor:", "actor: needs something after it"),
        ("", "empty"),
        ("   ", "empty"),
        ("x" * 10_000, "too long (10,000 characters"),
        ("OR tokayev", "OR needs a word on each side"),
        ("tokayev OR", "OR needs a word on each side"),
        ("a OR OR b", "OR needs a word on each side"),
        ("!!! ???", "nothing to search for"),
        ('""', "quotes are empty"),
        ("date:2019-13", "out of range"),
        ("date:yesterday", "is not a date"),
        ("date:2020..2019", "ends before it starts"),
    ],
)
def test_a_bad_query_says_what_is_wrong(query: str, complaint: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    assert complaint in str(caught.value)


def test_words_must_all_match_and_are_lowercased() -> None:
    query = parse_query("Tokayev CSTO")
    assert query.required == (Term(("tokayev",)), Term(("csto",)))
    assert query.excluded == ()


def test_and_near_not_are_plain_words() -> None:
    query = parse_query("rock AND roll NEAR NOT")
    assert [t.words for t in query.required] == [("rock",), ("and",), ("roll",), ("near",), ("not",)]


def test_phrases_prefixes_exclusions_and_or() -> None:
    query = parse_query('"hybrid attack" toka* -russia kazakhstan OR kyrgyzstan')
    assert query.required == (
        Term(("hybrid", "attack")),
        Term(("toka",), prefix=True),
        Any_((Term(("kazakhstan",)), Term(("kyrgyzstan",)))),
    )
    assert query.excluded == (Term(("russia",)),)


def test_hyphenated_names_are_phrases_like_the_index_sees_them() -> None:
    assert parse_query("Kassym-Jomart").required == (Term(("kassym", "jomart")),)


def test_fields() -> None:
    query = parse_query('actor:Tokayev said:"will remain" place:Almaty Source:Wikinews title:csto')
    assert query.required == (
        Term(("tokayev",), "actor"),
        Term(("will", "remain"), "said"),
        Term(("almaty",), "place"),
        Term(("wikinews",), "source"),
        Term(("csto",), "title"),
    )


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("date:2019-01..2019-06", 20190101, 20190631),
        ("date:2019", 20190101, 20191231),
        ("date:2019-02-03", 20190203, 20190203),
        ("date:..2020-03", None, 20200331),
        ("date:2020..", 20200101, None),
    ],
)
def test_dates(text: str, low: int | None, high: int | None) -> None:
    assert parse_query(text).required == (DateRange(low, high),)


def test_curly_quotes_make_phrases_too() -> None:
    assert parse_query("“hybrid attack”").required == (Term(("hybrid", "attack")),)


def test_a_colon_after_digits_is_not_a_field() -> None:
    assert parse_query("10:30").required == (Term(("10", "30")),)
