"""What the actor's page shows, worked out from a small library built by hand (no spaCy)."""

from __future__ import annotations

from datetime import date

from tui.core.actor_page import ActorPageData, Timeline, actor_page, article_day
from tui.core.library import Library
from tui.core.model import Actor, Analysis, Article, Quote, Span


def said(text: str, start: int, actor: str) -> Quote:
    return Quote(start, start + len(text), "direct", text, cue=Span(start, start + 4, "said"), actor=actor)


def article(title: str, day: str | None, source: str | None = "Wire") -> Article:
    return Article(
        path=f"/tmp/{title}.txt", title=title, text=f"{title}: a text of its own.", date=day, source=source
    )


def library_of(*items: tuple[Article, list[Actor], list[Quote]]) -> Library:
    library = Library(no_cache=True)
    for art, actors, quotes in items:
        library.add(art)
        library.set_analysis(
            Analysis(art.id, "test", quotes=tuple(quotes), actors=tuple(actors))  # type: ignore[arg-type]
        )
    return library


def page_named(library: Library, name: str) -> ActorPageData | None:
    """The page of the actor called `name`, found by their library-wide key as the reader finds it."""
    key = next(actor.key for actor in library.actors(None) if actor.name == name)
    return actor_page(library, key)


ANNA = Actor("Anna Berg", "PERSON", aliases=("Berg",))
BOB = Actor("Bob Stone", "PERSON")
CITY = Actor("City Council", "ORG")


def three_articles() -> Library:
    return library_of(
        (
            article("first", "2024-01-01"),
            [ANNA, BOB],
            [said("one", 0, "Anna Berg"), said("two", 10, "Bob Stone")],
        ),
        (
            article("second", "2024-01-10T09:00:00+00:00"),
            [Actor("Anna Berg", "PERSON"), BOB, CITY],
            [said("three", 20, "Anna Berg"), said("four", 0, "Anna Berg")],
        ),
        (article("undated", None, source=None), [ANNA, CITY], [said("five", 0, "Anna Berg")]),
        (article("later", "2024-01-31"), [BOB], [said("six", 0, "Bob Stone")]),
    )


def test_statements_are_grouped_by_article_newest_first_undated_last_in_text_order() -> None:
    page = page_named(three_articles(), "Anna Berg")
    assert page is not None
    assert [g.article.title for g in page.groups] == ["second", "first", "undated"]
    assert [q.text for q in page.groups[0].quotes] == ["four", "three"]  # by place in the text
    assert page.statement_count == 4
    assert [q.text for _, q in page.statements()] == ["four", "three", "one", "five"]


def test_aliases_say_how_many_articles_used_each_name() -> None:
    page = page_named(three_articles(), "Anna Berg")
    assert page is not None
    assert page.aliases == (("Anna Berg", 3), ("Berg", 2))


def test_the_timeline_spans_every_loaded_article_and_counts_undated_apart() -> None:
    page = page_named(three_articles(), "Anna Berg")
    assert page is not None
    timeline = page.timeline
    assert (timeline.first, timeline.last) == (date(2024, 1, 1), date(2024, 1, 31))  # Bob's article too
    assert timeline.span_days == 31
    assert timeline.undated == 1
    per_day = timeline.counts(80)
    assert len(per_day) == 31 and per_day[0] == 1 and per_day[9] == 2 and sum(per_day) == 3
    assert timeline.busiest() == (date(2024, 1, 10), 2)


def test_a_span_wider_than_the_chart_is_cut_into_equal_stretches() -> None:
    timeline = Timeline(date(2024, 1, 1), date(2024, 12, 31), (date(2024, 1, 1), date(2024, 12, 31)), 0)
    counts = timeline.counts(10)
    assert len(counts) == 10 and counts[0] == 1 and counts[-1] == 1 and sum(counts) == 2


def test_no_dated_article_gives_no_timeline() -> None:
    library = library_of((article("a", None), [ANNA], [said("one", 0, "Anna Berg")]))
    page = page_named(library, "Anna Berg")
    assert page is not None
    assert page.timeline.first is None and page.timeline.counts(40) == [] and page.timeline.undated == 1
    assert page.timeline.busiest() is None


def test_a_date_that_is_not_a_day_counts_as_undated() -> None:
    assert article_day(article("x", "sometime in May")) is None
    assert article_day(article("x", "2019-10-08T12:00:00Z")) == date(2019, 10, 8)


def test_co_actors_are_ranked_by_shared_articles() -> None:
    page = page_named(three_articles(), "Anna Berg")
    assert page is not None
    assert [(a.name, shared) for a, shared in page.co_actors] == [("Bob Stone", 2), ("City Council", 2)]


def test_an_actor_who_said_nothing_has_a_page_with_no_statements() -> None:
    page = page_named(three_articles(), "City Council")
    assert page is not None
    assert page.groups == () and page.statement_count == 0
    assert page.timeline.days == () and page.timeline.undated == 0
    assert page.aliases == (("City Council", 2),)


def test_an_unknown_key_has_no_page() -> None:
    assert actor_page(three_articles(), "Nobody") is None


