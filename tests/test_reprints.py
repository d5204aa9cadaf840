"""The same statement in several articles: which quotations are one statement, and the library's groups.

Sentences are our own; each test says what a reader would expect to see grouped, or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from tui.core.library import Library
from tui.core.model import Analysis, Article, Quote
from tui.core.reprints.group import word_changes
from tui.core.reprints.grouping import StatementIndex
from tui.core.reprints.prints import pack_prints, prints_of, unpack_prints

WALL = (
    "We are going to build a wall on the southern border, and Mexico is going to pay for that wall, "
    "believe me, because they have taken advantage of us for far too long."
)


def analysis_of(article_id: str, *statements: str | tuple[str, str, str]) -> Analysis:
    """Statements as (words, kind, speaker); a bare string is a direct quotation by Ana Ruiz."""
    quotes = []
    at = 0
    for statement in statements:
        words, kind, speaker = (statement, "direct", "Ana Ruiz") if isinstance(statement, str) else statement
        quotes.append(Quote(at, at + len(words), kind, words, actor=speaker))  # type: ignore[arg-type]
        at += len(words) + 1
    return Analysis(article_id, "test", quotes=tuple(quotes))


def groups_of(*analyses: Analysis) -> list[set[tuple[str, int]]]:
    index = StatementIndex()
    index.build(prints_of(a) for a in analyses)
    return [set(group) for group in index.groups()]


def test_the_same_words_in_other_quote_marks_case_and_spacing_are_one_statement() -> None:
    curly = WALL.replace("We are", "“We are").replace("too long.", "too long,”")
    shouted = "  " + WALL.upper().replace(" ", "   ")
    found = groups_of(
        analysis_of("a", WALL, "Something else entirely, about the weather in the north of the country."),
        analysis_of("b", curly),
        analysis_of("c", shouted),
    )
    assert found == [{("a", 0), ("b", 0), ("c", 0)}]


def test_a_cut_quotation_is_the_same_statement() -> None:
    first_half = "Mexico is going to pay for that wall, believe me"
    assert groups_of(analysis_of("a", WALL), analysis_of("b", first_half)) == [{("a", 0), ("b", 0)}]


def test_a_changed_word_keeps_it_the_same_statement() -> None:
    changed = WALL.replace("southern border", "southern frontier").replace("believe me", "trust me")
    assert groups_of(analysis_of("a", WALL), analysis_of("b", changed)) == [{("a", 0), ("b", 0)}]


def test_two_statements_sharing_a_common_phrase_are_not_one() -> None:
    one = "I think that the American people deserve much better than this from their government."
    other = "The American people deserve to know where every dollar of the new budget is going."
    assert groups_of(analysis_of("a", one), analysis_of("b", other)) == []


def test_a_short_common_phrase_never_groups_unrelated_articles() -> None:
    found = groups_of(
        analysis_of("a", "Thank you.", ("Thank you very much.", "direct", "Ana Ruiz")),
        analysis_of("b", "thank you", ("Thank you very much.", "direct", "Omar Haddad")),
        analysis_of("c", ("thank you very much", "indirect", "Ana Ruiz")),
    )
    assert found == []


def test_a_short_statement_groups_on_the_same_words_from_the_same_speaker() -> None:
    found = groups_of(
        analysis_of("a", ("We will never surrender.", "direct", "Ana Ruiz")),
        analysis_of("b", ("“We will never surrender”", "direct", "Ms. Ruiz")),
        analysis_of("c", ("We will never surrender!", "direct", "Omar Haddad")),
    )
    assert found == [{("a", 0), ("b", 0)}]


def test_reported_speech_groups_only_with_a_version_nearly_as_long() -> None:
    reported = (
        "that a ban on foreign students entering the country would hurt every university",
        "indirect",
        "",
    )
    inside = ("a ban on foreign students entering the country", "indirect", "")
    reprinted = (
        "that a ban on foreign students entering the country would hurt each university",
        "indirect",
        "",
    )
    found = groups_of(analysis_of("a", reported), analysis_of("b", inside), analysis_of("c", reprinted))
    assert found == [{("a", 0), ("c", 0)}]


def test_adding_articles_one_at_a_time_groups_as_building_at_once() -> None:
    analyses = [
        analysis_of("a", WALL, "Nothing like the others at all, a statement on fishing quotas in the bay."),
        analysis_of("b", "Mexico is going to pay for that wall, believe me"),
        analysis_of("c", WALL.replace("believe me", "trust me"), "Thank you."),
        analysis_of("d", "Thank you.", "A statement on fishing quotas in the bay, nothing like the others."),
    ]
    one_by_one = StatementIndex()
    for analysis in analyses:
        one_by_one.add(prints_of(analysis))
    assert [set(g) for g in one_by_one.groups()] == groups_of(*analyses)
    assert groups_of(*analyses) == [{("a", 0), ("b", 0), ("c", 0)}]


def test_a_removed_article_leaves_its_group() -> None:
    index = StatementIndex()
    index.build(
        prints_of(a) for a in (analysis_of("a", WALL), analysis_of("b", WALL), analysis_of("c", WALL))
    )
    index.remove("b")
    assert index.group_of("a", 0) == [("a", 0), ("c", 0)]
    assert index.group_of("b", 0) == []


def test_prints_survive_the_cache_and_a_damaged_one_is_refused() -> None:
    prints = prints_of(analysis_of("a", WALL, "Thank you."))
    back = unpack_prints("a", pack_prints(prints))
    assert back is not None
    assert [(s.quote_index, list(s.words), list(s.shingles)) for s in back.statements] == [
        (s.quote_index, list(s.words), list(s.shingles)) for s in prints.statements
    ]
    assert unpack_prints("a", pack_prints(prints)[:-4]) is None
    assert unpack_prints("a", b"\x00\x01") is None


def test_punctuation_or_a_left_out_cue_is_no_change_of_words() -> None:
    changes = word_changes("“We will win,” … “and win big.”", "We will win and win big")
    assert {c.kind for c in changes} == {"equal"}


def test_the_words_that_differ_from_the_reference() -> None:
    changes = word_changes(
        "“We will win, and we will win big,” she said", "we will win and we will win bigly"
    )
    assert [(c.kind, c.reference, c.version) for c in changes if c.kind != "equal"] == [
        ("replace", "big,”", "bigly"),
        ("delete", "she said", ""),
    ]


# -- the library --------------------------------------------------------------------------------------


class QuotingAnalyzer:
    """Stands in for spaCy: every "..." is a direct quotation by whoever follows `said`."""

    identity = "quoting-1"

    def __init__(self, model: str | None = None) -> None:
        pass

    def analyze_many(
        self, articles: Sequence[Article], processes: int = 1, batch_size: int = 8
    ) -> Iterator[Analysis]:
        for article in articles:
            yield self.analyze(article)

    def analyze(self, article: Article) -> Analysis:
        quotes = []
        for match in re.finditer(r'"([^"]+)",? said ([A-Z]\w+ [A-Z]\w+)', article.text):
            quotes.append(Quote(match.start(1), match.end(1), "direct", match.group(1), actor=match.group(2)))
        return Analysis(article.id, self.identity, quotes=tuple(quotes))


def article(name: str, text: str, date: str | None, source: str) -> Article:
    return Article(path=f"{name}.txt", title=f"{source}: {name}", text=text, date=date, source=source)


def outlets() -> list[Article]:
    said = f'"{WALL}" said Ana Ruiz.'
    return [
        article("undated", f"Rally report.\n{said}", None, "Blog"),
        article(
            "later",
            'Border plans.\n"Mexico is going to pay for that wall, believe me," said Ana Ruiz.',
            "2016-03-02",
            "Politico",
        ),
        article("first", f"Campaign day.\n{said}", "2016-03-01", "USA Today"),
        article(
            "other",
            'Weather.\n"Rain will fall over the north for most of the coming week," said Omar Haddad.',
            "2016-03-01",
            "Wire",
        ),
    ]


def open_library(db: Path, articles: list[Article]) -> Library:
    library = Library(db=str(db), analyzer_factory=QuotingAnalyzer)
    for item in articles:
        library.add(item)
    library.analyze_pending()
    return library


def test_the_library_orders_appearances_by_date_undated_last(tmp_path: Path) -> None:
    library = open_library(tmp_path / "cache.db", outlets())
    first = next(a for a in library.articles if a.source == "USA Today")
    quote = library.analysis(first.id).quotes[0]
    group = library.same_statement(first.id, quote)
    assert group is not None
    assert [library.article(a.article_id).source for a in group.appearances] == [
        "USA Today",
        "Politico",
        "Blog",
    ]
    assert group.reference.quote == quote
    assert [a.source for a in (library.article(i) for i in group.article_ids)] == [
        "USA Today",
        "Politico",
        "Blog",
    ]


def test_a_statement_in_one_article_only_has_no_group(tmp_path: Path) -> None:
    library = open_library(tmp_path / "cache.db", outlets())
    weather = next(a for a in library.articles if a.source == "Wire")
    assert library.same_statement(weather.id, library.analysis(weather.id).quotes[0]) is None


def test_an_article_analysed_later_joins_the_group_and_reopening_reads_the_kept_prints(
    tmp_path: Path,
) -> None:
    db = tmp_path / "cache.db"
    first, *rest = outlets()
    library = open_library(db, [first, rest[1]])
    usa = next(a for a in library.articles if a.source == "USA Today")
    quote = library.analysis(usa.id).quotes[0]
    assert len(library.same_statement(usa.id, quote).appearances) == 2
    library.add(rest[0])
    library.analyze_pending()  # one more outlet, grouped without grouping everything again
    assert len(library.same_statement(usa.id, quote).appearances) == 3
    library.close()

    again = Library(db=str(db), analyzer_factory=QuotingAnalyzer)
    for item in [first, *rest]:
        again.add(item)
    assert again.pending() == [rest[2]]  # the three analysed before come from the cache
    kept = again.store.statement_prints(again.pipeline, [a.id for a in again.articles])
    assert len(kept) == 3
    assert len(again.statement_groups()) == 1
    assert len(again.statement_groups()[0].appearances) == 3


def test_an_article_kept_while_the_first_grouping_runs_is_not_lost(tmp_path: Path) -> None:
    first, *rest = outlets()
    library = open_library(tmp_path / "cache.db", [first, rest[1]])
    statements = library._statements
    later = rest[0]
    library.add(later)
    grouping = statements._analysed_ids

    def list_then_analyse_one_more() -> list[str]:
        listed = grouping()  # the grouping has listed what to group; then an analysis arrives
        library.set_analysis(QuotingAnalyzer().analyze(later))
        return listed

    statements._analysed_ids = list_then_analyse_one_more
    usa = next(a for a in library.articles if a.source == "USA Today")
    group = library.same_statement(usa.id, library.analysis(usa.id).quotes[0])
    assert group is not None and len(group.appearances) == 3