def test_a_page_made_while_articles_wait_for_analysis_says_more_may_come() -> None:
    library = three_articles()
    page = page_named(library, "Anna Berg")
    assert page is not None and not page.still_analysing
    library.add(article("waiting", "2024-02-01"))
    page = page_named(library, "Anna Berg")
    assert page is not None and page.still_analysing


def test_an_actor_known_only_as_a_speaker_is_named_where_they_spoke() -> None:
    library = library_of((article("a", "2024-01-01"), [], [said("one", 0, "Spokesperson")]))
    page = page_named(library, "Spokesperson")
    assert page is not None and page.aliases == (("Spokesperson", 1),)


def test_the_actor_s_own_name_leads_the_names_even_when_another_is_used_as_often() -> None:
    eff = Actor("Electronic Frontier Foundation", "ORG", aliases=("EFF",))
    library = library_of((article("a", "2024-01-01"), [eff], [said("one", 0, eff.name)]))
    page = page_named(library, eff.name)
    assert page is not None and page.aliases == (("Electronic Frontier Foundation", 1), ("EFF", 1))


# -- the same statement in several articles --------------------------------------------------------

WALL = (
    "We are going to build a wall on the southern border, and Mexico is going to pay for that wall, "
    "believe me, because they have taken advantage of us for far too long."
)
CUT = "Mexico is going to pay for that wall, believe me"


def reported(title: str, day: str | None, source: str, *said_by: tuple[str, str]) -> tuple[Article, Analysis]:
    """An article quoting each (speaker, words) in turn, each after a line of the reporter's."""
    text, quotes = "", []
    for speaker, words in said_by:
        text += f"{title} went on.\n"
        start = len(text) + 1
        quotes.append(Quote(start, start + len(words), "direct", words, cue=None, actor=speaker))
        text += f'"{words}" said {speaker}.\n'
    article = Article(path=f"/tmp/{title}.txt", title=title, text=text, date=day, source=source)
    return article, Analysis(article.id, "test", quotes=tuple(quotes))


def reprinted() -> Library:
    library = Library(no_cache=True)
    for art, analysis in (
        reported("Ruiz promises a wall", "2016-03-01", "USA Today", ("Ana Ruiz", WALL)),
        reported(
            "Border plans",
            "2016-03-02",
            "Politico",
            ("Ana Ruiz", "Our farmers will sell their corn to every country on earth again."),
            ("Ana Ruiz", CUT),
        ),
        reported(
            "Rally notes", None, "Campaign Blog", ("Ana Ruiz", WALL.replace("far too long", "too long"))
        ),
        reported("Rival replies", "2016-03-03", "Wire", ("Bob Stone", WALL)),  # Bob reads her words out
    ):
        library.add(art)
        library.set_analysis(analysis)
    return library


def test_a_statement_printed_by_several_articles_is_one_row_under_its_first_printing() -> None:
    page = page_named(reprinted(), "Ana Ruiz")
    assert page is not None
    # the blog printed only the wall: it has no row of its own; Politico keeps its other statement
    assert [g.article.source for g in page.groups] == ["Politico", "USA Today"]
    assert [len(g.rows) for g in page.groups] == [1, 1]
    wall = page.groups[1].rows[0]
    assert wall.quote.text == WALL
    assert [(p.article.source, p.article.date) for p in wall.printings] == [
        ("Politico", "2016-03-02"),
        ("Campaign Blog", None),
    ]
    politico, blog = wall.printings
    assert [(c.kind, c.reference[:12]) for c in politico.changes] == [
        ("delete", "We are going"),
        ("delete", "because they"),
    ]
    assert [(c.kind, c.reference) for c in blog.changes] == [("delete", "far")]
    # Bob Stone reading her words out is not her printing
    assert all(p.article.source != "Wire" for p in wall.printings)
    assert (page.statement_count, page.printing_count, page.article_count) == (2, 4, 3)
    assert [q.text for _, q in page.statements()] == [  # each statement once, for the export
        "Our farmers will sell their corn to every country on earth again.",
        WALL,
    ]
    # the timeline counts each statement once, on its first printing's day
    assert page.timeline.days == (date(2016, 3, 1), date(2016, 3, 2)) and page.timeline.undated == 0


def test_a_statement_printed_once_is_a_row_without_printings() -> None:
    page = page_named(three_articles(), "Anna Berg")
    assert page is not None
    assert all(row.printings == () for group in page.groups for row in group.rows)
    assert page.printing_count == page.statement_count == 4


def test_a_statement_repeated_within_one_article_keeps_both_rows_there() -> None:
    library = Library(no_cache=True)
    for art, analysis in (
        reported("Wall speech", "2016-03-01", "USA Today", ("Ana Ruiz", WALL), ("Ana Ruiz", WALL)),
        reported("Border plans", "2016-03-02", "Politico", ("Ana Ruiz", CUT)),
    ):
        library.add(art)
        library.set_analysis(analysis)
    page = page_named(library, "Ana Ruiz")
    assert page is not None
    assert [g.article.source for g in page.groups] == ["USA Today"]
    first, again = page.groups[0].rows
    assert [p.article.source for p in first.printings] == ["Politico"]  # the first in the text leads
    assert again.quote.text == WALL and again.printings == ()
    assert (page.statement_count, page.printing_count) == (2, 3)
